import { z } from 'zod';
import { stageSchema } from './catalog.schemas.ts';
import { queryInt } from './query.ts';

/** One search box for the whole map: chains, links, enterprises and districts by partial name. */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  /** At most this many hits per group. */
  limit: queryInt({ min: 1, max: 50, fallback: 8 }),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const chainHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  ecosystemName: z.string(),
});

export const linkHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  chainId: z.string(),
  chainName: z.string(),
});

export const enterpriseHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtName: z.string().nullable(),
  local: z.boolean(),
  leader: z.boolean(),
});

export const districtHitSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
});

/** Each group holds its best hits (exact names first) and how many there are in all. */
const group = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const searchResultSchema = z.object({
  q: z.string(),
  chains: group(chainHitSchema),
  links: group(linkHitSchema),
  enterprises: group(enterpriseHitSchema),
  districts: group(districtHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

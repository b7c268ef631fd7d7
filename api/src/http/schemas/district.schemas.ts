import { z } from 'zod';
import { listOf } from './catalog.schemas.ts';

export const districtKindSchema = z.enum(['district', 'county-city', 'county', 'functional-zone']);

export const districtSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: districtKindSchema,
  leadIndustry: z.string().nullable(),
  /** Enterprises located in this district. */
  enterpriseCount: z.number().int(),
  parkCount: z.number().int(),
  priorities: z.array(z.object({ chainId: z.string(), chainName: z.string(), rank: z.number().int() })),
});
export type DistrictSummary = z.infer<typeof districtSummarySchema>;

export const parkSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  landAvailableHa: z.number().nullable(),
  landSource: z.string().nullable(),
  source: z.string(),
  focusChains: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Park = z.infer<typeof parkSchema>;

export const districtDetailSchema = districtSummarySchema.extend({
  source: z.string(),
  asOf: z.string().nullable(),
  parks: z.array(parkSchema),
  /** Local enterprises per chain, largest first. */
  chains: z.array(
    z.object({
      chainId: z.string(),
      chainName: z.string(),
      enterpriseCount: z.number().int(),
      /** A few of them: chain leaders first, then listed firms (at most `firmsPerChain`). */
      firms: z.array(
        z.object({ id: z.string(), name: z.string(), board: z.string().nullable(), leader: z.boolean() }),
      ),
    }),
  ),
});
export type DistrictDetail = z.infer<typeof districtDetailSchema>;

export const districtListSchema = listOf(districtSummarySchema);

export const districtParamsSchema = z.object({
  code: z.string().regex(/^(\d{6}|zone-[a-z0-9-]+)$/, 'must be a 6-digit division code or a zone-… id'),
});

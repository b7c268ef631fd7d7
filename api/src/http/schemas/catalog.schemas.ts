import { z } from 'zod';

/**
 * Response shapes of the chain-map endpoints. The web app parses responses with these same schemas,
 * so a change here shows up as a type error on both sides.
 */

export const stageSchema = z.enum(['upstream', 'midstream', 'downstream']);
export type Stage = z.infer<typeof stageSchema>;

export const provenanceSchema = z.object({
  source: z.string(),
  asOf: z.string().nullable(),
  confidence: z.number().nullable(),
  /** True when `asOf` is older than the configured age (STALE_AFTER_DAYS): the fact may be out of date. */
  stale: z.boolean().default(false),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const ecosystemSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  order: z.number().int(),
  verified: z.boolean(),
  chainCount: z.number().int(),
});
export type Ecosystem = z.infer<typeof ecosystemSchema>;

export const chainSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  ecosystemId: z.string(),
  ecosystemName: z.string(),
  ecosystemNameEn: z.string(),
  order: z.number().int(),
  verified: z.boolean(),
  linkCount: z.number().int(),
  enterpriseCount: z.number().int(),
  localEnterpriseCount: z.number().int(),
  leaderCount: z.number().int(),
});
export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const chainLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  order: z.number().int(),
  description: z.string().nullable(),
  enterpriseCount: z.number().int(),
  /** Enterprises in the city (district known or not). */
  localEnterpriseCount: z.number().int(),
  /** Date the link's facts describe. */
  asOf: z.string().nullable().default(null),
  /** True when `asOf` is older than the configured age (STALE_AFTER_DAYS): the fact may be out of date. */
  stale: z.boolean().default(false),
});
export type ChainLink = z.infer<typeof chainLinkSchema>;

/** A link of another chain that this chain's FEEDS edges reach, so the map can show and follow it. */
export const foreignLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  chainId: z.string(),
  chainName: z.string(),
  chainNameEn: z.string(),
});
export type ForeignLink = z.infer<typeof foreignLinkSchema>;

export const feedEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  crossChain: z.boolean(),
});
export type FeedEdge = z.infer<typeof feedEdgeSchema>;

export const chainDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  ecosystemId: z.string(),
  ecosystemName: z.string(),
  ecosystemNameEn: z.string(),
  verified: z.boolean(),
  sourceNote: z.string(),
  asOf: z.string().nullable(),
  /** True when the chain's `asOf` is older than the configured age (STALE_AFTER_DAYS). */
  stale: z.boolean().default(false),
  /** Bumped by every map edit of the chain; map edits name the version they were made against. */
  version: z.number().int().default(0),
  /** The chain's validity: from this date, until `validTo` (null while current). */
  validFrom: z.string().nullable().default(null),
  validTo: z.string().nullable().default(null),
  links: z.array(chainLinkSchema),
  foreignLinks: z.array(foreignLinkSchema),
  feeds: z.array(feedEdgeSchema),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Distinct local enterprises across the chain's links (a firm in two links counts once). */
  localEnterpriseCount: z.number().int(),
});
export type ChainDetail = z.infer<typeof chainDetailSchema>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const ecosystemListSchema = listOf(ecosystemSchema);
export const chainListSchema = listOf(chainSummarySchema);

/** A chain's gap classes at a glance (the same analysis as `/api/chains/:id/gaps`, for the city). */
export const chainHealthSchema = z.object({
  chainId: z.string(),
  linkCount: z.number().int(),
  /** 强链 */
  strong: z.number().int(),
  /** 弱链 */
  weak: z.number().int(),
  /** 缺链 */
  missing: z.number().int(),
});
export type ChainHealth = z.infer<typeof chainHealthSchema>;

export const chainHealthListSchema = listOf(chainHealthSchema);

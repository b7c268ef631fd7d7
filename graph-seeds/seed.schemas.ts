import { z } from 'zod';

/**
 * The seed graph's file format. The derivation script writes these files into `graph-seeds/data/`,
 * the seed loader parses them with these schemas before anything touches the database.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug like "power-battery"');

/** Where a fact came from. `source: 'synthetic'` marks a generated demo value. */
export const provenanceSchema = z.object({
  source: z.string().min(1),
  asOf: isoDate,
  confidence: z.number().min(0).max(1).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const stageSchema = z.enum(['upstream', 'midstream', 'downstream']);
export type Stage = z.infer<typeof stageSchema>;

export const ecosystemSeedSchema = z.object({
  id: slug,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  order: z.number().int().min(1),
  verified: z.boolean(),
  sourceNote: z.string().min(1),
});

export const linkSeedSchema = z.object({
  id: slug,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  stage: stageSchema,
  order: z.number().int().min(1),
  description: z.string().optional(),
});

export const chainSeedSchema = z.object({
  id: slug,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  ecosystemId: slug,
  order: z.number().int().min(1),
  verified: z.boolean(),
  sourceNote: z.string().min(1),
  asOf: isoDate,
  links: z.array(linkSeedSchema).min(6),
});

export const feedSeedSchema = z.object({
  from: slug,
  to: slug,
  note: z.string().optional(),
  source: z.string().min(1),
  asOf: isoDate,
});

export const districtKindSchema = z.enum(['district', 'county-city', 'county', 'functional-zone']);
export type DistrictKind = z.infer<typeof districtKindSchema>;

export const parkSeedSchema = z.object({
  id: slug,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  focusChainIds: z.array(slug),
  landAvailableHa: z.number().min(0).optional(),
  /** Land figures are not in the public data: when given they are generated and say `synthetic` here. */
  landSource: z.string().optional(),
  source: z.string().min(1),
});

export const districtSeedSchema = z.object({
  /** GB/T 2260 code for divisions; a stable `zone-…` id for functional zones. */
  code: z.string().regex(/^(\d{6}|zone-[a-z0-9-]+)$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: districtKindSchema,
  leadIndustry: z.string().optional(),
  priorities: z.array(z.object({ chainId: slug, rank: z.number().int().min(1), source: z.string().min(1) })),
  parks: z.array(parkSeedSchema),
  source: z.string().min(1),
  asOf: isoDate,
});

export const enterpriseLinkSeedSchema = z.object({
  linkId: slug,
  confidence: z.number().min(0).max(1),
  /** What placed the firm in the link: 'sw-class:<class name>' or 'products:<p1>、<p2>' or 'atlas:<segment>'. */
  evidence: z.string().min(1),
});

export const enterpriseSeedSchema = z.object({
  /** Stable id: the exchange code such as `000725.SZ`. */
  id: z.string().min(1),
  name: z.string().min(1),
  fullName: z.string().min(1),
  aliases: z.array(z.string()),
  stockCode: z.string().regex(/^\d{6}$/),
  exchange: z.enum(['SSE', 'SZSE', 'BSE']),
  board: z.string().min(1),
  province: z.string().optional(),
  city: z.string().optional(),
  districtCode: z.string().optional(),
  address: z.string().optional(),
  industry: z.string().optional(),
  swIndustry: z.string().optional(),
  listDate: isoDate.optional(),
  mainProducts: z.array(z.string()),
  links: z.array(enterpriseLinkSeedSchema).min(1),
  leadsChainIds: z.array(slug),
  sources: z.array(z.string().min(1)).min(1),
  asOf: isoDate,
});

export const supplySeedSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  product: z.string().min(1),
  confidence: z.number().min(0).max(1),
  source: z.string().min(1),
  asOf: isoDate,
});

export type EcosystemSeed = z.infer<typeof ecosystemSeedSchema>;
export type LinkSeed = z.infer<typeof linkSeedSchema>;
export type ChainSeed = z.infer<typeof chainSeedSchema>;
export type FeedSeed = z.infer<typeof feedSeedSchema>;
export type ParkSeed = z.infer<typeof parkSeedSchema>;
export type DistrictSeed = z.infer<typeof districtSeedSchema>;
export type EnterpriseSeed = z.infer<typeof enterpriseSeedSchema>;
export type SupplySeed = z.infer<typeof supplySeedSchema>;

/** File names inside `graph-seeds/data/` and the schema of one entry of each. */
export const seedFiles = {
  ecosystems: { file: 'ecosystems.json', schema: ecosystemSeedSchema },
  chains: { file: 'chains.json', schema: chainSeedSchema },
  feeds: { file: 'feeds.json', schema: feedSeedSchema },
  districts: { file: 'districts.json', schema: districtSeedSchema },
  enterprises: { file: 'enterprises.jsonl', schema: enterpriseSeedSchema },
  supplies: { file: 'supplies.json', schema: supplySeedSchema },
} as const;

import { z } from 'zod';
import { profileNameSchema, weightsSchema } from '../../domain/matcher/weight-profile.ts';
import { listOf, stageSchema } from './catalog.schemas.ts';
import { queryInt } from './query.ts';

/** Request and response shapes of the matcher: gap analysis, target ranking, weight profiles. */

const districtCode = z
  .string()
  .regex(/^(\d{6}|zone-[a-z0-9-]+)$/, 'must be a 6-digit division code or a zone-… id');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like "integrated-circuit"');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const gapQuerySchema = z.object({
  /** Analyse one district's coverage instead of the whole city's. */
  district: optional(districtCode),
});

export const gapClassSchema = z.enum(['strong', 'weak', 'missing']);

const linkRefSchema = z.object({ id: z.string(), name: z.string(), chainId: z.string() });

export const scopeSchema = z.object({
  kind: z.enum(['city', 'district']),
  code: z.string().nullable(),
  name: z.string(),
});

export const linkStrengthSchema = z.object({
  enterpriseCount: z.number().int(),
  leaderCount: z.number().int(),
  strength: z.number(),
});

export const linkGapSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: stageSchema,
  order: z.number().int(),
  /** Enterprises placed in the link anywhere (the pool targets come from). */
  poolSize: z.number().int(),
  class: gapClassSchema,
  classLabel: z.string(),
  local: linkStrengthSchema.extend({
    leaders: z.array(z.object({ id: z.string(), name: z.string() })),
    firms: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number() })),
  }),
  importance: z.object({
    feedsInside: z.number().int(),
    feedsAcross: z.number().int(),
    dependentFirms: z.number().int(),
    dependentLeaders: z.number().int(),
    raw: z.number(),
    score: z.number().min(0).max(1),
  }),
  feedsInside: z.array(linkRefSchema),
  feedsAcross: z.array(linkRefSchema),
  gap: z.number().min(0).max(1),
  priority: z.number().min(0).max(1),
  reason: z.string(),
});
export type LinkGapBody = z.infer<typeof linkGapSchema>;

export const chainGapsSchema = z.object({
  chain: z.object({ id: z.string(), name: z.string() }),
  scope: scopeSchema,
  /** The constants behind every number, so a reader can recompute them. */
  rules: z.object({
    strongStrength: z.number(),
    leaderBonus: z.number(),
    boardScale: z.record(z.string(), z.number()),
    otherScale: z.number(),
    importanceHalf: z.number(),
    priorityFloor: z.number(),
  }),
  summary: z.object({ strong: z.number().int(), weak: z.number().int(), missing: z.number().int() }),
  links: z.array(linkGapSchema),
});
export type ChainGapsBody = z.infer<typeof chainGapsSchema>;

/** JSON pages hold at most this many targets; exports up to `maxExportRows`. */
export const maxPageSize = 100;
export const maxExportRows = 1000;

export const targetsQuerySchema = z
  .object({
    chain: optional(slug),
    link: optional(slug),
    /** Rank for this district: its gaps, and candidates outside it (other districts' firms included). */
    district: optional(districtCode),
    /** Only candidates registered in this province, as the graph spells it (e.g. 广东). */
    province: optional(z.string().trim().max(40)),
    /** Only candidates listed on this board (主板, 科创板, 创业板, 北交所 …). */
    board: optional(z.string().trim().max(40)),
    /** Only candidates whose quality component is at least this. */
    minQuality: optional(z.coerce.number({ error: 'must be a number' }).min(0).max(1)),
    page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
    limit: queryInt({ min: 1, max: maxExportRows, fallback: 20 }),
    profile: z.preprocess(blankToUndefined, profileNameSchema.default('default')),
    format: z.preprocess(blankToUndefined, z.enum(['json', 'csv', 'xlsx']).default('json')),
    /** Also list candidates under a risk veto (last, with score 0). */
    includeVetoed: z.preprocess(blankToUndefined, z.stringbool().default(false)),
  })
  .superRefine((q, ctx) => {
    if (q.format === 'json' && q.limit > maxPageSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['limit'],
        message: `must be at most ${maxPageSize} (up to ${maxExportRows} with format=csv or xlsx)`,
      });
    }
  });
export type TargetsQuery = z.infer<typeof targetsQuerySchema>;

const unit = z.number().min(0).max(1);

export const componentsSchema = z.object({
  gapFit: unit,
  supplyTies: unit,
  quality: unit,
  momentum: unit,
  veto: unit,
});

const gapReasonSchema = z.object({
  kind: z.enum(['fills-missing-link', 'strengthens-weak-link', 'joins-strong-link']),
  text: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  localCount: z.number().int(),
});
const tieReasonSchema = z.object({
  kind: z.enum(['supplies-local-leader', 'supplies-local', 'buys-from-local']),
  text: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  product: z.string(),
});
const adjacencyReasonSchema = z.object({
  kind: z.enum(['feeds-local-link', 'fed-by-local-link']),
  text: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  viaLinkId: z.string(),
  viaLinkName: z.string(),
  localCount: z.number().int(),
  localFirmIds: z.array(z.string()),
});

/** A sentence with the ids it rests on, so it can be checked against the graph. */
export const reasonSchema = z.union([
  gapReasonSchema,
  tieReasonSchema,
  adjacencyReasonSchema,
  z.object({
    kind: z.literal('shared-partner'),
    text: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
  }),
  z.object({ kind: z.literal('chain-leader'), text: z.string(), chainId: z.string(), chainName: z.string() }),
  z.object({ kind: z.literal('listed'), text: z.string(), board: z.string() }),
  z.object({
    kind: z.literal('supply-partners'),
    text: z.string(),
    buyers: z.number().int(),
    suppliers: z.number().int(),
  }),
  z.object({ kind: z.literal('recent-listing'), text: z.string(), listDate: z.string() }),
  z.object({ kind: z.literal('risk-warning'), text: z.string(), flag: z.string() }),
  z.object({ kind: z.literal('synthetic-data'), text: z.string() }),
]);
export type ReasonBody = z.infer<typeof reasonSchema>;

const strengthStateSchema = linkStrengthSchema.extend({ class: gapClassSchema, classLabel: z.string() });

export const targetSchema = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  fullName: z.string(),
  stockCode: z.string().nullable(),
  board: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  districtCode: z.string().nullable(),
  mainProducts: z.array(z.string()),
  score: unit,
  components: componentsSchema,
  /** The raw numbers the components are computed from (formulas in docs/matcher.md). */
  features: z.object({
    gapFit: z.number(),
    suppliesLocal: z.number().int(),
    suppliesLocalLeaders: z.number().int(),
    buysFromLocal: z.number().int(),
    adjacency: z.number(),
    proximity: z.number(),
    board: z.string().nullable(),
    listed: z.boolean(),
    leader: z.boolean(),
    supplyEdges: z.number().int(),
    daysSinceListing: z.number().int().nullable(),
    vetoed: z.boolean(),
  }),
  bestLink: linkRefSchema,
  reasons: z.array(reasonSchema),
  /** The best link's class and local strength now and if this enterprise landed. */
  impact: z.object({
    link: linkRefSchema,
    before: strengthStateSchema,
    after: strengthStateSchema,
    text: z.string(),
  }),
  /** Generated demo data, not a real enterprise. */
  synthetic: z.boolean(),
});
export type TargetBody = z.infer<typeof targetSchema>;

export const weightsBodySchema = z.object({
  gapFit: z.number(),
  supplyTies: z.number(),
  quality: z.number(),
  momentum: z.number(),
});

export const targetPageSchema = z.object({
  items: z.array(targetSchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  vetoedCount: z.number().int(),
  scope: scopeSchema.extend({
    chains: z.array(z.object({ id: z.string(), name: z.string() })),
    link: linkRefSchema.nullable(),
  }),
  profile: z.object({ name: z.string(), version: z.number().int(), weights: weightsBodySchema }),
  referenceDate: z.string(),
});
export type TargetPageBody = z.infer<typeof targetPageSchema>;

export const weightProfileSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  weights: weightsBodySchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export const weightProfileListSchema = listOf(weightProfileSchema);

export const weightProfileParamsSchema = z.object({ name: profileNameSchema });

export const weightProfileBodySchema = z.strictObject({
  weights: weightsSchema,
  description: z.string().trim().max(200).optional(),
  /** The version you read; leave out to create a new profile. */
  version: z.number().int().min(1).optional(),
});

/** One enterprise on the caller's shortlist. */
export const shortlistItemBodySchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  stockCode: z.string().nullable(),
  province: z.string().nullable(),
  addedAt: z.string(),
});
export const shortlistSchema = listOf(shortlistItemBodySchema);
export type ShortlistBody = z.infer<typeof shortlistSchema>;

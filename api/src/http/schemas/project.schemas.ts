import { z } from 'zod';
import { landParcelStatuses } from '../../../../graph-seeds/project-seed.schemas.ts';
import { alertSeverities } from '../../domain/projects/alert-rules.ts';
import { rankingMetricKeys } from '../../domain/projects/district-ranking.ts';
import { milestoneStages, projectBatches, projectStages } from '../../domain/projects/project-lifecycle.ts';
import { listOf } from './catalog.schemas.ts';
import { optionalQueryText, queryInt } from './query.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalQueryEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const idText = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be an id (letters, digits, . _ : -)');
const districtCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|zone-[a-z0-9-]+)$/, 'must be a division code such as 510107 or a zone id');

const optionalYear = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: 'must be a year' }).int('must be a year').min(2000).max(2100).optional(),
);

export const batchSchema = z.enum(projectBatches);
export const stageSchema = z.enum(projectStages);
export const labelSchema = z.object({ zh: z.string(), en: z.string() });

// ---------------------------------------------------------------- requests

export const projectListQuerySchema = z.object({
  year: optionalYear,
  batch: optionalQueryEnum(projectBatches),
  stage: optionalQueryEnum(projectStages),
  district: optionalQueryText(40),
  chain: optionalQueryText(80),
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  limit: queryInt({ min: 1, max: 200, fallback: 50 }),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

export const projectBoardQuerySchema = z.object({
  year: optionalYear,
  district: optionalQueryText(40),
});

export const projectIdParamsSchema = z.object({ id: idText });

const milestonesInputSchema = z.strictObject({
  signed: isoDate.optional(),
  started: isoDate.optional(),
  operating: isoDate.optional(),
  effective: isoDate.optional(),
});

export const createProjectBodySchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    batch: batchSchema.optional(),
    stage: z.enum(['planning', 'negotiating', 'signed', 'started', 'operating', 'effective']).optional(),
    /** The lead district first; further ones are partners. */
    districtCodes: z.array(districtCode).min(1).max(10).optional(),
    enterpriseId: idText.optional(),
    linkId: idText.optional(),
    team: z.string().trim().min(1).max(100).optional(),
    teamLead: z.string().trim().min(1).max(50).optional(),
    planned: milestonesInputSchema.optional(),
    /** 亿元 */
    investmentPlannedYi: z.number().min(0).max(100_000).optional(),
    /** 亿元 */
    investmentInPlaceYi: z.number().min(0).max(100_000).optional(),
    landParcelId: idText.optional(),
    landAreaHa: z.number().min(0).max(100_000).optional(),
    jobsPlanned: z.number().int().min(0).max(10_000_000).optional(),
    /** A target shortlisted in the matcher: the firm, the link it fills and the district that pursues it. */
    fromTarget: z.strictObject({ enterpriseId: idText, linkId: idText, districtCode }).optional(),
    /** A joint-attraction proposal: its target firm and its parties become the project's. */
    fromProposal: idText.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => !(b.fromTarget !== undefined && b.fromProposal !== undefined), {
    error: 'give fromTarget or fromProposal, not both',
    path: ['fromProposal'],
  })
  .refine((b) => b.fromTarget !== undefined || b.fromProposal !== undefined || b.name !== undefined, {
    error: 'a project needs a name (or fromTarget / fromProposal to name it after)',
    path: ['name'],
  })
  .refine(
    (b) => b.fromTarget !== undefined || b.fromProposal !== undefined || b.districtCodes !== undefined,
    { error: 'a project needs its district(s)', path: ['districtCodes'] },
  );
export type CreateProjectBody = z.infer<typeof createProjectBodySchema>;

export const moveProjectBodySchema = z
  .strictObject({
    batch: batchSchema.optional(),
    stage: stageSchema.optional(),
    reason: z.string().trim().min(2, 'say why (at least 2 characters)').max(500),
    version: z.number().int().min(1),
    /** The day the move happened; today when left out; not in the future. */
    date: isoDate.optional(),
  })
  .refine((b) => b.batch !== undefined || b.stage !== undefined, {
    error: 'give batch and/or stage',
    path: ['stage'],
  });
export type MoveProjectBody = z.infer<typeof moveProjectBodySchema>;

export const landParcelListQuerySchema = z.object({
  district: optionalQueryText(40),
  status: optionalQueryEnum(landParcelStatuses),
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  limit: queryInt({ min: 1, max: 200, fallback: 50 }),
});

export const reviveParcelBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  enterpriseId: idText.optional(),
  linkId: idText.optional(),
  team: z.string().trim().min(1).max(100).optional(),
  investmentPlannedYi: z.number().min(0).max(100_000).optional(),
  reason: z.string().trim().min(2).max(500),
});
export type ReviveParcelBody = z.infer<typeof reviveParcelBodySchema>;

// ---------------------------------------------------------------- responses

export const allowedMovesSchema = z.object({ batches: z.array(batchSchema), stages: z.array(stageSchema) });

export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  batch: batchSchema,
  batchLabel: labelSchema,
  stage: stageSchema,
  stageLabel: labelSchema,
  /** Where a suspended project stopped. */
  resumeStage: stageSchema.nullable(),
  version: z.number().int(),
  /** What the project may move to from here (board drop targets). */
  allowed: allowedMovesSchema,
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The investor as named: the enterprise's name, or as an imported list wrote it when it is not in the graph. */
  investorName: z.string().nullable(),
  districts: z.array(z.object({ code: z.string(), name: z.string(), role: z.enum(['lead', 'partner']) })),
  link: z.object({ id: z.string(), name: z.string(), chainId: z.string(), chainName: z.string() }).nullable(),
  team: z.string().nullable(),
  teamLead: z.string().nullable(),
  milestones: z.array(
    z.object({
      stage: z.enum(milestoneStages),
      planned: z.string().nullable(),
      actual: z.string().nullable(),
    }),
  ),
  investment: z.object({
    unit: z.literal('亿元'),
    planned: z.number().nullable(),
    inPlace: z.number().nullable(),
  }),
  land: z.object({
    parcelId: z.string().nullable(),
    areaHa: z.number().nullable(),
    status: z.string().nullable(),
  }),
  jobsPlanned: z.number().int().nullable(),
  /** Where the project came from: `seed`, `manual`, `target`, `proposal`, `parcel` or `import`. */
  origin: z.string(),
  proposalId: z.string().nullable(),
  lastUpdate: z.string(),
  provenance: z.object({ source: z.string(), asOf: z.string().nullable() }),
  /** Open or acknowledged alerts whose condition still holds. */
  activeAlerts: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The day the change happened (may be before `at`, when it was recorded). */
  date: z.string(),
  actor: z.string(),
  kind: z.enum(['create', 'move', 'import', 'revive']),
  fromBatch: batchSchema.nullable(),
  toBatch: batchSchema,
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  reason: z.string().nullable(),
  version: z.number().int(),
});
export type ProjectEvent = z.infer<typeof projectEventSchema>;

export const alertStatuses = ['open', 'acknowledged', 'resolved', 'cleared'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const alertActionSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(['raised', 'acknowledged', 'assigned', 'resolved', 'cleared', 'reopened']),
  note: z.string().nullable(),
  assignee: z.string().nullable(),
});

export const alertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  districtCodes: z.array(z.string()),
  severity: z.enum(alertSeverities),
  status: z.enum(alertStatuses),
  /** The rule's condition holds at the last evaluation. */
  active: z.boolean(),
  message: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  assignee: z.string().nullable(),
  firstRaised: z.string(),
  lastEvaluated: z.string(),
  version: z.number().int(),
  history: z.array(alertActionSchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const projectDetailSchema = projectSummarySchema.extend({
  timeline: z.array(projectEventSchema),
  alerts: z.array(alertSchema),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const projectListSchema = listOf(projectSummarySchema);

export const projectBoardSchema = z.object({
  year: z.number().int().nullable(),
  batches: z.array(z.object({ id: batchSchema, label: labelSchema })),
  stages: z.array(z.object({ id: stageSchema, label: labelSchema })),
  cells: z.array(
    z.object({
      batch: batchSchema,
      stage: stageSchema,
      count: z.number().int(),
      investmentPlannedYi: z.number(),
    }),
  ),
});

export const lifecycleSchema = z.object({
  batches: z.array(z.object({ id: batchSchema, label: labelSchema, allowed: z.array(batchSchema) })),
  stages: z.array(z.object({ id: stageSchema, label: labelSchema, allowed: z.array(stageSchema) })),
});

export const landParcelSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  park: z.object({ id: z.string(), name: z.string() }).nullable(),
  areaHa: z.number(),
  status: z.enum(landParcelStatuses),
  suppliedOn: z.string().nullable(),
  use: z.string().nullable(),
  projects: z.array(z.object({ id: z.string(), name: z.string(), batch: batchSchema, stage: stageSchema })),
  provenance: z.object({ source: z.string(), asOf: z.string().nullable() }),
});
export type LandParcel = z.infer<typeof landParcelSchema>;
export const landParcelListSchema = listOf(landParcelSchema);

// ---------------------------------------------------------------- alerts

export const alertListQuerySchema = z.object({
  district: optionalQueryText(40),
  severity: optionalQueryEnum(alertSeverities),
  status: optionalQueryEnum(alertStatuses),
  project: optionalQueryText(120),
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  limit: queryInt({ min: 1, max: 200, fallback: 50 }),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertIdParamsSchema = z.object({
  id: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .regex(/^[a-z0-9-]+:[A-Za-z0-9._-]+$/, 'must be an alert key rule:project'),
});
export const alertAckBodySchema = z.strictObject({ note: z.string().trim().max(1000).optional() });
export const alertAssignBodySchema = z.strictObject({
  assignee: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).optional(),
});
export const alertResolveBodySchema = z.strictObject({ note: z.string().trim().min(2).max(1000) });

export const alertListSchema = listOf(alertSchema).extend({
  /** The day the rules were evaluated against. */
  evaluatedOn: z.string(),
  counts: z.object({
    bySeverity: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
  }),
});

export const alertRuleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  severity: z.enum(alertSeverities),
  params: z.record(z.string(), z.number()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const alertRuleListSchema = z.object({ items: z.array(alertRuleViewSchema), total: z.number().int() });

export const putAlertRulesBodySchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().trim().min(1).max(100).optional(),
        enabled: z.boolean(),
        severity: z.enum(alertSeverities),
        params: z.record(z.string(), z.number()),
        version: z.number().int().min(1),
      }),
    )
    .min(1)
    .max(50),
});
export type PutAlertRulesBody = z.infer<typeof putAlertRulesBodySchema>;

// ---------------------------------------------------------------- rankings

export const rankingQuerySchema = z.object({
  period: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'give a period: a year (2026) or a quarter (2026-Q3)' })
      .regex(/^\d{4}(-Q[1-4])?$/, 'must be a year (2026) or a quarter (2026-Q3)'),
  ),
});

export const rankingSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** Day the time-dependent inputs were counted up to (the period's end, or today when earlier). */
  asOf: z.string(),
  weights: z.record(z.string(), z.number()),
  marksPerEnd: z.number().int(),
  items: z.array(
    z.object({
      districtCode: z.string(),
      districtName: z.string(),
      projects: z.number().int(),
      metrics: z.array(
        z.object({
          key: z.enum(rankingMetricKeys),
          label: labelSchema,
          unit: z.string(),
          numerator: z.number(),
          denominator: z.number(),
          value: z.number().nullable(),
          weight: z.number(),
        }),
      ),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      mark: z.enum(['red', 'black']).nullable(),
    }),
  ),
});
export type Ranking = z.infer<typeof rankingSchema>;

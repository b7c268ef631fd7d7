import { z } from 'zod';
import {
  partyRoles,
  proposalActions,
  proposalRules,
  proposalStates,
} from '../../domain/joint/proposal-lifecycle.ts';
import {
  districtCodeSchema,
  partySchema,
  targetSchema,
  termsSchema,
} from '../../domain/joint/proposal-terms.ts';
import { queryInt } from './query.ts';

/** District fit, suggested coalitions, and the negotiation of joint-attraction proposals. */

const unit = z.number().min(0).max(1);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const districtFitQuerySchema = z.object({
  /** How many coalitions to suggest (0 for none). */
  coalitions: queryInt({ min: 0, max: 20, fallback: 5 }),
});

const fitComponentsSchema = z.object({ priority: unit, ecosystem: unit, supply: unit, land: unit });
const fitInputsSchema = z.object({
  priority: z.number(),
  ecosystemRaw: z.number(),
  supplyRaw: z.number(),
  land: z.number(),
});

const firmsReason = {
  text: z.string(),
  linkId: z.string(),
  linkName: z.string(),
  firmCount: z.number().int(),
  firmIds: z.array(z.string()),
};

/** A sentence with the ids it rests on, so it can be checked against the graph. */
export const fitReasonSchema = z.union([
  z.object({
    kind: z.literal('priority-chain'),
    text: z.string(),
    chainId: z.string(),
    chainName: z.string(),
    rank: z.number().int(),
  }),
  z.object({ kind: z.literal('same-link-firms'), ...firmsReason }),
  z.object({
    kind: z.enum(['feeds-district-link', 'fed-by-district-link']),
    ...firmsReason,
    viaLinkId: z.string(),
    viaLinkName: z.string(),
  }),
  z.object({
    kind: z.enum(['supplies-district-firm', 'buys-from-district-firm']),
    text: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    product: z.string(),
  }),
  z.object({
    kind: z.literal('focused-park'),
    text: z.string(),
    parkId: z.string(),
    parkName: z.string(),
    chainIds: z.array(z.string()),
    landAvailableHa: z.number().nullable(),
  }),
  z.object({ kind: z.enum(['already-located', 'no-tie']), text: z.string() }),
]);
export type FitReasonBody = z.infer<typeof fitReasonSchema>;

export const districtFitSchema = z.object({
  rank: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  score: unit,
  components: fitComponentsSchema,
  /** The raw numbers behind the components (formulas in docs/joint-attraction.md). */
  inputs: fitInputsSchema,
  reasons: z.array(fitReasonSchema),
});
export type DistrictFitBody = z.infer<typeof districtFitSchema>;

export const coalitionSchema = z.object({
  codes: z.array(z.string()),
  members: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      role: z.enum(['host', 'partner']),
      fitScore: z.number(),
      components: fitComponentsSchema,
      inputs: fitInputsSchema,
      shapley: z.number(),
      share: z.number(),
    }),
  ),
  /** v(N): what the coalition creates, in fit points. */
  value: z.number(),
  pooled: z.object({ inputs: fitInputsSchema, components: fitComponentsSchema }),
  coordinationCost: z.number(),
  bestSingle: z.object({ code: z.string(), name: z.string(), value: z.number() }),
  gain: z.number(),
  /** v(S) of every non-empty sub-coalition. */
  subsets: z.array(z.object({ codes: z.array(z.string()), value: z.number() })),
  text: z.string(),
});
export type CoalitionBody = z.infer<typeof coalitionSchema>;

export const districtFitReportSchema = z.object({
  target: z.object({
    id: z.string(),
    name: z.string(),
    districtCode: z.string().nullable(),
    links: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        chainId: z.string(),
        chainName: z.string(),
        confidence: z.number(),
      }),
    ),
    synthetic: z.boolean(),
  }),
  /** Every constant behind the numbers. */
  rules: z.object({
    fit: z.object({
      priorityDecay: z.number(),
      leaderBonus: z.number(),
      adjacentShare: z.number(),
      ecosystemHalf: z.number(),
      supplyHalf: z.number(),
      landUnknown: z.number(),
      landFloor: z.number(),
      landHalfHa: z.number(),
      weights: fitComponentsSchema,
    }),
    coalition: z.object({
      coordinationCost: z.number(),
      minMembers: z.number().int(),
      maxMembers: z.number().int(),
      maxCandidates: z.number().int(),
      maxSuggestions: z.number().int(),
      minGain: z.number(),
    }),
  }),
  districts: z.array(districtFitSchema),
  coalitions: z.array(coalitionSchema),
});
export type DistrictFitReportBody = z.infer<typeof districtFitReportSchema>;

// --- proposals ---------------------------------------------------------------------------------------------

const actingFor = districtCodeSchema.optional();
const validDays = z.number().int().min(1).max(proposalRules.maxValidDays).optional();

export const createProposalBodySchema = z.strictObject({
  parties: z.array(partySchema).min(1).max(10),
  target: targetSchema,
  terms: termsSchema,
  title: z.string().trim().min(1).max(120).optional(),
  /** false: keep it as a draft; true (default): propose it to the other parties at once. */
  submit: z.boolean().default(true),
  /** Days the other parties have to answer (30 by default). */
  validDays,
  /** The party district acted for: required for admins, a district user's own when left out. */
  actingFor,
});

export const proposalActionBodySchema = z.strictObject({
  /** The version read: the change applies only if nobody changed the proposal since. */
  version: z.number().int().min(1),
  actingFor,
  note: z.string().trim().max(500).optional(),
});

export const counterBodySchema = proposalActionBodySchema.extend({ terms: termsSchema, validDays });

export const proposalParamsSchema = z.object({ id: z.guid('is not a proposal id') });

export const proposalListQuerySchema = z.object({
  state: z.preprocess(blankToUndefined, z.enum(proposalStates).optional()),
  /** A district user's folder: `awaiting` its answer, `mine` (it initiated), or `all`; analysts see all. */
  box: z.preprocess(blankToUndefined, z.enum(['all', 'awaiting', 'mine']).default('all')),
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  pageSize: queryInt({ min: 1, max: 100, fallback: 20 }),
});

const sharesSchema = z.record(z.string(), z.number());

const proposalSummaryShape = {
  id: z.string(),
  title: z.string(),
  state: z.enum(proposalStates),
  version: z.number().int(),
  initiator: z.object({ code: z.string(), name: z.string() }),
  target: z.object({ kind: z.enum(['enterprise', 'project']), id: z.string(), name: z.string().nullable() }),
  parties: z.array(
    z.object({ code: z.string(), name: z.string(), role: z.enum(partyRoles), accepted: z.boolean() }),
  ),
  shares: sharesSchema,
  terms: termsSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  agreement: z.object({ id: z.string(), signedAt: z.string() }).nullable(),
};

export const proposalSummarySchema = z.object(proposalSummaryShape);

const metricRowSchema = z.object({
  year: z.number().int(),
  termYear: z.number().int(),
  total: z.number(),
  stock: z.number(),
  increment: z.number(),
  shares: sharesSchema,
  credited: sharesSchema,
});

export const benefitTableSchema = z.object({
  beneficiaries: z.array(z.object({ code: z.string(), name: z.string() })),
  years: z.array(z.number().int()),
  metrics: z.array(
    z.object({
      metric: z.enum(['tax', 'output', 'investment', 'jobs']),
      label: z.string(),
      unit: z.string(),
      zeroSum: z.boolean(),
      rows: z.array(metricRowSchema),
      totals: z.object({ total: z.number(), credited: sharesSchema }),
    }),
  ),
});

export const proposalStepSchema = z.object({
  version: z.number().int(),
  action: z.enum(proposalActions),
  actor: z.string(),
  actingFor: z.string(),
  at: z.string(),
  fromState: z.enum(proposalStates).nullable(),
  toState: z.enum(proposalStates),
  terms: termsSchema.nullable(),
  note: z.string().nullable(),
});

const userActionSchema = z.enum(['propose', 'counter', 'accept', 'reject', 'withdraw']);

export const proposalSchema = z.object({
  ...proposalSummaryShape,
  history: z.array(proposalStepSchema),
  table: benefitTableSchema,
  /** For each party district the reader may act for, what the API would accept from it now. */
  yourActions: z.array(z.object({ district: z.string(), actions: z.array(userActionSchema) })),
});
export type ProposalBody = z.infer<typeof proposalSchema>;

export const proposalListSchema = z.object({
  items: z.array(proposalSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// --- share calculator ----------------------------------------------------------------------------------------

export const shareComparisonBodySchema = z.strictObject({
  parties: z.array(partySchema).min(1).max(10),
  target: targetSchema,
  /** Up to eight ways of sharing to compare, each named by the caller. */
  scenarios: z
    .array(z.strictObject({ key: z.string().trim().min(1).max(40), terms: termsSchema }))
    .min(1)
    .max(8),
});

export const shareComparisonSchema = z.object({
  parties: z.array(z.object({ code: z.string(), name: z.string(), role: z.enum(partyRoles) })),
  scenarios: z.array(
    z.object({
      key: z.string(),
      /** The terms as used (a Shapley split with its computed shares); null when they do not hold. */
      terms: termsSchema.nullable(),
      shares: sharesSchema.nullable(),
      table: benefitTableSchema.nullable(),
      /** Why the terms cannot be used, with field paths; empty when they can. */
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type ShareComparisonBody = z.infer<typeof shareComparisonSchema>;

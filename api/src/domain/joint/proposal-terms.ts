import { z } from 'zod';
import { partyRoles } from './proposal-lifecycle.ts';
import { sharingRules, type Terms } from './sharing-rules.ts';

/**
 * The terms of a proposal as zod schemas: parsed from request bodies and from the JSON text stored on
 * `(:Proposal)`/`(:Agreement)` nodes alike. Range checks live here (400 with field paths); checks that need the
 * parties (who may hold a share, sums) are in `termsIssues`.
 */

export const districtCodeSchema = z
  .string()
  .regex(/^(\d{6}|zone-[a-z0-9-]+)$/, 'must be a 6-digit division code or a zone-… id');

const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');
const amount = z.number().min(0, 'must be at least 0').max(1e10, 'is implausibly large');
const sharesSchema = z.record(districtCodeSchema, share);

export const splitSchema = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('fixed'), shares: sharesSchema }),
  z.strictObject({
    basis: z.literal('weighted'),
    /** E.g. each party's investment; shares are the weights over their sum. */
    weights: z.record(districtCodeSchema, amount),
    weightsOf: z.string().trim().min(1).max(40).default('investment'),
  }),
  z.strictObject({
    basis: z.literal('shapley'),
    /** Computed by the server; ignored when sent. */
    shares: sharesSchema.optional(),
    values: z.array(z.object({ codes: z.array(z.string()), value: z.number() })).optional(),
  }),
]);

const annual = z.strictObject({ annualOutput: amount, annualTax: amount, jobs: amount });

export const projectionSchema = z.strictObject({
  investment: amount,
  buildYears: z.number().int().min(0).max(10),
  annualOutput: amount,
  annualTax: amount,
  jobs: amount,
  rampYears: z.number().int().min(1).max(10),
  existing: annual.optional(),
});

export const termsSchema = z.strictObject({
  split: splitSchema,
  taper: z
    .strictObject({ afterYears: z.number().int().min(1, 'must be at least 1').max(49), shares: sharesSchema })
    .optional(),
  stock: z.strictObject({ holder: districtCodeSchema }).optional(),
  coordinator: z
    .strictObject({
      beneficiary: z.union([z.literal(sharingRules.cityBeneficiary), districtCodeSchema]),
      share: z
        .number()
        .min(0, 'must be at least 0')
        .max(
          sharingRules.maxCoordinatorShare,
          `a token share is at most ${sharingRules.maxCoordinatorShare}`,
        ),
    })
    .optional(),
  statistics: z.enum(['split', 'full']).default('split'),
  term: z.strictObject({
    startYear: z.number().int().min(2000).max(2100),
    years: z.number().int().min(1, 'must be at least 1 year').max(50, 'must be at most 50 years'),
  }),
  projection: projectionSchema,
  note: z.string().trim().max(500).optional(),
});

/** The parsed terms are the domain's `Terms`. */
export const parseTerms = (value: unknown): Terms => termsSchema.parse(value);

export const partySchema = z.strictObject({ code: districtCodeSchema, role: z.enum(partyRoles) });

export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('enterprise'), id: z.string().min(1).max(64) }),
  /** Projects (六个一批) are not in the graph yet: any id is taken as given. */
  z.strictObject({ kind: z.literal('project'), id: z.string().trim().min(1).max(64) }),
]);
export type ProposalTarget = z.infer<typeof targetSchema>;

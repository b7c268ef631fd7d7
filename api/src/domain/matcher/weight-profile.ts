import { z } from 'zod';
import { type Weights, weightedComponents } from './target-scoring.ts';

/** Named component weights; stored in the graph as `(:WeightProfile)`, versioned and audited. */

const weight = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');

export const weightsSchema = z
  .strictObject({ gapFit: weight, supplyTies: weight, quality: weight, momentum: weight })
  .refine((w) => weightedComponents.some((k) => w[k] > 0), {
    error: 'at least one weight must be above 0',
  });

export const profileNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like "supply-first"')
  .max(40);

export interface WeightProfile {
  name: string;
  description: string | null;
  weights: Weights;
  version: number;
  updatedAt: string;
}

export const defaultProfileName = 'default';

import { z } from 'zod';
import { batchSchema, stageSchema } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ApiError } from '../../lib/api-client.ts';

const rulesDetailsSchema = z.object({
  batch: batchSchema,
  stage: stageSchema,
  allowed: z.object({ batches: z.array(batchSchema), stages: z.array(stageSchema) }),
});
const staleDetailsSchema = z.object({ currentVersion: z.number().int(), expectedVersion: z.number().int() });

export type MoveConflict =
  | { kind: 'rules'; from: z.infer<typeof rulesDetailsSchema> }
  | { kind: 'stale'; currentVersion: number }
  | { kind: 'other' };

/**
 * What a refused move means, from the API's 409 details: the rules do not allow it (and these moves are
 * allowed instead), or someone moved the project in the meantime. Null when the error is not a conflict.
 */
export function explainMoveConflict(error: unknown): MoveConflict | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const rules = rulesDetailsSchema.safeParse(error.details);
  if (rules.success) return { kind: 'rules', from: rules.data };
  const stale = staleDetailsSchema.safeParse(error.details);
  if (stale.success) return { kind: 'stale', currentVersion: stale.data.currentVersion };
  return { kind: 'other' };
}

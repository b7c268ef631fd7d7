import { profileNameSchema } from '../../../../api/src/domain/matcher/weight-profile.ts';
import { weightProfileBodySchema } from '../../../../api/src/http/schemas/matcher.schemas.ts';

/** The weight form, checked with the API's own request schema before anything is sent. */

export const weightKeys = ['gapFit', 'supplyTies', 'quality', 'momentum'] as const;
export type WeightKey = (typeof weightKeys)[number];

export interface WeightDraft {
  name: string;
  description: string;
  weights: Record<WeightKey, string>;
  version: number | undefined;
}

export type WeightBody = {
  weights: Record<WeightKey, number>;
  description?: string;
  version?: number;
};

/** Problems by field (`name`, `description`, `weights.gapFit`, `weights` for the whole), or the body to send. */
export function checkWeightDraft(
  draft: WeightDraft,
): { ok: true; name: string; body: WeightBody } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const name = profileNameSchema.safeParse(draft.name.trim());
  if (!name.success) problems.name = name.error.issues[0]?.message ?? 'is invalid';
  const weights = Object.fromEntries(
    weightKeys.map((key) => {
      const text = draft.weights[key].trim();
      return [key, text === '' ? Number.NaN : Number(text)];
    }),
  );
  const description = draft.description.trim();
  const parsed = weightProfileBodySchema.safeParse({
    weights,
    ...(description === '' ? {} : { description }),
    ...(draft.version === undefined ? {} : { version: draft.version }),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      problems[path] ??= issue.message;
    }
  }
  if (!parsed.success || !name.success) return { ok: false, problems };
  return { ok: true, name: name.data, body: parsed.data };
}

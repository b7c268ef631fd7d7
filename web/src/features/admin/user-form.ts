import type { Role } from '../../../../api/src/domain/auth/session-user.ts';
import { newPasswordSchema } from '../../../../api/src/domain/auth/user.ts';
import { type CreateUserBody, createUserBodySchema } from '../../../../api/src/http/schemas/user.schemas.ts';

/** The new-user form, checked with the API's own schemas (and its district rule) before it is sent. */

export interface UserDraft {
  username: string;
  role: Role;
  districtCode: string;
  password: string;
}

export function checkUserDraft(
  draft: UserDraft,
): { ok: true; body: CreateUserBody } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const district = draft.districtCode.trim();
  const parsed = createUserBodySchema.safeParse({
    username: draft.username,
    role: draft.role,
    districtCode: draft.role === 'district' ? district : null,
    password: draft.password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[issue.path.join('.')] ??= issue.message;
  }
  const password = newPasswordSchema.safeParse(draft.password);
  if (!password.success) problems.password ??= password.error.issues[0]?.message ?? 'is invalid';
  if (draft.role === 'district' && district === '') problems.districtCode = 'is required for a district user';
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

export function passwordProblem(password: string): string | null {
  const parsed = newPasswordSchema.safeParse(password);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is invalid');
}

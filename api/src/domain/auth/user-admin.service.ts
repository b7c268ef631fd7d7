import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { hashPassword } from './password.ts';
import type { Role, SessionUser } from './session-user.ts';
import { districtRuleProblem, type NewUser, newPasswordSchema, type UserSummary } from './user.ts';

/**
 * Managing users, shared by the admin API and the `npm run user` CLI: the district rule, password strength
 * and hashing live here once. The API adds one rule the CLI does not need: an admin may not lock the admins
 * out (the CLI, run on the server, is how a locked-out installation is recovered).
 */

/** What user management needs from the graph; implemented by `graph/user.repository.ts`. */
export interface UserStore {
  findUser(username: string): Promise<UserSummary | undefined>;
  listUsers(): Promise<UserSummary[]>;
  createUser(user: NewUser, actor: string): Promise<UserSummary>;
  setDisabled(username: string, disabled: boolean, actor: string): Promise<void>;
  setRole(username: string, role: Role, districtCode: string | null, actor: string): Promise<void>;
  setPasswordHash(username: string, passwordHash: string, actor: string): Promise<void>;
}

export interface NewUserInput {
  username: string;
  role: Role;
  districtCode: string | null;
  password: string;
}

export interface UserUpdate {
  disabled?: boolean;
  role?: Role;
  /** Required when the role becomes `district`; cleared when it becomes another role. */
  districtCode?: string | null;
}

/** The password checked against the strength rule and hashed; `ValidationError` naming the field otherwise. */
export async function newPasswordHash(password: string, field = 'password'): Promise<string> {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'is invalid';
    throw new ValidationError(`The password ${message}`, [{ path: field, message }]);
  }
  return hashPassword(parsed.data);
}

function assertDistrictRule(role: Role, districtCode: string | null, field: string): void {
  const problem = districtRuleProblem(role, districtCode);
  if (problem) throw new ValidationError(`Invalid user: ${problem}`, [{ path: field, message: problem }]);
}

/**
 * Refuses an update that would leave no enabled admin, or that disables or demotes the admin making it
 * (they would lose the page they are on; another admin can do it).
 */
export function lockOutProblem(
  users: UserSummary[],
  target: UserSummary,
  update: UserUpdate,
  actor: SessionUser | null,
): string | null {
  const staysAdmin = (update.role ?? target.role) === 'admin';
  const staysEnabled = !(update.disabled ?? target.disabled);
  if (target.role !== 'admin' || target.disabled || (staysAdmin && staysEnabled)) return null;
  if (actor !== null && actor.username === target.username)
    return 'You cannot disable yourself or give up your own admin role; ask another admin';
  const otherAdmins = users.filter(
    (u) => u.role === 'admin' && !u.disabled && u.username !== target.username,
  );
  if (otherAdmins.length === 0)
    return `"${target.username}" is the last enabled admin; nobody could manage users`;
  return null;
}

/**
 * `onAccessChanged` is told the username whenever its role, enabled state or password changes, so whatever
 * trusts that user's sessions (the authenticator's short cache) checks them again at once.
 */
export function createUserAdminService(
  store: UserStore,
  onAccessChanged: (username: string) => void = () => {},
) {
  const findOrFail = async (username: string): Promise<UserSummary> => {
    const user = await store.findUser(username);
    if (!user) throw new NotFoundError('User', username);
    // Copied field by field: the store may hand back the stored user, hash included.
    const { role, districtCode, disabled, createdAt } = user;
    return { username: user.username, role, districtCode, disabled, createdAt };
  };

  return {
    listUsers: () => store.listUsers(),

    async addUser(input: NewUserInput, actor: string): Promise<UserSummary> {
      assertDistrictRule(input.role, input.districtCode, 'districtCode');
      const passwordHash = await newPasswordHash(input.password);
      return store.createUser(
        { username: input.username, role: input.role, districtCode: input.districtCode, passwordHash },
        actor,
      );
    },

    /** Role and enabled state; `actor` null for the CLI, which may do anything. */
    async updateUser(username: string, update: UserUpdate, actor: SessionUser | null): Promise<UserSummary> {
      const target = await findOrFail(username);
      const problem = lockOutProblem(await store.listUsers(), target, update, actor);
      if (problem) throw new ConflictError(problem, { username });
      const actorName = actor?.username ?? 'system';
      if (update.role !== undefined || update.districtCode !== undefined) {
        const role = update.role ?? target.role;
        const districtCode =
          update.districtCode !== undefined
            ? update.districtCode
            : role === 'district'
              ? target.districtCode
              : null;
        assertDistrictRule(role, districtCode, 'districtCode');
        if (role !== target.role || districtCode !== target.districtCode)
          await store.setRole(username, role, districtCode, actorName);
      }
      if (update.disabled !== undefined && update.disabled !== target.disabled)
        await store.setDisabled(username, update.disabled, actorName);
      onAccessChanged(username);
      return findOrFail(username);
    },

    /** A new password; the user's sessions end. */
    async resetPassword(username: string, password: string, actor: string): Promise<UserSummary> {
      // Before hashing, so a typo in the name is reported as such.
      await findOrFail(username);
      await store.setPasswordHash(username, await newPasswordHash(password), actor);
      onAccessChanged(username);
      return findOrFail(username);
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;

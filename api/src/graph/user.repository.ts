import { z } from 'zod';
import type { Role } from '../domain/auth/session-user.ts';
import type { NewUser, StoredUser, UserSummary } from '../domain/auth/user.ts';
import { roleSchema } from '../domain/auth/user.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { recordChange } from './audit.ts';
import type { Database, ManagedTransaction } from './database.ts';

/** Users as `(:User {username, role, districtCode, passwordHash, disabled, createdAt})`. */

export const storedUserSchema = z.object({
  username: z.string(),
  role: roleSchema,
  districtCode: z.string().nullable(),
  passwordHash: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const userProjection = (u: string) =>
  `{username: ${u}.username, role: ${u}.role, districtCode: ${u}.districtCode, passwordHash: ${u}.passwordHash,
    disabled: coalesce(${u}.disabled, false), createdAt: toString(${u}.createdAt)}`;

function summaryOf(user: StoredUser): UserSummary {
  const { passwordHash: _hash, ...summary } = user;
  return summary;
}

export function createUserRepository(db: Database) {
  const parse = (value: unknown): StoredUser => storedUserSchema.parse(value);

  return {
    async findUser(username: string): Promise<StoredUser | undefined> {
      const rows = await db.read(
        `MATCH (u:User {username: $username}) RETURN ${userProjection('u')} AS row`,
        { username },
        (r) => parse(r.get('row')),
      );
      return rows[0];
    },

    async listUsers(): Promise<UserSummary[]> {
      const rows = await db.read(
        `MATCH (u:User) RETURN ${userProjection('u')} AS row ORDER BY u.username`,
        {},
        (r) => parse(r.get('row')),
      );
      return rows.map(summaryOf);
    },

    async countUsers(): Promise<number> {
      const rows = await db.read('MATCH (u:User) RETURN count(u) AS n', {}, (r) =>
        z.number().parse(r.get('n')),
      );
      return rows[0] ?? 0;
    },

    /** Creates a user; `ConflictError` when the username is taken. Audited as done by `actor`. */
    createUser(user: NewUser, actor = 'system'): Promise<UserSummary> {
      return db.writeTransaction(async (tx) => {
        const result = await tx.run(
          `OPTIONAL MATCH (existing:User {username: $username})
           WITH existing WHERE existing IS NULL
           CREATE (u:User {username: $username, role: $role, districtCode: $districtCode,
                           passwordHash: $passwordHash, disabled: false, createdAt: datetime()})
           RETURN ${userProjection('u')} AS row`,
          { ...user },
        );
        const created = result.records.map((r) => parse(r.get('row')))[0];
        if (!created)
          throw new ConflictError(`User "${user.username}" already exists`, { username: user.username });
        await auditUser(tx, actor, 'create', user.username, null, auditedFields(created));
        return summaryOf(created);
      }, 'create-user');
    },

    /** Creates the user unless one of that name exists; true when created. Used for demo and test users. */
    ensureUser(user: NewUser): Promise<boolean> {
      return db.writeTransaction(async (tx) => {
        const result = await tx.run(
          `MERGE (u:User {username: $username})
           ON CREATE SET u.role = $role, u.districtCode = $districtCode, u.passwordHash = $passwordHash,
                         u.disabled = false, u.createdAt = datetime(), u.created = true
           WITH u, coalesce(u.created, false) AS created
           REMOVE u.created
           RETURN created, ${userProjection('u')} AS row`,
          { ...user },
        );
        const record = result.records[0];
        if (!record || record.get('created') !== true) return false;
        await auditUser(tx, 'system', 'create', user.username, null, auditedFields(parse(record.get('row'))));
        return true;
      }, 'ensure-user');
    },

    /** Disables or enables a user; a disabled user's sessions end at once. Audited as done by `actor`. */
    setDisabled(username: string, disabled: boolean, actor = 'system'): Promise<void> {
      return db.writeTransaction(async (tx) => {
        const before = await lockUser(tx, username);
        await tx.run(
          `MATCH (u:User {username: $username}) SET u.disabled = $disabled
           WITH u OPTIONAL MATCH (s:Session {username: u.username}) WHERE $disabled DETACH DELETE s`,
          { username, disabled },
        );
        await auditUser(tx, actor, disabled ? 'disable' : 'enable', username, auditedFields(before), {
          ...auditedFields(before),
          disabled,
        });
      }, 'set-user-disabled');
    },

    /** Changes a user's role and district; sessions stay, as each request reads the role afresh. Audited. */
    setRole(username: string, role: Role, districtCode: string | null, actor = 'system'): Promise<void> {
      return db.writeTransaction(async (tx) => {
        const before = await lockUser(tx, username);
        await tx.run(
          'MATCH (u:User {username: $username}) SET u.role = $role, u.districtCode = $districtCode',
          {
            username,
            role,
            districtCode,
          },
        );
        await auditUser(tx, actor, 'change-role', username, auditedFields(before), {
          ...auditedFields(before),
          role,
          districtCode,
        });
      }, 'set-user-role');
    },

    /** Sets a new password hash and ends the user's sessions. Audited (without any hash) as done by `actor`. */
    setPasswordHash(username: string, passwordHash: string, actor = 'system'): Promise<void> {
      return db.writeTransaction(async (tx) => {
        const before = await lockUser(tx, username);
        await tx.run(
          `MATCH (u:User {username: $username}) SET u.passwordHash = $passwordHash
           WITH u OPTIONAL MATCH (s:Session {username: u.username}) DETACH DELETE s`,
          { username, passwordHash },
        );
        await auditUser(tx, actor, 'reset-password', username, auditedFields(before), auditedFields(before));
      }, 'reset-user-password');
    },
  };
}

/** What the audit trail keeps of a user: never the password hash. */
function auditedFields(user: StoredUser) {
  return { role: user.role, districtCode: user.districtCode, disabled: user.disabled };
}

async function lockUser(tx: ManagedTransaction, username: string): Promise<StoredUser> {
  const result = await tx.run(
    `MATCH (u:User {username: $username}) SET u.lockedForWrite = true REMOVE u.lockedForWrite
     RETURN ${userProjection('u')} AS row`,
    { username },
  );
  const user = result.records.map((r) => storedUserSchema.parse(r.get('row')))[0];
  if (!user) throw new NotFoundError('User', username);
  return user;
}

function auditUser(
  tx: ManagedTransaction,
  actor: string,
  action: string,
  username: string,
  before: unknown,
  after: unknown,
): Promise<string> {
  return recordChange(tx, {
    actor,
    action,
    entityType: 'User',
    entityId: username,
    before,
    after,
    summary: `${action} user ${username}`,
  });
}

export type UserRepository = ReturnType<typeof createUserRepository>;

import { z } from 'zod';
import type { AuthStore } from '../domain/auth/auth.service.ts';
import type { LoginFailures } from '../domain/auth/login-throttle.ts';
import type { Database } from './database.ts';
import { createUserRepository, storedUserSchema, userProjection } from './user.repository.ts';

/**
 * Sessions as `(:Session {tokenHash, username, expiresAt})` and failed-login counters as
 * `(:LoginThrottle {key, windowStartMs, failures})`: in the graph, so any number of API processes share them.
 */

const sessionRowSchema = z.object({ user: storedUserSchema, expiresAt: z.string() });
const failuresRowSchema = z.object({ windowStartMs: z.number(), failures: z.number().int() });

export function createAuthStore(db: Database): AuthStore {
  const users = createUserRepository(db);
  return {
    findUser: (username) => users.findUser(username),

    async createSession(session) {
      await db.write(
        `CREATE (:Session {tokenHash: $tokenHash, username: $username, expiresAt: datetime($expiresAt),
                           createdAt: datetime()})`,
        session,
        () => null,
      );
    },

    async findSession(tokenHash) {
      const rows = await db.read(
        `MATCH (s:Session {tokenHash: $tokenHash}) MATCH (u:User {username: s.username})
         RETURN {user: ${userProjection('u')}, expiresAt: toString(s.expiresAt)} AS row`,
        { tokenHash },
        (r) => sessionRowSchema.parse(r.get('row')),
      );
      return rows[0];
    },

    async deleteSession(tokenHash) {
      await db.write('MATCH (s:Session {tokenHash: $tokenHash}) DETACH DELETE s', { tokenHash }, () => null);
    },

    async deleteExpiredSessions(username, now) {
      await db.write(
        'MATCH (s:Session {username: $username}) WHERE s.expiresAt <= datetime($now) DETACH DELETE s',
        { username, now },
        () => null,
      );
    },

    async loginFailures(key): Promise<LoginFailures | undefined> {
      const rows = await db.read(
        'MATCH (t:LoginThrottle {key: $key}) RETURN {windowStartMs: t.windowStartMs, failures: t.failures} AS row',
        { key },
        (r) => failuresRowSchema.parse(r.get('row')),
      );
      return rows[0];
    },

    async recordLoginFailure(key, nowMs, windowMs) {
      // One statement, so concurrent failures all count; a window older than `windowMs` starts afresh.
      await db.write(
        `MERGE (t:LoginThrottle {key: $key})
         ON CREATE SET t.windowStartMs = $nowMs, t.failures = 0
         WITH t, t.windowStartMs + $windowMs <= $nowMs AS stale
         SET t.windowStartMs = CASE WHEN stale THEN $nowMs ELSE t.windowStartMs END,
             t.failures = CASE WHEN stale THEN 1 ELSE t.failures + 1 END`,
        { key, nowMs, windowMs },
        () => null,
      );
    },

    async clearLoginFailures(key) {
      await db.write('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key }, () => null);
    },
  };
}

import { describe, expect, it } from 'vitest';
import { type AuthStore, createAuthService } from './auth.service.ts';
import { sessionTokenHash } from './session-token.ts';
import type { StoredUser } from './user.ts';

const token = 'a'.repeat(43);

/** A session store holding one session for one user, counting how often the session is looked up. */
function oneSessionStore(expiresAt: string) {
  const user: StoredUser = {
    username: 'wuhou',
    role: 'district',
    districtCode: '510107',
    passwordHash: 'unused',
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const sessions = new Map([[sessionTokenHash(token), expiresAt]]);
  let lookups = 0;
  const store = {
    findSession: async (tokenHash: string) => {
      lookups += 1;
      const at = sessions.get(tokenHash);
      return at === undefined ? undefined : { user: { ...user }, expiresAt: at };
    },
    deleteSession: async (tokenHash: string) => {
      sessions.delete(tokenHash);
    },
  } as unknown as AuthStore;
  return {
    store,
    lookups: () => lookups,
    disable: () => {
      user.disabled = true;
    },
    forgetAllSessions: () => sessions.clear(),
  };
}

function clockAt(iso: string) {
  let ms = Date.parse(iso);
  return {
    now: () => new Date(ms),
    advance: (by: number) => {
      ms += by;
    },
  };
}

describe('session checks', () => {
  it('trusts a checked session for a few seconds, then asks the graph again', async () => {
    const clock = clockAt('2026-06-01T08:00:00Z');
    const s = oneSessionStore('2026-06-01T20:00:00Z');
    const auth = createAuthService(s.store, { sessionTtlMs: 1, now: clock.now, sessionCheckTtlMs: 5_000 });
    expect((await auth.authenticate(token)).username).toBe('wuhou');
    await auth.authenticate(token);
    expect(s.lookups()).toBe(1);
    // Ended elsewhere (another API copy): noticed once the trust runs out.
    s.forgetAllSessions();
    clock.advance(5_000);
    await expect(auth.authenticate(token)).rejects.toThrow(/unknown or has ended/);
    expect(s.lookups()).toBe(2);
  });

  it('never trusts a session past its expiry', async () => {
    const clock = clockAt('2026-06-01T08:00:00Z');
    const s = oneSessionStore('2026-06-01T08:00:02Z');
    const auth = createAuthService(s.store, { sessionTtlMs: 1, now: clock.now, sessionCheckTtlMs: 60_000 });
    await auth.authenticate(token);
    clock.advance(2_000);
    await expect(auth.authenticate(token)).rejects.toThrow(/expired/);
  });

  it('forgets a session at logout and a user’s sessions on request, at once', async () => {
    const clock = clockAt('2026-06-01T08:00:00Z');
    const s = oneSessionStore('2026-06-01T20:00:00Z');
    const auth = createAuthService(s.store, { sessionTtlMs: 1, now: clock.now });
    await auth.authenticate(token);
    s.disable();
    auth.forgetUser('wuhou');
    await expect(auth.authenticate(token)).rejects.toThrow(/disabled/);

    const t = oneSessionStore('2026-06-01T20:00:00Z');
    const auth2 = createAuthService(t.store, { sessionTtlMs: 1, now: clock.now });
    await auth2.authenticate(token);
    await auth2.logout(token);
    await expect(auth2.authenticate(token)).rejects.toThrow(/unknown or has ended/);
  });

  it('asks the graph on every request when the trust time is 0', async () => {
    const s = oneSessionStore('2999-01-01T00:00:00Z');
    const auth = createAuthService(s.store, { sessionTtlMs: 1, sessionCheckTtlMs: 0 });
    await auth.authenticate(token);
    await auth.authenticate(token);
    expect(s.lookups()).toBe(2);
  });
});

import { TooManyRequestsError, UnauthorizedError } from '../errors.ts';
import {
  defaultLoginThrottle,
  type LoginFailures,
  type LoginThrottlePolicy,
  loginRetryAfter,
  loginThrottleKey,
} from './login-throttle.ts';
import { decoyPasswordHash, verifyPassword } from './password.ts';
import { newSessionToken, sessionTokenHash } from './session-token.ts';
import type { SessionUser } from './session-user.ts';
import { type StoredUser, sessionUserOf } from './user.ts';

/** What logins need from the graph; implemented by `graph/user.repository.ts` and `graph/session.repository.ts`. */
export interface AuthStore {
  findUser(username: string): Promise<StoredUser | undefined>;
  createSession(session: { tokenHash: string; username: string; expiresAt: string }): Promise<void>;
  /** The session's user and expiry, whatever the expiry (the service decides against its clock). */
  findSession(tokenHash: string): Promise<{ user: StoredUser; expiresAt: string } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(username: string, now: string): Promise<void>;
  loginFailures(key: string): Promise<LoginFailures | undefined>;
  recordLoginFailure(key: string, nowMs: number, windowMs: number): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;
}

export interface AuthOptions {
  /** How long a session lasts after login. */
  sessionTtlMs: number;
  throttle?: LoginThrottlePolicy;
  /** The clock; tests move it forward to expire sessions. */
  now?: () => Date;
  /**
   * How long a checked session is trusted without asking the graph again (5 s when left out; 0 turns it off).
   * Logout, disabling and role changes made through this process take effect at once; made through another
   * copy of the API, within this time.
   */
  sessionCheckTtlMs?: number;
}

/** Checked sessions kept at most; beyond it the oldest are forgotten first. */
const MAX_CHECKED_SESSIONS = 10_000;

export interface LoginResult {
  token: string;
  user: SessionUser;
  expiresAt: string;
}

const wrongCredentials = 'Wrong username or password';

export function createAuthService(store: AuthStore, options: AuthOptions) {
  const throttle = options.throttle ?? defaultLoginThrottle;
  const now = options.now ?? (() => new Date());
  const checkTtlMs = options.sessionCheckTtlMs ?? 5_000;
  // Every request names its session; asking the graph each time would double the work of a cached read.
  const checked = new Map<string, { user: SessionUser; expiresAtMs: number; trustedUntilMs: number }>();
  const remember = (tokenHash: string, user: SessionUser, expiresAtMs: number, atMs: number) => {
    if (checkTtlMs <= 0) return;
    checked.delete(tokenHash);
    checked.set(tokenHash, { user, expiresAtMs, trustedUntilMs: atMs + checkTtlMs });
    for (const oldest of checked.keys()) {
      if (checked.size <= MAX_CHECKED_SESSIONS) break;
      checked.delete(oldest);
    }
  };

  return {
    async login(input: { username: string; password: string; address: string }): Promise<LoginResult> {
      const key = loginThrottleKey(input.username, input.address);
      const at = now();
      const retryAfter = loginRetryAfter(await store.loginFailures(key), at.getTime(), throttle);
      if (retryAfter !== null) {
        throw new TooManyRequestsError(
          `Too many failed logins for "${input.username}"; try again in ${Math.ceil(retryAfter / 60)} min`,
          retryAfter,
        );
      }
      const user = await store.findUser(input.username);
      // Unknown users are checked against a decoy hash so both failures take the same time.
      const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
      if (!user || !matches) {
        await store.recordLoginFailure(key, at.getTime(), throttle.windowMs);
        throw new UnauthorizedError(wrongCredentials);
      }
      if (user.disabled) throw new UnauthorizedError(`User "${user.username}" is disabled`);
      await store.clearLoginFailures(key);
      await store.deleteExpiredSessions(user.username, at.toISOString());
      const token = newSessionToken();
      const expiresAt = new Date(at.getTime() + options.sessionTtlMs).toISOString();
      await store.createSession({ tokenHash: sessionTokenHash(token), username: user.username, expiresAt });
      return { token, user: sessionUserOf(user), expiresAt };
    },

    /** The user behind a bearer token; `UnauthorizedError` when it is unknown, expired or its user disabled. */
    async authenticate(token: string): Promise<SessionUser> {
      const tokenHash = sessionTokenHash(token);
      const atMs = now().getTime();
      const known = checked.get(tokenHash);
      if (known && atMs < known.trustedUntilMs && atMs < known.expiresAtMs) return known.user;
      checked.delete(tokenHash);
      const session = await store.findSession(tokenHash);
      if (!session) throw new UnauthorizedError('Your session is unknown or has ended; please log in again');
      const expiresAtMs = Date.parse(session.expiresAt);
      if (expiresAtMs <= atMs) {
        await store.deleteSession(tokenHash);
        throw new UnauthorizedError('Your session has expired; please log in again');
      }
      if (session.user.disabled) throw new UnauthorizedError(`User "${session.user.username}" is disabled`);
      const user = sessionUserOf(session.user);
      remember(tokenHash, user, expiresAtMs, atMs);
      return user;
    },

    logout(token: string): Promise<void> {
      const tokenHash = sessionTokenHash(token);
      checked.delete(tokenHash);
      return store.deleteSession(tokenHash);
    },

    /** Drops what this process trusts about a user's sessions: call after disabling them or changing their role. */
    forgetUser(username: string): void {
      for (const [tokenHash, entry] of checked) {
        if (entry.user.username === username) checked.delete(tokenHash);
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/**
 * Login throttling: after `maxFailures` wrong logins for one username from one address within `windowMs`,
 * further attempts are refused until the window that began with the first failure has passed.
 */
export interface LoginThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const defaultLoginThrottle: LoginThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

export interface LoginFailures {
  /** Epoch milliseconds of the first failure of the current window. */
  windowStartMs: number;
  failures: number;
}

/** Seconds until another attempt is allowed, or null when it is allowed now. */
export function loginRetryAfter(
  state: LoginFailures | undefined,
  nowMs: number,
  policy: LoginThrottlePolicy,
): number | null {
  if (!state || state.failures < policy.maxFailures) return null;
  const remainingMs = state.windowStartMs + policy.windowMs - nowMs;
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : null;
}

/** The throttle key: per username and client address, so one attacker cannot lock a user out everywhere. */
export function loginThrottleKey(username: string, address: string): string {
  return `${username.toLowerCase()}|${address}`;
}

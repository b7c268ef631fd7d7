import { describe, expect, it } from 'vitest';
import { loginRetryAfter, loginThrottleKey } from './login-throttle.ts';

const policy = { maxFailures: 5, windowMs: 15 * 60_000 };
const start = Date.parse('2026-01-01T00:00:00Z');

describe('loginRetryAfter', () => {
  it('allows attempts until the limit of failures is reached', () => {
    expect(loginRetryAfter(undefined, start, policy)).toBeNull();
    expect(loginRetryAfter({ windowStartMs: start, failures: 4 }, start + 1000, policy)).toBeNull();
  });

  it('blocks until the window that began with the first failure ends', () => {
    const state = { windowStartMs: start, failures: 5 };
    expect(loginRetryAfter(state, start + 60_000, policy)).toBe(14 * 60);
    expect(loginRetryAfter(state, start + 15 * 60_000 - 1, policy)).toBe(1);
    expect(loginRetryAfter(state, start + 15 * 60_000, policy)).toBeNull();
  });

  it('keys by username, case-insensitively, and by address', () => {
    expect(loginThrottleKey('Admin', '10.0.0.1')).toBe(loginThrottleKey('admin', '10.0.0.1'));
    expect(loginThrottleKey('admin', '10.0.0.1')).not.toBe(loginThrottleKey('admin', '10.0.0.2'));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, type FetchLike } from './api-client.ts';
import { endSession, getSession, startSession } from './session.ts';

const session = {
  token: 'token-123',
  user: { username: 'wuhou', role: 'district' as const, districtCode: '510107' },
  expiresAt: '2999-01-01T00:00:00.000Z',
};

afterEach(() => endSession());

describe('the session in API requests', () => {
  it('sends the bearer token once logged in, and none before', async () => {
    const seen: (RequestInit['headers'] | undefined)[] = [];
    const fetchImpl: FetchLike = async (_input, init) => {
      seen.push(init.headers);
      return new Response('{}', { status: 200 });
    };
    await apiGet('/api/x', z.object({}), {}, fetchImpl);
    startSession(session);
    await apiGet('/api/x', z.object({}), {}, fetchImpl);
    expect(seen).toEqual([
      { Accept: 'application/json' },
      { Accept: 'application/json', Authorization: 'Bearer token-123' },
    ]);
  });

  it('forgets the session when the API answers 401, so the login screen shows', async () => {
    startSession(session);
    const expired: FetchLike = async () =>
      new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Your session has expired' } }), {
        status: 401,
      });
    await expect(apiGet('/api/x', z.object({}), {}, expired)).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
  });

  it('keeps the session on other errors', async () => {
    startSession(session);
    const forbidden: FetchLike = async () =>
      new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Admins only' } }), { status: 403 });
    await expect(apiGet('/api/x', z.object({}), {}, forbidden)).rejects.toMatchObject({ status: 403 });
    expect(getSession()).toEqual(session);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../api/src/domain/auth/password.ts';
import type { Role } from '../../api/src/domain/auth/session-user.ts';
import { createUserRepository } from '../../api/src/graph/user.repository.ts';
import {
  changeListSchema,
  loginResponseSchema,
  meResponseSchema,
} from '../../api/src/http/schemas/auth.schemas.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

let api: TestApi;
// Every run makes its own users, so reruns against a kept database do not collide.
const prefix = `auth-${randomUUID().slice(0, 8)}`;
const password = 'correct horse battery';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write(
    `MATCH (n) WHERE (n:User OR n:Session) AND n.username STARTS WITH $prefix
        OR n:LoginThrottle AND n.key STARTS WITH $prefix
        OR n:WeightProfile AND n.name STARTS WITH $prefix
        OR n:Change AND n.entityId STARTS WITH $prefix
     DETACH DELETE n`,
    { prefix },
    () => null,
  );
  await api.close();
});

async function makeUser(suffix: string, role: Role = 'analyst', districtCode: string | null = null) {
  const username = `${prefix}-${suffix}`;
  await createUserRepository(api.db).createUser({
    username,
    role,
    districtCode,
    passwordHash: await hashPassword(password),
  });
  return username;
}

function logIn(target: TestApi, username: string, pass = password) {
  return target.request('post', '/api/auth/login', { as: 'anonymous', body: { username, password: pass } });
}

const errorCode = (body: unknown) => errorBodySchema.parse(body).error.code;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('logging in', () => {
  it('answers a token, the user and the expiry for the right password', async () => {
    const username = await makeUser('ok', 'district', '510107');
    const { status, body } = await logIn(api, username);
    expect(status).toBe(200);
    const login = loginResponseSchema.parse(body);
    expect(login.user).toEqual({ username, role: 'district', districtCode: '510107' });
    expect(login.token).toMatch(/^[\w-]{43}$/);
    const hours = (Date.parse(login.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const me = await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(login.token) });
    expect(me.status).toBe(200);
    expect(meResponseSchema.parse(me.body).user.username).toBe(username);
  });

  it('stores only a hash of the token', async () => {
    const username = await makeUser('hashed');
    const { token } = loginResponseSchema.parse((await logIn(api, username)).body);
    const stored = await api.db.read(
      'MATCH (s:Session {username: $username}) RETURN s.tokenHash AS hash',
      { username },
      (r) => z.string().parse(r.get('hash')),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]).not.toContain(token);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const username = await makeUser('wrong');
    const wrong = await logIn(api, username, 'not the password');
    const unknown = await logIn(api, `${prefix}-nobody`, password);
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(errorCode(answer.body)).toBe('unauthorized');
    }
    expect(errorBodySchema.parse(wrong.body).error.message).toBe(
      errorBodySchema.parse(unknown.body).error.message,
    );
  });

  it('refuses a disabled user, and ends the sessions it had', async () => {
    const username = await makeUser('disabled');
    const { token } = loginResponseSchema.parse((await logIn(api, username)).body);
    await createUserRepository(api.db).setDisabled(username, true);
    const login = await logIn(api, username);
    expect(login.status).toBe(401);
    expect(errorBodySchema.parse(login.body).error.message).toMatch(/disabled/);
    const me = await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) });
    expect(me.status).toBe(401);
  });

  it('answers 429 with Retry-After after 5 failures, even for the right password', async () => {
    const username = await makeUser('throttled');
    for (let i = 0; i < 5; i += 1) expect((await logIn(api, username, `guess ${i}`)).status).toBe(401);
    const blocked = await logIn(api, username);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked.body)).toBe('too_many_requests');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('rejects a login body without a password with 400', async () => {
    const { status } = await api.request('post', '/api/auth/login', {
      as: 'anonymous',
      body: { username: 'admin' },
    });
    expect(status).toBe(400);
  });
});

describe('sessions', () => {
  it('ends at logout: the token is refused afterwards', async () => {
    const username = await makeUser('logout');
    const { token } = loginResponseSchema.parse((await logIn(api, username)).body);
    const out = await api.request('post', '/api/auth/logout', { as: 'anonymous', headers: bearer(token) });
    expect(out).toMatchObject({ status: 200, body: { loggedOut: true } });
    const after = await api.request('get', '/api/chains', { as: 'anonymous', headers: bearer(token) });
    expect(after.status).toBe(401);
  });

  it('expires after the session lifetime, and login throttling forgets after 15 minutes', async () => {
    let now = Date.now();
    const timed = await startTestApi({ auth: { sessionTtlMs: 3_600_000, now: () => new Date(now) } });
    try {
      const username = await makeUser('expiring');
      const { token } = loginResponseSchema.parse((await logIn(timed, username)).body);
      const call = () => timed.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) });
      now += 59 * 60_000;
      expect((await call()).status).toBe(200);
      now += 2 * 60_000;
      const expired = await call();
      expect(expired.status).toBe(401);
      expect(errorBodySchema.parse(expired.body).error.message).toMatch(/expired/);

      for (let i = 0; i < 5; i += 1) await logIn(timed, username, 'wrong');
      expect((await logIn(timed, username)).status).toBe(429);
      now += 16 * 60_000;
      expect((await logIn(timed, username)).status).toBe(200);
    } finally {
      await timed.close();
    }
  });

  it('refuses unknown and malformed tokens', async () => {
    const unknown = await api.request('get', '/api/chains', {
      as: 'anonymous',
      headers: bearer('x'.repeat(43)),
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const malformed = await api.request('get', '/api/chains', {
      as: 'anonymous',
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(malformed.status).toBe(401);
  });
});

describe('access to routes', () => {
  it('lets anonymous callers reach only health, the API description and login', async () => {
    expect((await api.get('/api/health', { as: 'anonymous' })).status).toBe(200);
    expect((await api.get('/api/openapi.json', { as: 'anonymous' })).status).toBe(200);
    for (const path of [
      '/api/chains',
      '/api/enterprises',
      '/api/targets',
      '/api/auth/me',
      '/api/admin/changes',
    ]) {
      const { status, body } = await api.get(path, { as: 'anonymous' });
      expect({ path, status }).toEqual({ path, status: 401 });
      expect(errorCode(body)).toBe('unauthorized');
    }
  });

  it('lets analysts and district users read, and keeps them out of admin routes', async () => {
    for (const as of ['analyst', { district: '510107' }] as const) {
      expect((await api.get('/api/chains', { as })).status).toBe(200);
      const changes = await api.get('/api/admin/changes', { as });
      expect(changes.status).toBe(403);
      expect(errorCode(changes.body)).toBe('forbidden');
      const put = await api.request('put', `/api/admin/weight-profiles/${prefix}-x`, {
        as,
        body: { weights: { gapFit: 1, supplyTies: 0, quality: 0, momentum: 0 } },
      });
      expect(put.status).toBe(403);
    }
    const upload = await api.request('post', '/api/admin/imports?kind=enterprises&file=x.csv&dryRun=true', {
      as: 'analyst',
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status).toBe(403);
  });

  it('documents the bearer scheme and marks the public operations', async () => {
    const { body } = await api.get('/api/openapi.json', { as: 'anonymous' });
    const doc = z
      .object({
        components: z.object({ securitySchemes: z.record(z.string(), z.unknown()) }),
        paths: z.record(
          z.string(),
          z.record(z.string(), z.object({ security: z.array(z.unknown()).optional() })),
        ),
      })
      .parse(body);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    expect(doc.paths['/api/chains']?.get?.security).toBeUndefined();
  });
});

describe('the audit trail', () => {
  it('records who changed a weight profile, with the values before and after', async () => {
    const profile = `${prefix}-profile`;
    const first = { gapFit: 0.5, supplyTies: 0.2, quality: 0.2, momentum: 0.1 };
    const second = { gapFit: 0.25, supplyTies: 0.25, quality: 0.25, momentum: 0.25 };
    const created = await api.request('put', `/api/admin/weight-profiles/${profile}`, {
      body: { weights: first },
    });
    expect(created.status).toBe(201);
    const updated = await api.request('put', `/api/admin/weight-profiles/${profile}`, {
      body: { weights: second, version: 1 },
    });
    expect(updated.status).toBe(200);

    const { status, body } = await api.get(`/api/admin/changes?entityType=WeightProfile&entityId=${profile}`);
    expect(status).toBe(200);
    const changes = changeListSchema.parse(body);
    expect(changes.total).toBe(2);
    // Newest first.
    expect(changes.items.map((c) => c.action)).toEqual(['update', 'create']);
    expect(changes.items[0]).toMatchObject({
      actor: 'test-admin',
      entityType: 'WeightProfile',
      entityId: profile,
      before: { weights: first, version: 1 },
      after: { weights: second, version: 2 },
    });
    expect(changes.items[1]).toMatchObject({ before: null, after: { weights: first, version: 1 } });

    const byActor = changeListSchema.parse(
      (await api.get(`/api/admin/changes?actor=test-admin&entityId=${profile}&limit=1`)).body,
    );
    expect(byActor).toMatchObject({ total: 2, limit: 1 });
    expect(byActor.items).toHaveLength(1);
    const future = changeListSchema.parse(
      (await api.get(`/api/admin/changes?entityId=${profile}&from=2999-01-01`)).body,
    );
    expect(future.total).toBe(0);
  });
});

describe('HTTP hardening', () => {
  it('sends security headers, with a CSP that allows the same-origin web app', async () => {
    const { headers } = await api.get('/api/health', { as: 'anonymous' });
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('answers 413 in the usual error shape for a JSON body over the limit', async () => {
    const { status, body } = await api.request('post', '/api/auth/login', {
      as: 'anonymous',
      body: { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(status).toBe(413);
    expect(errorCode(body)).toBe('payload_too_large');
  });
});

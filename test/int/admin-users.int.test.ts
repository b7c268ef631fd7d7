import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeListSchema, loginResponseSchema } from '../../api/src/http/schemas/auth.schemas.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { userListSchema, userSummarySchema } from '../../api/src/http/schemas/user.schemas.ts';
import { startTestApi, type TestApi, testUsername } from '../support/test-api.ts';

let api: TestApi;
// Every run makes its own users, so reruns against a kept database do not collide.
const prefix = `adm-${randomUUID().slice(0, 8)}`;
const password = 'correct horse battery';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write(
    `MATCH (n) WHERE (n:User OR n:Session) AND n.username STARTS WITH $prefix
        OR n:LoginThrottle AND n.key STARTS WITH $prefix
        OR n:Change AND n.entityType = 'User' AND n.entityId STARTS WITH $prefix
     DETACH DELETE n`,
    { prefix },
    () => null,
  );
  await api.close();
});

const errorOf = (body: unknown) => errorBodySchema.parse(body).error;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function logIn(username: string, pass = password) {
  return api.request('post', '/api/auth/login', { as: 'anonymous', body: { username, password: pass } });
}

async function addUser(suffix: string, body: Record<string, unknown> = { role: 'analyst' }) {
  const username = `${prefix}-${suffix}`;
  const response = await api.request('post', '/api/admin/users', { body: { username, password, ...body } });
  return { username, ...response };
}

describe('user management', () => {
  it('adds users, lists them without any password hash, and audits the creation', async () => {
    const analyst = await addUser('an');
    expect(analyst.status).toBe(201);
    expect(userSummarySchema.parse(analyst.body)).toMatchObject({
      username: analyst.username,
      role: 'analyst',
      districtCode: null,
      disabled: false,
    });
    const district = await addUser('dis', { role: 'district', districtCode: '510107' });
    expect(district.status).toBe(201);

    const list = await api.get('/api/admin/users');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|scrypt/);
    const mine = userListSchema.parse(list.body).items.filter((u) => u.username.startsWith(prefix));
    expect(mine.map((u) => [u.username, u.role, u.districtCode])).toEqual([
      [analyst.username, 'analyst', null],
      [district.username, 'district', '510107'],
    ]);

    expect((await logIn(district.username)).status).toBe(200);
    const trail = await api.get(`/api/admin/changes?entityType=User&entityId=${analyst.username}`);
    const items = changeListSchema.parse(trail.body).items;
    expect(items.map((c) => [c.action, c.actor])).toEqual([['create', testUsername('admin')]]);
    expect(JSON.stringify(items)).not.toMatch(/passwordHash|scrypt/);
  });

  it('refuses a taken username, a weak password, a district user without a district, and non-admins', async () => {
    await addUser('dup');
    const taken = await addUser('dup');
    expect(taken.status).toBe(409);

    const weak = await api.request('post', '/api/admin/users', {
      body: { username: `${prefix}-weak`, role: 'analyst', password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(errorOf(weak.body).message).toMatch(/at least 8 characters/);

    const noDistrict = await addUser('nodis', { role: 'district' });
    expect(noDistrict.status).toBe(400);
    expect(errorOf(noDistrict.body).message).toMatch(/district code/);

    const asAnalyst = await api.request('post', '/api/admin/users', {
      as: 'analyst',
      body: { username: `${prefix}-x`, role: 'analyst', password },
    });
    expect(asAnalyst.status).toBe(403);
    expect((await api.get('/api/admin/users', { as: 'analyst' })).status).toBe(403);
    expect((await api.get('/api/admin/users', { as: 'anonymous' })).status).toBe(401);
  });

  it('disabling a user ends its sessions at once and refuses its logins; enabling lets it in again', async () => {
    const { username } = await addUser('off');
    const token = loginResponseSchema.parse((await logIn(username)).body).token;
    expect(
      (await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) })).status,
    ).toBe(200);

    const disabled = await api.request('patch', `/api/admin/users/${username}`, { body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(userSummarySchema.parse(disabled.body).disabled).toBe(true);
    expect(
      (await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) })).status,
    ).toBe(401);
    expect((await logIn(username)).status).toBe(401);

    const enabled = await api.request('patch', `/api/admin/users/${username}`, { body: { disabled: false } });
    expect(userSummarySchema.parse(enabled.body).disabled).toBe(false);
    expect((await logIn(username)).status).toBe(200);
    const trail = changeListSchema.parse(
      (await api.get(`/api/admin/changes?entityType=User&entityId=${username}`)).body,
    );
    expect(trail.items.map((c) => c.action)).toEqual(['enable', 'disable', 'create']);
  });

  it('changes a role, with the district rule, and the new role applies to the open session', async () => {
    const { username } = await addUser('role');
    const token = loginResponseSchema.parse((await logIn(username)).body).token;
    const refused = await api.request('patch', `/api/admin/users/${username}`, {
      body: { role: 'district' },
    });
    expect(refused.status).toBe(400);
    const changed = await api.request('patch', `/api/admin/users/${username}`, {
      body: { role: 'district', districtCode: '510104' },
    });
    expect(changed.status).toBe(200);
    expect(userSummarySchema.parse(changed.body)).toMatchObject({ role: 'district', districtCode: '510104' });
    const me = await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) });
    expect(me.body).toEqual({ user: { username, role: 'district', districtCode: '510104' } });
  });

  it('resets a password: the old one and the old sessions stop working', async () => {
    const { username } = await addUser('pw');
    const token = loginResponseSchema.parse((await logIn(username)).body).token;
    const weak = await api.request('post', `/api/admin/users/${username}/password`, {
      body: { password: 'short' },
    });
    expect(weak.status).toBe(400);
    const reset = await api.request('post', `/api/admin/users/${username}/password`, {
      body: { password: 'a brand new password' },
    });
    expect(reset.status).toBe(200);
    expect(JSON.stringify(reset.body)).not.toMatch(/scrypt/);
    expect(
      (await api.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) })).status,
    ).toBe(401);
    expect((await logIn(username)).status).toBe(401);
    expect((await logIn(username, 'a brand new password')).status).toBe(200);
    const missing = await api.request('post', `/api/admin/users/${prefix}-nobody/password`, {
      body: { password: 'a brand new password' },
    });
    expect(missing.status).toBe(404);
  });

  it('an admin cannot disable or demote themself; another admin can, unless it leaves no enabled admin', async () => {
    const { username: second } = await addUser('adm2', { role: 'admin' });
    const secondToken = loginResponseSchema.parse((await logIn(second)).body).token;
    const self = await api.request('patch', `/api/admin/users/${second}`, {
      as: 'anonymous',
      headers: bearer(secondToken),
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
    expect(errorOf(self.body).message).toMatch(/yourself/);
    const demoteSelf = await api.request('patch', `/api/admin/users/${second}`, {
      as: 'anonymous',
      headers: bearer(secondToken),
      body: { role: 'analyst' },
    });
    expect(demoteSelf.status).toBe(409);

    // The test admin may disable the second admin: other enabled admins remain.
    const byOther = await api.request('patch', `/api/admin/users/${second}`, { body: { disabled: true } });
    expect(byOther.status).toBe(200);
    expect((await logIn(second)).status).toBe(401);
  });
});

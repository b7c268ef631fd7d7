import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes, defaultSessionTtlMs } from '../../api/src/app.ts';
import { createAuthService } from '../../api/src/domain/auth/auth.service.ts';
import { createAuthStore } from '../../api/src/graph/session.repository.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { proposalSchema } from '../../api/src/http/schemas/joint.schemas.ts';
import { alertListSchema, projectDetailSchema } from '../../api/src/http/schemas/project.schemas.ts';
import {
  startTestApi,
  type TestApi,
  type TestRole,
  testPassword,
  testUsername,
} from '../support/test-api.ts';

/**
 * Every route × every kind of caller, with the status each must get. The routes are read from the route specs
 * themselves, so a route added without a row here fails the first test with the rows to add.
 *
 * Callers: nobody, the city bureau's analyst, an admin, a district user of the district the request concerns
 * (武侯区 510107) and one of another district (锦江区 510104). Admin routes are called with an empty body: an
 * admin gets past the gate to the body check (400), everyone else is stopped at the gate (401/403) before the
 * body is looked at. District-scoped writes are made for real on a fresh record per caller.
 */

type Caller = 'anonymous' | 'analyst' | 'admin' | 'own' | 'other';
const callers: Caller[] = ['anonymous', 'analyst', 'admin', 'own', 'other'];
const ownDistrict = '510107';
const otherDistrict = '510104';
const partnerDistrict = '510116';
const roleOf: Record<Caller, TestRole> = {
  anonymous: 'anonymous',
  analyst: 'analyst',
  admin: 'admin',
  own: { district: ownDistrict },
  other: { district: otherDistrict },
};

interface Prepared {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface AccessRow {
  /** The request one caller makes; may create the record it acts on first. Path params → `x` when left out. */
  prepare?: (caller: Caller) => Promise<Prepared> | Prepared;
  expect: Record<Caller, number>;
}

const everyone = (status: number): Record<Caller, number> => ({
  anonymous: status,
  analyst: status,
  admin: status,
  own: status,
  other: status,
});
/** Any logged-in user may read it. */
const anyUser = { ...everyone(200), anonymous: 401 };
/** Admins only: the admin reaches the body check (or the operation) with `adminStatus`. */
const adminOnly = (adminStatus: number) => ({ ...everyone(403), anonymous: 401, admin: adminStatus });
/** Written for a district: that district's users and admins may, analysts and other districts may not. */
const districtWrite = (ok: number) => ({ anonymous: 401, analyst: 403, admin: ok, own: ok, other: 403 });

const prefix = `access-${randomUUID().slice(0, 8)}`;
const target = '603290.SH';
const chainId = 'integrated-circuit';
let api: TestApi;
const createdProjects: string[] = [];
const createdProposals: string[] = [];
const createdParcels: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write(
    `MATCH (p:Project) WHERE p.id IN $projects OR p.name STARTS WITH $prefix
        OR EXISTS { MATCH (p)-[:ON_PARCEL]->(lp:LandParcel) WHERE lp.id STARTS WITH $prefix }
     OPTIONAL MATCH (p)-[*1]-(x) WHERE x:ProjectEvent OR x:Milestone OR x:Alert
     DETACH DELETE x, p`,
    { projects: createdProjects, prefix },
    () => null,
  );
  await api.db.write(
    `MATCH (p:Proposal) WHERE p.id IN $ids
     OPTIONAL MATCH (p)-[:HAS_STEP|RESULTED_IN]->(x)
     DETACH DELETE x, p`,
    { ids: createdProposals },
    () => null,
  );
  await api.db.write(
    'MATCH (lp:LandParcel) WHERE lp.id IN $ids DETACH DELETE lp',
    { ids: createdParcels },
    () => null,
  );
  await api.close();
});

async function createProject(fields: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const { status, body } = await api.request('post', '/api/projects', {
    body: { name: `${prefix} 项目`, year: 2030, districtCodes: [ownDistrict], ...fields },
  });
  if (status !== 201)
    throw new Error(`Creating a fixture project answered ${status}: ${JSON.stringify(body)}`);
  const project = projectDetailSchema.parse(body);
  createdProjects.push(project.id);
  return project;
}

/** A fresh open alert on a project of the own district (a milestone long overdue). */
async function freshAlert(): Promise<string> {
  const project = await createProject({ stage: 'signed', planned: { started: '2025-01-01' } });
  const listed = alertListSchema.parse((await api.get(`/api/alerts?project=${project.id}`)).body);
  const alert = listed.items[0];
  if (!alert) throw new Error(`No alert was raised for fixture project ${project.id}`);
  return alert.id;
}

const projection = {
  investment: 200_000,
  buildYears: 2,
  annualOutput: 500_000,
  annualTax: 20_000,
  jobs: 1_200,
  rampYears: 2,
};
const terms = {
  split: { basis: 'shapley' },
  statistics: 'split',
  term: { startYear: 2027, years: 8 },
  projection,
};

/** A proposal between the own district and a partner, made by an admin acting for `initiator`. */
async function freshProposal(initiator: string, submit = true): Promise<{ id: string; version: number }> {
  const { status, body } = await api.request('post', '/api/proposals', {
    body: {
      parties: [
        { code: ownDistrict, role: 'host' },
        { code: partnerDistrict, role: 'partner' },
      ],
      target: { kind: 'enterprise', id: target },
      terms,
      submit,
      actingFor: initiator,
    },
  });
  if (status !== 201)
    throw new Error(`Creating a fixture proposal answered ${status}: ${JSON.stringify(body)}`);
  const proposal = proposalSchema.parse(body);
  createdProposals.push(proposal.id);
  return proposal;
}

/** Acting on a proposal: everyone names the own district, so admins may and other districts may not. */
const proposalAction =
  (initiator: string, action: string, submit = true, extra: Record<string, unknown> = {}) =>
  async (): Promise<Prepared> => {
    const proposal = await freshProposal(initiator, submit);
    return {
      path: `/api/proposals/${proposal.id}/${action}`,
      body: { version: proposal.version, actingFor: ownDistrict, ...extra },
    };
  };

/** An idle parcel of the own district, made for one caller (a parcel is revived only once). */
async function freshParcel(): Promise<string> {
  const id = `${prefix}-parcel-${createdParcels.length + 1}`;
  await api.db.write(
    `MATCH (d:District {code: $code})
     CREATE (lp:LandParcel {id: $id, name: $id, districtCode: $code, areaHa: 3.5, status: 'supplied_unused',
                            suppliedOn: '2022-01-01', use: 'industrial'})-[:IN_DISTRICT]->(d)`,
    { id, code: ownDistrict },
    () => null,
  );
  createdParcels.push(id);
  return id;
}

let sharedProject: { id: string } | undefined;
const projectPath = async () => {
  sharedProject ??= await createProject({ stage: 'planning' });
  return `/api/projects/${sharedProject.id}`;
};
let ownProposal: { id: string } | undefined;

const table: Record<string, AccessRow> = {
  'GET /api/health': { expect: everyone(200) },
  'POST /api/auth/login': { prepare: () => ({ path: '/api/auth/login', body: {} }), expect: everyone(400) },
  'POST /api/auth/logout': {
    // A session of its own, so logging it out leaves the test users' sessions alone.
    prepare: async (caller) => {
      if (caller === 'anonymous') return { path: '/api/auth/logout' };
      const role = roleOf[caller];
      await api.headersFor(role); // makes sure the test user exists
      const login = await api.request('post', '/api/auth/login', {
        as: 'anonymous',
        body: { username: testUsername(role as Exclude<TestRole, 'anonymous'>), password: testPassword },
      });
      const token = z.object({ token: z.string() }).parse(login.body).token;
      return { path: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } };
    },
    expect: anyUser,
  },
  'GET /api/auth/me': { expect: anyUser },
  'GET /api/admin/changes': { expect: adminOnly(200) },
  'GET /api/ecosystems': { expect: anyUser },
  'GET /api/chains': { expect: anyUser },
  'GET /api/chains/:id': { prepare: () => ({ path: `/api/chains/${chainId}` }), expect: anyUser },
  'GET /api/districts': { expect: anyUser },
  'GET /api/districts/:code': { prepare: () => ({ path: `/api/districts/${ownDistrict}` }), expect: anyUser },
  'GET /api/enterprises': { prepare: () => ({ path: '/api/enterprises?q=半导' }), expect: anyUser },
  'GET /api/enterprises/:id': { prepare: () => ({ path: `/api/enterprises/${target}` }), expect: anyUser },
  'GET /api/graph/neighbourhood': {
    prepare: () => ({ path: `/api/graph/neighbourhood?id=${chainId}` }),
    expect: anyUser,
  },
  'POST /api/admin/imports': {
    prepare: () => ({ path: '/api/admin/imports?kind=enterprises&file=x.csv', body: '' }),
    expect: adminOnly(400),
  },
  'GET /api/chains/:id/gaps': { prepare: () => ({ path: `/api/chains/${chainId}/gaps` }), expect: anyUser },
  'GET /api/targets': { prepare: () => ({ path: `/api/targets?chain=${chainId}` }), expect: anyUser },
  'GET /api/weight-profiles': { expect: anyUser },
  'PUT /api/admin/weight-profiles/:name': {
    prepare: () => ({ path: `/api/admin/weight-profiles/${prefix}`, body: {} }),
    expect: adminOnly(400),
  },
  'GET /api/enterprises/:id/districts': {
    prepare: () => ({ path: `/api/enterprises/${target}/districts` }),
    expect: anyUser,
  },
  'GET /api/proposals': { expect: anyUser },
  'POST /api/proposals': {
    prepare: () => ({
      path: '/api/proposals',
      body: {
        parties: [
          { code: ownDistrict, role: 'host' },
          { code: partnerDistrict, role: 'partner' },
        ],
        target: { kind: 'enterprise', id: target },
        terms,
        submit: false,
        actingFor: ownDistrict,
      },
    }),
    expect: districtWrite(201),
  },
  'GET /api/proposals/:id': {
    prepare: async () => {
      ownProposal ??= await freshProposal(ownDistrict);
      return { path: `/api/proposals/${ownProposal.id}` };
    },
    // Analysts and admins read every proposal, a district only those it is a party to.
    expect: { ...anyUser, other: 403 },
  },
  'POST /api/proposals/:id/counter': {
    prepare: proposalAction(partnerDistrict, 'counter', true, { terms }),
    expect: districtWrite(200),
  },
  'POST /api/proposals/:id/propose': {
    prepare: proposalAction(ownDistrict, 'propose', false),
    expect: districtWrite(200),
  },
  'POST /api/proposals/:id/accept': {
    prepare: proposalAction(partnerDistrict, 'accept'),
    expect: districtWrite(200),
  },
  'POST /api/proposals/:id/reject': {
    prepare: proposalAction(partnerDistrict, 'reject'),
    expect: districtWrite(200),
  },
  'POST /api/proposals/:id/withdraw': {
    prepare: proposalAction(ownDistrict, 'withdraw'),
    expect: districtWrite(200),
  },
  'GET /api/projects/lifecycle': { expect: anyUser },
  'GET /api/projects/board': { expect: anyUser },
  'GET /api/projects': { expect: anyUser },
  'GET /api/projects/:id': { prepare: async () => ({ path: await projectPath() }), expect: anyUser },
  'POST /api/projects': {
    prepare: () => ({
      path: '/api/projects',
      body: { name: `${prefix} 新项目`, year: 2030, districtCodes: [ownDistrict] },
    }),
    expect: districtWrite(201),
  },
  'POST /api/projects/:id/moves': {
    prepare: async () => {
      const project = await createProject({ stage: 'planning' });
      return {
        path: `/api/projects/${project.id}/moves`,
        body: { stage: 'negotiating', reason: '进入洽谈', version: project.version },
      };
    },
    expect: districtWrite(200),
  },
  'GET /api/land-parcels': { expect: anyUser },
  'POST /api/land-parcels/:id/revive': {
    prepare: async () => ({
      path: `/api/land-parcels/${await freshParcel()}/revive`,
      body: { name: `${prefix} 盘活`, reason: '盘活闲置用地', year: 2030 },
    }),
    expect: districtWrite(201),
  },
  'GET /api/alerts': { expect: anyUser },
  'POST /api/alerts/:id/ack': {
    prepare: async () => ({ path: `/api/alerts/${await freshAlert()}/ack`, body: {} }),
    // The city bureau coordinates the handling of alerts across districts.
    expect: { ...districtWrite(200), analyst: 200 },
  },
  'POST /api/alerts/:id/assign': {
    prepare: async () => ({ path: `/api/alerts/${await freshAlert()}/assign`, body: { assignee: '王专员' } }),
    expect: { ...districtWrite(200), analyst: 200 },
  },
  'POST /api/alerts/:id/resolve': {
    prepare: async () => ({ path: `/api/alerts/${await freshAlert()}/resolve`, body: { note: '已处理' } }),
    expect: { ...districtWrite(200), analyst: 200 },
  },
  'GET /api/admin/alert-rules': { expect: adminOnly(200) },
  'PUT /api/admin/alert-rules': {
    prepare: () => ({ path: '/api/admin/alert-rules', body: {} }),
    expect: adminOnly(400),
  },
  'GET /api/rankings': { prepare: () => ({ path: '/api/rankings?period=2025' }), expect: anyUser },
  'POST /api/admin/chains': {
    prepare: () => ({ path: '/api/admin/chains', body: {} }),
    expect: adminOnly(400),
  },
  'PATCH /api/admin/chains/:id': {
    prepare: () => ({ path: `/api/admin/chains/${chainId}`, body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/chains/:id/retire': {
    prepare: () => ({ path: `/api/admin/chains/${chainId}/retire`, body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/chains/:id/links': {
    prepare: () => ({ path: `/api/admin/chains/${chainId}/links`, body: {} }),
    expect: adminOnly(400),
  },
  'PATCH /api/admin/links/:id': {
    prepare: () => ({ path: '/api/admin/links/x', body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/links/:id/retire': {
    prepare: () => ({ path: '/api/admin/links/x/retire', body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/feeds': {
    prepare: () => ({ path: '/api/admin/feeds', body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/feeds/remove': {
    prepare: () => ({ path: '/api/admin/feeds/remove', body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/enterprises/:id/move': {
    prepare: () => ({ path: `/api/admin/enterprises/${target}/move`, body: {} }),
    expect: adminOnly(400),
  },
  'GET /api/admin/map-changes': {
    prepare: () => ({ path: '/api/admin/map-changes?from=2020-01-01&to=2021-01-01' }),
    expect: adminOnly(200),
  },
  'POST /api/admin/map-changes/:id/revert': {
    prepare: () => ({ path: '/api/admin/map-changes/x/revert', body: {} }),
    expect: adminOnly(400),
  },
  'GET /api/chains/health': { expect: anyUser },
  'GET /api/chains/:id/changes': {
    prepare: () => ({ path: `/api/chains/${chainId}/changes?from=2020-01-01&to=2021-01-01` }),
    expect: anyUser,
  },
  'GET /api/search': { prepare: () => ({ path: '/api/search?q=半导' }), expect: anyUser },
  // Each user's own shortlist: anyone logged in may keep one.
  'GET /api/shortlist': { expect: anyUser },
  'PUT /api/shortlist/:id': { prepare: () => ({ path: `/api/shortlist/${target}` }), expect: anyUser },
  'DELETE /api/shortlist/:id': { prepare: () => ({ path: `/api/shortlist/${target}` }), expect: anyUser },
  // Computes only, for anyone logged in: an empty body reaches the body check.
  'POST /api/joint/shares': {
    prepare: () => ({ path: '/api/joint/shares', body: {} }),
    expect: { ...everyone(400), anonymous: 401 },
  },
  'GET /api/admin/users': { expect: adminOnly(200) },
  'POST /api/admin/users': {
    prepare: () => ({ path: '/api/admin/users', body: {} }),
    expect: adminOnly(400),
  },
  'PATCH /api/admin/users/:username': {
    prepare: () => ({ path: `/api/admin/users/${prefix}-nobody`, body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/admin/users/:username/password': {
    prepare: () => ({ path: `/api/admin/users/${prefix}-nobody/password`, body: {} }),
    expect: adminOnly(400),
  },
  'GET /api/admin/map-diff': {
    prepare: () => ({ path: '/api/admin/map-diff?from=2020-01-01&to=2021-01-01' }),
    expect: adminOnly(200),
  },
};

function specKeys(): string[] {
  const auth = createAuthService(createAuthStore(api.db), { sessionTtlMs: defaultSessionTtlMs });
  return apiRoutes(api.db, auth).map((r) => `${r.method.toUpperCase()} ${r.path}`);
}

describe('access control', () => {
  it('has a row for every route the API declares, and none for a route it does not', () => {
    const declared = specKeys();
    const missing = declared.filter((key) => !(key in table));
    const stale = Object.keys(table).filter((key) => !declared.includes(key));
    expect(
      missing,
      `Add rows to the access table in test/int/access-control.int.test.ts for: ${missing.join(', ')}`,
    ).toEqual([]);
    expect(stale, `Remove rows for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('answers every route × caller with the status the table expects', async () => {
    const mismatches: string[] = [];
    let tried = 0;
    for (const key of specKeys()) {
      const row = table[key];
      if (!row) continue; // reported by the test above
      const [method = '', pattern = ''] = key.split(' ');
      for (const caller of callers) {
        const prepared = row.prepare ? await row.prepare(caller) : { path: pattern.replaceAll(/:\w+/g, 'x') };
        const { status, body } = await api.request(method, prepared.path, {
          as: prepared.headers ? 'anonymous' : roleOf[caller],
          body: prepared.body,
          headers: prepared.headers,
        });
        tried += 1;
        if (status !== row.expect[caller]) {
          mismatches.push(
            `${key} as ${caller}: expected ${row.expect[caller]}, got ${status} ${JSON.stringify(body).slice(0, 160)}`,
          );
        }
        if (status >= 400) {
          expect(errorBodySchema.safeParse(body).success, `${key} as ${caller}: error body`).toBe(true);
        }
      }
    }
    process.stdout.write(`access control: ${tried} route × caller requests checked\n`);
    expect(mismatches, mismatches.join('\n')).toEqual([]);
  }, 400_000);
});

describe('sessions and login', () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const logIn = (target: TestApi, username: string, password = testPassword) =>
    target.request('post', '/api/auth/login', { as: 'anonymous', body: { username, password } });

  it('a session ends at logout and after its lifetime', async () => {
    let now = Date.now();
    const timed = await startTestApi({ auth: { sessionTtlMs: 60_000, now: () => new Date(now) } });
    try {
      await timed.headersFor('analyst');
      const token = z
        .object({ token: z.string() })
        .parse((await logIn(timed, testUsername('analyst'))).body).token;
      const me = () => timed.request('get', '/api/auth/me', { as: 'anonymous', headers: bearer(token) });
      expect((await me()).status).toBe(200);
      now += 61_000;
      const expired = await me();
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);

      const second = z
        .object({ token: z.string() })
        .parse((await logIn(timed, testUsername('analyst'))).body).token;
      const out = await timed.request('post', '/api/auth/logout', {
        as: 'anonymous',
        headers: bearer(second),
      });
      expect(out.status).toBe(200);
      const after = await timed.request('get', '/api/chains', { as: 'anonymous', headers: bearer(second) });
      expect(after.status).toBe(401);
    } finally {
      await timed.close();
    }
  });

  it('throttles logins: 429 with Retry-After after repeated failures', async () => {
    const username = `${prefix}-nobody`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await logIn(api, username, `guess-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const blocked = await logIn(api, username, 'guess-again');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    await api.db.write(
      'MATCH (t:LoginThrottle) WHERE t.key STARTS WITH $p DELETE t',
      { p: username },
      () => null,
    );
  });
});

describe('HTTP hardening', () => {
  it('sends helmet security headers on API answers and on errors', async () => {
    for (const path of ['/api/health', '/api/no-such-route']) {
      const { headers } = await api.get(path, { as: 'anonymous' });
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(headers.get('content-security-policy'), path).toMatch(/default-src 'self'/);
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('refuses a JSON body over 1 MB with 413 and a plain message', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    const { status, body } = await api.request('post', '/api/projects', {
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(status).toBe(413);
    expect(errorBodySchema.parse(body).error.code).toBe('payload_too_large');
  });

  it('refuses an upload before reading it unless the caller is an admin', async () => {
    // Headers announce 40 MB and no byte of it is sent: only an answer given before reading the body arrives.
    for (const as of ['anonymous', 'analyst', { district: ownDistrict }] as const) {
      const auth = (await api.headersFor(as)).authorization;
      const head = await rawRequestHead(api.baseUrl, [
        'POST /api/admin/imports?kind=enterprises&file=x.csv HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: text/csv',
        `Content-Length: ${40 * 1024 * 1024}`,
        ...(auth ? [`Authorization: ${auth}`] : []),
      ]);
      expect(head, JSON.stringify(as)).toMatch(as === 'anonymous' ? /^HTTP\/1\.1 401/ : /^HTTP\/1\.1 403/);
    }
  });
});

/** Sends only a request's head and returns the status line of the answer (or fails after 5 s). */
function rawRequestHead(baseUrl: string, lines: string[]): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('No answer within 5 s: the server waited for the body'));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

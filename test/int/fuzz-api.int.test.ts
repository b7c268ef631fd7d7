import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes, defaultSessionTtlMs } from '../../api/src/app.ts';
import { createAuthService } from '../../api/src/domain/auth/auth.service.ts';
import { createAuthStore } from '../../api/src/graph/session.repository.ts';
import type { RouteSpec } from '../../api/src/http/route.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * Bad input against every write endpoint, read from the route specs: random JSON, objects with the route's own
 * field names holding wrong types, Cypher-looking text, huge numbers, lone surrogates, nulls and extra keys, and
 * raw bodies (deeply nested, over the size limit, malformed, invalid UTF-8, the wrong content type).
 *
 * Every answer must be below 500 with the standard error body, a 400 must name the offending field's path, and
 * the graph must end as it began (login throttling aside, which rightly records failed logins).
 */

const runsPerRoute = 40;
let api: TestApi;
let writeRoutes: RouteSpec[] = [];
let throttleKeysBefore: string[] = [];
const throttleKeys = () =>
  api.db.read('MATCH (t:LoginThrottle) RETURN t.key AS key', {}, (r) => String(r.get('key')));

beforeAll(async () => {
  api = await startTestApi();
  await api.headersFor('admin');
  const auth = createAuthService(createAuthStore(api.db), { sessionTtlMs: defaultSessionTtlMs });
  writeRoutes = apiRoutes(api.db, auth).filter((r) => r.method !== 'get');
  throttleKeysBefore = await throttleKeys();
});
afterAll(async () => {
  // The failed logins fuzzing made are forgotten, so they throttle nobody later.
  await api.db.write(
    'MATCH (t:LoginThrottle) WHERE NOT t.key IN $before DELETE t',
    { before: throttleKeysBefore },
    () => null,
  );
  await api.close();
});

const cypherLike = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n RETURN 1 //',
  '$id',
  '{id: $id}',
  'MATCH (n) RETURN n',
  'CALL dbms.shutdown()',
  "x'}]->(m) SET m.name='pwned' //",
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '\\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '集成电路\u0000\uFFFF',
];
const hugeNumbers = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 1e-320, -0, 1.2345678901234568e29];

const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(...hugeNumbers),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(...cypherLike),
  fc.constantFrom('\ud800', 'a\udfffb', '\ud83d'), // lone surrogates
  fc.constant('长'.repeat(20_000)),
  fc.constantFrom('2026-02-30', '9999-99-99', '', ' ', '510107', '603290.SH', 'integrated-circuit'),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** The field names a route's body schema knows, so wrong values land on real fields, not only on extra keys. */
function fieldNames(spec: RouteSpec): string[] {
  const schema = spec.body;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function bodyArbitrary(spec: RouteSpec): fc.Arbitrary<unknown> {
  const known = fieldNames(spec);
  const key = known.length > 0 ? fc.oneof(fc.constantFrom(...known), fc.string()) : fc.string();
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 4, arbitrary: fc.dictionary(key, adversarialValue, { maxKeys: 8 }) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
        adversarialValue,
      ),
    },
  );
}

const paramValue = fc.oneof(
  fc.constantFrom('x', '603290.SH', 'integrated-circuit', '510107', '00000000-0000-0000-0000-000000000001'),
  fc.constantFrom(...cypherLike),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constant('id'.repeat(3_000)),
);

function fillPath(pattern: string, value: string): string {
  return pattern.replaceAll(/:\w+/g, encodeURIComponent(value));
}

const stats = { requests: 0, byStatus: new Map<number, number>() };

/** Checks one answer to a bad request; returns the problem, or null when it is fine. */
function problemWith(label: string, status: number, body: unknown): string | null {
  stats.requests += 1;
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
  if (status >= 500) return `${label}: answered ${status} ${JSON.stringify(body).slice(0, 300)}`;
  if (status < 400) return null;
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success)
    return `${label}: ${status} without the standard error body: ${String(body).slice(0, 200)}`;
  if (parsed.data.error.code === 'validation_failed') {
    const issues = z
      .array(z.object({ path: z.string(), message: z.string().min(1) }))
      .safeParse(parsed.data.error.details);
    if (!issues.success || issues.data.length === 0) return `${label}: a 400 without field paths`;
    const bare = issues.data.find((i) => !/^(body|query|params)(\.|$)/.test(i.path));
    if (bare) return `${label}: field path "${bare.path}" does not say which part of the request`;
  }
  return null;
}

/** The graph, leaving out what failed logins rightly record and the callers' own shortlists. */
async function contentFingerprint(): Promise<string[]> {
  // A shortlist PUT needs no body, so fuzzing its path may rightly add to the admin's own shortlist.
  return (await graphFingerprint(api.db)).filter(
    (line) => !line.includes('"LoginThrottle"') && !line.includes('"SHORTLISTED"'),
  );
}

async function send(spec: RouteSpec, path: string, body: unknown, headers: Record<string, string> = {}) {
  // Public routes and logout are sent without a session (a fuzzed logout would end the admin's).
  const anonymous = spec.access === 'public' || spec.path === '/api/auth/logout';
  return api.request(spec.method, path, { as: anonymous ? 'anonymous' : 'admin', body, headers });
}

describe('fuzzing the write endpoints', () => {
  it('never answers 5xx, always says which field is wrong, and writes nothing for a rejected request', async () => {
    expect(writeRoutes.length).toBeGreaterThan(20);
    const before = await contentFingerprint();
    const accepted: string[] = [];
    const problems: string[] = [];

    for (const spec of writeRoutes) {
      if (spec.path === '/api/admin/imports') continue; // a file upload: fuzzed by fuzz-import
      const label = `${spec.method.toUpperCase()} ${spec.path}`;
      await fc.assert(
        fc.asyncProperty(paramValue, bodyArbitrary(spec), async (param, body) => {
          const path = fillPath(spec.path, param);
          const { status, body: answer } = await send(spec, path, body);
          if (status < 300 && spec.path !== '/api/auth/login')
            accepted.push(`${label} ${JSON.stringify(body).slice(0, 60)}`);
          const problem = problemWith(
            `${label} (${path.slice(0, 80)}) body ${JSON.stringify(body).slice(0, 200)}`,
            status,
            answer,
          );
          if (problem) problems.push(problem);
          return problem === null;
        }),
        { numRuns: runsPerRoute, endOnFailure: true },
      );

      const path = fillPath(spec.path, 'x');
      const raw: [string, string | Uint8Array, Record<string, string>, number?][] = [
        [
          'deeply nested',
          `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
          { 'content-type': 'application/json' },
        ],
        [
          'nested objects',
          `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
          { 'content-type': 'application/json' },
        ],
        [
          'over 1 MB',
          JSON.stringify({ x: 'x'.repeat(1_100_000) }),
          { 'content-type': 'application/json' },
          413,
        ],
        ['malformed JSON', '{"name": ', { 'content-type': 'application/json' }, 400],
        [
          'invalid UTF-8',
          new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
          { 'content-type': 'application/json' },
        ],
        ['not JSON', 'name=x&year=2030', { 'content-type': 'application/x-www-form-urlencoded' }],
        ['JSON null', 'null', { 'content-type': 'application/json' }],
        ['JSON string', '"text"', { 'content-type': 'application/json' }],
      ];
      for (const [what, body, headers, expected] of raw) {
        const { status, body: answer } = await send(spec, path, body, headers);
        if (status < 300) accepted.push(`${label} ${what}`);
        const problem = problemWith(`${label} ${what}`, status, answer);
        if (problem) problems.push(problem);
        if (
          expected !== undefined &&
          spec.access !== 'public' &&
          spec.path !== '/api/auth/logout' &&
          status !== expected
        ) {
          problems.push(`${label} ${what}: expected ${expected}, got ${status}`);
        }
      }
    }

    const after = await contentFingerprint();
    const statuses = [...stats.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    process.stdout.write(
      `fuzz-api: ${stats.requests} requests to ${writeRoutes.length - 1} write routes; statuses ${statuses}; accepted ${accepted.length}: ${accepted.join(' | ')}\n`,
    );
    expect(problems, problems.join('\n')).toEqual([]);
    const added = after.filter((line) => !before.includes(line));
    const removed = before.filter((line) => !after.includes(line));
    expect(
      { added: added.slice(0, 5), removed: removed.slice(0, 5) },
      `The graph changed; requests accepted: ${accepted.slice(0, 10).join('\n')}`,
    ).toEqual({ added: [], removed: [] });
  }, 600_000);
});

/** Every leaf's path in a JSON value: `terms.projection.jobs`, `districtCodes.0`. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}

function withLeaf(value: unknown, path: string[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withLeaf(v, rest, leaf) : v));
  if (value !== null && typeof value === 'object') {
    return { ...value, [head]: withLeaf((value as Record<string, unknown>)[head], rest, leaf) };
  }
  return value;
}

const fuzzName = 'fuzz-项目';
const proposalBase = {
  parties: [
    { code: '510107', role: 'host' },
    { code: '510116', role: 'partner' },
  ],
  target: { kind: 'enterprise', id: '603290.SH' },
  terms: {
    split: { basis: 'shapley' },
    statistics: 'split',
    term: { startYear: 2027, years: 8 },
    projection: {
      investment: 200_000,
      buildYears: 2,
      annualOutput: 500_000,
      annualTax: 20_000,
      jobs: 1_200,
      rampYears: 2,
    },
  },
  submit: false,
  actingFor: '510107',
};
const projectBase = {
  name: fuzzName,
  year: 2030,
  districtCodes: ['510107'],
  stage: 'signed',
  planned: { started: '2025-01-01' },
  investmentPlannedYi: 3,
  jobsPlanned: 120,
  reason: '测试',
};

describe('fuzzing valid requests one field at a time', () => {
  const madeProjects: string[] = [];
  const madeProposals: string[] = [];
  afterAll(async () => {
    await api.db.write(
      `MATCH (p:Project) WHERE p.id IN $ids OR p.name STARTS WITH 'fuzz'
       OPTIONAL MATCH (p)-[:HAS_EVENT]->(e) DETACH DELETE e, p`,
      { ids: madeProjects },
      () => null,
    );
    await api.db.write(
      `MATCH (p:Proposal) WHERE p.id IN $ids OPTIONAL MATCH (p)-[:HAS_STEP|RESULTED_IN]->(x) DETACH DELETE x, p`,
      { ids: madeProposals },
      () => null,
    );
  });

  const graphSize = async () =>
    (
      await api.db.read(
        'MATCH (n) WHERE NOT n:LoginThrottle WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
        {},
        (r) => `${r.get('nodes')} nodes, ${r.get('rels')} relationships`,
      )
    )[0];

  it('reaches the domain and the graph with wrong values and never answers 5xx or half-writes', async () => {
    const project = await api.request('post', '/api/projects', { body: projectBase });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = z.object({ id: z.string() }).parse(project.body).id;
    madeProjects.push(projectId);
    const alerts = await api.get(`/api/alerts?project=${encodeURIComponent(projectId)}`);
    const alertId =
      z.object({ items: z.array(z.object({ id: z.string() })) }).parse(alerts.body).items[0]?.id ?? 'x';

    const bases: [string, string, Record<string, unknown>][] = [
      ['post', '/api/projects', projectBase],
      ['post', '/api/proposals', proposalBase],
      [
        'post',
        `/api/projects/${projectId}/moves`,
        { stage: 'started', batch: 'landing', reason: '已开工', version: 1 },
      ],
      ['post', `/api/alerts/${alertId}/assign`, { assignee: '王专员', note: '两周内复工' }],
      ['post', `/api/land-parcels/x/revive`, { reason: '盘活闲置用地', year: 2030 }],
    ];
    const problems: string[] = [];
    let tried = 0;
    for (const [method, path, base] of bases) {
      const paths = leafPaths(base);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paths),
          adversarialValue,
          fc.boolean(),
          async (leaf, value, extra) => {
            const body = extra
              ? { ...(withLeaf(base, leaf, value) as object), extraKey: value }
              : withLeaf(base, leaf, value);
            const sizeBefore = await graphSize();
            const { status, body: answer } = await api.request(method, path, { body });
            tried += 1;
            const label = `${method.toUpperCase()} ${path} with ${leaf.join('.')} = ${JSON.stringify(value)?.slice(0, 80)}`;
            let problem = problemWith(label, status, answer);
            if (status < 300) {
              const id = z.object({ id: z.string() }).safeParse(answer);
              if (id.success) (path === '/api/proposals' ? madeProposals : madeProjects).push(id.data.id);
            } else if (problem === null && (await graphSize()) !== sizeBefore) {
              problem = `${label}: answered ${status} but the graph changed`;
            }
            if (problem) problems.push(problem);
            return problem === null;
          },
        ),
        { numRuns: 60, endOnFailure: true },
      );
    }
    process.stdout.write(`fuzz-api (one field at a time): ${tried} requests on ${bases.length} operations\n`);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);
});

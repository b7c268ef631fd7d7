import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import { proposalSchema } from '../../api/src/http/schemas/joint.schemas.ts';
import { writeGeneratedCsv } from '../../bench/import-generator.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';
import { eventually, loadSeed, type OwnNeo4j, startOwnNeo4j, wipe } from './own-neo4j.ts';

/**
 * kill -9 of Neo4j under load, and a restart on the same data: every write a client was told succeeded is
 * there afterwards, an interrupted import re-run ends in the same graph as an uninterrupted one, and the API
 * answers 503 (never 500) while Neo4j is away and recovers by itself.
 */

const rows = 8_000;
let neo4j: OwnNeo4j;
let api: TestApi;
let csv: Buffer;

beforeAll(async () => {
  neo4j = await startOwnNeo4j();
  await loadSeed(neo4j.uri);
  api = await startTestApi({ uri: neo4j.uri });
  const file = path.join(tmpdir(), `chainscout-faults-${rows}.csv`);
  await writeGeneratedCsv(file, rows);
  csv = await readFile(file);
}, 600_000);
afterAll(async () => {
  await api?.close();
  await neo4j?.dispose();
});

const importQuery = 'kind=enterprises&file=generated.csv&asOf=2026-01-01&source=faults';

async function upload() {
  const response = await fetch(`${api.baseUrl}/api/admin/imports?${importQuery}`, {
    method: 'POST',
    headers: { ...(await api.headersFor('admin')), 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const enterpriseCount = async () =>
  (await api.db.read('MATCH (e:Enterprise) RETURN count(e) AS n', {}, (r) => Number(r.get('n'))))[0] ?? 0;

/** What the API answers while Neo4j is away: each status, and no 500. */
async function duringOutage(): Promise<number[]> {
  const answers = await Promise.all([
    api.get('/api/health'),
    api.get('/api/enterprises?q=科技'),
    api.request('post', '/api/projects', {
      body: { name: '停机期间的项目', year: 2030, districtCodes: ['510107'] },
    }),
  ]);
  for (const a of answers) {
    if (a.status === 503) expect(errorBodySchema.parse(a.body).error.code).toBe('unavailable');
  }
  return answers.map((a) => a.status);
}

const healthy = async () => (await api.get('/api/health')).status === 200;

describe('kill -9 of Neo4j', () => {
  it('during a large import: the client gets 503, and the re-run ends in the graph of an uninterrupted import', async () => {
    // The reference: the same file imported without interruption, then the graph put back as it was.
    const seedCount = await enterpriseCount();
    // The admin who uploads is created at its first request: before the fingerprint, not inside the change.
    await api.headersFor('admin');
    const seededFirst = await graphFingerprint(api.db);
    const reference = await upload();
    expect(reference.status, JSON.stringify(reference.body).slice(0, 300)).toBe(200);
    expect(importSummarySchema.parse(reference.body).rejectedRows).toBeLessThan(rows);
    const uninterrupted = await graphFingerprint(api.db);
    await wipe(api.db);
    await loadSeed(neo4j.uri);
    // The wipe took the test users and their sessions with it: a new API logs in again.
    await api.close();
    api = await startTestApi({ uri: neo4j.uri });
    expect(await enterpriseCount()).toBe(seedCount);
    await api.headersFor('admin');
    const seededAgain = await graphFingerprint(api.db);

    const interrupted = upload();
    const started = await eventually(async () => (await enterpriseCount()) > seedCount + 2_000, 300_000);
    expect(started, 'the import never wrote its first batches').toBe(true);
    await neo4j.kill();
    const answer = await interrupted;
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(503);
    const outage = await duringOutage();
    expect(outage).toEqual([503, 503, 503]);

    await neo4j.restart();
    expect(await eventually(healthy, 120_000), 'the API did not recover after Neo4j came back').toBe(true);
    const partial = await enterpriseCount();
    expect(partial).toBeGreaterThan(seedCount);
    const rerun = await upload();
    expect(rerun.status, JSON.stringify(rerun.body).slice(0, 300)).toBe(200);
    const after = await graphFingerprint(api.db);
    const outside = (lines: string[], of: string[]) => {
      const known = new Set(of);
      return lines.filter((line) => !known.has(line));
    };
    // What each import changed in the graph it started from: the schema migrations that re-run after the wipe
    // stamp the default records they create with the time, so the two seeded graphs differ in those lines.
    const importChange = (before: string[], result: string[]) => ({
      added: outside(result, before),
      removed: outside(before, result),
    });
    const expected = importChange(seededFirst, uninterrupted);
    const actual = importChange(seededAgain, after);
    const extra = [...outside(actual.added, expected.added), ...outside(actual.removed, expected.removed)];
    const missing = [...outside(expected.added, actual.added), ...outside(expected.removed, actual.removed)];
    expect(expected.added.length).toBeGreaterThan(rows / 2);
    process.stdout.write(
      `neo4j-kill import: ${rows} rows, killed after ${partial - seedCount} enterprises were written; fingerprint ${after.length} lines, ${extra.length} extra, ${missing.length} missing\n`,
    );
    expect({ extra: extra.slice(0, 3), missing: missing.slice(0, 3) }).toEqual({ extra: [], missing: [] });
  }, 900_000);

  it('during a stream of proposal counters: every counter acknowledged is in the history afterwards', async () => {
    const projection = {
      investment: 200_000,
      buildYears: 2,
      annualOutput: 500_000,
      annualTax: 20_000,
      rampYears: 2,
    };
    const terms = (jobs: number) => ({
      split: { basis: 'shapley' },
      statistics: 'split',
      term: { startYear: 2027, years: 8 },
      projection: { ...projection, jobs },
    });
    const parties = ['510107', '510116'];
    const created = await api.request('post', '/api/proposals', {
      body: {
        parties: [
          { code: parties[0], role: 'host' },
          { code: parties[1], role: 'partner' },
        ],
        target: { kind: 'enterprise', id: '603290.SH' },
        terms: terms(1),
        actingFor: parties[0],
      },
    });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(201);
    const id = proposalSchema.parse(created.body).id;
    const read = async () => proposalSchema.parse((await api.get(`/api/proposals/${id}`)).body);

    const acknowledged: number[] = [];
    const statuses = new Map<number, number>();
    let version = proposalSchema.parse(created.body).version;
    let killed = false;
    let restarted: Promise<void> | undefined;
    for (let jobs = 2; acknowledged.length < 40; jobs += 1) {
      if (acknowledged.length === 15 && !killed) {
        killed = true;
        await neo4j.kill();
        // Down for longer than the driver's retry window (3 s of retries after a 3 s connection timeout), so at
        // least one counter meets the outage however fast the restart is.
        restarted = new Promise((resolve) => setTimeout(resolve, 8_000)).then(() => neo4j.restart());
      }
      const answer = await api.request('post', `/api/proposals/${id}/counter`, {
        body: { version, terms: terms(jobs), actingFor: parties[jobs % 2] },
      });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect([200, 409, 503], JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
      if (answer.status === 200) {
        acknowledged.push(jobs);
        version = proposalSchema.parse(answer.body).version;
      } else if (answer.status === 409) {
        version = (await read()).version; // an earlier counter went through although its answer was lost
      } else {
        await new Promise((r) => setTimeout(r, 500));
      }
      if (jobs > 5_000) throw new Error('The stream of counters never finished');
    }
    await restarted;
    const history = (await read()).history;
    const recorded = new Set(history.flatMap((step) => (step.terms ? [step.terms.projection.jobs] : [])));
    const lost = acknowledged.filter((jobs) => !recorded.has(jobs));
    process.stdout.write(
      `neo4j-kill counters: ${acknowledged.length} acknowledged, statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}, lost ${lost.length}\n`,
    );
    expect(statuses.get(503) ?? 0, 'the outage was never seen by the client').toBeGreaterThan(0);
    expect(lost).toEqual([]);
  }, 900_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../api/src/config.ts';
import { createDatabase } from '../../api/src/graph/database.ts';
import { proposalSchema } from '../../api/src/http/schemas/joint.schemas.ts';
import { projectDetailSchema } from '../../api/src/http/schemas/project.schemas.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';
import { loadSeed, type OwnNeo4j, startOwnNeo4j, wipe } from './own-neo4j.ts';

/**
 * The restore drill: the scheduled export command writes a dated dump, the database is wiped, the restore
 * command loads the dump, and a set of API reads answers exactly as before. A fresh API process reads after
 * the restore, so no cached answer can stand in for the graph.
 */

let neo4j: OwnNeo4j;
let backups: string;

beforeAll(async () => {
  neo4j = await startOwnNeo4j();
  await loadSeed(neo4j.uri);
  backups = await mkdtemp(path.join(tmpdir(), 'chainscout-backups-'));
}, 600_000);
afterAll(async () => {
  await neo4j?.dispose();
  if (backups) await rm(backups, { recursive: true, force: true });
});

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'importers/dump.cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: neo4j.uri },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const chain = 'integrated-circuit';

async function answers(api: TestApi, paths: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const { status, body } = await api.get(p);
    out[p] = { status, body };
  }
  return out;
}

describe('restore drill', () => {
  it('export → wipe → restore gives the same answers to the API reads', async () => {
    const before = await startTestApi({ uri: neo4j.uri });
    let paths: string[];
    let expected: Record<string, unknown>;
    try {
      const proposal = await before.request('post', '/api/proposals', {
        body: {
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
              investment: 1,
              buildYears: 1,
              annualOutput: 1,
              annualTax: 1,
              jobs: 1,
              rampYears: 1,
            },
          },
          actingFor: '510107',
        },
      });
      expect(proposal.status, JSON.stringify(proposal.body).slice(0, 200)).toBe(201);
      const project = await before.request('post', '/api/projects', {
        body: { name: '恢复演练项目', year: 2030, districtCodes: ['510107'], stage: 'signed' },
      });
      expect(project.status).toBe(201);
      paths = [
        '/api/chains',
        `/api/chains/${chain}`,
        `/api/chains/${chain}/gaps`,
        `/api/targets?chain=${chain}&limit=50`,
        '/api/enterprises/603290.SH',
        '/api/enterprises?q=半导体',
        '/api/districts/510107',
        '/api/proposals',
        `/api/proposals/${proposalSchema.parse(proposal.body).id}`,
        `/api/projects/${projectDetailSchema.parse(project.body).id}`,
        '/api/projects?year=2030',
      ];
      expected = await answers(before, paths);
    } finally {
      await before.close();
    }

    const exported = cli(['export', '--out-dir', backups]);
    expect(exported.status, exported.out).toBe(0);
    const [dump] = await readdir(backups);
    expect(dump).toMatch(/^chainscout-\d{4}-\d{2}-\d{2}T\d{4}Z\.jsonl$/);
    expect(cli(['export', '--out-dir', backups, 'extra.jsonl']).status).toBe(2);

    const db = createDatabase({ uri: neo4j.uri, database: 'neo4j' });
    try {
      await wipe(db);
    } finally {
      await db.close();
    }
    const restored = cli(['restore', path.join(backups, dump ?? '')]);
    expect(restored.status, restored.out).toBe(0);

    const after = await startTestApi({ uri: neo4j.uri });
    try {
      const got = await answers(after, paths);
      for (const p of paths) expect(got[p], p).toEqual(expected[p]);
      for (const p of paths) expect((got[p] as { status: number }).status, p).toBe(200);
    } finally {
      await after.close();
    }
  }, 900_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import { loadConfig, projectRoot } from '../api/src/config.ts';
import { createDatabase, type Database } from '../api/src/graph/database.ts';
import { demoPassword, ensureDemoUsers } from '../api/src/graph/demo-users.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { freePort } from '../test/support/free-port.ts';

/**
 * Load test: the API in a process of its own (so its memory is its own), on 127.0.0.1 only, against the seed
 * graph (a throw-away database) or an existing database given by `--data-dir` (e.g. the 1M-enterprise graph of
 * bench/matcher-scale.ts). Each read endpoint under `--connections` clients for `--duration` seconds, then a
 * mixed run: reads alongside proposal counters and chain renames (which put the name back at the end).
 *
 *   npm run bench:load -- --duration 60 [--connections 50] [--data-dir <folder>] [--write]
 */
const argsSchema = z.object({
  duration: z.coerce.number().int().min(1).max(600),
  connections: z.coerce.number().int().min(1).max(500),
  dataDir: z.string().min(1).optional(),
  write: z.boolean(),
});
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    'data-dir': { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});
const parsedArgs = argsSchema.safeParse({
  duration: values.duration,
  connections: values.connections,
  dataDir: values['data-dir'],
  write: values.write,
});
if (!parsedArgs.success) {
  process.stderr.write(
    `${parsedArgs.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
  );
  process.exit(2);
}
const args = parsedArgs.data;

interface Row {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Network errors, timeouts and 5xx: what a user would see as a failure. */
  errors: number;
  /** 409s, counted apart: see conflictsOf. */
  conflicts: number;
  /** Other 4xx answers: none are expected. */
  rejected: number;
  apiRssMiB: number;
}

/** The API process's resident memory now (Linux); 0 where /proc is not there. */
function rssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function startApi(uri: string, port: number): Promise<ChildProcess> {
  const script = path.join(projectRoot, 'test', 'faults', 'api-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, uri, String(port)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('API_READY')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The API process exited (${code}) before it was ready`)));
  });
  return child;
}

async function logIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: demoPassword }),
  });
  const body = z.object({ token: z.string() }).safeParse(await response.json());
  if (!body.success) {
    throw new Error(
      `Login as the demo admin answered ${response.status}; on a --data-dir database the user "admin" must have the demo password`,
    );
  }
  return body.data.token;
}

/** 409s: a writer named a version another writer had already moved past (expected with concurrent writers). */
function conflictsOf(result: autocannon.Result): number {
  return result.statusCodeStats?.['409']?.count ?? 0;
}

function toRow(name: string, result: autocannon.Result, apiPid: number | undefined): Row {
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result['5xx'],
    conflicts: conflictsOf(result),
    rejected: result['4xx'] - conflictsOf(result),
    apiRssMiB: rssMiB(apiPid),
  };
}

function print(row: Row): void {
  process.stdout.write(
    `${row.name.padEnd(30)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  409 ${row.conflicts}  other 4xx ${row.rejected}  API RSS ${row.apiRssMiB} MiB\n`,
  );
}

/** A proposal between two districts for the mixed run to counter, and the chain it renames. */
async function writeTargets(baseUrl: string, auth: Record<string, string>, db: Database) {
  const [chain] = await db.read(
    'MATCH (c:Chain) WHERE c.retiredAt IS NULL RETURN c.id AS id, c.name AS name ORDER BY c.id LIMIT 1',
    {},
    (r) => ({ id: String(r.get('id')), name: String(r.get('name')) }),
  );
  const [enterprise] = await db.read(
    'MATCH (e:Enterprise)-[:IN_LINK]->() RETURN e.id AS id ORDER BY e.id LIMIT 1',
    {},
    (r) => String(r.get('id')),
  );
  const districts = await db.read(
    'MATCH (d:District) RETURN d.code AS code ORDER BY d.code LIMIT 2',
    {},
    (r) => String(r.get('code')),
  );
  if (!chain || !enterprise || districts.length < 2)
    throw new Error('The graph has no chain, firm or districts');
  // A fixed split: Shapley shares are refused for a coalition whose districts add no value to the target.
  const terms = (jobs: number) => ({
    split: { basis: 'fixed', shares: { [districts[0] ?? '']: 0.5, [districts[1] ?? '']: 0.5 } },
    statistics: 'split',
    term: { startYear: 2027, years: 8 },
    projection: { investment: 1000, buildYears: 1, annualOutput: 1000, annualTax: 100, jobs, rampYears: 1 },
  });
  const created = await fetch(`${baseUrl}/api/proposals`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      parties: [
        { code: districts[0], role: 'host' },
        { code: districts[1], role: 'partner' },
      ],
      target: { kind: 'enterprise', id: enterprise },
      terms: terms(1),
      actingFor: districts[0],
    }),
  });
  const answer: unknown = await created.json();
  const proposal = z.object({ id: z.string(), version: z.number() }).safeParse(answer);
  if (!proposal.success) {
    throw new Error(`Creating the proposal to counter answered ${created.status}: ${JSON.stringify(answer)}`);
  }
  return {
    chain,
    proposal: proposal.data,
    districts: [districts[0] ?? '', districts[1] ?? ''] as const,
    terms,
  };
}

async function main(): Promise<void> {
  const owned = args.dataDir === undefined;
  const dataDir = args.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'chainscout-load-')));
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '2g',
    pageCacheMiB: 1024,
  });
  const db = createDatabase(connection);
  let api: ChildProcess | undefined;
  try {
    await applyMigrations(db);
    if (owned) await loadSeedGraph(db, await readSeedGraph(loadConfig({}).seedDir));
    await ensureDemoUsers(db);
    const [size] = await db.read(
      'MATCH (e:Enterprise) WITH count(e) AS firms MATCH ()-[r]->() RETURN firms, count(r) AS rels',
      {},
      (r) => ({ firms: Number(r.get('firms')), rels: Number(r.get('rels')) }),
    );
    const port = await freePort();
    api = await startApi(connection.uri, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${await logIn(baseUrl)}` };
    const [chainId] = await db.read('MATCH (c:Chain) RETURN c.id AS id ORDER BY c.id LIMIT 1', {}, (r) =>
      String(r.get('id')),
    );
    const [firmId] = await db.read(
      'MATCH (e:Enterprise)-[:IN_LINK]->() RETURN e.id AS id ORDER BY e.id LIMIT 1',
      {},
      (r) => String(r.get('id')),
    );
    // The baseline of the same run: the whole HTTP stack and two small Neo4j round trips, no graph work.
    const baseline: [string, string] = ['baseline: health', '/api/health'];
    const reads: [string, string][] = [
      ['chain list', '/api/chains'],
      ['chain map', `/api/chains/${chainId}`],
      ['gaps', `/api/chains/${chainId}/gaps`],
      ['targets', `/api/targets?chain=${chainId}`],
      ['enterprise search', `/api/enterprises?q=${encodeURIComponent('科技')}`],
      ['neighbourhood', `/api/graph/neighbourhood?id=${encodeURIComponent(firmId ?? '')}&depth=2&limit=200`],
    ];
    const rows: Row[] = [];
    for (const [name, urlPath] of [baseline, ...reads]) {
      const result = await autocannon({
        url: `${baseUrl}${urlPath}`,
        headers: auth,
        connections: args.connections,
        duration: args.duration,
      });
      const row = toRow(name, result, api.pid);
      rows.push(row);
      print(row);
    }

    // Mixed: most clients read across the endpoints while a few counter a proposal and rename a chain, each
    // naming the version it read last (a 409 means another writer got there first, as it would in use).
    const targets = await writeTargets(baseUrl, auth, db);
    const versionOf = async (urlPath: string) =>
      z
        .object({ version: z.number() })
        .parse(await (await fetch(`${baseUrl}${urlPath}`, { headers: auth })).json()).version;
    const proposalPath = `/api/proposals/${targets.proposal.id}`;
    const chainPath = `/api/chains/${targets.chain.id}`;
    /** The version each writer names next. */
    const versions = { proposal: targets.proposal.version, chain: await versionOf(chainPath) };
    // After a 409 (another writer got there first) the writer reads the current version again, as the UI does;
    // a rename answers with its change record, which carries no version, so the chain is read again then too.
    const refresh = (which: keyof typeof versions, urlPath: string) => {
      versionOf(urlPath).then(
        (v) => {
          versions[which] = Math.max(versions[which], v);
        },
        () => undefined,
      );
    };
    let counter = 1;
    let renames = 0;
    const json = { ...auth, 'content-type': 'application/json' };
    const writers = Math.max(2, Math.round(args.connections / 10));
    const [mixedReads, mixedWrites] = await Promise.all([
      autocannon({
        url: baseUrl,
        headers: auth,
        connections: Math.max(1, args.connections - writers),
        duration: args.duration,
        requests: reads.map(([, p]) => ({ method: 'GET' as const, path: p })),
      }),
      autocannon({
        url: baseUrl,
        connections: writers,
        duration: args.duration,
        requests: [
          {
            method: 'POST',
            path: `/api/proposals/${targets.proposal.id}/counter`,
            headers: json,
            setupRequest: (req) => {
              counter += 1;
              return {
                ...req,
                body: JSON.stringify({
                  version: versions.proposal,
                  terms: targets.terms(counter),
                  actingFor: targets.districts[counter % 2],
                }),
              };
            },
            onResponse: (status, body) => {
              const parsed = z
                .object({ version: z.number() })
                .safeParse(status === 200 ? JSON.parse(body) : {});
              if (parsed.success) versions.proposal = Math.max(versions.proposal, parsed.data.version);
              else refresh('proposal', proposalPath);
            },
          },
          {
            method: 'PATCH',
            path: `/api/admin/chains/${targets.chain.id}`,
            headers: json,
            setupRequest: (req) => {
              renames += 1;
              const name = renames % 2 === 0 ? targets.chain.name : `${targets.chain.name}·`;
              return { ...req, body: JSON.stringify({ version: versions.chain, name }) };
            },
            onResponse: () => refresh('chain', chainPath),
          },
        ],
      }),
    ]);
    for (const row of [
      toRow('mixed: reads', mixedReads, api.pid),
      toRow('mixed: counters + renames', mixedWrites, api.pid),
    ]) {
      rows.push(row);
      print(row);
    }
    await restoreChainName(baseUrl, json, targets.chain);
    if (args.write) await writeReport(rows, { ...(size ?? { firms: 0, rels: 0 }), owned });
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await once(api, 'exit');
    }
    await db.close();
    await connection.stop();
    if (owned) await rm(dataDir, { recursive: true, force: true });
  }
}

/** Puts the renamed chain's name back, whatever version the run left it at. */
async function restoreChainName(
  baseUrl: string,
  headers: Record<string, string>,
  chain: { id: string; name: string },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = z
      .object({ version: z.number(), name: z.string() })
      .parse(await (await fetch(`${baseUrl}/api/chains/${chain.id}`, { headers })).json());
    if (current.name === chain.name) return;
    const put = await fetch(`${baseUrl}/api/admin/chains/${chain.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version: current.version, name: chain.name }),
    });
    if (put.ok) return;
  }
  process.stderr.write(`Could not put the name of chain ${chain.id} back to "${chain.name}"\n`);
}

async function writeReport(
  rows: Row[],
  facts: { firms: number; rels: number; owned: boolean },
): Promise<void> {
  const file = path.join(projectRoot, 'docs', 'reliability.md');
  // Throughput as a share of the health check's, measured in the same run on the same machine.
  const baseline = rows[0]?.requestsPerSecond ?? 0;
  const ofBaseline = (r: Row) =>
    baseline > 0 ? `${((100 * r.requestsPerSecond) / baseline).toFixed(0)} %` : '–';
  const graph = facts.owned ? 'seed graph' : 'the graph in --data-dir';
  const section = [
    `<!-- load:${facts.owned ? 'seed' : 'scale'}:start -->`,
    `Written by \`npm run bench:load -- --duration ${args.duration} --connections ${args.connections}${facts.owned ? '' : ' --data-dir …'} --write\` on ${new Date().toISOString().slice(0, 10)}: ${graph} (${facts.firms.toLocaleString('en')} enterprises, ${facts.rels.toLocaleString('en')} relationships), ${args.connections} clients, ${args.duration} s per row, load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}.`,
    '',
    '| run | req/s | of baseline | p50 ms | p99 ms | errors | 409 | other 4xx | API RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.requestsPerSecond} | ${ofBaseline(r)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.conflicts} | ${r.rejected} | ${r.apiRssMiB} |`,
    ),
    `<!-- load:${facts.owned ? 'seed' : 'scale'}:end -->`,
  ].join('\n');
  const previous = await readFile(file, 'utf8');
  const marker = new RegExp(
    `<!-- load:${facts.owned ? 'seed' : 'scale'}:start -->[\\s\\S]*<!-- load:${facts.owned ? 'seed' : 'scale'}:end -->`,
  );
  await writeFile(
    file,
    marker.test(previous) ? previous.replace(marker, section) : `${previous}\n${section}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Load test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

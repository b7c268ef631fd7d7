import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import { createApp } from '../api/src/app.ts';
import { loadConfig, projectRoot } from '../api/src/config.ts';
import { createDatabase, type Database } from '../api/src/graph/database.ts';
import { demoPassword, ensureDemoUsers } from '../api/src/graph/demo-users.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { freePort } from '../test/support/free-port.ts';

/**
 * Read-path benchmark on the seed graph: each endpoint under 50 concurrent clients, next to two baselines
 * measured in the same run (a route that never touches Neo4j, and `/api/health`, one trivial round trip),
 * because absolute numbers on a shared 2-core machine mean little on their own.
 */
const argsSchema = z.object({
  seconds: z.coerce.number().int().min(1).max(120),
  connections: z.coerce.number().int().min(1).max(500),
});
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const args = argsSchema.parse(values);

interface Row {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Logs in as the demo admin (created when the graph has no user yet) and returns the bearer token. */
async function logIn(db: Database, baseUrl: string): Promise<string> {
  await ensureDemoUsers(db);
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: demoPassword }),
  });
  const body = z.object({ token: z.string() }).safeParse(await response.json());
  if (!body.success) throw new Error(`Login as admin answered ${response.status}`);
  return body.data.token;
}

async function measure(baseUrl: string, token: string, name: string, urlPath: string): Promise<Row> {
  const result = await autocannon({
    url: `${baseUrl}${urlPath}`,
    // Every request carries the session, as the web app's do: the session lookup is part of the cost.
    headers: { authorization: `Bearer ${token}` },
    connections: args.connections,
    duration: args.seconds,
  });
  return {
    name,
    path: urlPath,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-bench-'));
  const connection = await ensureNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '2g',
    pageCacheMiB: 512,
  });
  const db = createDatabase(connection);
  let server: Server | undefined;
  try {
    await applyMigrations(db);
    const seedStarted = performance.now();
    const seed = await readSeedGraph(loadConfig({}).seedDir);
    await loadSeedGraph(db, seed);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const logger = {
      error: (message: string, error?: unknown) =>
        process.stderr.write(
          `${message}${error instanceof Error ? `: ${error.stack ?? error.message}` : ''}\n`,
        ),
    };
    const app = createApp({ db, logger });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const token = await logIn(db, baseUrl);
    const chainId = seed.chains[0]?.id ?? 'integrated-circuit';
    const enterpriseId = seed.enterprises[0]?.id ?? '000725.SZ';

    const targets: [string, string][] = [
      ['baseline: no database', '/api/openapi.json'],
      ['baseline: one round trip', '/api/health'],
      ['chain list', '/api/chains'],
      ['chain map', `/api/chains/${chainId}`],
      ['district list', '/api/districts'],
      ['enterprise search', `/api/enterprises?q=${encodeURIComponent('电子')}`],
      ['enterprise profile', `/api/enterprises/${enterpriseId}`],
      ['neighbourhood', `/api/graph/neighbourhood?id=${chainId}&depth=2&limit=200`],
    ];
    const rows: Row[] = [];
    for (const [name, urlPath] of targets) {
      await measure(baseUrl, token, name, urlPath); // warm-up pass: JIT, plan cache, page cache
      const row = await measure(baseUrl, token, name, urlPath);
      rows.push(row);
      process.stdout.write(
        `${name.padEnd(26)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}\n`,
      );
    }
    const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    await writeReport(rows, { seedSeconds, enterprises: seed.enterprises.length, rss });
  } finally {
    // Let requests still in flight when the last pass ended finish before the driver closes under them.
    const closing = server;
    if (closing) {
      closing.closeIdleConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
    await db.close();
    await connection.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function writeReport(
  rows: Row[],
  facts: { seedSeconds: number; enterprises: number; rss: number },
): Promise<void> {
  const baseline = rows.find((r) => r.path === '/api/health')?.requestsPerSecond ?? 1;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; ${args.connections} concurrent clients, ${args.seconds} s per endpoint after a warm-up pass of the same length, on the seed graph (${facts.enterprises} enterprises), API and embedded Neo4j on the same 2-core machine.`,
    '"vs health" compares each endpoint with `/api/health` (one trivial Neo4j round trip) measured in the same run; on a machine shared with other work, compare those ratios rather than the absolute figures. The chain list and chain map are answered from the read cache (keyed by the graph version) after the warm-up pass.',
    '',
    '| endpoint | path | req/s | vs health | p50 ms | p99 ms | errors |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.requestsPerSecond} | ${(r.requestsPerSecond / baseline).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} |`,
    ),
    '',
    `Seed load into an empty database: ${facts.seedSeconds.toFixed(1)} s. Benchmark process RSS at the end (API and load generator together): ${facts.rss} MB. Load average (1, 5, 15 min) at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}.`,
    '',
  ];
  const file = path.join(projectRoot, 'docs', 'benchmarks.md');
  // The scale benchmark's section (written by bench/matcher-scale.ts --write) is kept as it is.
  const previous = await readFile(file, 'utf8').catch(() => '');
  const kept = /<!-- matcher-bench:start -->[\s\S]*<!-- matcher-bench:end -->/.exec(previous)?.[0];
  await writeFile(file, [...lines, ...(kept ? [kept, ''] : [])].join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

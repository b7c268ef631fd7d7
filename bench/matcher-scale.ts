import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApp } from '../api/src/app.ts';
import { loadConfig, projectRoot } from '../api/src/config.ts';
import { createMatcherService } from '../api/src/domain/matcher/matcher.service.ts';
import { createDatabase, type Database } from '../api/src/graph/database.ts';
import { demoPassword, ensureDemoUsers } from '../api/src/graph/demo-users.ts';
import { ensureNeo4j, type Neo4jConnection } from '../api/src/graph/ensure-neo4j.ts';
import { bumpGraphVersion } from '../api/src/graph/graph-version.ts';
import { createMatcherRepository } from '../api/src/graph/matcher.repository.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { createWeightProfileRepository } from '../api/src/graph/weight-profile.repository.ts';
import { freePort } from '../test/support/free-port.ts';

/**
 * Scale benchmark of the matcher: generates N synthetic enterprises (deterministic: the same N and seed give the
 * same graph) over the seed's 28 chains, with IN_LINK edges and SUPPLIES edges that follow FEEDS, then measures
 * `/api/targets` and `/api/chains/:id/gaps` cold (right after a Neo4j restart) and warm, next to a naive
 * baseline measured in the same run: the simplest Cypher that returns the same candidates (or counts) unscored;
 * then `/api/targets` after writes (a rename through the API; a write by another process, at once and after the
 * refresh ahead has had time).
 *
 *   npx tsx bench/matcher-scale.ts [--enterprises 1000000] [--write]
 *
 * Every generated enterprise has `source: 'synthetic'`.
 */

const argsSchema = z.object({
  enterprises: z.coerce.number().int().min(1000).max(5_000_000),
  rounds: z.coerce.number().int().min(3).max(200),
  write: z.boolean(),
  /** Keep the generated graph here and reuse it on the next run with the same size. */
  dataDir: z.string().min(1).optional(),
});
const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '20' },
    write: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const args = argsSchema.parse({ ...values, dataDir: values['data-dir'] });

/** mulberry32: small, fast, and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const boards = ['主板', '主板', '主板', '创业板', '创业板', '科创板', '北交所', '新三板', '未上市', '未上市'];
const elsewhere = [
  ['广东', '深圳市'],
  ['江苏', '苏州市'],
  ['浙江', '杭州市'],
  ['上海', '上海市'],
  ['北京', '北京市'],
  ['湖北', '武汉市'],
  ['陕西', '西安市'],
  ['重庆', '重庆市'],
  ['山东', '青岛市'],
  ['安徽', '合肥市'],
] as const;
/** Share of generated firms placed in the city, spread over its districts. */
const localShare = 0.015;
const batchSize = 10_000;

interface Catalog {
  links: string[];
  feedsOut: Map<number, number[]>;
  districts: string[];
}

async function readCatalog(db: Database): Promise<Catalog> {
  const links = await db.read('MATCH (l:Link) RETURN l.id AS id ORDER BY id', {}, (r) =>
    z.string().parse(r.get('id')),
  );
  const index = new Map(links.map((id, i) => [id, i]));
  const feeds = await db.read('MATCH (a:Link)-[:FEEDS]->(b:Link) RETURN a.id AS a, b.id AS b', {}, (r) => ({
    a: z.string().parse(r.get('a')),
    b: z.string().parse(r.get('b')),
  }));
  const feedsOut = new Map<number, number[]>();
  for (const { a, b } of feeds) {
    const from = index.get(a);
    const to = index.get(b);
    if (from === undefined || to === undefined) continue;
    feedsOut.set(from, [...(feedsOut.get(from) ?? []), to]);
  }
  const districts = await db.read('MATCH (d:District) RETURN d.code AS code ORDER BY code', {}, (r) =>
    z.string().parse(r.get('code')),
  );
  return { links, feedsOut, districts };
}

interface EnterpriseRow {
  id: string;
  name: string;
  board: string | null;
  listed: boolean;
  province: string;
  city: string;
  districtCode: string | null | undefined;
  listDate: string | null;
  links: { id: string | undefined; confidence: number }[];
}

const synId = (i: number) => `SYN${String(i).padStart(7, '0')}`;

/** Writes N enterprises and their IN_LINK edges, then about 1.5 SUPPLIES edges per enterprise along FEEDS. */
async function generate(db: Database, n: number): Promise<{ inLinks: number; supplies: number }> {
  const catalog = await readCatalog(db);
  const rand = random(20_261_128);
  const members: number[][] = catalog.links.map(() => []);
  const linksOf: number[][] = [];
  let inLinks = 0;
  for (let start = 0; start < n; start += batchSize) {
    const rows: EnterpriseRow[] = [];
    for (let i = start; i < Math.min(n, start + batchSize); i += 1) {
      const own = [Math.floor(rand() * catalog.links.length)];
      if (rand() < 0.5) own.push(Math.floor(rand() * catalog.links.length));
      const links = [...new Set(own)];
      linksOf.push(links);
      for (const l of links) members[l]?.push(i);
      inLinks += links.length;
      const local = rand() < localShare;
      const place = elsewhere[Math.floor(rand() * elsewhere.length)] ?? elsewhere[0];
      const board = boards[Math.floor(rand() * boards.length)] ?? '主板';
      const listed = board !== '未上市' && board !== '新三板';
      const year = 1990 + Math.floor(rand() * 36);
      const month = 1 + Math.floor(rand() * 12);
      rows.push({
        id: synId(i),
        name: `合成企业${String(i).padStart(7, '0')}`,
        board: listed ? board : null,
        listed,
        province: local ? '四川' : place[0],
        city: local ? '成都市' : place[1],
        districtCode: local ? catalog.districts[Math.floor(rand() * catalog.districts.length)] : null,
        listDate: listed ? `${Math.min(year, 2025)}-${String(month).padStart(2, '0')}-15` : null,
        links: links.map((l) => ({ id: catalog.links[l], confidence: 0.4 + 0.6 * rand() })),
      });
    }
    await db.writeTransaction(async (tx) => {
      await tx.run(
        `UNWIND $rows AS row
         CREATE (e:Enterprise {id: row.id, name: row.name, fullName: row.name, board: row.board, listed: row.listed,
                               province: row.province, city: row.city, districtCode: row.districtCode,
                               local: row.districtCode IS NOT NULL,
                               listDate: CASE WHEN row.listDate IS NULL THEN null ELSE date(row.listDate) END,
                               mainProducts: [], source: 'synthetic', asOf: date('2026-11-28')})
         WITH e, row
         CALL (e, row) {
           UNWIND row.links AS link
           MATCH (l:Link {id: link.id})
           CREATE (e)-[:IN_LINK {confidence: link.confidence, evidence: 'synthetic', source: 'synthetic'}]->(l)
         }
         CALL (e, row) {
           WITH e, row WHERE row.districtCode IS NOT NULL
           MATCH (d:District {code: row.districtCode})
           CREATE (e)-[:LOCATED_IN {source: 'synthetic'}]->(d)
         }`,
        { rows },
      );
    }, 'generate-enterprises');
    process.stdout.write(`\r  enterprises ${Math.min(n, start + batchSize)} / ${n}`);
  }
  process.stdout.write('\n');

  let supplies = 0;
  for (let start = 0; start < n; start += batchSize) {
    const rows: { from: string; to: string; product: string }[] = [];
    for (let i = start; i < Math.min(n, start + batchSize); i += 1) {
      const count = rand() < 0.5 ? 1 : 2;
      for (let k = 0; k < count; k += 1) {
        const from = linksOf[i]?.[Math.floor(rand() * (linksOf[i]?.length ?? 1))] ?? 0;
        const targets = catalog.feedsOut.get(from) ?? [];
        const to = targets[Math.floor(rand() * targets.length)];
        const pool = to === undefined ? [] : (members[to] ?? []);
        const buyer = pool[Math.floor(rand() * pool.length)];
        if (buyer === undefined || buyer === i) continue;
        rows.push({ from: synId(i), to: synId(buyer), product: `合成产品${from}-${to}` });
      }
    }
    await db.writeTransaction(async (tx) => {
      await tx.run(
        `UNWIND $rows AS row
         MATCH (a:Enterprise {id: row.from}), (b:Enterprise {id: row.to})
         CREATE (a)-[:SUPPLIES {product: row.product, confidence: 0.5, source: 'synthetic'}]->(b)`,
        { rows },
      );
    }, 'generate-supplies');
    supplies += rows.length;
    process.stdout.write(`\r  supplies from ${Math.min(n, start + batchSize)} / ${n}`);
  }
  process.stdout.write('\n');
  return { inLinks, supplies };
}

const sampleChains = ['integrated-circuit', 'new-energy-vehicle', 'innovative-drug', 'rail-transit', 'food'];

/** The simplest Cypher returning the same candidates, unscored: what the ranking costs on top of finding them. */
const naiveTargets = `
  MATCH (:Chain {id: $chain})-[:HAS_LINK]->(:Link)<-[:IN_LINK]-(e:Enterprise)
  WHERE NOT (coalesce(e.local, false) OR e.districtCode IS NOT NULL OR coalesce(e.city = '成都市', false))
  WITH DISTINCT e ORDER BY e.id LIMIT 20
  RETURN e.id AS id`;
/** The simplest Cypher giving local firm counts per link of the chain. */
const naiveGaps = `
  MATCH (:Chain {id: $chain})-[:HAS_LINK]->(l:Link)
  OPTIONAL MATCH (l)<-[:IN_LINK]-(e:Enterprise) WHERE e.local OR e.districtCode IS NOT NULL
  RETURN l.id AS id, count(e) AS n`;

interface Timing {
  name: string;
  cold: number[];
  warm: number[];
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function httpGet(baseUrl: string, urlPath: string, token: string): Promise<void> {
  const response = await fetch(`${baseUrl}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${urlPath} answered ${response.status}`);
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

async function measure(db: Database, baseUrl: string, token: string): Promise<Timing[]> {
  // The same use cases without the read cache: what a request costs the first time after a write.
  const uncached = createMatcherService(createMatcherRepository(db), createWeightProfileRepository(db));
  const targetQuery = { page: 1, limit: 20, profile: 'default', includeVetoed: false };
  const cases: [string, (chain: string) => Promise<unknown>][] = [
    [
      'GET /api/targets?chain=…&limit=20 (read cache)',
      (c) => httpGet(baseUrl, `/api/targets?chain=${c}&limit=20`, token),
    ],
    ['targets computed, no cache (service call)', (c) => uncached.rankTargets({ ...targetQuery, chain: c })],
    ['naive: candidates unscored (Cypher)', (c) => db.read(naiveTargets, { chain: c }, () => 0)],
    ['GET /api/chains/…/gaps (read cache)', (c) => httpGet(baseUrl, `/api/chains/${c}/gaps`, token)],
    ['gaps computed, no cache (service call)', (c) => uncached.chainGaps(c)],
    ['naive: local counts per link (Cypher)', (c) => db.read(naiveGaps, { chain: c }, () => 0)],
  ];
  const timings: Timing[] = cases.map(([name]) => ({ name, cold: [], warm: [] }));
  // Cold: the first call per chain after a restart (empty page cache, no compiled plans).
  for (const chain of sampleChains) {
    for (const [i, [, run]] of cases.entries()) timings[i]?.cold.push(await time(() => run(chain)));
  }
  for (let round = 0; round < args.rounds; round += 1) {
    for (const chain of sampleChains) {
      for (const [i, [, run]] of cases.entries()) timings[i]?.warm.push(await time(() => run(chain)));
    }
  }
  return timings;
}

/** The chain renamed (and named back), and asked for first after a write; not one of the measured chains. */
const writtenChain = 'modern-finance';
/** The pause before the last requests after a write: the refresh ahead has finished by then. */
const settleSeconds = 45;

/** Renames a chain and names it back through the API: two writes of names only. */
async function renameTwice(baseUrl: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const readChain = async () =>
    z
      .object({ version: z.number(), name: z.string() })
      .parse(await (await fetch(`${baseUrl}/api/chains/${writtenChain}`, { headers })).json());
  const original = await readChain();
  for (const name of [`${original.name}·`, original.name]) {
    const { version } = await readChain();
    const response = await fetch(`${baseUrl}/api/admin/chains/${writtenChain}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version, name }),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`Renaming ${writtenChain} answered ${response.status}`);
  }
}

/**
 * What `/api/targets` costs after a write: after a rename through the API (names only: rankings are kept), and
 * after a write by another process, such as an import run from the command line (the version moves; the API
 * notices it at its next request, drops every cached read and starts refreshing the slow ones). For the latter,
 * the first request per chain made at once, and the requests made after one request and a pause, once the
 * refresh had time to run.
 */
async function measureAfterWrites(db: Database, baseUrl: string, token: string): Promise<Timing[]> {
  const timing = (name: string): Timing => ({ name, cold: [], warm: [] });
  const afterRename = timing('GET /api/targets at once after a rename through the API');
  const atOnce = timing('GET /api/targets at once after a write by another process');
  const later = timing(`GET /api/targets ${settleSeconds} s after the first request following such a write`);
  const request = (chain: string) => httpGet(baseUrl, `/api/targets?chain=${chain}&limit=20`, token);
  const writeElsewhere = () => db.writeTransaction((tx) => bumpGraphVersion(tx), 'bench-write');
  for (let round = 0; round < args.rounds; round += 1) {
    await renameTwice(baseUrl, token);
    for (const chain of sampleChains) afterRename.warm.push(await time(() => request(chain)));
    await writeElsewhere();
    for (const chain of sampleChains) atOnce.warm.push(await time(() => request(chain)));
    await writeElsewhere();
    await request(writtenChain);
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    for (const chain of sampleChains) later.warm.push(await time(() => request(chain)));
  }
  return [afterRename, atOnce, later];
}

async function start(dataDir: string, boltPort: number): Promise<Neo4jConnection> {
  return ensureNeo4j({ dataDir, boltPort, heap: '4g', pageCacheMiB: 3072 });
}

async function main(): Promise<void> {
  const dataDir = args.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'chainscout-matcher-scale-')));
  const marker = path.join(dataDir, `matcher-scale-${args.enterprises}.json`);
  const boltPort = await freePort();
  let connection = await start(dataDir, boltPort);
  let db = createDatabase(connection);
  let server: Server | undefined;
  try {
    await applyMigrations(db);
    const previous = await readFile(marker, 'utf8').catch(() => undefined);
    let counts: { inLinks: number; supplies: number };
    let generateSeconds: number;
    if (previous) {
      ({ counts, generateSeconds } = z
        .object({
          counts: z.object({ inLinks: z.number(), supplies: z.number() }),
          generateSeconds: z.number(),
        })
        .parse(JSON.parse(previous)));
      process.stdout.write(`Reusing the graph generated in ${dataDir}\n`);
    } else {
      await loadSeedGraph(db, await readSeedGraph(loadConfig({}).seedDir));
      const generatedAt = performance.now();
      counts = await generate(db, args.enterprises);
      generateSeconds = (performance.now() - generatedAt) / 1000;
      if (args.dataDir) await writeFile(marker, JSON.stringify({ counts, generateSeconds }));
    }
    process.stdout.write(
      `${args.enterprises} enterprises, ${counts.inLinks} IN_LINK, ${counts.supplies} SUPPLIES (generated in ${generateSeconds.toFixed(0)} s)\n`,
    );
    await db.close();
    await connection.stop();

    connection = await start(dataDir, boltPort);
    db = createDatabase(connection);
    const app = createApp({ db, logger: { error: (m) => process.stderr.write(`${m}\n`) } });
    const listening = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    server = listening;
    const address = listening.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const totals = await db.read(
      `MATCH (e:Enterprise) WITH count(e) AS enterprises
       RETURN {enterprises: enterprises, inLinks: COUNT { ()-[:IN_LINK]->() }, supplies: COUNT { ()-[:SUPPLIES]->() },
               local: COUNT { MATCH (f:Enterprise) WHERE f.local = true RETURN f }} AS row`,
      {},
      (r) =>
        z
          .object({ enterprises: z.number(), inLinks: z.number(), supplies: z.number(), local: z.number() })
          .parse(r.get('row')),
    );
    const pools = await db.read(
      `UNWIND $chains AS chain
       RETURN chain, COUNT { MATCH (:Link {chainId: chain})<-[:IN_LINK]-(e:Enterprise) RETURN DISTINCT e } AS n`,
      { chains: sampleChains },
      (r) => `${z.string().parse(r.get('chain'))} ${z.number().parse(r.get('n'))}`,
    );
    const token = await logIn(db, baseUrl);
    const timings = await measure(db, baseUrl, token);
    const afterWrites = await measureAfterWrites(db, baseUrl, token);
    const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const report = renderReport(timings, afterWrites, {
      ...counts,
      generateSeconds,
      rss,
      totals: totals[0],
      pools,
      load: loadavg()
        .map((x) => x.toFixed(2))
        .join(', '),
    });
    process.stdout.write(`${report}\n`);
    if (args.write) await writeIntoDocs(report);
  } finally {
    server?.close();
    await db.close();
    await connection.stop();
    if (!args.dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

function renderReport(
  timings: Timing[],
  afterWrites: Timing[],
  facts: {
    generateSeconds: number;
    rss: number;
    totals: { enterprises: number; inLinks: number; supplies: number; local: number } | undefined;
    pools: string[];
    /** 1, 5 and 15 minute load averages at the end of the run. */
    load: string;
  },
): string {
  const ms = (x: number) => x.toFixed(0);
  return [
    '<!-- matcher-bench:start -->',
    '',
    `## Scale benchmark (generated by \`npx tsx bench/matcher-scale.ts --enterprises ${args.enterprises} --rounds ${args.rounds} --write\`, ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Graph: ${facts.totals?.enterprises} enterprises (${facts.totals?.local} local), ${facts.totals?.inLinks} IN_LINK, ` +
      `${facts.totals?.supplies} SUPPLIES; generated and loaded in ${facts.generateSeconds.toFixed(0)} s. ` +
      `Candidate pools: ${facts.pools.join(', ')}. Cold = first call per chain after a Neo4j restart ` +
      `(${sampleChains.length} chains); warm = ${args.rounds} rounds over the same chains, one request at a time. ` +
      '"read cache" rows go through the API and its cache (keyed by the graph version: the first call per chain ' +
      'computes, the next ones are answered from the cache until a write); "no cache" rows call the same use ' +
      'cases in process with no cache, which is what every request costs after a write. ' +
      `API, load generator and Neo4j share one 2-core machine; load average at the end: ${facts.load}.`,
    '',
    '| measurement | cold p50 ms | cold max ms | warm p50 ms | warm p95 ms |',
    '|---|---:|---:|---:|---:|',
    ...timings.map(
      (t) =>
        `| ${t.name} | ${ms(percentile(t.cold, 50))} | ${ms(Math.max(...t.cold))} | ${ms(percentile(t.warm, 50))} | ${ms(
          percentile(t.warm, 95),
        )} |`,
    ),
    '',
    `After a write, ${args.rounds} rounds over the ${sampleChains.length} chains: chain ${writtenChain} renamed and ` +
      'named back through the API (names only: the rankings stay cached, the names are read again); a write by ' +
      'another process (the graph version raised in its own transaction, as an import run from the command line ' +
      'does), after which the API drops every cached read at its next request and reloads the slow ones in the ' +
      `background (refresh ahead); and the same write followed by one request for ${writtenChain} and a ` +
      `${settleSeconds} s pause.`,
    '',
    '| measurement | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|',
    ...afterWrites.map(
      (t) =>
        `| ${t.name} | ${ms(percentile(t.warm, 50))} | ${ms(percentile(t.warm, 95))} | ${ms(Math.max(...t.warm))} |`,
    ),
    '',
    `Process RSS at the end (API and benchmark together): ${facts.rss} MB.`,
    '',
    '<!-- matcher-bench:end -->',
  ].join('\n');
}

/** The table goes into docs/matcher.md and docs/benchmarks.md, between the same markers in each. */
async function writeIntoDocs(report: string): Promise<void> {
  for (const name of ['matcher.md', 'benchmarks.md'])
    await writeIntoDoc(path.join(projectRoot, 'docs', name), report);
}

async function writeIntoDoc(file: string, report: string): Promise<void> {
  const doc = await readFile(file, 'utf8');
  const startAt = doc.indexOf('<!-- matcher-bench:start -->');
  const endMarker = '<!-- matcher-bench:end -->';
  const endAt = doc.indexOf(endMarker);
  const next =
    startAt >= 0 && endAt > startAt
      ? `${doc.slice(0, startAt)}${report}${doc.slice(endAt + endMarker.length)}`
      : `${doc.trimEnd()}\n\n${report}\n`;
  await writeFile(file, next);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../api/src/config.ts';
import { createDatabase, type Database } from '../api/src/graph/database.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';
import { decodeTextStream } from '../importers/read/decode-text.ts';
import { fileInput } from '../importers/read/open-source.ts';
import { readCsvRows } from '../importers/read/read-csv.ts';
import { runImport } from '../importers/run-import.ts';
import { freePort } from '../test/support/free-port.ts';
import { generatedHeader, writeGeneratedCsv } from './import-generator.ts';

/**
 * Import benchmark: N generated enterprise rows imported end to end (read, validate, resolve, place, write),
 * then the same rows written by a plain `UNWIND … CREATE` of the file's columns in the same run, on the same
 * Neo4j, as the baseline. Prints a table; `docs/importing.md` keeps the figures.
 */
const argsSchema = z.object({
  rows: z.coerce.number().int().min(1_000).max(5_000_000),
  batchSize: z.coerce.number().int().min(100).max(50_000),
});
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'batch-size': { type: 'string', default: '2000' },
  },
});
const args = argsSchema.parse({ rows: values.rows, batchSize: values['batch-size'] });

/** Property names for the generator's columns, in their order (企业名称, 统一社会信用代码, 注册地址, …). */
const baselineKeys = [
  'name',
  'id',
  'address',
  'province',
  'city',
  'products',
  'foundedDate',
  'registeredCapital',
];
if (baselineKeys.length !== generatedHeader.length)
  throw new Error('bench/import.ts: baselineKeys must follow generatedHeader');

const log = (line: string) => process.stderr.write(`${line}\n`);
const number = new Intl.NumberFormat('en-US');
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function clearEnterprises(db: Database): Promise<void> {
  await db.runAutoCommit('MATCH (e:Enterprise) CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 10000 ROWS');
  await db.runAutoCommit('MATCH (i:Import) DELETE i');
}

/** The baseline: the CSV read by the same reader, each row's cells written as they are, no checks, no lookups. */
async function plainCreate(db: Database, file: string): Promise<number> {
  const started = performance.now();
  let batch: Record<string, string>[] = [];
  const write = async (rows: Record<string, string>[]) => {
    await db.writeTransaction(async (tx) => {
      await tx.run('UNWIND $rows AS row CREATE (e:Enterprise) SET e = row', { rows });
    }, 'bench-plain-create');
  };
  let header = true;
  for await (const record of readCsvRows(decodeTextStream(fileInput(file).stream()))) {
    if (header) {
      header = false;
      continue;
    }
    batch.push(Object.fromEntries(baselineKeys.map((k, i) => [k, record.cells[i] ?? ''])));
    if (batch.length >= args.batchSize) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chainscout-bench-import-'));
  const file = path.join(dataDir, 'enterprises.csv');
  const connection = await ensureNeo4j({
    dataDir: path.join(dataDir, 'neo4j'),
    boltPort: await freePort(),
    heap: '2g',
    pageCacheMiB: 1024,
    log,
  });
  const db = createDatabase(connection);
  try {
    await applyMigrations(db);
    const seed = await readSeedGraph(loadConfig({}).seedDir);
    // The seed's chains, links and districts, and its 3,273 listed firms for rows to be matched against.
    await loadSeedGraph(db, { ...seed, supplies: [] });
    const seedEnterprises = seed.enterprises.length;

    log(`Generating ${number.format(args.rows)} rows …`);
    let t = performance.now();
    await writeGeneratedCsv(file, args.rows);
    const generateSeconds = (performance.now() - t) / 1000;
    const bytes = (await stat(file)).size;

    log('Importing end to end …');
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    t = performance.now();
    const summary = await runImport(db, {
      kind: 'enterprises',
      input: fileInput(file),
      dryRun: false,
      via: 'cli',
      asOf: '2025-01-01',
      batchSize: args.batchSize,
    });
    const importSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    log('Re-importing the same file (every row unchanged) …');
    t = performance.now();
    const again = await runImport(db, {
      kind: 'enterprises',
      input: fileInput(file),
      dryRun: false,
      via: 'cli',
      asOf: '2025-01-01',
      batchSize: args.batchSize,
    });
    const reimportSeconds = (performance.now() - t) / 1000;

    log('Baseline: plain UNWIND … CREATE of the same rows …');
    await clearEnterprises(db);
    const baselineSeconds = await plainCreate(db, file);

    const rate = (seconds: number) => number.format(Math.round(args.rows / seconds));
    const lines = [
      `Import benchmark, ${number.format(args.rows)} generated rows (${mib(bytes)} MiB CSV, generated in ${generateSeconds.toFixed(1)} s), batches of ${args.batchSize}, onto the seed graph (${number.format(seedEnterprises)} enterprises); API process and embedded Neo4j on the same machine.`,
      '',
      '| run | seconds | rows/s | vs baseline |',
      '|---|---:|---:|---:|',
      `| import end to end (read, validate, resolve, place, write) | ${importSeconds.toFixed(1)} | ${rate(importSeconds)} | ${(importSeconds / baselineSeconds).toFixed(2)}× |`,
      `| re-import of the same file (all unchanged, nothing written) | ${reimportSeconds.toFixed(1)} | ${rate(reimportSeconds)} | ${(reimportSeconds / baselineSeconds).toFixed(2)}× |`,
      `| baseline: plain \`UNWIND … CREATE\` of the file's columns | ${baselineSeconds.toFixed(1)} | ${rate(baselineSeconds)} | 1.00× |`,
      '',
      `Import: ${number.format(summary.created)} created, ${number.format(summary.unplaced)} unplaced, ${number.format(summary.located)} located, ${summary.rejectedRows} rejected; re-import: ${number.format(again.unchanged)} unchanged. Peak RSS of the importing process: ${mib(peakRss)} MiB (${mib(rssBefore)} MiB before the import).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await db.close();
    await connection.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../api/src/config.ts';
import { openGraph } from '../api/src/graph/open-graph.ts';
import { loadSeedGraph, readSeedGraph } from '../api/src/graph/seed-loader.ts';

const usage = 'usage: npm run seed [-- --dir <seed folder>] [--force]';

const argsSchema = z.object({
  dir: z.string().min(1).optional(),
  force: z.boolean().default(false),
  help: z.boolean().default(false),
});

/** Loads (or reloads) the seed graph into the configured Neo4j; loading the same files twice changes nothing. */
async function main(): Promise<number> {
  let raw: unknown;
  try {
    raw = parseArgs({
      options: { dir: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const args = argsSchema.parse(raw);
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = loadConfig();
  const dir = args.dir ? path.resolve(args.dir) : config.seedDir;
  const seed = await readSeedGraph(dir);
  const graph = await openGraph(config, { seedIfEmpty: false });
  try {
    const started = Date.now();
    const result = await loadSeedGraph(graph.db, seed, { force: args.force });
    const counts = Object.entries(result.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
    process.stdout.write(
      result.skipped
        ? `The graph already holds this seed (${counts}); nothing to do. Use --force to write it again.\n`
        : `Seed loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}\n`,
    );
    return 0;
  } finally {
    await graph.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../api/src/config.ts';
import { ConflictError } from '../api/src/domain/errors.ts';
import { createDatabase } from '../api/src/graph/database.ts';
import { DumpFormatError } from '../api/src/graph/dump-values.ts';
import { ensureNeo4j } from '../api/src/graph/ensure-neo4j.ts';
import { exportGraph, isDatabaseEmpty, restoreGraph } from '../api/src/graph/graph-dump.ts';
import { applyMigrations } from '../api/src/graph/migrations.ts';

/**
 * `npm run export -- <file.jsonl>` writes the whole graph as JSON lines; `npm run export -- --out-dir <dir>` writes
 * a dated file there, the backup command to run from cron (exit 0 written, 1 failed, 2 wrong arguments);
 * `npm run restore -- <file.jsonl> [--force]` loads one into an empty database (`--force` wipes it first).
 */

const usage = {
  export: `usage: npm run export -- <file.jsonl>
       npm run export -- --out-dir <dir>

  Writes every node and relationship as JSON lines, in a fixed order: the same graph gives the same bytes.
  The file is written next to its final name and renamed when complete, so a backup is never half a file.
  --out-dir  write <dir>/chainscout-<UTC date and time>.jsonl (the folder is created), for scheduled backups
  Exit status: 0 written, 1 failed (e.g. Neo4j unreachable), 2 wrong arguments.`,
  restore: `usage: npm run restore -- <file.jsonl> [--force]

  Loads a dump written by \`npm run export\` into an empty database.
  --force   wipe a database that is not empty first (every node and relationship is deleted)`,
};

const argsSchema = z.object({
  command: z.enum(['export', 'restore']),
  file: z
    .string({ error: 'a file is required' })
    .min(1, 'a file is required')
    .regex(/\.jsonl$/, 'the file must end in .jsonl'),
  force: z.boolean(),
});

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        force: { type: 'boolean', default: false },
        'out-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const command = z.enum(['export', 'restore']).safeParse(positionals[0]);
  if (!command.success) throw new UsageError('the first argument must be export or restore');
  if (values.help === true) return { help: command.data };
  if (positionals.length > 2) throw new UsageError(`unexpected arguments: ${positionals.slice(2).join(' ')}`);
  if (command.data === 'export' && values.force === true) throw new UsageError('--force is for restore only');
  const outDir = values['out-dir'];
  if (typeof outDir === 'string') {
    if (command.data !== 'export') throw new UsageError('--out-dir is for export only');
    if (positionals[1] !== undefined) throw new UsageError('give a file or --out-dir, not both');
    if (outDir.trim() === '') throw new UsageError('--out-dir needs a folder');
    return { command: 'export' as const, file: datedDumpFile(outDir), force: false, outDir };
  }
  const args = argsSchema.safeParse({ command: command.data, file: positionals[1], force: values.force });
  if (!args.success) throw new UsageError(args.error.issues.map((i) => i.message).join('; '));
  return args.data;
}

/** `<dir>/chainscout-2026-11-29T0215Z.jsonl`: sorts by time, and one a minute never collides with itself. */
function datedDumpFile(dir: string, at = new Date()): string {
  const stamp = at.toISOString().slice(0, 16).replaceAll(':', '');
  return path.join(dir, `chainscout-${stamp}Z.jsonl`);
}

/**
 * The file's lines, read only once iteration starts: a readline interface made earlier would read the file
 * while the restore is still preparing the database, and lines emitted before anyone iterates are lost (and
 * with them the end of input, so the restore would wait forever).
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
}

async function writeDump(file: string, work: (write: (line: string) => Promise<void>) => Promise<unknown>) {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  try {
    await work(write);
  } finally {
    out.end();
    await once(out, 'close');
  }
  await rename(partial, file);
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(argv);
    if ('help' in args && args.help !== undefined) {
      process.stdout.write(`${usage[args.help]}\n`);
      return 0;
    }
    if (args.command === 'restore') {
      const file = args.file;
      await access(file).catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const which = argv[0] === 'restore' ? usage.restore : usage.export;
    process.stderr.write(`${error.message}\n\n${which}\n`);
    return 2;
  }

  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const connection = await ensureNeo4j({ ...config.neo4j, log });
  const db = createDatabase(connection);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    if (args.command === 'export') {
      if ('outDir' in args) await mkdir(args.outDir, { recursive: true });
      let counts = { nodes: 0, relationships: 0 };
      await writeDump(args.file, async (write) => {
        counts = await exportGraph(db, write);
      });
      process.stdout.write(
        `Exported ${counts.nodes} nodes and ${counts.relationships} relationships to ${args.file} in ${seconds()} s\n`,
      );
      return 0;
    }
    // Emptiness is judged before the schema migrations, which themselves write a few bookkeeping nodes.
    if (!args.force && !(await isDatabaseEmpty(db))) {
      process.stderr.write(
        'The database is not empty: restore only into an empty one, or pass --force to wipe it\n',
      );
      return 1;
    }
    await applyMigrations(db);
    const counts = await restoreGraph(db, fileLines(args.file), { force: true });
    process.stdout.write(
      `Restored ${counts.nodes} nodes and ${counts.relationships} relationships from ${args.file} in ${seconds()} s\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DumpFormatError || error instanceof ConflictError) {
      process.stderr.write(`${args.file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
    await connection.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

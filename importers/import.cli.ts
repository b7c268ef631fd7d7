import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../api/src/config.ts';
import { ValidationError } from '../api/src/domain/errors.ts';
import { openGraph } from '../api/src/graph/open-graph.ts';
import type { ImportSummary } from './import-summary.ts';
import { MappingFileError, readMappingFile } from './mapping/mapping-file.ts';
import { importKinds, presetNames } from './mapping/presets.ts';
import { createProgressLine } from './progress-line.ts';
import { fileInput } from './read/open-source.ts';
import { fileFormats } from './read/record-source.ts';
import { runImport } from './run-import.ts';

const usage = `usage: npm run import -- <kind> <file> [options]

  kind              ${importKinds.join(' | ')}
  --format <f>      ${fileFormats.join(' | ')} (default: from the preset, the file name or its first bytes)
  --preset <name>   ${presetNames.join(' | ')}: column layout of a known source
  --mapping <file>  a mapping file naming the columns (see docs/importing.md); not with --preset
  --source <label>  provenance label written on every fact (default: the file name)
  --as-of <date>    date the file describes, YYYY-MM-DD (default: today)
  --dry-run         validate and resolve everything, write nothing
  --json            print the summary as one JSON object
  --batch-size <n>  rows per write transaction (default 2000)

exit code: 0 all rows imported, 1 some rows rejected (the rest imported), 2 nothing imported (usage, file or columns)`;

const argsSchema = z
  .object({
    kind: z.enum(importKinds, { error: `kind must be one of ${importKinds.join(', ')}` }),
    file: z.string({ error: 'a file is required' }).min(1, 'a file is required'),
    format: z.enum(fileFormats, { error: `--format must be one of ${fileFormats.join(', ')}` }).optional(),
    preset: z.enum(presetNames, { error: `--preset must be one of ${presetNames.join(', ')}` }).optional(),
    mapping: z.string().min(1).optional(),
    source: z.string().min(1).max(200).optional(),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '--as-of must be a date as YYYY-MM-DD')
      .optional(),
    batchSize: z.coerce.number().int().min(1).max(50_000).optional(),
    dryRun: z.boolean(),
    json: z.boolean(),
  })
  .refine((a) => a.preset === undefined || a.mapping === undefined, {
    error: 'give either --preset or --mapping, not both',
  });

class UsageError extends Error {}

function parseCommandLine(argv: string[]): z.infer<typeof argsSchema> | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        preset: { type: 'string' },
        mapping: { type: 'string' },
        source: { type: 'string' },
        'as-of': { type: 'string' },
        'batch-size': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length > 2) throw new UsageError(`unexpected arguments: ${positionals.slice(2).join(' ')}`);
  const args = argsSchema.safeParse({
    kind: positionals[0],
    file: positionals[1],
    format: values.format,
    preset: values.preset,
    mapping: values.mapping,
    source: values.source,
    asOf: values['as-of'],
    batchSize: values['batch-size'],
    dryRun: values['dry-run'],
    json: values.json,
  });
  if (!args.success) throw new UsageError(args.error.issues.map((i) => i.message).join('; '));
  return args.data;
}

const n = new Intl.NumberFormat('en-US');

function describe(summary: ImportSummary): string {
  const lines: string[] = [];
  const how = [summary.format, summary.encoding, summary.preset && `preset ${summary.preset}`].filter(
    Boolean,
  );
  lines.push(
    `${summary.file} (${how.join(', ')}): ${n.format(summary.rows)} rows read in ${summary.seconds.toFixed(1)} s${summary.dryRun ? ' — dry run, nothing written' : ''}`,
  );
  const verb = summary.dryRun ? 'would be' : 'were';
  lines.push(
    `  accepted ${n.format(summary.accepted)}: ${n.format(summary.created)} created, ${n.format(summary.updated)} updated, ${n.format(summary.unchanged)} unchanged (${verb} written as ${summary.source}, as of ${summary.asOf})`,
  );
  if (summary.kind === 'enterprises') {
    lines.push(
      `  ${n.format(summary.unplaced)} sit in no chain link (imported without IN_LINK); ${n.format(summary.located)} are located in the city's districts`,
    );
  }
  lines.push(`  rejected ${n.format(summary.rejectedRows)} row(s)${summary.rejected.length > 0 ? ':' : ''}`);
  for (const r of summary.rejected) lines.push(`    line ${r.line}, ${r.field}: ${r.reason}`);
  if (summary.reviewTotal > 0) {
    lines.push(`  ${n.format(summary.reviewTotal)} near-duplicate(s) kept apart, for review:`);
    for (const item of summary.review) {
      const similar = item.similar.map((s) => `${s.name} (${s.id})`).join(', ');
      lines.push(`    line ${item.line}, ${item.name} (${item.id}) ~ ${similar}: ${item.reason}`);
    }
  }
  if (summary.importId !== null) lines.push(`  recorded as (:Import {id: '${summary.importId}'})`);
  return `${lines.join('\n')}\n`;
}

/** Imports one file; see `usage` for options and exit codes. */
async function main(argv: string[]): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    args = parsed;
    await access(args.file).catch(() => {
      throw new UsageError(`cannot read ${args.file}`);
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return 2;
  }

  let mapping: Awaited<ReturnType<typeof readMappingFile>> | undefined;
  try {
    mapping = args.mapping === undefined ? undefined : await readMappingFile(args.mapping);
  } catch (error) {
    if (!(error instanceof MappingFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }

  const graph = await openGraph(loadConfig(), { seedIfEmpty: false });
  const progress = createProgressLine(process.stderr);
  try {
    const summary = await runImport(graph.db, {
      kind: args.kind,
      input: fileInput(args.file),
      ...(args.format === undefined ? {} : { format: args.format }),
      ...(args.preset === undefined ? {} : { preset: args.preset }),
      ...(mapping === undefined ? {} : { mapping, mappingName: path.basename(args.mapping ?? '') }),
      ...(args.source === undefined ? {} : { source: args.source }),
      ...(args.asOf === undefined ? {} : { asOf: args.asOf }),
      ...(args.batchSize === undefined ? {} : { batchSize: args.batchSize }),
      dryRun: args.dryRun,
      via: 'cli',
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : describe(summary));
    return summary.rejectedRows > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (!(error instanceof ValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  } finally {
    await graph.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

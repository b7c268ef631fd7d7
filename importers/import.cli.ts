import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../api/src/config.ts';
import { openGraph } from '../api/src/graph/open-graph.ts';
import { upsertEnterprises } from '../api/src/graph/seed-loader.ts';
import { type EnterpriseSeed, enterpriseSeedSchema } from '../graph-seeds/seed.schemas.ts';

const usage = 'usage: npm run import -- enterprises <file.jsonl> [--dry-run] [--json]';

const argsSchema = z.object({
  kind: z.literal('enterprises', { error: 'the only kind so far is "enterprises"' }),
  file: z.string().min(1, 'a file is required'),
  dryRun: z.boolean(),
  json: z.boolean(),
});

interface Rejection {
  line: number;
  field: string;
  reason: string;
}

/**
 * Imports enterprises from a JSON-lines file in the seed format. Every line is validated; rejected lines are
 * reported with line number, field and reason, the accepted ones are still imported (unless --dry-run), and
 * the exit code is 1 when anything was rejected.
 */
async function main(): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const { values, positionals } = parseArgs({
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const parsed = argsSchema.safeParse({
      kind: positionals[0],
      file: positionals[1] ?? '',
      dryRun: values['dry-run'],
      json: values.json,
    });
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    args = parsed.data;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  await access(args.file).catch(() => {
    throw new Error(`Cannot read ${args.file}`);
  });

  const graph = await openGraph(loadConfig(), { seedIfEmpty: false });
  try {
    const knownLinks = new Set(
      await graph.db.read('MATCH (l:Link) RETURN l.id AS id', {}, (r) => String(r.get('id'))),
    );
    const accepted: EnterpriseSeed[] = [];
    const rejected: Rejection[] = [];
    let lineNumber = 0;
    for await (const line of createInterface({
      input: createReadStream(args.file, 'utf8'),
      crlfDelay: Infinity,
    })) {
      lineNumber++;
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        rejected.push({ line: lineNumber, field: '(line)', reason: 'not valid JSON' });
        continue;
      }
      const parsed = enterpriseSeedSchema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          rejected.push({ line: lineNumber, field: issue.path.join('.') || '(line)', reason: issue.message });
        }
        continue;
      }
      const unknownLink = parsed.data.links.find((l) => !knownLinks.has(l.linkId));
      if (unknownLink) {
        rejected.push({
          line: lineNumber,
          field: 'links.linkId',
          reason: `unknown link ${unknownLink.linkId}`,
        });
        continue;
      }
      accepted.push(parsed.data);
    }

    const ids = accepted.map((e) => e.id);
    const existing = new Set(
      await graph.db.read('MATCH (e:Enterprise) WHERE e.id IN $ids RETURN e.id AS id', { ids }, (r) =>
        String(r.get('id')),
      ),
    );
    if (!args.dryRun) await upsertEnterprises(graph.db, accepted);
    const summary = {
      dryRun: args.dryRun,
      accepted: accepted.length,
      created: ids.filter((id) => !existing.has(id)).length,
      updated: ids.filter((id) => existing.has(id)).length,
      rejected,
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const verb = args.dryRun ? 'would import' : 'imported';
      process.stdout.write(
        `${args.file}: ${verb} ${summary.accepted} enterprises (${summary.created} new, ${summary.updated} updated), rejected ${rejected.length} problem(s)\n`,
      );
      for (const r of rejected) process.stdout.write(`  line ${r.line}, ${r.field}: ${r.reason}\n`);
    }
    return rejected.length > 0 ? 1 : 0;
  } finally {
    await graph.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

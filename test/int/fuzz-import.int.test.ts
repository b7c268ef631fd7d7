import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../api/src/config.ts';
import { errorBodySchema } from '../../api/src/http/schemas/error.schemas.ts';
import { importSummarySchema } from '../../api/src/http/schemas/import.schemas.ts';
import { generatedHeader } from '../../bench/import-generator.ts';
import { importKinds } from '../../importers/mapping/presets.ts';
import { graphFingerprint } from '../support/graph-fingerprint.ts';
import { startTestApi, type TestApi } from '../support/test-api.ts';

/**
 * Bad files through the upload endpoint, for every import kind and format: random bytes, invalid UTF-8, GBK
 * text labelled as UTF-8, empty and header-only files, truncated spreadsheets and structured files. Every
 * answer must be below 500 with a plain message, and none of these files may change the graph.
 */

let api: TestApi;
let importsBefore: string[] = [];
const importIds = () => api.db.read('MATCH (i:Import) RETURN i.id AS id', {}, (r) => String(r.get('id')));

beforeAll(async () => {
  api = await startTestApi();
  importsBefore = await importIds();
});
afterAll(async () => {
  // Import records of rejected files are bookkeeping; remove the ones this file made.
  await api.db.write(
    `MATCH (i:Import) WHERE NOT i.id IN $before
     OPTIONAL MATCH (c:Change {entityType: 'Import', entityId: i.id})
     DETACH DELETE c, i`,
    { before: importsBefore },
    () => null,
  );
  await api.close();
});

const kinds = importKinds;
const extensions = ['csv', 'xlsx', 'json', 'jsonl', 'yaml'] as const;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function upload(query: string, body: Uint8Array, contentType = 'application/octet-stream') {
  const response = await fetch(`${api.baseUrl}/api/admin/imports?${query}`, {
    method: 'POST',
    headers: { ...(await api.headersFor('admin')), 'content-type': contentType },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // reported below as a body without the standard shape
  }
  return { status: response.status, body: parsed };
}

const counts = { files: 0, byStatus: new Map<number, number>() };

/** Null when the answer to a bad file is acceptable; what is wrong with it otherwise. */
function problemWith(label: string, status: number, body: unknown): string | null {
  counts.files += 1;
  counts.byStatus.set(status, (counts.byStatus.get(status) ?? 0) + 1);
  if (status >= 500) return `${label}: ${status} ${JSON.stringify(body).slice(0, 300)}`;
  if (status === 200) {
    const summary = importSummarySchema.safeParse(body);
    if (!summary.success) return `${label}: 200 without an import summary`;
    const { created, updated } = summary.data;
    if (created + updated > 0)
      return `${label}: a bad file wrote ${created} new and ${updated} changed records`;
    return null;
  }
  const error = errorBodySchema.safeParse(body);
  if (!error.success) return `${label}: ${status} without the standard error body`;
  if (error.data.error.message.length < 10)
    return `${label}: the message "${error.data.error.message}" says little`;
  return null;
}

describe('fuzzing the importers', () => {
  it('answers bad files with a summary or a plain 4xx, never 5xx, and changes nothing', async () => {
    const before = await graphFingerprint(api.db);
    const gbk = await readFile(path.join(projectRoot, 'test', 'fixtures', 'szse-chengdu.gbk.csv'));
    const header = generatedHeader.join(',');
    const fixed: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['a BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
      ['header only', utf8(`${header}\n`)],
      ['header only, no newline', utf8(header)],
      [
        'invalid UTF-8',
        new Uint8Array([...utf8(`${header}\n`), 0xff, 0xfe, 0xc3, 0x28, 0x2c, 0xa0, 0xa1, 0x0a]),
      ],
      ['lone surrogate bytes', new Uint8Array([...utf8(`${header}\n`), 0xed, 0xa0, 0x80, 0x2c, 0x0a])],
      ['NUL bytes', new Uint8Array([...utf8(header), 0, 0, 0, 0x0a, 0, 0x2c, 0])],
      ['unbalanced quotes', utf8(`${header}\n"成都,"未闭合,"\n`)],
      ['a truncated xlsx (zip) header', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
      ['JSON of the wrong shape', utf8('{"enterprises": {"a": [1, 2, {"b": null}]}}')],
      ['deep JSON', utf8(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)],
      [
        'YAML bomb',
        utf8(
          'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
        ),
      ],
      ['a million commas', utf8(`${header}\n${','.repeat(1_000_000)}\n`)],
    ];
    const problems: string[] = [];
    for (const kind of kinds) {
      for (const ext of extensions) {
        for (const [what, bytes] of fixed) {
          const { status, body } = await upload(`kind=${kind}&file=fuzz.${ext}`, bytes);
          const problem = problemWith(`${kind} .${ext} ${what}`, status, body);
          if (problem) problems.push(problem);
        }
      }
      // GBK text sent as UTF-8 (a good file, on a dry run): decoded as GB18030 or refused, never read as mojibake.
      const gbkAnswer = await upload(
        `kind=${kind}&file=fuzz.csv&dryRun=true`,
        gbk,
        'text/csv; charset=utf-8',
      );
      counts.files += 1;
      if (gbkAnswer.status >= 500) problems.push(`${kind} GBK labelled UTF-8: ${gbkAnswer.status}`);
      if (kind === 'enterprises') {
        expect(gbkAnswer.status).toBe(200);
        const summary = importSummarySchema.parse(gbkAnswer.body);
        expect(summary).toMatchObject({ encoding: 'gb18030', dryRun: true });
        expect(summary.accepted).toBeGreaterThan(0);
      }
    }

    let random = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.constantFrom(...extensions),
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 4_000 }),
          fc.string({ unit: 'binary', maxLength: 2_000 }).map((s) => utf8(`${header}\n${s}`)),
          fc
            .array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 10 }), { maxLength: 20 })
            .map((rows) => utf8([header, ...rows.map((r) => r.join(','))].join('\n'))),
        ),
        async (kind, ext, bytes) => {
          random += 1;
          const { status, body } = await upload(`kind=${kind}&file=fuzz.${ext}`, bytes);
          const problem = problemWith(`${kind} .${ext} random (${bytes.length} bytes)`, status, body);
          if (problem) problems.push(problem);
          return problem === null;
        },
      ),
      { numRuns: 150, endOnFailure: true },
    );

    const statuses = [...counts.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    process.stdout.write(
      `fuzz-import: ${counts.files} files (${random} random) over ${kinds.length} kinds × ${extensions.length} formats; statuses ${statuses}\n`,
    );
    expect(problems, problems.join('\n')).toEqual([]);
    const after = await graphFingerprint(api.db);
    expect(after.filter((line) => !before.includes(line)).slice(0, 5)).toEqual([]);
    expect(before.filter((line) => !after.includes(line)).slice(0, 5)).toEqual([]);
    expect(z.number().parse(counts.files)).toBeGreaterThan(300);
  }, 600_000);
});

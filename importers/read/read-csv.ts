import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { FileReadError, type SourceRecord } from './record-source.ts';

const delimiters = [',', '\t', ';', '|'] as const;

/** The delimiter that splits the header line most often, counting only outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Pulls text until the first line break, so the delimiter can be chosen before parsing starts. */
async function peekFirstLine(
  text: AsyncIterable<string>,
): Promise<{ firstLine: string; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!head.includes('\n') && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const all = (async function* () {
    if (head !== '') yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { firstLine: head.split('\n')[0] ?? '', all };
}

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/** csv-parse yields `{record, info}` objects when `info` is on; checked rather than assumed. */
function isParsedRow(value: unknown): value is ParsedRow {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const { record, info } = value;
  return (
    Array.isArray(record) &&
    typeof info === 'object' &&
    info !== null &&
    'lines' in info &&
    typeof info.lines === 'number'
  );
}

const count = (cells: string[], pattern: RegExp) =>
  cells.reduce((n, cell) => n + (cell.match(pattern)?.length ?? 0), 0);

/**
 * Streams CSV (or tab-, semicolon- or bar-separated) rows with the line each starts on. The first row is the
 * header. A row whose field count differs from the header's, or that breaks the quoting rules, comes out with
 * a `problem` instead of being dropped silently; rows with only empty cells are skipped.
 */
export async function* readCsvRows(text: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  const { firstLine, all } = await peekFirstLine(text);
  const skipped: SourceRecord[] = [];
  const parser = parse({
    delimiter: sniffDelimiter(firstLine),
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) {
        const line = typeof error.lines === 'number' ? error.lines : 0;
        skipped.push({ line, cells: [], problem: error.message });
      }
      return undefined;
    },
  });
  const piping = pipeline(Readable.from(all), parser).then(
    () => undefined,
    (error: unknown) => error,
  );
  let expectedFields: number | undefined;
  // csv-parse counts a CRLF inside quotes as two lines; the excess is subtracted to keep later rows right.
  let overcount = 0;
  try {
    for await (const row of parser) {
      // Rows csv-parse had to skip come after the row read before them, never ahead of the header.
      if (expectedFields !== undefined) yield* skipped.splice(0);
      if (!isParsedRow(row)) throw new FileReadError('The CSV parser returned a row of an unexpected shape');
      const { record, info } = row;
      const crlfs = count(record, /\r\n/g);
      const end = info.lines - overcount - crlfs;
      overcount += crlfs;
      const line = end - count(record, /\r\n|\r|\n/g);
      if (expectedFields === undefined) {
        expectedFields = record.length;
        yield { line, cells: record };
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue;
      if (record.length !== expectedFields) {
        yield {
          line,
          cells: record,
          problem: `has ${record.length} fields where the header has ${expectedFields} (a comma inside an unquoted value?)`,
        };
        continue;
      }
      yield { line, cells: record };
    }
    yield* skipped.splice(0);
  } finally {
    parser.destroy();
  }
  const error = await piping;
  if (error instanceof Error && !('code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE')) {
    throw error;
  }
}

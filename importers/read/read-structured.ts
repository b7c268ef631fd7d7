import { parseYamlSubset, YamlSubsetError, type YamlValue } from '../../graph-seeds/derive/read-yaml.ts';
import { FileReadError, type SourceRecord } from './record-source.ts';

export type PlainObject = { [key: string]: unknown };

const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON or YAML value as cell text: lists become 、-separated text, nested objects their JSON. */
export function toCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(toCellText).join('、');
  return JSON.stringify(value);
}

/** Objects as rows under the union of their keys, in order of first appearance. */
export function tabulate(objects: readonly { line: number; value: PlainObject }[]): {
  headers: string[];
  records: SourceRecord[];
} {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const { value } of objects) {
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  const records = objects.map(({ line, value }) => ({
    line,
    cells: headers.map((h) => toCellText(value[h])),
  }));
  return { headers, records };
}

/** The rows of a JSON document: an array of objects, or an object holding one such array. */
export function jsonRows(text: string): { headers: string[]; records: SourceRecord[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FileReadError(
      `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const list = Array.isArray(data)
    ? data
    : isPlainObject(data)
      ? Object.values(data).find((v): v is unknown[] => Array.isArray(v))
      : undefined;
  if (list === undefined) throw new FileReadError('The JSON file holds no array of rows');
  const objects: { line: number; value: PlainObject }[] = [];
  const problems: SourceRecord[] = [];
  // JSON has no row lines of its own: a row's "line" is its position in the array, from 1.
  list.forEach((item, i) => {
    if (isPlainObject(item)) objects.push({ line: i + 1, value: item });
    else problems.push({ line: i + 1, cells: [], problem: 'is not an object' });
  });
  const table = tabulate(objects);
  return {
    headers: table.headers,
    records: [...table.records, ...problems].sort((a, b) => a.line - b.line),
  };
}

/** Splits streamed text into lines, numbered from 1. */
export async function* textLines(
  text: AsyncIterable<string>,
): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of text) {
    rest += chunk;
    const parts = rest.split(/\r?\n/);
    rest = parts.pop() ?? '';
    for (const part of parts) yield { line: ++line, text: part };
  }
  if (rest !== '') yield { line: ++line, text: rest };
}

/**
 * JSON lines, streamed. The first object's keys are the columns; later rows are read under them, so a key
 * that only later rows have is ignored.
 */
export async function openJsonLines(
  text: AsyncIterable<string>,
): Promise<{ headers: string[]; records: AsyncIterable<SourceRecord> }> {
  const lines = textLines(text);
  const parseLine = (entry: { line: number; text: string }): PlainObject | string => {
    try {
      const value: unknown = JSON.parse(entry.text);
      return isPlainObject(value) ? value : 'is not a JSON object';
    } catch {
      return 'is not valid JSON';
    }
  };
  const pending: SourceRecord[] = [];
  let headers: string[] | undefined;
  let first: { line: number; value: PlainObject } | undefined;
  // Read by hand: leaving a for-await loop early would close the line generator.
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const entry = next.value;
    if (entry.text.trim() === '') continue;
    const parsed = parseLine(entry);
    if (typeof parsed === 'string') {
      pending.push({ line: entry.line, cells: [], problem: parsed });
      continue;
    }
    headers = Object.keys(parsed);
    first = { line: entry.line, value: parsed };
    break;
  }
  const columns = headers ?? [];
  const toRecord = (line: number, value: PlainObject): SourceRecord => ({
    line,
    cells: columns.map((h) => toCellText(value[h])),
  });
  const records = (async function* () {
    yield* pending;
    if (first !== undefined) yield toRecord(first.line, first.value);
    for await (const entry of lines) {
      if (entry.text.trim() === '') continue;
      const parsed = parseLine(entry);
      yield typeof parsed === 'string'
        ? { line: entry.line, cells: [], problem: parsed }
        : toRecord(entry.line, parsed);
    }
  })();
  return { headers: columns, records };
}

export function parseYamlDocument(text: string): YamlValue {
  try {
    return parseYamlSubset(text);
  } catch (error) {
    if (error instanceof YamlSubsetError)
      throw new FileReadError(`The YAML file cannot be read: ${error.message}`);
    throw error;
  }
}

/**
 * Lines where the items of a block sequence start whose first key is `firstKey` ("- code: …"), in file order,
 * so rows taken from YAML can be reported by line.
 */
export function sequenceItemLines(text: string, firstKey: string): number[] {
  const pattern = new RegExp(`^\\s*- ${firstKey}:`);
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (pattern.test(line)) lines.push(i + 1);
  });
  return lines;
}

/** Rows of a generic YAML file: a top-level list of mappings, or a mapping holding one such list. */
export function yamlRows(text: string): { headers: string[]; records: SourceRecord[] } {
  const value = parseYamlDocument(text);
  const list = Array.isArray(value)
    ? value
    : isPlainObject(value)
      ? Object.values(value).find((v): v is YamlValue[] => Array.isArray(v))
      : undefined;
  if (list === undefined) throw new FileReadError('The YAML file holds no list of rows');
  const firstItem = list.find((item) => isPlainObject(item));
  const firstKey = isPlainObject(firstItem) ? Object.keys(firstItem)[0] : undefined;
  const starts = firstKey === undefined ? [] : sequenceItemLines(text, firstKey);
  const objects = list.flatMap((item, i) =>
    isPlainObject(item) ? [{ line: starts[i] ?? i + 1, value: item }] : [],
  );
  return tabulate(objects);
}

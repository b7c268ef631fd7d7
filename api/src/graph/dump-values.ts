import neo4j from 'neo4j-driver';
import { z } from 'zod';

/**
 * How property values travel in a graph dump (JSON lines). Strings, booleans and floats are plain JSON; integers are
 * tagged text (`{"int":"42"}`), so 64-bit values survive; temporal values are tagged text in Neo4j's own notation
 * (`{"date":"2021-10-22"}`), read from and written back to the same types. Lists hold encoded elements. Neo4j
 * reports each value's type (`valueType`), so no guessing from the JSON.
 */

export type DumpValue =
  | string
  | boolean
  | number
  | { int: string }
  | { float: string }
  | { date: string }
  | { datetime: string }
  | { localdatetime: string }
  | { time: string }
  | { localtime: string }
  | { duration: string }
  | DumpValue[];

const scalarTags = [
  'int',
  'float',
  'date',
  'datetime',
  'localdatetime',
  'time',
  'localtime',
  'duration',
] as const;
type ScalarTag = (typeof scalarTags)[number];

const typeTags: Record<string, ScalarTag | 'string' | 'boolean' | 'float'> = {
  STRING: 'string',
  BOOLEAN: 'boolean',
  FLOAT: 'float',
  INTEGER: 'int',
  DATE: 'date',
  'ZONED DATETIME': 'datetime',
  'LOCAL DATETIME': 'localdatetime',
  'ZONED TIME': 'time',
  'LOCAL TIME': 'localtime',
  DURATION: 'duration',
};

/**
 * Cypher that turns the properties of `x` into `[key, valueType, value]` triples, with every integer and temporal
 * value (also inside lists) as text, so the driver's number conversion never touches them.
 */
export const typedPropertiesCypher = (
  x: string,
) => `[p IN [k IN keys(${x}) | [k, valueType(${x}[k])]] | [p[0], p[1],
  CASE
    WHEN p[1] STARTS WITH 'STRING' OR p[1] STARTS WITH 'BOOLEAN' OR p[1] STARTS WITH 'FLOAT'
      OR p[1] STARTS WITH 'LIST<STRING' OR p[1] STARTS WITH 'LIST<BOOLEAN' OR p[1] STARTS WITH 'LIST<FLOAT'
      OR p[1] STARTS WITH 'LIST<NOTHING' THEN ${x}[p[0]]
    WHEN p[1] STARTS WITH 'LIST' THEN [v IN ${x}[p[0]] | toString(v)]
    ELSE toString(${x}[p[0]])
  END]]`;

export class DumpFormatError extends Error {}

function baseType(valueType: string): { list: boolean; type: string } {
  const bare = valueType.replace(/ NOT NULL/g, '').trim();
  const list = /^LIST<(.*)>$/.exec(bare);
  return list ? { list: true, type: (list[1] ?? '').trim() } : { list: false, type: bare };
}

function encodeScalar(type: string, value: unknown, where: string): DumpValue {
  const tag = typeTags[type];
  if (tag === undefined) throw new DumpFormatError(`${where}: values of type ${type} cannot be exported`);
  if (tag === 'string') return z.string().parse(value);
  if (tag === 'boolean') return z.boolean().parse(value);
  if (tag === 'float') {
    // zod's number refuses NaN and ±Infinity, which a stored float may be.
    const n = z.custom<number>((v) => typeof v === 'number', 'a float').parse(value);
    return Number.isFinite(n) ? n : { float: String(n) };
  }
  const text = z.string().parse(value);
  switch (tag) {
    case 'int':
      return { int: text };
    case 'date':
      return { date: text };
    case 'datetime':
      return { datetime: text };
    case 'localdatetime':
      return { localdatetime: text };
    case 'time':
      return { time: text };
    case 'localtime':
      return { localtime: text };
    case 'duration':
      return { duration: text };
  }
}

/** One `[key, valueType, value]` triple from `typedPropertiesCypher`, encoded. */
export function encodeProperty(valueType: string, value: unknown, where: string): DumpValue {
  const { list, type } = baseType(valueType);
  if (!list) return encodeScalar(type, value, where);
  const items = z.array(z.unknown()).parse(value);
  if (type === 'NOTHING') return [];
  // A list's element type may read "STRING | INTEGER" only for values, never for stored properties.
  return items.map((item) => encodeScalar(type, item, where));
}

/** Properties in key order (code-unit order of the keys), so the same node always gives the same text. */
export function encodeProperties(triples: unknown, where: string): Record<string, DumpValue> {
  const rows = z.array(z.tuple([z.string(), z.string(), z.unknown()])).parse(triples);
  const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const props: Record<string, DumpValue> = {};
  for (const [key, type, value] of sorted) props[key] = encodeProperty(type, value, `${where}.${key}`);
  return props;
}

const dateText = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const timeText = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const offsetText = /^(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

function parseDate(text: string, where: string) {
  const m = dateText.exec(text);
  if (!m) throw new DumpFormatError(`${where}: "${text}" is not a date`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function parseTime(text: string, where: string) {
  const m = timeText.exec(text);
  if (!m) throw new DumpFormatError(`${where}: "${text}" is not a time`);
  return {
    hour: Number(m[1]),
    minute: Number(m[2]),
    second: Number(m[3] ?? 0),
    nanosecond: Number((m[4] ?? '').padEnd(9, '0')),
    rest: text.slice(m[0].length),
  };
}

function parseZone(text: string, where: string): { offsetSeconds?: number; zoneId?: string } {
  const m = offsetText.exec(text);
  if (!m) throw new DumpFormatError(`${where}: "${text}" is not a time zone`);
  if (m[2] !== undefined) return { zoneId: m[2] };
  const offset = m[1];
  if (offset === undefined || offset === 'Z') return { offsetSeconds: 0 };
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, mi, s] = offset.slice(1).split(':').map(Number);
  return { offsetSeconds: sign * ((h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0)) };
}

const durationText =
  /^P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+)(?:\.(\d{1,9}))?S)?)?$/;

function parseDuration(text: string, where: string) {
  const m = durationText.exec(text);
  if (!m) throw new DumpFormatError(`${where}: "${text}" is not a duration`);
  const n = (i: number) => Number(m[i] ?? 0);
  const seconds = n(5) * 3600 + n(6) * 60 + n(7);
  const fraction = Number((m[8] ?? '').padEnd(9, '0'));
  const negative = (m[7] ?? '').startsWith('-');
  return new neo4j.types.Duration(
    n(1) * 12 + n(2),
    n(3) * 7 + n(4),
    seconds,
    negative ? -fraction : fraction,
  );
}

/** The driver value to write for an encoded one: integers as Neo4j integers, temporal values as driver types. */
export function decodeValue(value: DumpValue, where: string): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, where));
  if ('int' in value) return neo4j.int(value.int);
  if ('float' in value) return Number(value.float);
  if ('date' in value) {
    const d = parseDate(value.date, where);
    return new neo4j.types.Date(d.year, d.month, d.day);
  }
  if ('localdatetime' in value) {
    const [date = '', time = ''] = value.localdatetime.split('T');
    const d = parseDate(date, where);
    const t = parseTime(time, where);
    return new neo4j.types.LocalDateTime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.nanosecond);
  }
  if ('datetime' in value) {
    const [date = '', time = ''] = value.datetime.split('T');
    const d = parseDate(date, where);
    const t = parseTime(time, where);
    const zone = parseZone(t.rest, where);
    return new neo4j.types.DateTime(
      d.year,
      d.month,
      d.day,
      t.hour,
      t.minute,
      t.second,
      t.nanosecond,
      zone.offsetSeconds,
      zone.zoneId,
    );
  }
  if ('localtime' in value) {
    const t = parseTime(value.localtime, where);
    return new neo4j.types.LocalTime(t.hour, t.minute, t.second, t.nanosecond);
  }
  if ('time' in value) {
    const t = parseTime(value.time, where);
    const zone = parseZone(t.rest, where);
    return new neo4j.types.Time(t.hour, t.minute, t.second, t.nanosecond, zone.offsetSeconds ?? 0);
  }
  return parseDuration(value.duration, where);
}

export const dumpValueSchema: z.ZodType<DumpValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.boolean(),
    z.number(),
    z.strictObject({ int: z.string().regex(/^-?\d+$/) }),
    z.strictObject({ float: z.enum(['NaN', 'Infinity', '-Infinity']) }),
    z.strictObject({ date: z.string() }),
    z.strictObject({ datetime: z.string() }),
    z.strictObject({ localdatetime: z.string() }),
    z.strictObject({ time: z.string() }),
    z.strictObject({ localtime: z.string() }),
    z.strictObject({ duration: z.string() }),
    z.array(dumpValueSchema),
  ]),
);

export function decodeProperties(props: Record<string, DumpValue>, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = decodeValue(value, `${where}.${key}`);
  return out;
}

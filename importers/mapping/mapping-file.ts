import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseYamlSubset, YamlSubsetError } from '../../graph-seeds/derive/read-yaml.ts';
import { decodeTextBuffer } from '../read/decode-text.ts';
import { fileFormats } from '../read/record-source.ts';
import type { ColumnRule, FieldSpec } from './column-mapping.ts';
import { type ImportKind, importKinds } from './presets.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const headerNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** A mapping file: which header of the user's file holds each field, plus optional defaults for the import. */
export const mappingFileSchema = z.strictObject({
  kind: z.enum(importKinds).optional(),
  format: z.enum(fileFormats).optional(),
  sheet: z.string().min(1).optional(),
  /** Provenance label written on every fact the import adds; the file name by default. */
  source: z.string().min(1).max(200).optional(),
  /** Date the file's facts describe. */
  asOf: isoDate.optional(),
  columns: z.record(z.string(), headerNames),
});
export type MappingFile = z.infer<typeof mappingFileSchema>;

export class MappingFileError extends Error {}

/** Reads a mapping file written as YAML (the block subset the atlas reader knows) or JSON. */
export async function readMappingFile(file: string): Promise<MappingFile> {
  let raw: unknown;
  try {
    const { text } = await decodeTextBuffer(await readFile(file));
    raw = path.extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYamlSubset(text);
  } catch (error) {
    const reason =
      error instanceof YamlSubsetError || error instanceof SyntaxError
        ? error.message
        : error instanceof Error && 'code' in error
          ? String(error.code)
          : String(error);
    throw new MappingFileError(`Cannot read the mapping file ${file}: ${reason}`);
  }
  const parsed = mappingFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new MappingFileError(`The mapping file ${file} is not valid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The column rule a mapping file describes; every field it names must be one the kind knows. */
export function mappingRule(
  mapping: MappingFile,
  kind: ImportKind,
  fields: readonly FieldSpec[],
  required: readonly (readonly string[])[],
  fileName: string,
): ColumnRule {
  if (mapping.kind !== undefined && mapping.kind !== kind) {
    throw new MappingFileError(`The mapping file ${fileName} is for ${mapping.kind}, not ${kind}`);
  }
  const known = new Set(fields.map((f) => f.field));
  const unknown = Object.keys(mapping.columns).filter((field) => !known.has(field));
  if (unknown.length > 0) {
    throw new MappingFileError(
      `The mapping file ${fileName} names unknown fields ${unknown.join(', ')}; ${kind} fields are ${[...known].join(', ')}`,
    );
  }
  const headers = Object.fromEntries(
    Object.entries(mapping.columns).map(([field, names]) => [
      field,
      typeof names === 'string' ? [names] : names,
    ]),
  );
  return { headers, required, describedAs: `the mapping file ${fileName}` };
}

import { normaliseCodeCell } from '../read/normalise-cell.ts';

/** One field an import kind understands, with the header names it goes by in files nobody here wrote. */
export interface FieldSpec {
  field: string;
  /** How the field is named in messages. */
  label: string;
  /** Header names recognised when no preset or mapping file says otherwise (Chinese and English). */
  synonyms: readonly string[];
}

/** Which header(s) hold each field: a preset's, a mapping file's, or every synonym when guessing. */
export interface ColumnRule {
  /** Candidate headers per field, best first. */
  headers: Readonly<Record<string, readonly string[]>>;
  /** Each group needs at least one of its fields mapped. */
  required: readonly (readonly string[])[];
  /** Said in the error, e.g. `preset "szse"`. */
  describedAs: string;
}

/** Field → column index in the file. */
export type ColumnMapping = ReadonlyMap<string, number>;

export class ColumnMappingError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
    readonly headers: string[],
  ) {
    super(message);
  }
}

/** Headers compared without case, width, spaces, underscores, hyphens or brackets: "List_Date" = "list date". */
export function headerKey(header: string): string {
  return normaliseCodeCell(header)
    .toLowerCase()
    .replace(/[\s_\-()（）[\]【】:：.]/g, '');
}

/** Every field's synonyms, for guessing the columns of a file that came with no preset or mapping. */
export function synonymRule(
  fields: readonly FieldSpec[],
  required: readonly (readonly string[])[],
): ColumnRule {
  return {
    headers: Object.fromEntries(fields.map((f) => [f.field, [f.field, ...f.synonyms]])),
    required,
    describedAs: 'the usual column names (no preset or mapping file given)',
  };
}

/**
 * Finds each field's column. A field whose candidates are all absent stays unmapped; when a required group has
 * no mapped field, one error names every such group and lists the file's headers.
 */
export function mapColumns(
  headers: readonly string[],
  rule: ColumnRule,
  fields: readonly FieldSpec[],
  fileName: string,
): ColumnMapping {
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '' && !byKey.has(key)) byKey.set(key, i);
  });
  const mapping = new Map<string, number>();
  const used = new Set<number>();
  for (const [field, candidates] of Object.entries(rule.headers)) {
    for (const candidate of candidates) {
      const index = byKey.get(headerKey(candidate));
      if (index !== undefined && !used.has(index)) {
        mapping.set(field, index);
        used.add(index);
        break;
      }
    }
  }
  const labelOf = (field: string) => {
    const spec = fields.find((f) => f.field === field);
    const candidates = (rule.headers[field] ?? []).filter((c) => c !== field).slice(0, 4);
    const names = candidates.length > 0 ? candidates.join(' / ') : (spec?.label ?? field);
    return `${names} (${field})`;
  };
  const missing = rule.required.filter((group) => !group.some((field) => mapping.has(field)));
  if (missing.length > 0) {
    const described = missing.map((group) => group.map(labelOf).join(' or '));
    const shown = headers.length > 0 ? headers.map((h) => h || '(blank)').join(', ') : '(none)';
    throw new ColumnMappingError(
      `Cannot map the columns of ${fileName} with ${rule.describedAs}: missing ${described.join('; ')}. The file's columns are: ${shown}.`,
      missing.map((group) => group.join('|')),
      [...headers],
    );
  }
  return mapping;
}

/** A row as field → text; empty cells are left out so "absent" has one spelling. */
export function pickFields(cells: readonly string[], mapping: ColumnMapping): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [field, index] of mapping) {
    const value = cells[index];
    if (value !== undefined && value.trim() !== '') row[field] = value;
  }
  return row;
}

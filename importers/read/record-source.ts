import type { TextEncodingName } from './decode-text.ts';

export const fileFormats = ['csv', 'xlsx', 'json', 'jsonl', 'yaml'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** One data row as read: cells in header order, and the file line (or sheet row) where it starts. */
export interface SourceRecord {
  line: number;
  cells: string[];
  /** Set when the row could not be read as a whole (wrong number of fields, broken JSON). */
  problem?: string;
}

/** A file opened for reading: its column names, then its rows one at a time. */
export interface RecordSource {
  format: FileFormat;
  headers: string[];
  /** Known once the first non-ASCII text is seen; text formats only. */
  encoding(): TextEncodingName | undefined;
  records: AsyncIterable<SourceRecord>;
}

export class FileReadError extends Error {}

import type { Rejection, ReviewItem } from './enterprises/plan-batch.ts';
import type { ImportKind, PresetName } from './mapping/presets.ts';
import type { FileFormat } from './read/record-source.ts';

export type { Rejection, ReviewItem };

/** What an import did (or, on a dry run, would do), row by row counted. */
export interface ImportSummary {
  /** Id of the `(:Import)` record; null on a dry run, which writes nothing. */
  importId: string | null;
  kind: ImportKind;
  file: string;
  format: FileFormat;
  encoding: string | null;
  preset: PresetName | null;
  source: string;
  asOf: string;
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Accepted enterprises that sit in no chain link afterwards (imported all the same). */
  unplaced: number;
  /** Accepted enterprises located in one of the city's districts afterwards. */
  located: number;
  /** Rows with at least one rejection. */
  rejectedRows: number;
  rejected: Rejection[];
  /** Near-duplicates that were not merged, for a person to check. */
  review: ReviewItem[];
  /** Review items found; `review` lists the first of them. */
  reviewTotal: number;
  seconds: number;
}

export interface ImportProgress {
  rows: number;
  accepted: number;
  rejectedRows: number;
  written: number;
}

/** The counts kept on the `(:Import)` record. */
export function countsOf(summary: ImportSummary) {
  return {
    rows: summary.rows,
    accepted: summary.accepted,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejectedRows,
    unplaced: summary.unplaced,
  };
}

/** The parts of the importer's row pipeline (see `runImport`) that an importer written in its own module uses. */
export interface ImportContext {
  request: { dryRun: boolean; input: { name: string }; actor?: string };
  summary: ImportSummary;
  reject: (r: Rejection) => void;
  progress: (written: number) => void;
}

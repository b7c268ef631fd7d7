import type { Provenance } from '../../../../api/src/http/schemas/catalog.schemas.ts';

export interface ProvenanceView {
  /** The sources, `synthetic` left out (it is shown as a mark instead). */
  sources: string[];
  /** Generated for the demo, not observed: must never be mistaken for a fact. */
  synthetic: boolean;
  date: string | null;
  /** Confidence as a whole percentage, or null when the source gives none. */
  confidencePercent: number | null;
  stale: boolean;
}

/** How a fact's provenance is shown: `source; synthetic` becomes a source list and a synthetic mark. */
export function viewProvenance(provenance: Provenance): ProvenanceView {
  const parts = provenance.source
    .split(/;\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return {
    sources: parts.filter((part) => part !== 'synthetic'),
    synthetic: parts.includes('synthetic'),
    date: provenance.asOf,
    confidencePercent: provenance.confidence === null ? null : Math.round(provenance.confidence * 100),
    stale: provenance.stale,
  };
}

/** A page of a list: the items shown and whether pages exist before and after. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    items: items.slice((current - 1) * pageSize, current * pageSize),
    page: current,
    pageCount,
  };
}

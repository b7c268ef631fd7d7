import type { Rejection, RowOutcome } from '../enterprises/plan-batch.ts';
import type { EnterpriseRef, SupplyRow } from './supply-row.ts';

/** An enterprise a supply row may name, with the keys it can be named by. */
export interface SupplyEnd {
  id: string;
  name: string;
  creditCode?: string;
  stockCode?: string;
  nameKey?: string;
}

export interface StoredSupply {
  from: string;
  to: string;
  product: string;
  confidence: number;
  sources: string[];
  asOf: string;
}

export interface SupplyWrite {
  from: string;
  to: string;
  product: string;
  confidence: number;
  sources: string[];
  source: string;
  asOf: string;
}

/** A file that states a relation without a confidence states it outright. */
export const STATED_CONFIDENCE = 1;

const keyOf = (s: { from: string; to: string; product: string }) =>
  `${s.from}\u0000${s.to}\u0000${s.product}`;

function describeRef(ref: EnterpriseRef): string {
  if (ref.kind === 'creditCode') return `credit code ${ref.value}`;
  if (ref.kind === 'stockCode') return `stock code ${ref.value}`;
  return `the name ${ref.text}`;
}

/**
 * Resolves both ends of each row to enterprises already in the graph and decides, per SUPPLIES edge (supplier,
 * buyer, product), whether it is new, changed or already known. Unknown or ambiguous ends reject the row:
 * a supply relation is only as good as the firms it connects.
 */
export function planSupplies(
  rows: readonly { line: number; row: SupplyRow }[],
  ends: readonly SupplyEnd[],
  existing: readonly StoredSupply[],
  ctx: { source: string; asOf: string },
): { results: { line: number; outcome: RowOutcome }[]; rejected: Rejection[]; writes: SupplyWrite[] } {
  const byCredit = new Map<string, string>();
  const byStock = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const end of ends) {
    names.set(end.id, end.name);
    if (end.creditCode !== undefined) byCredit.set(end.creditCode, end.id);
    if (end.stockCode !== undefined) byStock.set(end.stockCode, end.id);
    if (end.nameKey !== undefined) byName.set(end.nameKey, [...(byName.get(end.nameKey) ?? []), end.id]);
  }
  const edges = new Map(existing.map((s) => [keyOf(s), s]));
  const changed = new Set<string>();
  const results: { line: number; outcome: RowOutcome }[] = [];
  const rejected: Rejection[] = [];

  const resolve = (ref: EnterpriseRef): string | { reason: string } => {
    const ids =
      ref.kind === 'creditCode'
        ? [byCredit.get(ref.value)]
        : ref.kind === 'stockCode'
          ? [byStock.get(ref.value)]
          : [...new Set(byName.get(ref.value) ?? [])];
    const found = ids.filter((id): id is string => id !== undefined);
    if (found.length === 1 && found[0] !== undefined) return found[0];
    if (found.length > 1) {
      return {
        reason: `${describeRef(ref)} matches ${found.length} enterprises (${found.join(', ')}): use a code`,
      };
    }
    return { reason: `no enterprise with ${describeRef(ref)} in the graph: import it first` };
  };

  for (const { line, row } of rows) {
    const from = resolve(row.from);
    const to = resolve(row.to);
    if (typeof from !== 'string' || typeof to !== 'string') {
      if (typeof from !== 'string') rejected.push({ line, field: 'from', reason: from.reason });
      if (typeof to !== 'string') rejected.push({ line, field: 'to', reason: to.reason });
      continue;
    }
    if (from === to) {
      rejected.push({ line, field: 'to', reason: `${names.get(from) ?? from} cannot supply itself` });
      continue;
    }
    const key = keyOf({ from, to, product: row.product });
    const before = edges.get(key);
    const overwrite = before === undefined || ctx.asOf >= before.asOf;
    const confidence =
      row.confidence !== undefined && overwrite ? row.confidence : (before?.confidence ?? STATED_CONFIDENCE);
    const sources = before?.sources.includes(ctx.source)
      ? before.sources
      : [...(before?.sources ?? []), ctx.source];
    const after: StoredSupply = {
      from,
      to,
      product: row.product,
      confidence,
      sources,
      asOf: before === undefined ? ctx.asOf : overwrite ? ctx.asOf : before.asOf,
    };
    const same =
      before !== undefined && before.confidence === after.confidence && before.sources === after.sources;
    const outcome: RowOutcome = before === undefined ? 'created' : same ? 'unchanged' : 'updated';
    if (outcome !== 'unchanged') {
      edges.set(key, after);
      changed.add(key);
    }
    results.push({ line, outcome });
  }
  const writes = [...changed].flatMap((key) => {
    const s = edges.get(key);
    return s === undefined ? [] : [{ ...s, source: s.sources.join('; ') }];
  });
  return { results, rejected, writes };
}

import type { DistrictWriteRow as DistrictWrite } from '../../api/src/graph/import.repository.ts';
import type { Rejection, RowOutcome } from '../enterprises/plan-batch.ts';
import type { DistrictRow } from './district-row.ts';

/** A district as the import sees it: the facts a profile file may change. */
export interface DistrictState {
  code: string;
  name: string;
  nameEn?: string;
  leadIndustry?: string;
  kind: string;
  /** Chain ids in rank order. */
  priorities: string[];
  sources: string[];
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The profile a row gives a district: named facts replace the old ones, a priority list replaces the old list
 * (its order is the rank). A new district needs a name; its kind follows from its code.
 */
export function planDistricts(
  rows: readonly { line: number; row: DistrictRow }[],
  existing: readonly DistrictState[],
  ctx: { source: string },
): {
  results: { line: number; outcome: RowOutcome }[];
  rejected: Rejection[];
  writes: DistrictWrite[];
  /** The written districts as they are afterwards. */
  after: DistrictState[];
} {
  const states = new Map(existing.map((d) => [d.code, d]));
  const priorityChanged = new Set<string>();
  const changed = new Set<string>();
  const results: { line: number; outcome: RowOutcome }[] = [];
  const rejected: Rejection[] = [];
  for (const { line, row } of rows) {
    const before = states.get(row.code);
    if (before === undefined && row.name === undefined) {
      rejected.push({
        line,
        field: 'name',
        reason: `${row.code} is not a district of the map yet: a new one needs a name`,
      });
      continue;
    }
    const after: DistrictState = {
      code: row.code,
      name: row.name ?? before?.name ?? row.code,
      kind: before?.kind ?? (row.code.startsWith('zone-') ? 'functional-zone' : 'district'),
      priorities: row.priorities ?? before?.priorities ?? [],
      sources: before?.sources ?? [],
      ...((row.nameEn ?? before?.nameEn) === undefined ? {} : { nameEn: row.nameEn ?? before?.nameEn }),
      ...((row.leadIndustry ?? before?.leadIndustry) === undefined
        ? {}
        : { leadIndustry: row.leadIndustry ?? before?.leadIndustry }),
    };
    const factsSame =
      before !== undefined &&
      before.name === after.name &&
      before.nameEn === after.nameEn &&
      before.leadIndustry === after.leadIndustry &&
      same(before.priorities, after.priorities);
    if (factsSame && before.sources.includes(ctx.source)) {
      results.push({ line, outcome: 'unchanged' });
      continue;
    }
    if (!after.sources.includes(ctx.source)) after.sources = [...after.sources, ctx.source];
    if (
      !same(before?.priorities ?? [], after.priorities) ||
      (before === undefined && after.priorities.length > 0)
    ) {
      priorityChanged.add(row.code);
    }
    states.set(row.code, after);
    changed.add(row.code);
    results.push({ line, outcome: before === undefined ? 'created' : 'updated' });
  }
  const writes = [...changed].flatMap((code): DistrictWrite[] => {
    const d = states.get(code);
    if (d === undefined) return [];
    return [
      {
        code,
        props: {
          name: d.name,
          nameEn: d.nameEn ?? null,
          leadIndustry: d.leadIndustry ?? null,
          kind: d.kind,
          sources: d.sources,
          source: d.sources.join('; '),
        },
        priorities: priorityChanged.has(code)
          ? d.priorities.map((chainId, i) => ({ chainId, rank: i + 1 }))
          : null,
      },
    ];
  });
  const after = [...changed].flatMap((code) => {
    const d = states.get(code);
    return d === undefined ? [] : [d];
  });
  return { results, rejected, writes, after };
}

import type { ChainHealth } from '../../../../api/src/http/schemas/catalog.schemas.ts';

export type GapClass = 'strong' | 'weak' | 'missing';
export const gapClasses: readonly GapClass[] = ['strong', 'weak', 'missing'];

export interface HealthSegment {
  gapClass: GapClass;
  count: number;
  /** Share of the chain's links, 0–100, for the bar's width. */
  percent: number;
}

export function healthByChain(items: readonly ChainHealth[]): Map<string, ChainHealth> {
  return new Map(items.map((item) => [item.chainId, item]));
}

/** The bar under a chain card: one segment per gap class present, widths summing to 100. */
export function healthSegments(health: ChainHealth): HealthSegment[] {
  const total = health.strong + health.weak + health.missing;
  if (total === 0) return [];
  return gapClasses
    .map((gapClass) => ({ gapClass, count: health[gapClass], percent: (health[gapClass] / total) * 100 }))
    .filter((segment) => segment.count > 0);
}

/** Totals over all chains for the page summary. */
export function totalHealth(items: readonly ChainHealth[]): Record<GapClass, number> {
  const totals: Record<GapClass, number> = { strong: 0, weak: 0, missing: 0 };
  for (const item of items) for (const gapClass of gapClasses) totals[gapClass] += item[gapClass];
  return totals;
}

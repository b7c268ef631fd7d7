import type { DistrictSummary } from '../../../../api/src/http/schemas/district.schemas.ts';
import type { LinkGapBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';

export const districtKinds = ['district', 'county-city', 'county', 'functional-zone'] as const;
export type DistrictKind = (typeof districtKinds)[number];

/** Districts of one kind (all when none), busiest first, then by code. */
export function filterDistricts(items: DistrictSummary[], kind: string): DistrictSummary[] {
  return items
    .filter((d) => kind === '' || d.kind === kind)
    .sort((a, b) => b.enterpriseCount - a.enterpriseCount || a.code.localeCompare(b.code));
}

/** The links a district should work on first: missing before weak before strong, by priority within each. */
export function gapsToWorkOn(links: LinkGapBody[]): LinkGapBody[] {
  const order = { missing: 0, weak: 1, strong: 2 } as const;
  return [...links].sort(
    (a, b) => order[a.class] - order[b.class] || b.priority - a.priority || a.id.localeCompare(b.id),
  );
}

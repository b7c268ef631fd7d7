import { describe, expect, it } from 'vitest';
import type { DistrictSummary } from '../../../../api/src/http/schemas/district.schemas.ts';
import type { LinkGapBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { filterDistricts, gapsToWorkOn } from './district-rows.ts';

const district = (code: string, kind: DistrictSummary['kind'], enterpriseCount: number): DistrictSummary => ({
  code,
  name: code,
  nameEn: code,
  kind,
  leadIndustry: null,
  enterpriseCount,
  parkCount: 0,
  priorities: [],
});

describe('filterDistricts', () => {
  it('keeps one kind and puts the busiest first', () => {
    const items = [
      district('510104', 'district', 5),
      district('zone-a', 'functional-zone', 9),
      district('510105', 'district', 12),
    ];
    expect(filterDistricts(items, '').map((d) => d.code)).toEqual(['510105', 'zone-a', '510104']);
    expect(filterDistricts(items, 'district').map((d) => d.code)).toEqual(['510105', '510104']);
  });
});

describe('gapsToWorkOn', () => {
  it('orders missing, weak, strong, higher priority first', () => {
    const link = (id: string, cls: LinkGapBody['class'], priority: number) =>
      ({ id, class: cls, priority }) as Pick<LinkGapBody, 'id' | 'class' | 'priority'> as LinkGapBody;
    const ordered = gapsToWorkOn([
      link('a', 'strong', 0.9),
      link('b', 'weak', 0.2),
      link('c', 'missing', 0.3),
      link('d', 'weak', 0.6),
    ]);
    expect(ordered.map((l) => l.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});

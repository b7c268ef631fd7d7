import { describe, expect, it } from 'vitest';
import { filterPatch, hasScope, readTargetFilters, targetsApiPath } from './target-filters.ts';

describe('readTargetFilters', () => {
  it('reads every filter from the address and falls back for bad values', () => {
    const filters = readTargetFilters(
      new URLSearchParams('chain=integrated-circuit&province=广东&board=科创板&minQuality=0.6&page=3'),
    );
    expect(filters).toEqual({
      chain: 'integrated-circuit',
      link: '',
      district: '',
      province: '广东',
      board: '科创板',
      minQuality: '0.6',
      profile: '',
      page: 3,
    });
    const bad = readTargetFilters(new URLSearchParams('minQuality=7&page=-2'));
    expect(bad.minQuality).toBe('');
    expect(bad.page).toBe(1);
    expect(hasScope(bad)).toBe(false);
    expect(hasScope(filters)).toBe(true);
  });
});

describe('targetsApiPath', () => {
  it('sends only the filters given, and asks an export for its first rows', () => {
    const filters = readTargetFilters(new URLSearchParams('chain=rail-transit&board=主板&page=4'));
    expect(targetsApiPath(filters)).toBe(
      `/api/targets?chain=rail-transit&board=${encodeURIComponent('主板')}&page=4&limit=20`,
    );
    expect(targetsApiPath(filters, { format: 'csv', limit: 500 })).toBe(
      `/api/targets?chain=rail-transit&board=${encodeURIComponent('主板')}&page=1&limit=500&format=csv`,
    );
  });
});

describe('filterPatch', () => {
  it('goes back to page 1, and a new chain forgets the old link', () => {
    expect(filterPatch('board', '主板')).toEqual({ board: '主板', page: null });
    expect(filterPatch('chain', 'food')).toEqual({ chain: 'food', page: null, link: null });
  });
});

import { describe, expect, it } from 'vitest';
import { validClause } from '../../graph/map-validity.ts';
import { dependentsOf, isStale, nameOn, staleBefore, validOn } from './map-change.ts';
import { diffMaps, type MapHistory } from './map-diff.ts';

const history: MapHistory = {
  chains: [{ id: 'c', name: '链', nameEn: 'Chain', validFrom: '2020-01-01', validTo: null }],
  links: [
    { id: 'a', name: '甲', nameEn: 'A', chainId: 'c', validFrom: '2020-01-01', validTo: null },
    { id: 'b', name: '乙二', nameEn: 'B', chainId: 'c', validFrom: '2020-01-01', validTo: '2022-01-01' },
    { id: 'x', name: '临时', nameEn: 'X', chainId: 'c', validFrom: '2021-01-01', validTo: '2021-02-01' },
    { id: 'n', name: '新', nameEn: 'N', chainId: 'c', validFrom: '2021-05-01', validTo: null },
  ],
  feeds: [
    { from: 'a', to: 'b', validFrom: '2020-01-01', validTo: '2021-06-01' },
    { from: 'a', to: 'n', validFrom: '2021-05-01', validTo: null },
  ],
  renames: [
    {
      entityType: 'Link',
      entityId: 'b',
      effectiveDate: '2021-03-01',
      seq: 2,
      before: { name: '乙', nameEn: 'B' },
    },
  ],
};

describe('diffMaps', () => {
  it('lists what is on one date and not the other, and names that differ', () => {
    const diff = diffMaps(history, '2020-06-01', '2022-06-01');
    expect(diff.links.added).toEqual([{ id: 'n', name: '新', chainId: 'c' }]);
    expect(diff.links.retired).toEqual([{ id: 'b', name: '乙', chainId: 'c' }]);
    expect(diff.feeds).toEqual({ added: [{ from: 'a', to: 'n' }], removed: [{ from: 'a', to: 'b' }] });
    expect(diff.chains).toEqual({ added: [], retired: [], renamed: [] });
  });

  it('leaves out what came and went between the dates, and reports renames of surviving elements', () => {
    const diff = diffMaps(history, '2020-06-01', '2021-04-01');
    expect(diff.links.added.map((l) => l.id)).toEqual([]);
    expect(diff.links.renamed).toEqual([{ id: 'b', chainId: 'c', from: '乙', to: '乙二' }]);
  });

  it('is empty between a date and itself', () => {
    const diff = diffMaps(history, '2021-01-15', '2021-01-15');
    expect([...diff.links.added, ...diff.links.retired, ...diff.links.renamed]).toEqual([]);
  });
});

describe('validity, names and staleness', () => {
  it('counts validFrom in and validTo out', () => {
    const i = { validFrom: '2020-01-01', validTo: '2021-01-01' };
    expect([validOn(i, '2019-12-31'), validOn(i, '2020-01-01'), validOn(i, '2021-01-01')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('takes the name before the first rename after the date', () => {
    const renames = [
      { effectiveDate: '2022-01-01', seq: 5, before: { name: '二', nameEn: '2' } },
      { effectiveDate: '2021-01-01', seq: 3, before: { name: '一', nameEn: '1' } },
    ];
    expect(nameOn({ name: '三', nameEn: '3' }, renames).name).toBe('一');
    expect(nameOn({ name: '三', nameEn: '3' }, []).name).toBe('三');
  });

  it('flags facts older than the cut-off as stale, and undated ones not', () => {
    const cutOff = staleBefore(new Date('2026-11-29T10:00:00Z'), 730);
    expect(cutOff).toBe('2024-11-29');
    expect(isStale('2024-11-28', cutOff)).toBe(true);
    expect(isStale('2024-11-29', cutOff)).toBe(false);
    expect(isStale(null, cutOff)).toBe(false);
  });

  it('finds later, unreverted changes that write or need what a change wrote', () => {
    const add = {
      id: '1',
      seq: 1,
      action: 'link.add' as const,
      summary: '',
      keys: ['link:a'],
      needs: ['chain:c'],
    };
    const later = [
      {
        id: '2',
        seq: 2,
        action: 'feeds.add' as const,
        summary: '',
        keys: ['feeds:a>b'],
        needs: ['link:a', 'link:b'],
      },
      {
        id: '3',
        seq: 3,
        action: 'link.rename' as const,
        summary: '',
        keys: ['name:link:b'],
        needs: ['link:b'],
      },
      { id: '4', seq: 4, action: 'revert' as const, summary: '', keys: ['link:a'], needs: [] },
    ];
    expect(dependentsOf(add, later).map((c) => c.id)).toEqual(['2']);
  });

  it('filters the current map with one obvious predicate and dates with the interval', () => {
    expect(validClause('l', undefined)).toBe('l.validTo IS NULL');
    expect(validClause('f', '2021-01-01')).toBe(
      '(coalesce(f.validFrom, f.asOf) <= date($asOf) AND (f.validTo IS NULL OR f.validTo > date($asOf)))',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { restrictDiffToChain } from './chain-changes.ts';
import { diffMaps, type MapHistory } from './map-diff.ts';

const history: MapHistory = {
  chains: [
    { id: 'c', name: '链', nameEn: 'C', validFrom: '2020-01-01', validTo: null },
    { id: 'd', name: '他链', nameEn: 'D', validFrom: '2021-01-01', validTo: null },
  ],
  links: [
    { id: 'a', name: '甲', nameEn: 'A', chainId: 'c', validFrom: '2020-01-01', validTo: null },
    { id: 'n', name: '新', nameEn: 'N', chainId: 'c', validFrom: '2021-05-01', validTo: null },
    { id: 'x', name: '外', nameEn: 'X', chainId: 'd', validFrom: '2021-01-01', validTo: null },
    { id: 'y', name: '外二', nameEn: 'Y', chainId: 'd', validFrom: '2021-01-01', validTo: null },
  ],
  feeds: [
    { from: 'a', to: 'n', validFrom: '2021-05-01', validTo: null },
    { from: 'x', to: 'a', validFrom: '2021-05-01', validTo: null },
    { from: 'x', to: 'y', validFrom: '2021-05-01', validTo: null },
  ],
  renames: [],
};

const move = (id: string, fromLinks: string[], toLinks: string[]) => ({
  enterpriseId: id,
  date: '2021-06-01',
  fromLinks,
  toLinks,
  changeId: `m-${id}`,
  summary: '',
});

describe('restrictDiffToChain', () => {
  it('keeps the chain, its links, feeds touching its links and moves into or out of them', () => {
    const diff = diffMaps(history, '2020-06-01', '2022-01-01');
    const moves = [move('in', ['x'], ['a']), move('out', ['n'], []), move('elsewhere', ['x'], ['y'])];
    const own = restrictDiffToChain(diff, moves, history, 'c');
    expect(own.chains.added).toEqual([]);
    expect(own.links.added.map((l) => l.id)).toEqual(['n']);
    expect(own.feeds.added).toEqual([
      { from: 'a', to: 'n' },
      { from: 'x', to: 'a' },
    ]);
    expect(own.enterprisesMoved.map((m) => m.enterpriseId)).toEqual(['in', 'out']);

    const other = restrictDiffToChain(diff, moves, history, 'd');
    expect(other.chains.added.map((c) => c.id)).toEqual(['d']);
    expect(other.links.added.map((l) => l.id)).toEqual(['x', 'y']);
    expect(other.feeds.added.map((f) => `${f.from}>${f.to}`)).toEqual(['x>a', 'x>y']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChainChangesResponse } from '../../../../api/src/http/schemas/map-edit.schemas.ts';
import { changeSections } from './change-sections.ts';

const empty: ChainChangesResponse = {
  chainId: 'c',
  from: '2020-01-01',
  to: '2024-01-01',
  chains: { added: [], retired: [], renamed: [] },
  links: { added: [], retired: [], renamed: [] },
  feeds: { added: [], removed: [] },
  enterprisesMoved: [],
};

describe('changeSections', () => {
  it('lists nothing when nothing changed', () => {
    expect(changeSections(empty)).toEqual([]);
  });

  it('keeps only non-empty sections, with readable lines and moves linking to the firm', () => {
    const sections = changeSections({
      ...empty,
      links: {
        added: [{ id: 'n', name: '新环节', chainId: 'c' }],
        retired: [],
        renamed: [{ id: 'r', from: '旧', to: '新', chainId: 'c' }],
      },
      feeds: { added: [], removed: [{ from: 'a', to: 'b' }] },
      enterprisesMoved: [
        {
          enterpriseId: 'E1',
          date: '2023-02-01',
          fromLinks: ['a'],
          toLinks: ['n'],
          changeId: 'm1',
          summary: '移至新环节',
        },
      ],
    });
    expect(sections.map((s) => s.kind)).toEqual([
      'changesLinksAdded',
      'changesLinksRenamed',
      'changesFeedsRemoved',
      'changesMoves',
    ]);
    expect(sections[1]?.items[0]?.text).toBe('旧 → 新');
    expect(
      changeSections({ ...empty, feeds: { added: [{ from: 'a', to: 'b' }], removed: [] } }, (id) =>
        id.toUpperCase(),
      )[0]?.items[0]?.text,
    ).toBe('A → B');
    expect(sections[3]?.items[0]).toEqual({ key: 'm1', text: '2023-02-01 · 移至新环节', enterpriseId: 'E1' });
  });
});

import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../api/src/http/schemas/search.schemas.ts';
import { toSearchGroups } from './search-groups.ts';

const result: SearchResult = {
  q: '电',
  chains: {
    items: [{ id: 'ic', name: '集成电路', nameEn: 'Integrated circuit', ecosystemName: '电子信息' }],
    total: 1,
  },
  links: {
    items: [
      {
        id: 'ic-fab',
        name: '晶圆制造',
        nameEn: 'Wafer fab',
        stage: 'midstream',
        chainId: 'ic',
        chainName: '集成电路',
      },
    ],
    total: 7,
  },
  enterprises: {
    items: [
      { id: '000725.SZ', name: '京东方', districtName: '高新区', local: true, leader: true },
      { id: '600000.SH', name: '外地公司', districtName: null, local: false, leader: false },
    ],
    total: 2,
  },
  districts: { items: [], total: 0 },
};

describe('toSearchGroups', () => {
  it('groups hits with the address of each view, leaving out empty groups', () => {
    const groups = toSearchGroups(result, 'zh-CN');
    expect(groups.map((g) => g.kind)).toEqual(['chains', 'links', 'enterprises']);
    expect(groups[0]?.hits[0]).toMatchObject({ href: '#/chains/ic', testId: 'search-hit-chain-ic' });
    expect(groups[1]).toMatchObject({ total: 7 });
    expect(groups[1]?.hits[0]?.href).toBe('#/chains/ic?link=ic-fab');
    expect(groups[1]?.hits[0]?.detail).toBe('集成电路 · 中游');
    expect(groups[2]?.hits.map((h) => h.href)).toEqual([
      '#/enterprises/000725.SZ',
      '#/enterprises/600000.SH',
    ]);
    expect(groups[2]?.hits[0]?.detail).toBe('高新区 · 链主');
    expect(groups[2]?.hits[1]?.detail).toBe('外地');
  });

  it('names things in English when asked', () => {
    const groups = toSearchGroups(result, 'en');
    expect(groups[0]?.hits[0]?.title).toBe('Integrated circuit');
    expect(groups[1]?.heading).toBe('Links');
  });
});

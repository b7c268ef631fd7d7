import { describe, expect, it } from 'vitest';
import { linkIndex } from '../catalog/catalog.ts';
import { loadMappingTables, matchProductKeyword } from './mapping-tables.ts';

const tables = loadMappingTables();
const linkOf = (product: string) => matchProductKeyword(product, tables.productKeywords)?.keyword.linkId;

describe('mapping tables', () => {
  it('load and parse with every row valid', () => {
    expect(tables.swClassLinks.size).toBeGreaterThan(150);
    expect(tables.productKeywords.length).toBeGreaterThan(500);
    expect(tables.tushareIndustryLinks.size).toBeGreaterThan(20);
    expect(tables.atlasSegmentLinks.size).toBe(58);
  });

  it('map every class, industry, segment and keyword to a link of the catalog', () => {
    const mappings = [
      ...tables.swClassLinks.values(),
      ...tables.tushareIndustryLinks.values(),
      ...tables.atlasSegmentLinks.values(),
    ].flat();
    const unknown = [
      ...mappings.map((m) => m.linkId),
      ...tables.productKeywords.flatMap((k) => (k.linkId === undefined ? [] : [k.linkId])),
    ].filter((id) => !linkIndex.has(id));
    expect(unknown).toEqual([]);
  });

  it('keep confidences within 0–1', () => {
    const all = [
      ...[...tables.swClassLinks.values()].flat(),
      ...[...tables.tushareIndustryLinks.values()].flat(),
      ...tables.productKeywords,
    ];
    expect(all.every((m) => m.confidence >= 0 && m.confidence <= 1)).toBe(true);
  });

  it('place well-known 申万 classes in the expected links', () => {
    const links = (sw: string) => tables.swClassLinks.get(sw)?.map((m) => m.linkId);
    expect(links('锂电池')).toEqual(['pbs-cells']);
    expect(links('集成电路封测')).toEqual(['ic-packaging-test']);
    expect(links('白酒Ⅲ')).toEqual(['food-liquor']);
    expect(links('城商行Ⅲ')).toEqual(['fin-banking']);
    expect(links('住宅开发')).toBeUndefined();
  });

  it('maps the 26 semiconductor segments one to one onto the integrated-circuit links', () => {
    const semi = [...tables.atlasSegmentLinks.entries()].filter(([segment]) => segment.startsWith('semi_'));
    const targets = new Set(semi.flatMap(([, m]) => m.map((x) => x.linkId)));
    expect(semi).toHaveLength(26);
    expect(targets.size).toBe(26);
    expect([...targets].every((id) => linkIndex.get(id)?.chain.id === 'integrated-circuit')).toBe(true);
  });
});

describe('matchProductKeyword', () => {
  it('reads the head noun at the end of a product name', () => {
    expect(linkOf('锂电池隔膜')).toBe('pbs-separator');
    expect(linkOf('锂电池生产设备')).toBe('pbs-battery-equipment');
    expect(linkOf('锂离子电池正极材料')).toBe('pbs-cathode');
    expect(linkOf('动力锂电池')).toBe('pbs-cells');
    expect(linkOf('太阳能电池组件')).toBe('pv-modules');
    expect(linkOf('光伏逆变器')).toBe('pv-inverters');
  });

  it('prefers the longer keyword when two end at the same place', () => {
    expect(linkOf('LED外延片')).toBe('nd-mini-micro-led');
    expect(linkOf('半导体硅片')).toBe('ic-silicon-wafer');
    expect(linkOf('汽车保险杠')).toBe('nev-body-interior');
    expect(linkOf('液晶电视')).toBe('nd-tv-it-displays');
  });

  it('matches wildcard keywords across the words between them', () => {
    expect(linkOf('中药注射剂')).toBe('tcm-patent-medicines');
    expect(linkOf('光伏硅片检测分选设备')).toBe('pv-equipment');
  });

  it('lets non-chain words veto a product', () => {
    expect(linkOf('LED照明')).toBeUndefined();
    expect(linkOf('平衡项目')).toBeUndefined();
    expect(linkOf('不含氢气')).toBeUndefined();
    expect(matchProductKeyword('房屋租赁', tables.productKeywords)).toBeDefined();
    expect(linkOf('房屋租赁')).toBeUndefined();
  });

  it('returns undefined when nothing matches', () => {
    expect(matchProductKeyword('有效期限', tables.productKeywords)).toBeUndefined();
  });
});

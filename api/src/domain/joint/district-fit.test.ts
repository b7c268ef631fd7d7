import { describe, expect, it } from 'vitest';
import { analyseCoalition, coalitionRules, coalitionValue, suggestCoalitions } from './coalitions.ts';
import {
  buildFitReasons,
  componentsOf,
  type DistrictFacts,
  type FitTarget,
  inputsOf,
  rankDistricts,
} from './district-fit.ts';

const target: FitTarget = {
  id: 'T',
  name: '功率芯片公司',
  districtCode: null,
  source: 'test',
  links: [{ id: 'ic-power', name: '功率半导体', chainId: 'ic', chainName: '集成电路', confidence: 0.9 }],
};

const empty = (code: string, name: string): DistrictFacts => ({
  code,
  name,
  kind: 'district',
  priorities: [],
  sameLinkFirms: [],
  adjacentFirms: [],
  supplyPartners: [],
  parks: [],
});

const landDistrict: DistrictFacts = {
  ...empty('A', '甲区'),
  priorities: [{ chainId: 'ic', chainName: '集成电路', rank: 2 }],
  parks: [{ id: 'pk', name: '芯谷', landAvailableHa: null, focusChains: [{ id: 'ic', name: '集成电路' }] }],
};
const ecosystemDistrict: DistrictFacts = {
  ...empty('B', '乙区'),
  sameLinkFirms: [
    { id: 'f1', name: '甲公司', linkId: 'ic-power', linkName: '功率半导体', confidence: 1, leader: false },
  ],
  adjacentFirms: [
    {
      id: 'f2',
      name: '乙公司',
      linkId: 'rt-traction',
      linkName: '牵引与供电系统',
      targetLinkId: 'ic-power',
      targetLinkName: '功率半导体',
      direction: 'down',
      confidence: 0.8,
      leader: true,
    },
  ],
  supplyPartners: [{ id: 'f3', name: '丙公司', role: 'buyer', product: 'IGBT模块', leader: false }],
};

describe('district fit', () => {
  it('turns facts into components in [0,1] by the documented formulas', () => {
    const a = inputsOf(target, landDistrict);
    expect(a).toEqual({ priority: 0.8 * 0.9, ecosystemRaw: 0, supplyRaw: 0, land: 0.6 });
    const b = inputsOf(target, ecosystemDistrict);
    // Same link 1 × 1; adjacent 0.5 × 0.8 × (1 + leader bonus 1).
    expect(b.ecosystemRaw).toBeCloseTo(1.8, 12);
    expect(b.supplyRaw).toBe(1);
    const c = componentsOf(b);
    expect(c.ecosystem).toBeCloseTo(1.8 / 3.8, 12);
    expect(c.supply).toBe(0.5);
  });

  it('builds reasons from the facts, naming the firms and links they rest on', () => {
    const texts = buildFitReasons(target, ecosystemDistrict).map((r) => r.text);
    expect(texts).toEqual([
      '乙区已有 1 家企业在其所在环节「功率半导体」（甲公司）',
      '其所在环节「功率半导体」向乙区企业所在的「牵引与供电系统」供给（乙公司）',
      '向乙区企业 丙公司 供应「IGBT模块」',
    ]);
    expect(buildFitReasons(target, landDistrict).map((r) => r.kind)).toEqual([
      'priority-chain',
      'focused-park',
    ]);
    expect(buildFitReasons(target, empty('C', '丙区'))[0]?.kind).toBe('no-tie');
  });

  it('ranks by score, then code', () => {
    const ranked = rankDistricts(target, [empty('C', '丙区'), ecosystemDistrict, landDistrict]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.at(-1)?.code).toBe('C');
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0);
  });

  it('suggests the coalition where one has the land and the other the ecosystem', () => {
    const ranked = rankDistricts(target, [empty('C', '丙区'), ecosystemDistrict, landDistrict]);
    const [best] = suggestCoalitions(ranked);
    expect(best?.codes.sort()).toEqual(['A', 'B']);
    expect(best?.members.find((m) => m.code === 'A')?.role).toBe('host');
    const [a, b] = [inputsOf(target, landDistrict), inputsOf(target, ecosystemDistrict)];
    expect(best?.value).toBeCloseTo(coalitionValue([a, b]), 12);
    expect(best?.gain).toBeGreaterThan(0);
    const shares = best?.members.map((m) => m.share) ?? [];
    expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(best?.text).toContain('甲区提供产业优先政策、聚焦该产业的园区载体');
  });

  it('a coalition pays coordination for each extra member', () => {
    const fit = rankDistricts(target, [landDistrict])[0];
    if (!fit) throw new Error('no fit');
    const twin = { ...fit, code: 'A2' };
    const pair = analyseCoalition([fit, twin]);
    // Two copies of the same district add nothing but the cost, so nobody would propose them.
    expect(pair.value).toBeCloseTo(fit.score - coalitionRules.coordinationCost, 12);
    expect(suggestCoalitions([fit, { ...twin, rank: 2 }])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseLink, type LinkFacts } from './gap-analysis.ts';
import type { Locality } from './locality.ts';
import { buildReasons, type CandidateEvidence, impactOf } from './target-reasons.ts';

const city: Locality = { kind: 'city' };

const wafer: LinkFacts = {
  id: 'ic-wafer-fab',
  name: '晶圆制造',
  nameEn: 'Wafer fabrication',
  stage: 'midstream',
  order: 1,
  chainId: 'integrated-circuit',
  poolSize: 10,
  localFirms: [],
  feedsInside: [],
  feedsAcross: [],
  dependents: [],
};
const display: LinkFacts = {
  ...wafer,
  id: 'nd-driver-ic',
  name: '显示驱动芯片',
  localFirms: [{ id: 'L1', name: '本地甲', board: '主板', listed: true, leadsChain: false, confidence: 1 }],
};

const evidence: CandidateEvidence = {
  id: '688981.SH',
  name: '中芯国际',
  board: '科创板',
  listed: true,
  listDate: '2024-07-16',
  source: 'a-share/stock_basic.csv',
  leads: [{ id: 'integrated-circuit', name: '集成电路' }],
  links: [
    { id: 'ic-wafer-fab', name: '晶圆制造', chainId: 'integrated-circuit', confidence: 0.95 },
    { id: 'nd-driver-ic', name: '显示驱动芯片', chainId: 'new-display', confidence: 0.5 },
  ],
  suppliesLocal: [
    { id: 'L1', name: '本地甲', product: '晶圆代工', leader: true },
    { id: 'L2', name: '本地乙', product: '12英寸晶圆', leader: false },
  ],
  buysFromLocal: [{ id: 'L3', name: '本地丙', product: '电子特气', leader: false }],
  sharedPartners: [{ partnerId: 'Z', partnerName: '伙伴', localId: 'L4', localName: '本地丁' }],
  buyers: 2,
  suppliers: 1,
};

const gaps = new Map([
  [wafer.id, analyseLink(wafer, city)],
  [display.id, analyseLink(display, city)],
]);

describe('reasons', () => {
  it('turns every fact into one short sentence with the ids it rests on', () => {
    const reasons = buildReasons({
      evidence,
      locality: city,
      linkGaps: gaps,
      bestLinkId: 'ic-wafer-fab',
      adjacency: [
        {
          linkId: 'ic-wafer-fab',
          linkName: '晶圆制造',
          direction: 'down',
          via: { id: 'ic-packaging-test', name: '封装测试', chainId: 'integrated-circuit' },
          firmCount: 5,
          firms: [
            { id: 'L5', name: '本地戊' },
            { id: 'L6', name: '本地己' },
          ],
        },
      ],
      momentum: 0.4,
    });
    expect(reasons.map((r) => r.text)).toEqual([
      '补齐缺链环节「晶圆制造」（本市暂无企业）',
      '向本市链主 本地甲 供应「晶圆代工」',
      '向本市企业 本地乙 供应「12英寸晶圆」',
      '采购本市企业 本地丙 的「电子特气」',
      '所在环节「晶圆制造」向本市企业所在的「封装测试」供给（本地戊、本地己 等 5 家）',
      '与本市企业 本地丁 有共同的供应链伙伴 伙伴',
      '链主企业（集成电路）',
      '上市公司（科创板）',
      '图谱记录其向 2 家企业供货、有 1 家供应商',
      '2024-07-16 上市，上市不满三年',
    ]);
    expect(reasons[1]).toMatchObject({
      kind: 'supplies-local-leader',
      enterpriseId: 'L1',
      product: '晶圆代工',
    });
    // The weak second link is not a reason of its own; only missing ones are listed besides the best.
    expect(reasons.some((r) => r.text.includes('显示驱动芯片'))).toBe(false);
  });

  it('flags risk warnings and synthetic data, and says nothing it has no fact for', () => {
    const reasons = buildReasons({
      evidence: {
        ...evidence,
        name: '*ST样例',
        source: 'synthetic',
        leads: [],
        suppliesLocal: [],
        buysFromLocal: [],
        sharedPartners: [],
        buyers: 0,
        suppliers: 0,
        listed: false,
      },
      locality: { kind: 'district', code: '510112', name: '龙泉驿区' },
      linkGaps: gaps,
      bestLinkId: 'nd-driver-ic',
      adjacency: [],
      momentum: 0,
    });
    expect(reasons.map((r) => r.kind)).toEqual([
      'strengthens-weak-link',
      'fills-missing-link',
      'risk-warning',
      'synthetic-data',
    ]);
    expect(reasons[0]?.text).toBe('增强弱链环节「显示驱动芯片」（龙泉驿区现有 1 家）');
  });
});

describe('impact', () => {
  it('recomputes the link with the newcomer: a leader turns a missing link strong', () => {
    const impact = impactOf(
      wafer,
      { id: 'x', name: 'X', board: '科创板', listed: true, leadsChain: true, confidence: 0.95 },
      city,
    );
    expect(impact.before).toMatchObject({ class: 'missing', strength: 0, enterpriseCount: 0 });
    expect(impact.after).toMatchObject({ class: 'strong', enterpriseCount: 1, leaderCount: 1 });
    expect(impact.after.strength).toBeCloseTo(0.95 * 2.8);
    expect(impact.text).toBe('落地后本市「晶圆制造」环节由缺链变为强链，强度 0.00 → 2.66');
  });

  it('says the class stays when one firm is not enough', () => {
    const impact = impactOf(
      display,
      { id: 'y', name: 'Y', board: '北交所', listed: true, leadsChain: false, confidence: 0.5 },
      city,
    );
    expect(impact.text).toBe('落地后本市「显示驱动芯片」环节仍为弱链，强度 1.00 → 1.25');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseChain,
  analyseLink,
  classOf,
  firmWeight,
  gapOf,
  gapRules,
  type LinkFacts,
  type LocalFirm,
  measureStrength,
  priorityOf,
} from './gap-analysis.ts';
import type { Locality } from './locality.ts';

const city: Locality = { kind: 'city' };

const firm = (id: string, over: Partial<LocalFirm> = {}): LocalFirm => ({
  id,
  name: `企业${id}`,
  board: '主板',
  listed: true,
  leadsChain: false,
  confidence: 1,
  ...over,
});

const link = (over: Partial<LinkFacts> = {}): LinkFacts => ({
  id: 'ic-silicon-wafer',
  name: '硅片',
  nameEn: 'Silicon wafers',
  stage: 'upstream',
  order: 1,
  chainId: 'integrated-circuit',
  poolSize: 12,
  localFirms: [],
  feedsInside: [],
  feedsAcross: [],
  dependents: [],
  ...over,
});

describe('gap classification', () => {
  it('calls a link with no local firm missing, whatever feeds from it', () => {
    const gap = analyseLink(
      link({
        feedsInside: [{ id: 'ic-wafer-fab', name: '晶圆制造', chainId: 'integrated-circuit' }],
        dependents: [{ id: 'a', name: '甲', leader: true, viaFeeds: true, viaSupplies: false }],
      }),
      city,
    );
    expect(gap).toMatchObject({ class: 'missing', classLabel: '缺链', gap: 1 });
    expect(gap.importance).toMatchObject({ feedsInside: 1, dependentFirms: 1, dependentLeaders: 1, raw: 3 });
    expect(gap.reason).toBe(
      '本市暂无企业布局「硅片」环节；该环节向链内 1 个环节供给，本市 1 家企业（含链主 1 家）依赖其产出，属缺链。',
    );
  });

  it('weighs firms by placement confidence and board, and leaders by the bonus', () => {
    expect(firmWeight(firm('a'))).toBe(1);
    expect(firmWeight(firm('a', { board: '创业板', confidence: 0.5 }))).toBeCloseTo(0.4);
    expect(firmWeight(firm('a', { listed: false }))).toBe(gapRules.otherScale);
    expect(firmWeight(firm('a', { leadsChain: true }))).toBe(1 + gapRules.leaderBonus);
  });

  it('is weak below the threshold and strong at it, or with a leader of the chain', () => {
    const two = [firm('a'), firm('b')];
    expect(classOf(measureStrength(two))).toBe('weak');
    expect(gapOf(measureStrength(two))).toBeCloseTo(1 / 3);
    expect(classOf(measureStrength([...two, firm('c')]))).toBe('strong');
    expect(classOf(measureStrength([firm('a', { leadsChain: true, confidence: 0.5 })]))).toBe('strong');
    const weak = analyseLink(link({ localFirms: two }), city);
    expect(weak.reason).toBe(
      '本市有 2 家企业布局「硅片」环节（无本链链主），强度 2.00 低于强链门槛 3，属弱链。',
    );
  });

  it('counts a firm placed twice in the same link once', () => {
    const s = measureStrength([firm('a', { confidence: 0.4 }), firm('a', { confidence: 0.9 })]);
    expect(s).toEqual({ enterpriseCount: 1, leaderCount: 0, strength: 0.9 });
  });

  it('names the chain leader behind a strong class in the district scope', () => {
    const gap = analyseLink(link({ localFirms: [firm('kl', { name: '科伦药业', leadsChain: true })] }), {
      kind: 'district',
      code: '510114',
      name: '新都区',
    });
    expect(gap.reason).toBe('新都区有 1 家企业布局「硅片」环节，含本链链主 科伦药业，属强链。');
    expect(gap.local.leaders).toEqual([{ id: 'kl', name: '科伦药业' }]);
  });

  it('orders links by stage, then order, and counts the classes', () => {
    const result = analyseChain(
      [
        link({ id: 'c', stage: 'downstream', order: 1 }),
        link({ id: 'b', stage: 'midstream', order: 2, localFirms: [firm('x')] }),
        link({ id: 'a', stage: 'midstream', order: 1, localFirms: [firm('y', { leadsChain: true })] }),
      ],
      city,
    );
    expect(result.links.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(result.summary).toEqual({ strong: 1, weak: 1, missing: 1 });
  });

  it('gives a missing link that feeds more a higher priority', () => {
    expect(priorityOf(1, 0.8)).toBeGreaterThan(priorityOf(1, 0.2));
    expect(priorityOf(0, 1)).toBe(0);
  });
});

const boardArb = fc.constantFrom('主板', '科创板', '创业板', '北交所', '其他');
const firmArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  name: fc.constant('企业'),
  board: fc.option(boardArb, { nil: null }),
  listed: fc.boolean(),
  leadsChain: fc.boolean(),
  confidence: fc.double({ min: 0.01, max: 1, noNaN: true }),
});

describe('gap properties', () => {
  it('adding a local firm to a link never raises its gap or its priority', () => {
    fc.assert(
      fc.property(
        fc.array(firmArb, { maxLength: 8 }),
        firmArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (firms, newcomer, importance) => {
          const before = gapOf(measureStrength(firms));
          const after = gapOf(measureStrength([...firms, newcomer]));
          expect(after).toBeLessThanOrEqual(before);
          expect(priorityOf(after, importance)).toBeLessThanOrEqual(priorityOf(before, importance));
        },
      ),
    );
  });

  it('keeps gap in [0,1] and the class consistent with it', () => {
    fc.assert(
      fc.property(fc.array(firmArb, { maxLength: 8 }), (firms) => {
        const s = measureStrength(firms);
        const gap = gapOf(s);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(1);
        const expected = s.enterpriseCount === 0 ? 'missing' : gap === 0 ? 'strong' : 'weak';
        expect(classOf(s)).toBe(expected);
      }),
    );
  });
});

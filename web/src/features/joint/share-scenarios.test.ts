import { describe, expect, it } from 'vitest';
import type { ShareComparisonBody } from '../../../../api/src/http/schemas/joint.schemas.ts';
import { buildScenarios, defaultInputs, type Party, toChartRows, toYearRows } from './share-scenarios.ts';

const parties: Party[] = [
  { code: '510116', name: '双流区', role: 'host' },
  { code: 'zone-chengdu-hi-tech', name: '成都高新区', role: 'partner' },
];

describe('buildScenarios', () => {
  it('builds the five rules from one set of inputs, shares summing to 1', () => {
    const inputs = {
      ...defaultInputs(parties, 2027),
      fixedPercent: { '510116': 60, 'zone-chengdu-hi-tech': 40 },
    };
    const scenarios = buildScenarios(inputs, parties);
    expect(scenarios.map((s) => s.key)).toEqual(['shapley', 'fixed', 'weighted', 'stock', 'taper']);
    const fixed = scenarios[1]?.terms.split;
    expect(fixed).toEqual({ basis: 'fixed', shares: { '510116': 0.6, 'zone-chengdu-hi-tech': 0.4 } });
    const stock = scenarios[3]?.terms;
    expect(stock && 'stock' in stock ? stock.stock : null).toEqual({ holder: '510116' });
    const taper = scenarios[4]?.terms;
    const taperShares = taper && 'taper' in taper ? Object.values(taper.taper.shares) : [];
    expect(taperShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(scenarios.every((s) => !('coordinator' in s.terms))).toBe(true);
    const withToken = buildScenarios({ ...inputs, cityTokenPercent: 5 }, parties);
    expect(withToken[0]?.terms).toMatchObject({ coordinator: { beneficiary: 'city', share: 0.05 } });
  });

  it('splits evenly by default, the remainder to the first party', () => {
    const three: Party[] = [...parties, { code: '510107', name: '武侯区', role: 'partner' }];
    expect(defaultInputs(three, 2027).fixedPercent).toEqual({
      '510116': 34,
      'zone-chengdu-hi-tech': 33,
      '510107': 33,
    });
  });
});

const table = {
  beneficiaries: [
    { code: '510116', name: '双流区' },
    { code: 'zone-chengdu-hi-tech', name: '成都高新区' },
  ],
  years: [2027, 2028],
  metrics: (['tax', 'output', 'investment', 'jobs'] as const).map((metric, m) => ({
    metric,
    label: metric,
    unit: '万元',
    zeroSum: true,
    rows: [2027, 2028].map((year, i) => ({
      year,
      termYear: i + 1,
      total: 10,
      stock: 0,
      increment: 10,
      shares: {},
      credited: { '510116': 6 + m + i, 'zone-chengdu-hi-tech': 4 - m - i },
    })),
    totals: { total: 20, credited: { '510116': 13 + 2 * m, 'zone-chengdu-hi-tech': 7 - 2 * m } },
  })),
};

const comparison: ShareComparisonBody = {
  parties: [
    { code: '510116', name: '双流区', role: 'host' },
    { code: 'zone-chengdu-hi-tech', name: '成都高新区', role: 'partner' },
  ],
  scenarios: [
    { key: 'fixed', terms: null, shares: { '510116': 0.65 }, table, issues: [] },
    {
      key: 'shapley',
      terms: null,
      shares: null,
      table: null,
      issues: [{ path: 'body.scenarios.1.terms.split', message: 'no value' }],
    },
  ],
};

describe('toChartRows', () => {
  it('gives term totals per beneficiary and keeps the problems of a rule that failed', () => {
    const rows = toChartRows(comparison, 'tax');
    expect(rows[0]).toMatchObject({ key: 'fixed', total: 20 });
    expect(rows[0]?.segments.map((s) => s.fraction)).toEqual([0.65, 0.35]);
    expect(rows[1]).toEqual({ key: 'shapley', total: 0, segments: [], problems: ['no value'] });
    expect(toChartRows(comparison, 'output')[0]?.segments[0]?.value).toBe(15);
  });
});

describe('toYearRows', () => {
  it('puts every metric of one beneficiary side by side per year', () => {
    expect(toYearRows(table, '510116')).toEqual([
      { year: 2027, values: { tax: 6, output: 7, investment: 8, jobs: 9 } },
      { year: 2028, values: { tax: 7, output: 8, investment: 9, jobs: 10 } },
    ]);
  });
});

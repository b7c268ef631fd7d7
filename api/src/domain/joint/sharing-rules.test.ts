import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseShares,
  benefitTable,
  roundKeepingSum,
  sharesForYear,
  type Terms,
  termsIssues,
} from './sharing-rules.ts';

const parties = [
  { code: '510116', name: '双流区' },
  { code: 'zone-chengdu-hi-tech', name: '成都高新区' },
];
const codes = parties.map((p) => p.code);

const baseTerms: Terms = {
  split: { basis: 'fixed', shares: { '510116': 0.5, 'zone-chengdu-hi-tech': 0.5 } },
  statistics: 'split',
  term: { startYear: 2027, years: 6 },
  projection: {
    investment: 100_000,
    buildYears: 2,
    annualOutput: 300_000,
    annualTax: 12_000,
    jobs: 800,
    rampYears: 2,
  },
};

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) <= eps;

describe('sharing rules', () => {
  it('weighted split: shares are the weights normalised and sum to 1', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 4 })
          .filter((w) => w.some((x) => x > 0)),
        (weights) => {
          const names = weights.map((_, i) => `d${i}`);
          const shares = baseShares(
            {
              basis: 'weighted',
              weights: Object.fromEntries(names.map((n, i) => [n, weights[i] ?? 0])),
              weightsOf: 'investment',
            },
            names,
          );
          expect(close(sum(shares), 1, 1e-9)).toBe(true);
          for (const s of Object.values(shares)) expect(s).toBeGreaterThanOrEqual(0);
        },
      ),
    );
    expect(
      baseShares({ basis: 'weighted', weights: { a: 51, b: 49 }, weightsOf: 'investment' }, ['a', 'b']),
    ).toEqual({ a: 0.51, b: 0.49 });
  });

  it('rejects shares outside [0,1], not summing to 1, for non-parties, or missing', () => {
    const issues = termsIssues(
      { ...baseTerms, split: { basis: 'fixed', shares: { '510116': 1.2, '510107': 0.1 } } },
      codes,
      'body.terms',
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('body.terms.split.shares.510116');
    expect(paths).toContain('body.terms.split.shares.510107');
    expect(paths).toContain('body.terms.split.shares.zone-chengdu-hi-tech');
    expect(issues.find((i) => i.path === 'body.terms.split.shares')?.message).toMatch(/sum to 1\.3/);
    expect(termsIssues(baseTerms, codes, 'body.terms')).toEqual([]);
  });

  it('checks taper, stock holder and coordinator parameters', () => {
    const issues = termsIssues(
      {
        ...baseTerms,
        taper: { afterYears: 6, shares: { '510116': 0.7, 'zone-chengdu-hi-tech': 0.3 } },
        stock: { holder: '510107' },
        coordinator: { beneficiary: '510104', share: 0.3 },
      },
      codes,
      'body.terms',
    ).map((i) => i.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'body.terms.taper.afterYears',
        'body.terms.stock.holder',
        'body.terms.coordinator.beneficiary',
        'body.terms.coordinator.share',
        'body.terms.projection.existing',
      ]),
    );
  });

  it('tapering: the split changes after N years', () => {
    const terms: Terms = {
      ...baseTerms,
      taper: { afterYears: 3, shares: { '510116': 0.8, 'zone-chengdu-hi-tech': 0.2 } },
    };
    expect(sharesForYear(terms, codes, 3)).toEqual({ '510116': 0.5, 'zone-chengdu-hi-tech': 0.5 });
    expect(sharesForYear(terms, codes, 4)).toEqual({ '510116': 0.8, 'zone-chengdu-hi-tech': 0.2 });
  });

  it('fixed split: every year, credited amounts add up to the total for every metric', () => {
    const table = benefitTable(baseTerms, parties);
    expect(table.years).toEqual([2027, 2028, 2029, 2030, 2031, 2032]);
    for (const m of table.metrics) {
      expect(m.zeroSum).toBe(true);
      for (const row of m.rows) expect(close(sum(row.credited), row.total)).toBe(true);
    }
    const investment = table.metrics.find((m) => m.metric === 'investment');
    expect(investment?.rows.map((r) => r.total)).toEqual([50_000, 50_000, 0, 0, 0, 0]);
    const tax = table.metrics.find((m) => m.metric === 'tax');
    // Build two years, then ramp up over two: half in year 3, full from year 4.
    expect(tax?.rows.map((r) => r.total)).toEqual([0, 0, 6_000, 12_000, 12_000, 12_000]);
    expect(tax?.totals.credited).toEqual({ '510116': 21_000, 'zone-chengdu-hi-tech': 21_000 });
  });

  it('stock/increment: existing revenue stays with the holder, only the new part is split', () => {
    const terms: Terms = {
      ...baseTerms,
      stock: { holder: '510116' },
      projection: {
        ...baseTerms.projection,
        existing: { annualOutput: 50_000, annualTax: 2_000, jobs: 100 },
      },
    };
    const tax = benefitTable(terms, parties).metrics.find((m) => m.metric === 'tax');
    expect(tax?.rows[0]?.credited).toEqual({ '510116': 2_000, 'zone-chengdu-hi-tech': 0 });
    expect(tax?.rows[3]?.credited).toEqual({ '510116': 8_000, 'zone-chengdu-hi-tech': 6_000 });
  });

  it('coordinator token: taken off the new tax first, the rest split', () => {
    const terms: Terms = { ...baseTerms, coordinator: { beneficiary: 'city', share: 0.05 } };
    const table = benefitTable(terms, parties);
    expect(table.beneficiaries.map((b) => b.code)).toEqual(['510116', 'zone-chengdu-hi-tech', 'city']);
    const tax = table.metrics.find((m) => m.metric === 'tax');
    expect(tax?.rows[3]?.credited).toEqual({ '510116': 5_700, 'zone-chengdu-hi-tech': 5_700, city: 600 });
    // Statistics are not money: the coordinator's token does not apply to them.
    expect(table.metrics.find((m) => m.metric === 'output')?.rows[3]?.credited.city).toBe(0);
  });

  it('full double counting: every party counts the whole project in its statistics, tax stays split', () => {
    const table = benefitTable({ ...baseTerms, statistics: 'full' }, parties);
    for (const m of table.metrics) {
      expect(m.zeroSum).toBe(m.metric === 'tax');
      for (const row of m.rows) {
        if (m.metric === 'tax') expect(close(sum(row.credited), row.total)).toBe(true);
        else for (const code of codes) expect(row.credited[code]).toBe(row.total);
      }
    }
  });

  it('rounds to the unit without losing or creating any amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (xs) => {
          const values = Object.fromEntries(xs.map((x, i) => [`k${i}`, x]));
          const rounded = roundKeepingSum(values, 2);
          expect(close(sum(rounded), Math.round(sum(values) * 100) / 100, 1e-6)).toBe(true);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DistrictInputs,
  marksPerEnd,
  metricsOf,
  parsePeriod,
  rankDistricts,
  scoreOf,
} from './district-ranking.ts';

const district = (code: string, overrides: Partial<DistrictInputs> = {}): DistrictInputs => ({
  districtCode: code,
  districtName: code,
  projects: 4,
  startsDue: 4,
  startsOnTime: 2,
  investmentPlannedYi: 100,
  investmentInPlaceYi: 50,
  landHa: 10,
  landInUseHa: 5,
  alertsRaised: 2,
  alertsResolved: 1,
  ...overrides,
});

describe('periods', () => {
  it('reads years and quarters', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2024-Q1').to).toBe('2024-03-31');
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(() => parsePeriod('2026-Q5')).toThrow(/not a period/);
  });
});

describe('district ranking', () => {
  it('scores a district by hand', () => {
    // 0.3·(3/4) + 0.3·(60/100) + 0.2·(2/10) + 0.2·(1/1) = 0.225 + 0.18 + 0.04 + 0.2 = 0.645
    const metrics = metricsOf(
      district('a', {
        startsOnTime: 3,
        investmentInPlaceYi: 60,
        landInUseHa: 2,
        alertsRaised: 1,
        alertsResolved: 1,
      }),
    );
    expect(metrics.map((m) => [m.key, m.numerator, m.denominator, m.value])).toEqual([
      ['onTimeStart', 3, 4, 0.75],
      ['investmentInPlace', 60, 100, 0.6],
      ['landEfficiency', 2, 10, 0.2],
      ['alertsResolved', 1, 1, 1],
    ]);
    expect(scoreOf(metrics)).toBe(0.645);
  });

  it('leaves out a metric with nothing to measure instead of counting it as zero', () => {
    // (0.3·0.5 + 0.3·0.5 + 0.2·0.5) / 0.8 = 0.5
    expect(scoreOf(metricsOf(district('a', { alertsRaised: 0, alertsResolved: 0 })))).toBe(0.5);
    expect(
      scoreOf(
        metricsOf(
          district('a', {
            startsDue: 0,
            investmentPlannedYi: 0,
            landHa: 0,
            alertsRaised: 0,
            startsOnTime: 0,
          }),
        ),
      ),
    ).toBeNull();
  });

  it('ranks with shared ranks and marks the ends', () => {
    const ranking = rankDistricts([
      district('c', { startsOnTime: 0 }),
      district('a', { startsOnTime: 4 }),
      district('b'),
      district('d'),
      district('e', { startsDue: 0, investmentPlannedYi: 0, landHa: 0, alertsRaised: 0 }),
      district('f', { startsOnTime: 4, investmentInPlaceYi: 100 }),
    ]);
    expect(ranking.map((r) => [r.districtCode, r.rank, r.mark])).toEqual([
      ['f', 1, 'red'],
      ['a', 2, null],
      ['b', 3, null],
      ['d', 3, null],
      ['c', 5, 'black'],
      ['e', null, null],
    ]);
    expect(marksPerEnd(5)).toBe(1);
    expect(marksPerEnd(20)).toBe(3);
  });

  const inputs = fc
    .record({
      startsDue: fc.nat(20),
      startsOnTime: fc.nat(25),
      investmentPlannedYi: fc.double({ min: 0, max: 500, noNaN: true }),
      investmentInPlaceYi: fc.double({ min: 0, max: 800, noNaN: true }),
      landHa: fc.double({ min: 0, max: 100, noNaN: true }),
      landInUseHa: fc.double({ min: 0, max: 120, noNaN: true }),
      alertsRaised: fc.nat(10),
      alertsResolved: fc.nat(12),
    })
    .map((r) => ({ ...r, projects: 1 }));
  const districts = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{3}$/), { minLength: 0, maxLength: 12 })
    .chain((codes) =>
      fc.tuple(...codes.map((code) => inputs.map((r) => ({ ...r, districtCode: code, districtName: code })))),
    );

  it('keeps every metric and score in [0, 1]', () => {
    fc.assert(
      fc.property(districts, (all) => {
        for (const d of rankDistricts(all)) {
          for (const m of d.metrics) if (m.value !== null) expect(m.value).toBeGreaterThanOrEqual(0);
          for (const m of d.metrics) if (m.value !== null) expect(m.value).toBeLessThanOrEqual(1);
          if (d.score !== null) expect(d.score >= 0 && d.score <= 1).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order districts come in', () => {
    fc.assert(
      fc.property(
        districts.chain((all) =>
          fc.tuple(fc.constant(all), fc.shuffledSubarray(all, { minLength: all.length })),
        ),
        ([all, shuffled]) => {
          expect(rankDistricts(shuffled)).toEqual(rankDistricts(all));
        },
      ),
    );
  });

  it('never marks a district both red and black, and ranks better scores higher', () => {
    fc.assert(
      fc.property(districts, (all) => {
        const ranking = rankDistricts(all).filter((d) => d.score !== null);
        for (const a of ranking)
          for (const b of ranking)
            if ((a.score ?? 0) > (b.score ?? 0)) expect(a.rank ?? 0).toBeLessThan(b.rank ?? 0);
        const reds = ranking.filter((d) => d.mark === 'red');
        const blacks = ranking.filter((d) => d.mark === 'black');
        for (const r of reds) for (const b of blacks) expect(r.score ?? 0).toBeGreaterThan(b.score ?? 0);
      }),
    );
  });
});

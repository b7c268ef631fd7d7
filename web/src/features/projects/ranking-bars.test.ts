import { describe, expect, it } from 'vitest';
import { type RankingItem, type RankingMetric, toPeriod, toRatioBar, toScoreBars } from './ranking-bars.ts';

const item = (code: string, score: number | null, rank: number | null, mark: RankingItem['mark']) =>
  ({ districtCode: code, districtName: code, projects: 1, metrics: [], score, rank, mark }) as RankingItem;

describe('toScoreBars', () => {
  it('lays the districts out best first, bar length proportional to the score', () => {
    const bars = toScoreBars(
      [
        item('b', 0.2, 3, 'black'),
        item('none', null, null, null),
        item('c', 1, 1, 'red'),
        item('a', 0.875, 2, null),
      ],
      { width: 200, rowHeight: 30 },
    );
    expect(bars.map((b) => [b.districtCode, b.y, b.width, b.mark])).toEqual([
      ['c', 0, 200, 'red'],
      ['a', 30, 175, null],
      ['b', 60, 40, 'black'],
      ['none', 90, 0, null],
    ]);
  });
});

describe('toRatioBar', () => {
  const metric = (numerator: number, denominator: number, value: number | null): RankingMetric => ({
    key: 'onTimeStart',
    label: { zh: '按期开工率', en: 'On-time start' },
    unit: 'projects',
    numerator,
    denominator,
    value,
    weight: 0.3,
  });

  it('fills the share of the whole and marks a metric with nothing to measure', () => {
    expect(toRatioBar(metric(15, 20, 0.75), 80)).toEqual({ filled: 60, measured: true });
    expect(toRatioBar(metric(0, 0, null), 80)).toEqual({ filled: 0, measured: false });
    expect(toRatioBar(metric(3, 2, 1.5), 80)).toEqual({ filled: 80, measured: true });
  });
});

describe('toPeriod', () => {
  it('gives a year or a quarter', () => {
    expect(toPeriod(2026, null)).toBe('2026');
    expect(toPeriod(2026, 'Q3')).toBe('2026-Q3');
    expect(toPeriod(2026, 'Q9')).toBe('2026');
  });
});

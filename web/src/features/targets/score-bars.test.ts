import { describe, expect, it } from 'vitest';
import { toScoreBars } from './score-bars.ts';

describe('toScoreBars', () => {
  const weights = { gapFit: 0.4, supplyTies: 0.3, quality: 0.2, momentum: 0.1 };

  it('gives each component its width and its weighted share of the score', () => {
    const bars = toScoreBars(
      { score: 0.5, components: { gapFit: 0.75, supplyTies: 0.5, quality: 0.25, momentum: 0, veto: 0 } },
      weights,
    );
    expect(bars.map((b) => b.key)).toEqual(['gapFit', 'supplyTies', 'quality', 'momentum', 'veto']);
    expect(bars.map((b) => b.width)).toEqual([75, 50, 25, 0, 0]);
    const contributions = bars.slice(0, 4).reduce((sum, b) => sum + b.contribution, 0);
    expect(contributions).toBeCloseTo(0.4 * 0.75 + 0.3 * 0.5 + 0.2 * 0.25, 10);
  });

  it('normalises weights that do not sum to 1 and shows a veto as a loss', () => {
    const bars = toScoreBars(
      { score: 0, components: { gapFit: 1, supplyTies: 1, quality: 1, momentum: 1, veto: 1 } },
      { gapFit: 2, supplyTies: 1, quality: 1, momentum: 0 },
    );
    expect(bars[0]?.weight).toBe(0.5);
    expect(bars[3]?.contribution).toBe(0);
    expect(bars[4]).toMatchObject({ key: 'veto', contribution: -1, width: 100 });
  });
});

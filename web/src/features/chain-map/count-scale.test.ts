import { describe, expect, it } from 'vitest';
import { buildCountScale, levelOf } from './count-scale.ts';

describe('buildCountScale', () => {
  it('has only the "none" level when no link has a local firm', () => {
    expect(buildCountScale([0, 0]).levels).toEqual([{ level: 0, min: 0, max: 0 }]);
    expect(buildCountScale([]).levels).toEqual([{ level: 0, min: 0, max: 0 }]);
  });

  it('gives each count its own level when the largest is small', () => {
    expect(buildCountScale([0, 1, 3]).levels).toEqual([
      { level: 0, min: 0, max: 0 },
      { level: 1, min: 1, max: 1 },
      { level: 2, min: 2, max: 2 },
      { level: 3, min: 3, max: null },
    ]);
  });

  it('uses rounded, increasing bounds for larger counts', () => {
    expect(buildCountScale([0, 7, 1000]).levels.map((l) => l.min)).toEqual([0, 1, 5, 30, 200]);
    for (const max of [5, 6, 9, 12, 50, 99, 101, 12345]) {
      const mins = buildCountScale([max]).levels.map((l) => l.min);
      expect(mins.every((min, i) => i === 0 || min > (mins[i - 1] ?? -1))).toBe(true);
      expect(mins[mins.length - 1]).toBeLessThanOrEqual(max);
    }
  });
});

describe('levelOf', () => {
  it('puts 0 in level 0 and a count in the level whose range holds it', () => {
    const scale = buildCountScale([1000]);
    expect(levelOf(scale, 0)).toBe(0);
    expect(levelOf(scale, 1)).toBe(1);
    expect(levelOf(scale, 4)).toBe(1);
    expect(levelOf(scale, 5)).toBe(2);
    expect(levelOf(scale, 199)).toBe(3);
    expect(levelOf(scale, 5000)).toBe(4);
  });
});

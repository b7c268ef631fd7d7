import { describe, expect, it } from 'vitest';
import { healthByChain, healthSegments, totalHealth } from './health.ts';

const health = (chainId: string, strong: number, weak: number, missing: number) => ({
  chainId,
  linkCount: strong + weak + missing,
  strong,
  weak,
  missing,
});

describe('healthSegments', () => {
  it('gives one segment per class present, in strong-weak-missing order, summing to 100%', () => {
    const segments = healthSegments(health('c', 2, 0, 6));
    expect(segments.map((s) => [s.gapClass, s.count])).toEqual([
      ['strong', 2],
      ['missing', 6],
    ]);
    expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100);
    expect(segments[0]?.percent).toBe(25);
  });

  it('gives no segment for a chain without links', () => {
    expect(healthSegments(health('c', 0, 0, 0))).toEqual([]);
  });
});

describe('healthByChain and totalHealth', () => {
  it('indexes by chain and sums each class', () => {
    const items = [health('a', 1, 2, 3), health('b', 4, 0, 1)];
    expect(healthByChain(items).get('b')?.strong).toBe(4);
    expect(totalHealth(items)).toEqual({ strong: 5, weak: 2, missing: 4 });
  });
});

import { describe, expect, it } from 'vitest';
import { pageOf, viewProvenance } from './provenance.ts';

describe('viewProvenance', () => {
  it('splits sources, marks synthetic values and turns confidence into a percentage', () => {
    expect(
      viewProvenance({
        source: 'annual-report; synthetic',
        asOf: '2020-01-01',
        confidence: 0.834,
        stale: true,
      }),
    ).toEqual({
      sources: ['annual-report'],
      synthetic: true,
      date: '2020-01-01',
      confidencePercent: 83,
      stale: true,
    });
  });

  it('keeps a missing confidence missing rather than 0%', () => {
    const view = viewProvenance({ source: 'cninfo', asOf: null, confidence: null, stale: false });
    expect(view.confidencePercent).toBeNull();
    expect(view.synthetic).toBe(false);
  });
});

describe('pageOf', () => {
  it('slices a page and clamps the page number into range', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(pageOf(items, 3, 10)).toEqual({ items: [20, 21, 22], page: 3, pageCount: 3 });
    expect(pageOf(items, 9, 10).page).toBe(3);
    expect(pageOf([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1 });
  });
});

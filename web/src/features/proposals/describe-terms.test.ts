import { describe, expect, it } from 'vitest';
import type { ProposalBody } from '../../../../api/src/http/schemas/joint.schemas.ts';
import {
  changedLines,
  counterTerms,
  describeTerms,
  sharesAsPercent,
  type TermLabels,
} from './describe-terms.ts';

const labels: TermLabels = {
  fixed: 'fixed',
  weighted: (of) => `weighted by ${of}`,
  shapley: 'shapley',
  taper: (years, shares) => `after ${years}: ${shares}`,
  stock: (holder) => `stock to ${holder}`,
  coordinator: (who, share) => `${share} to ${who}`,
  city: 'city',
  statisticsFull: 'full',
  statisticsSplit: 'split',
  term: (start, end) => `${start}–${end}`,
  projection: (i, o, t, j) => `${i}/${o}/${t}/${j}`,
};
const names = { a: 'A', b: 'B' };
const terms: ProposalBody['terms'] = {
  split: { basis: 'shapley', shares: { a: 0.8858, b: 0.1142 } },
  statistics: 'split',
  term: { startYear: 2027, years: 8 },
  projection: { investment: 1, buildYears: 2, annualOutput: 2, annualTax: 3, jobs: 4, rampYears: 2 },
};

describe('describeTerms', () => {
  it('says each part of the terms in one line', () => {
    expect(describeTerms(terms, names, labels)).toEqual([
      'shapley A 88.58% : B 11.42%',
      'split',
      '2027–2034',
      '1/2/3/4',
    ]);
    const countered = counterTerms(terms, { a: 60, b: 40 }, { afterYears: 5, percents: { a: 70, b: 30 } });
    const lines = describeTerms(
      { ...countered, coordinator: { beneficiary: 'city', share: 0.05 }, statistics: 'full' },
      names,
      labels,
    );
    expect(lines.slice(0, 4)).toEqual([
      'fixed A 60% : B 40%',
      'after 5: A 70% : B 30%',
      '5% to city',
      'full',
    ]);
    expect(changedLines(describeTerms(terms, names, labels), lines)).toEqual([
      'fixed A 60% : B 40%',
      'after 5: A 70% : B 30%',
      '5% to city',
      'full',
    ]);
  });
});

describe('counterTerms', () => {
  it('replaces the split with fixed shares and drops an old taper when none is given', () => {
    const withTaper = counterTerms(terms, { a: 50, b: 50 }, { afterYears: 3, percents: { a: 60, b: 40 } });
    const again = counterTerms(withTaper, { a: 55.5, b: 44.5 }, null);
    expect(again.split).toEqual({ basis: 'fixed', shares: { a: 0.555, b: 0.445 } });
    expect(again.taper).toBeUndefined();
    expect(sharesAsPercent({ a: 0.8858, b: 0.1142 }, ['a', 'b'])).toEqual({ a: 88.58, b: 11.42 });
  });
});

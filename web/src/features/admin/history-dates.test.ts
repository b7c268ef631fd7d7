import { describe, expect, it } from 'vitest';
import { dateFrom, daysBefore, todayIso } from './history-dates.ts';

describe('history dates', () => {
  it('counts days back across months and years', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-05', 10)).toBe('2025-12-26');
  });

  it('takes a real calendar date from the address and falls back otherwise', () => {
    expect(dateFrom('2024-02-29', 'x')).toBe('2024-02-29');
    expect(dateFrom('2025-02-29', 'x')).toBe('x');
    expect(dateFrom('tomorrow', 'x')).toBe('x');
    expect(dateFrom(null, 'x')).toBe('x');
  });

  it('gives today in UTC', () => {
    expect(todayIso(new Date('2026-11-29T23:30:00-02:00'))).toBe('2026-11-30');
  });
});

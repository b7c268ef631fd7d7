import type { Language } from '../../lib/i18n.ts';

/** A `{zh, en}` label in the page's language. */
export function pickLabel(language: Language, label: { zh: string; en: string }): string {
  return language === 'en' ? label.en : label.zh;
}

/** A number with at most `digits` decimals, in the page's language. */
export function formatNumber(language: Language, value: number, digits = 2): string {
  return value.toLocaleString(language, { maximumFractionDigits: digits });
}

export function formatPercent(language: Language, ratio: number): string {
  return ratio.toLocaleString(language, { style: 'percent', maximumFractionDigits: 1 });
}

/** A positive whole number from a query value, or the fallback. */
export function queryPage(value: string | null, fallback = 1): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : fallback;
}

/** One of `values` from a query value, or null. */
export function queryChoice<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** A year from a query value: `all` means every year; null when missing or not a year. */
export function queryYear(value: string | null): number | 'all' | null {
  if (value === 'all') return 'all';
  const year = Number(value);
  return value !== null && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Parsers for the values spreadsheets hold in many spellings. Each returns either the canonical value or a
 * reason a person can act on; none throws.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export type Exchange = 'SSE' | 'SZSE' | 'BSE';

export interface StockCode {
  code: string;
  exchange: Exchange;
  /** Tushare-style code with the exchange suffix, e.g. 000725.SZ: the seed's enterprise id. */
  tsCode: string;
}

const suffixOf: Record<Exchange, string> = { SSE: 'SH', SZSE: 'SZ', BSE: 'BJ' };
const exchangeOfSuffix: Record<string, Exchange> = { SH: 'SSE', SS: 'SSE', SZ: 'SZSE', BJ: 'BSE' };

/** The exchange a six-digit A- or B-share code belongs to, from its first digits. */
export function exchangeOfCode(code: string): Exchange | undefined {
  if (/^(60|68|90)/.test(code)) return 'SSE';
  if (/^(00|20|30)/.test(code)) return 'SZSE';
  if (/^(4|8|92)/.test(code)) return 'BSE';
  return undefined;
}

/**
 * Stock codes as 000725, 000725.SZ, SZ000725 or sz.000725. Excel drops leading zeros, so 1 to 5 digits are
 * padded back to six. An explicit exchange must agree with the code's own prefix.
 */
export function parseStockCode(text: string): Parsed<StockCode> {
  const match = /^(?:(SH|SZ|BJ)\.?)?(\d{1,6})(?:\.(SH|SZ|BJ|SS))?$/i.exec(text.replace(/\s/g, ''));
  if (match === null) return fail('expected a six-digit stock code such as 000725 or 000725.SZ');
  const code = (match[2] ?? '').padStart(6, '0');
  const fromPrefix = exchangeOfCode(code);
  if (fromPrefix === undefined)
    return fail(`${code} is not a share code of the Shanghai, Shenzhen or Beijing exchange`);
  const given = match[1] ?? match[3];
  if (given !== undefined && exchangeOfSuffix[given.toUpperCase()] !== fromPrefix) {
    return fail(`${code} is listed in ${fromPrefix}, not ${given.toUpperCase()}`);
  }
  return ok({ code, exchange: fromPrefix, tsCode: `${code}.${suffixOf[fromPrefix]}` });
}

/** First two digits of GB/T 2260 codes that name a province-level division. */
const provincePrefixes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** A six-digit GB/T 2260 division code, or a functional zone id (`zone-…`) as the district catalog uses. */
export function parseDivisionCode(text: string): Parsed<string> {
  const value = text.replace(/\s/g, '');
  if (/^zone-[a-z0-9-]+$/.test(value)) return ok(value);
  if (!/^\d{6}$/.test(value)) return fail('expected a six-digit division code such as 510107');
  if (!provincePrefixes.has(value.slice(0, 2))) return fail(`${value} does not start with a province code`);
  return ok(value);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`${year}-${pad2(month)}-${pad2(day)} is not a calendar date`);
  }
  if (year < 1800 || year > 2200) return fail(`year ${year} is out of range`);
  return ok(`${year}-${pad2(month)}-${pad2(day)}`);
}

/** Dates as 2021-03-05, 2021/3/5, 2021.3.5, 20210305 or 2021年3月5日, with an optional time after them. */
export function parseDate(text: string): Parsed<string> {
  const value = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  const parts =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(value) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(value);
  if (parts === null) return fail('expected a date such as 2021-03-05, 2021/3/5 or 2021年3月5日');
  return calendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

const multipliers: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Numbers as 1846168342, 1,846,168,342, 1 846 168 342, 12.5 or 3.2亿; commas must group thousands.
 * A lone "-" is how exchange lists write "none", and reads as no value.
 */
export function parseNumber(text: string): Parsed<number | undefined> {
  let value = text.trim();
  if (value === '' || value === '-' || value === '--') return ok(undefined);
  let factor = 1;
  const unit = value.at(-1) ?? '';
  if (unit in multipliers) {
    factor = multipliers[unit] ?? 1;
    value = value.slice(0, -1).trim();
  }
  value = value.replace(/(?<=\d)[\s\u00a0'](?=\d{3}\b)/g, '');
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(value)) {
    return fail(`"${text}" is not a number (use digits, with commas only between groups of three)`);
  }
  const number = Number(value.replace(/,/g, '')) * factor;
  return Number.isFinite(number) ? ok(number) : fail(`"${text}" is too large`);
}

/** A list written in one cell: 锂电池、隔膜；电解液 or a, b; c. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,;；|/\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

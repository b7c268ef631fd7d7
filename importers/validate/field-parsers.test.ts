import { describe, expect, it } from 'vitest';
import { parseDate, parseDivisionCode, parseList, parseNumber, parseStockCode } from './field-parsers.ts';

describe('parseStockCode', () => {
  it('reads the spellings exchanges and data vendors use', () => {
    for (const text of ['000725', '000725.SZ', 'SZ000725', 'sz.000725', '725']) {
      expect(parseStockCode(text)).toEqual({
        ok: true,
        value: { code: '000725', exchange: 'SZSE', tsCode: '000725.SZ' },
      });
    }
    expect(parseStockCode('688981.SH')).toMatchObject({
      ok: true,
      value: { exchange: 'SSE', tsCode: '688981.SH' },
    });
    expect(parseStockCode('600000.SS')).toMatchObject({ ok: true, value: { tsCode: '600000.SH' } });
    expect(parseStockCode('920001')).toMatchObject({
      ok: true,
      value: { exchange: 'BSE', tsCode: '920001.BJ' },
    });
    expect(parseStockCode('430047.BJ')).toMatchObject({ ok: true, value: { exchange: 'BSE' } });
  });

  it('rejects codes that belong to no exchange or to another one', () => {
    expect(parseStockCode('12345A')).toMatchObject({ ok: false, reason: expect.stringMatching(/six-digit/) });
    expect(parseStockCode('510300')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a share code/),
    });
    expect(parseStockCode('000725.SH')).toEqual({ ok: false, reason: '000725 is listed in SZSE, not SH' });
  });
});

describe('parseDivisionCode', () => {
  it('accepts GB/T 2260 codes and functional zone ids', () => {
    expect(parseDivisionCode('510107')).toEqual({ ok: true, value: '510107' });
    expect(parseDivisionCode('zone-chengdu-hi-tech')).toEqual({ ok: true, value: 'zone-chengdu-hi-tech' });
  });

  it('rejects other shapes and unknown provinces', () => {
    expect(parseDivisionCode('5101')).toMatchObject({ ok: false });
    expect(parseDivisionCode('991234')).toEqual({
      ok: false,
      reason: '991234 does not start with a province code',
    });
  });
});

describe('parseDate', () => {
  it('reads common Chinese and ISO spellings', () => {
    for (const text of [
      '2021-03-05',
      '2021/3/5',
      '2021.3.5',
      '20210305',
      '2021年3月5日',
      '2021-03-05 00:00:00',
    ]) {
      expect(parseDate(text), text).toEqual({ ok: true, value: '2021-03-05' });
    }
  });

  it('rejects impossible dates with the reason', () => {
    expect(parseDate('2021-02-30')).toEqual({ ok: false, reason: '2021-02-30 is not a calendar date' });
    expect(parseDate('05/03/2021')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expected a date/),
    });
  });
});

describe('parseNumber', () => {
  it('reads thousands separators, units and blanks', () => {
    expect(parseNumber('1,846,168,342')).toEqual({ ok: true, value: 1846168342 });
    expect(parseNumber('1 846 168 342')).toEqual({ ok: true, value: 1846168342 });
    expect(parseNumber('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('3.2亿')).toEqual({ ok: true, value: 320000000 });
    expect(parseNumber('500万')).toEqual({ ok: true, value: 5000000 });
    expect(parseNumber('-')).toEqual({ ok: true, value: undefined });
    expect(parseNumber('-12')).toEqual({ ok: true, value: -12 });
  });

  it('rejects misplaced separators and text', () => {
    expect(parseNumber('1,84,6')).toMatchObject({ ok: false });
    expect(parseNumber('about 5')).toMatchObject({ ok: false });
  });
});

describe('parseList', () => {
  it('splits on Chinese and ASCII separators and drops repeats', () => {
    expect(parseList('锂电池、隔膜；电解液, 锂电池')).toEqual(['锂电池', '隔膜', '电解液']);
  });
});

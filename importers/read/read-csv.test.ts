import { describe, expect, it } from 'vitest';
import { normaliseCell, normaliseCodeCell, normalisePlainCell } from './normalise-cell.ts';
import { readCsvRows, sniffDelimiter } from './read-csv.ts';
import type { SourceRecord } from './record-source.ts';

async function rows(text: string, chunkSize = 7): Promise<SourceRecord[]> {
  const chunks = (async function* () {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  })();
  const out: SourceRecord[] = [];
  for await (const row of readCsvRows(chunks)) out.push(row);
  return out;
}

describe('readCsvRows', () => {
  it('numbers each row by the line it starts on, across quoted line breaks', async () => {
    const result = await rows('a,b,c\r\n1,"x\r\ny",3\r\n\r\n4,"5,5",6\r\n,,\r\n7,8,9');
    expect(result).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x\r\ny', '3'] },
      { line: 5, cells: ['4', '5,5', '6'] },
      { line: 7, cells: ['7', '8', '9'] },
    ]);
  });

  it('reports rows with the wrong number of fields instead of dropping them', async () => {
    const result = await rows('a,b\n1,2\n3\n4,5,6\n');
    expect(result.map((r) => [r.line, r.problem])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'has 1 fields where the header has 2 (a comma inside an unquoted value?)'],
      [4, 'has 3 fields where the header has 2 (a comma inside an unquoted value?)'],
    ]);
  });

  it('reads tab- and semicolon-separated files', async () => {
    expect((await rows('名称\t代码\n甲\t000001\n'))[1]?.cells).toEqual(['甲', '000001']);
    expect((await rows('名称;代码\n"甲;乙";000001\n'))[1]?.cells).toEqual(['甲;乙', '000001']);
    expect(sniffDelimiter('"a,b"\tc\td')).toBe('\t');
  });

  it('reports a quote left open to the end of the file after the header, not instead of it', async () => {
    const result = await rows('a,b\n1,"x\n2,3\n');
    expect(result[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect(result.slice(1)).toEqual([
      { line: 3, cells: [], problem: expect.stringMatching(/^Quote Not Closed/) },
    ]);
  });

  it('keeps a stray quote inside a value', async () => {
    expect((await rows('a,b\n12"3,4\n'))[1]?.cells).toEqual(['12"3', '4']);
  });
});

describe('normaliseCell', () => {
  it('makes letters and digits half-width and drops padding, keeping Chinese punctuation', () => {
    expect(normaliseCell('万  科Ａ')).toBe('万科A');
    expect(normaliseCell('\u200b中国（四川）自由贸易试验区\u00a0成都高新区 ')).toBe(
      '中国（四川）自由贸易试验区成都高新区',
    );
    expect(normaliseCell('Ping  An Bank Co., Ltd.')).toBe('Ping An Bank Co., Ltd.');
  });

  it('keeps the spaces between words where they carry meaning', () => {
    expect(normalisePlainCell(' D  水电煤气\u3000')).toBe('D 水电煤气');
    expect(normalisePlainCell('ＳＩＣＨＵＡＮ  NEW ENERGY')).toBe('SICHUAN NEW ENERGY');
  });

  it('makes every full-width form half-width in codes and numbers', () => {
    expect(normaliseCodeCell('１，８４６，１６８')).toBe('1,846,168');
    expect(normaliseCodeCell(' 9135０100M000100Y43\u3000')).toBe('91350100M000100Y43');
  });
});

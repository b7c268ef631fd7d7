import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bufferInput, detectFormat, openRecordSource } from './open-source.ts';
import { jsonRows, openJsonLines, toCellText, yamlRows } from './read-structured.ts';
import type { SourceRecord } from './record-source.ts';

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function* once(text: string) {
  yield text;
}

describe('structured files', () => {
  it('reads a JSON array under the union of its keys, numbering rows by position', () => {
    const table = jsonRows('[{"name":"甲","code":725},{"name":"乙","products":["锂电池","隔膜"]},3]');
    expect(table.headers).toEqual(['name', 'code', 'products']);
    expect(table.records).toEqual([
      { line: 1, cells: ['甲', '725', ''] },
      { line: 2, cells: ['乙', '', '锂电池、隔膜'] },
      { line: 3, cells: [], problem: 'is not an object' },
    ]);
  });

  it('streams JSON lines and reports broken lines by number', async () => {
    const { headers, records } = await openJsonLines(
      once('{"name":"甲","code":"000001"}\n\nnot json\n{"name":"乙"}\n'),
    );
    expect(headers).toEqual(['name', 'code']);
    expect(await collect(records)).toEqual([
      { line: 1, cells: ['甲', '000001'] },
      { line: 3, cells: [], problem: 'is not valid JSON' },
      { line: 4, cells: ['乙', ''] },
    ]);
  });

  it('reads a YAML list of rows with their lines, keeping codes as text', () => {
    const table = yamlRows(
      "# firms\nrows:\n- code: 002129\n  name: TCL中环\n- code: '000725'\n  name: 京东方A\n",
    );
    expect(table.records).toEqual([
      { line: 3, cells: ['002129', 'TCL中环'] },
      { line: 5, cells: ['000725', '京东方A'] },
    ]);
    expect(toCellText(null)).toBe('');
  });

  it('reads the first worksheet of a workbook, dates as YYYY-MM-DD and sheet row numbers as lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['企业名称', '股票代码', '上市日期', '注册资本']);
    sheet.addRow(['成都银行股份有限公司', '601838', new Date(Date.UTC(2018, 0, 31)), 361000]);
    sheet.addRow([]);
    sheet.addRow(['四川长虹电器股份有限公司', 600839, '1994-03-11', '461,624']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const input = bufferInput('upload', bytes);
    expect(await detectFormat(input)).toBe('xlsx');
    const source = await openRecordSource(input, { format: 'xlsx' });
    expect(source.headers).toEqual(['企业名称', '股票代码', '上市日期', '注册资本']);
    expect(await collect(source.records)).toEqual([
      { line: 2, cells: ['成都银行股份有限公司', '601838', '2018-01-31', '361000'] },
      { line: 4, cells: ['四川长虹电器股份有限公司', '600839', '1994-03-11', '461,624'] },
    ]);
  });

  it('recognises formats by name, else by their first bytes', async () => {
    expect(await detectFormat(bufferInput('a.CSV', Buffer.from('')))).toBe('csv');
    expect(await detectFormat(bufferInput('upload', Buffer.from('\uFEFF[{"a":1}]')))).toBe('json');
    expect(await detectFormat(bufferInput('upload', Buffer.from('{"a":1}\n')))).toBe('jsonl');
    expect(await detectFormat(bufferInput('upload', Buffer.from('a,b\n')))).toBe('csv');
  });
});

import ExcelJS from 'exceljs';
import type { TargetPage } from './matcher.service.ts';

/** Target lists as a table for CSV and XLSX: one row per target, Chinese headers, reasons joined. */

export const exportHeaders = [
  '排名',
  '企业',
  '股票代码',
  '板块',
  '省份',
  '城市',
  '得分',
  '缺链契合',
  '配套关系',
  '企业质量',
  '成长动能',
  '风险否决',
  '最佳环节',
  '落地影响',
  '理由',
  '合成数据',
] as const;

export type ExportCell = string | number;

export function toExportRows(page: TargetPage): ExportCell[][] {
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return page.items.map((t) => [
    t.rank,
    t.name,
    t.stockCode ?? '',
    t.board ?? '',
    t.province ?? '',
    t.city ?? '',
    r4(t.score),
    r4(t.components.gapFit),
    r4(t.components.supplyTies),
    r4(t.components.quality),
    r4(t.components.momentum),
    t.components.veto === 0 ? '否决' : '',
    t.bestLink.name,
    t.impact.text,
    t.reasons.map((r) => r.text).join('；'),
    t.synthetic ? '是' : '',
  ]);
}

/** A cell Excel would run as a formula is prefixed with an apostrophe (CSV injection). */
function neutralise(cell: ExportCell): ExportCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: ExportCell): string {
  const text = String(neutralise(cell));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, which Excel needs to read Chinese correctly. */
export function toCsv(page: TargetPage): string {
  const lines = [exportHeaders, ...toExportRows(page)].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(page: TargetPage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${page.referenceDate}T00:00:00Z`);
  const sheet = workbook.addWorksheet('招商目标');
  sheet.addRow([...exportHeaders]);
  for (const row of toExportRows(page)) sheet.addRow(row.map(neutralise));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const widths = [6, 16, 10, 8, 8, 10, 8, 8, 8, 8, 8, 8, 18, 40, 80, 8];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { FileReadError, type SourceRecord } from './record-source.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** What a person sees in the cell; dates as YYYY-MM-DD rather than JavaScript's long date text. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object' && value !== null && 'result' in value && value.result instanceof Date) {
    return isoDate(value.result);
  }
  return cell.text ?? '';
}

/**
 * Rows of the first worksheet that holds data (or the one named), with their sheet row numbers. The whole
 * workbook is loaded: exceljs's streaming reader is unreliable on Node 18+ (exceljs#3064), and spreadsheets
 * people upload are small next to CSV exports.
 */
export async function readXlsxRows(bytes: Buffer, sheetName?: string): Promise<SourceRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer as an ArrayBuffer: hand it a copy of the bytes as one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new FileReadError(
      `Cannot read the file as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const sheet =
    sheetName === undefined
      ? workbook.worksheets.find((ws) => ws.actualRowCount > 0)
      : workbook.getWorksheet(sheetName);
  if (sheet === undefined) {
    const names = workbook.worksheets.map((ws) => ws.name).join(', ');
    throw new FileReadError(
      sheetName === undefined
        ? 'The workbook has no worksheet with data'
        : `The workbook has no sheet "${sheetName}" (it has ${names})`,
    );
  }
  const rows: SourceRecord[] = [];
  let width = 0;
  sheet.eachRow((row, rowNumber) => {
    if (rows.length === 0) width = row.cellCount;
    const cells: string[] = [];
    for (let col = 1; col <= Math.max(width, row.cellCount); col++) cells.push(cellText(row.getCell(col)));
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    if (rows.length > 0 && cells.every((c) => c.trim() === '')) return;
    rows.push(
      cells.length > width
        ? { line: rowNumber, cells, problem: `has ${cells.length} cells where the header has ${width}` }
        : { line: rowNumber, cells },
    );
  });
  return rows;
}

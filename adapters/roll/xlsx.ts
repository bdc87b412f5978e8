// The first worksheet of an .xlsx workbook as text cells. Excel stores a mobile typed as a number
// (9876543210, shown as 9.88E+09) and a date cell as a date; both come out as the text the import
// expects: plain digits, and ISO yyyy-mm-dd.
import ExcelJS from 'exceljs';
import type { GridRow } from './grid.ts';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    // String() would already avoid exponents below 1e21; BigInt makes "no .0, no e+" explicit.
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
  }
  // exceljs builds date cells at UTC midnight of the calendar day, so the UTC date is the day typed.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue); // e-mails are often auto-linked
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** Null when the bytes are not a workbook exceljs can open, or it has no worksheet. */
export async function readXlsxGrid(bytes: Buffer): Promise<GridRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, which Node's generic Buffer no longer matches; same bytes.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    grid.push({ line: rowNumber, cells });
  });
  return grid;
}

// Reads a master roll file (.csv or .xlsx) into header texts and rows of text cells. What the
// cells mean is the core's business (core/staff/roll-columns.ts, import-roll.ts); this only reads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, parseCsv } from './csv.ts';
import { tableFromGrid, type GridRow, type RollTable } from './grid.ts';
import { readXlsxGrid } from './xlsx.ts';

export type { RollTable } from './grid.ts';

export const ROLL_FILE_FAILURES = [
  /** {extension}: only .csv and .xlsx are read (an old .xls must be saved again as .xlsx). */
  'ROLL_FILE.UNSUPPORTED_TYPE',
  /** {reason: 'not found' | 'permission denied' | 'is a directory' | 'not a valid .xlsx workbook' | an OS error code} */
  'ROLL_FILE.UNREADABLE',
  /** The CSV is neither UTF-8 nor UTF-16 with a BOM (typically saved as "ANSI"). */
  'ROLL_FILE.NOT_UTF8',
  /** {line}: a quoted CSV field opened on that line is never closed. */
  'ROLL_FILE.MALFORMED',
  /** No header row with data rows under it. */
  'ROLL_FILE.EMPTY',
  /** {header}: two columns carry the same header text. */
  'ROLL_FILE.DUPLICATE_HEADER',
] as const;

export type RollFileFailureCode = (typeof ROLL_FILE_FAILURES)[number];

export interface RollFileFailure {
  code: RollFileFailureCode;
  params: Record<string, string | number>;
}

export type RollFileResult = { ok: true; value: RollTable } | { ok: false; failure: RollFileFailure };

const failed = (code: RollFileFailureCode, params: RollFileFailure['params'] = {}): RollFileResult =>
  ({ ok: false, failure: { code, params } });

function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? 'unreadable';
}

export async function readRoll(file: string): Promise<RollFileResult> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') return failed('ROLL_FILE.UNSUPPORTED_TYPE', { extension: extension || '(none)' });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return failed('ROLL_FILE.UNREADABLE', { reason: osReason(error) });
  }
  if (bytes.length === 0) return failed('ROLL_FILE.EMPTY');

  let grid: GridRow[];
  if (extension === '.csv') {
    const text = decodeText(bytes);
    if (text === null) return failed('ROLL_FILE.NOT_UTF8');
    const parsed = parseCsv(text);
    if (!parsed.ok) return failed('ROLL_FILE.MALFORMED', { line: parsed.line });
    grid = parsed.rows;
  } else {
    const sheet = await readXlsxGrid(bytes);
    if (sheet === null) return failed('ROLL_FILE.UNREADABLE', { reason: 'not a valid .xlsx workbook' });
    grid = sheet;
  }
  const table = tableFromGrid(grid);
  if (table.ok) return { ok: true, value: table.table };
  return table.code === 'EMPTY' ? failed('ROLL_FILE.EMPTY') : failed('ROLL_FILE.DUPLICATE_HEADER', { header: table.header });
}

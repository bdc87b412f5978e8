// From a grid of cells (CSV records or worksheet rows) to the roll's header and rows. Shared by
// both formats so that a roll means the same whichever way it was saved.
import type { RollRow } from '../../core/staff/roll-types.ts';

export interface GridRow {
  /** 1-based line (CSV) or worksheet row number (xlsx). */
  line: number;
  cells: string[];
}

export interface RollTable {
  headers: string[];
  rows: RollRow[];
}

export type GridResult = { ok: true; table: RollTable } | { ok: false; code: 'EMPTY' } | { ok: false; code: 'DUPLICATE_HEADER'; header: string };

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Excel's column letters (1 → A, 27 → AA), so an unnamed column is named as the sheet shows it. */
function columnLetter(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

/**
 * The header is the first row with at least two filled cells: a प्रपत्र often has a title line
 * ("समाहरणालय सहरसा — कर्मियों का विवरण") above it. Blank rows are dropped. A column with data but
 * no header is kept as "column H" so that the import reports it instead of losing it silently.
 */
export function tableFromGrid(grid: readonly GridRow[]): GridResult {
  const filled = (row: GridRow): number => row.cells.filter((c) => clean(c) !== '').length;
  const headerAt = grid.findIndex((row) => filled(row) >= 2);
  const headerRow = grid[headerAt];
  if (headerRow === undefined) return { ok: false, code: 'EMPTY' };
  const body = grid.slice(headerAt + 1).filter((row) => filled(row) > 0);
  if (body.length === 0) return { ok: false, code: 'EMPTY' };

  const width = Math.max(headerRow.cells.length, ...body.map((r) => r.cells.length));
  const columns: Array<{ index: number; header: string }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    let header = clean(headerRow.cells[i] ?? '');
    if (header === '') {
      if (!body.some((r) => clean(r.cells[i] ?? '') !== '')) continue;
      header = `column ${columnLetter(i + 1)}`;
    }
    if (seen.has(header)) return { ok: false, code: 'DUPLICATE_HEADER', header };
    seen.add(header);
    columns.push({ index: i, header });
  }
  const rows = body.map((row): RollRow => ({
    line: row.line,
    cells: Object.fromEntries(columns.map(({ index, header }) => [header, (row.cells[index] ?? '').trim()])),
  }));
  return { ok: true, table: { headers: columns.map((c) => c.header), rows } };
}

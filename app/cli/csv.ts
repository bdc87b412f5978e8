// CSV written by Daftar's commands, safe to open in a spreadsheet. Names and sections come from the
// roll and the chat, so a cell may begin with "=", "+", "-" or "@" (or a tab or carriage return)
// and a spreadsheet would run it as a formula: =HYPERLINK(…) sends whoever clicks to any address,
// and DDE formulas can start programs. OWASP's remedy: such a cell gets a leading apostrophe, which
// spreadsheets show as text and do not evaluate.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it could be a formula, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, one line each, ending with a line break. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

// `daftar import-leave-balances <file.csv|xlsx> [--year YYYY]`: opening leave balances by employee
// code, for the real office moving onto Daftar. All or nothing; re-importing corrects, never doubles.
import { readRoll } from '../../adapters/roll/read-roll.ts';
import { importOpeningBalances, type OpeningRow } from '../../core/leave/opening-balances.ts';
import type { LeavePolicy } from '../../core/leave/common.ts';
import type { Clock, Store } from '../../core/ports.ts';

const COLUMNS: Record<keyof OpeningRow, string[]> = {
  employeeCode: ['employee code', 'emp code', 'code', 'कर्मी कोड', 'कर्मचारी कोड'],
  type: ['type', 'leave type', 'leave', 'प्रकार', 'अवकाश', 'अवकाश का प्रकार'],
  days: ['days', 'balance', 'opening', 'दिन', 'शेष'],
};

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();

export async function runImportLeaveBalances(
  deps: { store: Store; clock: Clock; policy: LeavePolicy }, file: string, year: number, out: NodeJS.WritableStream,
): Promise<number> {
  const table = await readRoll(file);
  if (!table.ok) {
    out.write(`Cannot read ${file}: ${table.failure.code}\n`);
    return 1;
  }
  const headerFor = (field: keyof OpeningRow) => table.value.headers.find((h) => COLUMNS[field].includes(fold(h)));
  const headers = { employeeCode: headerFor('employeeCode'), type: headerFor('type'), days: headerFor('days') };
  const missing = (Object.keys(headers) as (keyof OpeningRow)[]).filter((k) => headers[k] === undefined);
  if (missing.length > 0) {
    out.write(`Missing columns: ${missing.map((m) => COLUMNS[m][0]).join(', ')} (English or Hindi headers, e.g. "employee code, type, days")\n`);
    return 1;
  }
  const rows: OpeningRow[] = table.value.rows.map((r) => ({
    employeeCode: r.cells[headers.employeeCode ?? ''] ?? '',
    type: r.cells[headers.type ?? ''] ?? '',
    days: Number((r.cells[headers.days ?? ''] ?? '').replace(',', '.')),
  }));
  const outcome = await deps.store.transaction((tx) => importOpeningBalances(tx, deps.clock, { actor: null, year, rows, policy: deps.policy }));
  if (!outcome.ok) {
    for (const p of outcome.problems) out.write(`line ${table.value.rows[p.row]?.line ?? p.row + 2}: ${p.problem.replaceAll('_', ' ')}\n`);
    out.write(`Nothing was written: ${outcome.problems.length} row(s) to correct.\n`);
    return 1;
  }
  out.write(`${year} opening balances: ${outcome.written} written, ${outcome.unchanged} unchanged.\n`);
  return 0;
}

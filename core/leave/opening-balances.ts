// Opening balances brought over from the service books when the office starts using Daftar.
// Re-importing is safe: for each employee, year and type the opening entries are made to add up
// to the imported figure by one correcting entry; an unchanged figure writes nothing.
import { recordEvent } from '../audit/record-event.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { LeavePolicy } from './common.ts';
import { leaveType } from './rules.ts';

export interface OpeningRow {
  employeeCode: string;
  type: string;
  days: number;
}

export interface OpeningProblem {
  /** 0-based index into the rows. */
  row: number;
  problem: 'unknown_employee' | 'unknown_type' | 'not_a_ledger_type' | 'bad_days' | 'repeated';
}

export type OpeningOutcome =
  | { ok: true; written: number; unchanged: number }
  | { ok: false; problems: OpeningProblem[] };

/** All or nothing: if any row is wrong, nothing is written and every wrong row is named. */
export async function importOpeningBalances(
  tx: Tx, clock: Clock, options: { actor: Employee | null; year: number; rows: OpeningRow[]; policy: LeavePolicy },
): Promise<OpeningOutcome> {
  const problems: OpeningProblem[] = [];
  const planned: { employee: Employee; type: string; days: number }[] = [];
  const seen = new Set<string>();
  for (const [row, r] of options.rows.entries()) {
    const employee = await tx.employees.byCode(r.employeeCode.trim());
    const rule = leaveType(options.policy.rules, r.type);
    if (employee === null) problems.push({ row, problem: 'unknown_employee' });
    else if (rule === null) problems.push({ row, problem: 'unknown_type' });
    else if (!rule.ledger) problems.push({ row, problem: 'not_a_ledger_type' });
    else if (!Number.isFinite(r.days) || r.days < 0 || Math.round(r.days * 2) !== r.days * 2) problems.push({ row, problem: 'bad_days' });
    else if (seen.has(`${employee.id}:${rule.code}`)) problems.push({ row, problem: 'repeated' });
    else {
      seen.add(`${employee.id}:${rule.code}`);
      planned.push({ employee, type: rule.code, days: r.days });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const now = clock.now();
  let written = 0;
  for (const p of planned) {
    const entries = await tx.leaveLedger.entries(p.employee.id, options.year);
    const current = entries.filter((e) => e.kind === 'opening' && e.type === p.type).reduce((sum, e) => sum + e.days, 0);
    if (current === p.days) continue;
    await tx.leaveLedger.add({
      employeeId: p.employee.id, year: options.year, type: p.type, days: p.days - current, kind: 'opening', refId: null,
      note: current === 0 && !entries.some((e) => e.kind === 'opening' && e.type === p.type) ? 'opening balance' : `opening balance corrected from ${current} to ${p.days}`, at: now,
    });
    written++;
  }
  await recordEvent(tx, clock, { actor: options.actor?.code ?? null, type: 'leave.opening_imported', data: { year: options.year, rows: planned.length, written } });
  return { ok: true, written, unchanged: planned.length - written };
}

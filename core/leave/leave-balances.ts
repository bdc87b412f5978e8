// Balances are never stored: each is the sum of the employee's ledger entries for the year and
// type. Undecided applications hold their days back ("reserved") until decided.
import type { Tx } from '../ports.ts';
import { reservedDays, type LeavePolicy } from './common.ts';

export interface LeaveBalance {
  type: string;
  en: string;
  hi: string;
  /** Ledger sum: openings, accruals and carry-forward less sanctioned days. */
  balance: number;
  /** Days of undecided (pending or returned) applications. */
  reserved: number;
  /** What a new application may still use. */
  available: number;
}

/** One row per leave type kept in the ledger, in the order of the rules. */
export async function leaveBalances(tx: Tx, options: { employeeId: number; year: number; policy: LeavePolicy }): Promise<LeaveBalance[]> {
  const { employeeId, year } = options;
  const rows: LeaveBalance[] = [];
  for (const rule of options.policy.rules.types.filter((t) => t.ledger)) {
    const balance = await tx.leaveLedger.balance(employeeId, year, rule.code);
    const reserved = await reservedDays(tx, employeeId, year, rule.code);
    rows.push({ type: rule.code, en: rule.en, hi: rule.hi, balance, reserved, available: balance - reserved });
  }
  return rows;
}

// The ledger's yearly rhythm: credits on 1 January (and 1 July for half-yearly types), and at the
// year's end what may be carried forward moves to the next year and the rest lapses. Both are run
// by the scheduler and are idempotent: a second run for the same period writes nothing.
import { recordEvent } from '../audit/record-event.ts';
import type { Clock, Tx } from '../ports.ts';
import type { LeavePolicy } from './common.ts';

/**
 * Credits the entitlement for the half-year (1: January, 2: July) to every active employee. A
 * yearly type is credited whole in half 1; a half-yearly type half in each. Where the type has a
 * carry-forward cap above 0 (EL: 300), the credit stops at the cap: that is also the most that
 * may be accumulated.
 */
export async function creditAccrual(tx: Tx, clock: Clock, options: { year: number; half: 1 | 2; policy: LeavePolicy }): Promise<{ entries: number }> {
  const { year, half } = options;
  const note = `accrual ${year} H${half}`;
  const now = clock.now();
  let written = 0;
  for (const employee of await tx.employees.list({ activeOnly: true })) {
    const entries = await tx.leaveLedger.entries(employee.id, year);
    for (const rule of options.policy.rules.types) {
      if (!rule.ledger || rule.accrual === 'none' || (rule.accrual === 'yearly' && half === 2)) continue;
      if (entries.some((e) => e.kind === 'accrual' && e.type === rule.code && e.note === note)) continue;
      let days = rule.accrual === 'yearly' ? rule.entitlement : rule.entitlement / 2;
      if (rule.carryForwardMax !== null && rule.carryForwardMax > 0) {
        const balance = await tx.leaveLedger.balance(employee.id, year, rule.code);
        days = Math.max(0, Math.min(days, rule.carryForwardMax - balance));
      }
      // A zero entry is still written: it marks the period as done for this employee.
      await tx.leaveLedger.add({ employeeId: employee.id, year, type: rule.code, days, kind: 'accrual', refId: null, note, at: now });
      written++;
    }
  }
  await recordEvent(tx, clock, { actor: null, type: 'leave.accrued', data: { year, half, entries: written } });
  return { entries: written };
}

export interface YearEndRow {
  employeeId: number;
  type: string;
  closing: number;
  carried: number;
  lapsed: number;
}

/**
 * Closes `year`: each ledger balance is carried into year + 1 up to the type's carry-forward cap
 * (none, a number, or no cap) and the rest lapses, so the year ends at 0. Run it after the year's
 * pending applications are decided: an application still pending finds no balance left.
 */
export async function closeYear(tx: Tx, clock: Clock, options: { year: number; policy: LeavePolicy }): Promise<YearEndRow[]> {
  const { year } = options;
  const now = clock.now();
  const rows: YearEndRow[] = [];
  for (const employee of await tx.employees.list({ activeOnly: true })) {
    const entries = await tx.leaveLedger.entries(employee.id, year);
    for (const rule of options.policy.rules.types.filter((t) => t.ledger)) {
      if (entries.some((e) => e.type === rule.code && (e.kind === 'lapse' || (e.kind === 'carry_forward' && e.days < 0)))) continue;
      const closing = await tx.leaveLedger.balance(employee.id, year, rule.code);
      if (closing <= 0) continue;
      const carried = rule.carryForwardMax === null ? closing : Math.min(closing, rule.carryForwardMax);
      const lapsed = closing - carried;
      const base = { employeeId: employee.id, type: rule.code, refId: null, at: now };
      if (carried > 0) {
        await tx.leaveLedger.add({ ...base, year, days: -carried, kind: 'carry_forward', note: `carried to ${year + 1}` });
        await tx.leaveLedger.add({ ...base, year: year + 1, days: carried, kind: 'carry_forward', note: `carried from ${year}` });
      }
      if (lapsed > 0) await tx.leaveLedger.add({ ...base, year, days: -lapsed, kind: 'lapse', note: `lapsed at the end of ${year}` });
      rows.push({ employeeId: employee.id, type: rule.code, closing, carried, lapsed });
    }
  }
  await recordEvent(tx, clock, { actor: null, type: 'leave.year_closed', data: { year, rows: rows.length } });
  return rows;
}

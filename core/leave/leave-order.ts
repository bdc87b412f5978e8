// The sanction order (कार्यालय आदेश) of a sanctioned leave, as data for the renderer.
import { yearOf } from '../calendar/dates.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { LeavePolicy } from './common.ts';
import type { LeaveOrder, OrderParty } from './documents.ts';
import { leaveType } from './rules.ts';
import type { LeaveApplication } from './types.ts';

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

async function party(tx: Tx, e: Employee): Promise<OrderParty> {
  const section = await tx.sections.byId(e.sectionId);
  return { name: e.name, post: e.post, code: e.code, section: section?.name ?? '' };
}

/**
 * Null unless the leave is sanctioned (or curtailed, whose order shows the shortened spell).
 * `balanceAfter` is the ledger balance of the type now; 0 for types not kept in the ledger.
 */
export async function leaveOrderOf(
  tx: Tx, options: { leave: LeaveApplication; policy: LeavePolicy; office: LeaveOrder['office']; copyTo?: string[]; decidedBy?: Employee },
): Promise<LeaveOrder | null> {
  const { leave } = options;
  if ((leave.status !== 'sanctioned' && leave.status !== 'curtailed') || leave.decidedAt === null) return null;
  const [employee, sanctioner, chargeTo] = await Promise.all([
    tx.employees.byId(leave.employeeId), tx.employees.byId(leave.sanctionerId), leave.chargeToId === null ? null : tx.employees.byId(leave.chargeToId),
  ]);
  if (employee === null || sanctioner === null) throw new Error(`leave ${leave.number} names an employee who is not stored`);
  const rule = leaveType(options.policy.rules, leave.type);
  const balanceAfter = rule?.ledger === true ? await tx.leaveLedger.balance(leave.employeeId, yearOf(leave.startDate), leave.type) : 0;
  return {
    office: options.office,
    number: leave.number,
    date: ddmmyyyy(istDate(leave.decidedAt)),
    employee: await party(tx, employee),
    leaveType: { code: leave.type, en: rule?.en ?? leave.type, hi: rule?.hi ?? leave.type },
    from: ddmmyyyy(leave.startDate),
    to: ddmmyyyy(leave.endDate),
    days: leave.days,
    halfDay: leave.halfDay,
    // An application without a reason says so; a blank line in an order reads as a printing fault.
    reason: leave.reason.trim() || 'कोई कारण नहीं दिया गया / no reason given',
    chargeTo: chargeTo === null ? null : await party(tx, chargeTo),
    // Who sanctioned it: the officer named on it, or their link officer who decided it in their absence.
    sanctionedBy: await party(tx, options.decidedBy ?? sanctioner),
    balanceAfter,
    copyTo: options.copyTo ?? ['स्थापना प्रशाखा / Establishment Section', `${employee.name}, ${employee.post}`, ...(chargeTo === null ? [] : [`${chargeTo.name}, ${chargeTo.post}`])],
  };
}

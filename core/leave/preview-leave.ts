// Everything applying would check and charge, without writing: the chat shows this for the
// applicant to confirm, and applyForLeave runs the same checks inside its transaction.
import { addDays, isIsoDate, yearOf } from '../calendar/dates.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { LEAVE_BLOCKING, chargeableDays, reservedDays, today, type LeavePolicy } from './common.ts';
import { fail, ok, type Failure, type Result } from '../errors.ts';
import { leaveType, type LeaveTypeRule } from './rules.ts';
import { resolveSanctioner } from './sanctioner.ts';
import { linkOfficer, type InCharge } from './acting-for.ts';

export interface LeaveRequest {
  employee: Employee;
  /** A leave type code of the rules (case-insensitive). */
  type: string;
  startDate: string;
  endDate: string;
  halfDay: 'first' | 'second' | null;
  policy: LeavePolicy;
}

export interface LeavePreview {
  rule: LeaveTypeRule;
  days: number;
  /** Ledger balance of the type for the year, before this application; null for types not charged to a balance. */
  balance: number | null;
  /** Days held back by the employee's other undecided applications of the type. */
  reserved: number;
  /** Balance left once this and the other undecided applications are sanctioned. */
  balanceAfter: number | null;
  /** Who the application goes to: the sanctioning officer, or their link officer while they are away. */
  sanctioner: Employee;
  /** The sanctioning officer by the rules when away today, with the absence that put `sanctioner` in charge. */
  awaySanctioner: { officer: Employee; on: InCharge['on'] } | null;
}

/** Date, type and half-day checks that need no store. */
export function checkSpell(request: Omit<LeaveRequest, 'employee'>, todayIso: string): Result<{ rule: LeaveTypeRule; days: number }> {
  const { startDate, endDate, halfDay, policy } = request;
  const rule = leaveType(policy.rules, request.type);
  if (rule === null) return fail('LEAVE.UNKNOWN_TYPE', { type: request.type, known: policy.rules.types.map((t) => t.code).join(', ') });
  for (const date of [startDate, endDate]) if (!isIsoDate(date)) return fail('LEAVE.BAD_DATE', { date });
  if (endDate < startDate) return fail('LEAVE.END_BEFORE_START', { from: startDate, to: endDate });
  const earliest = addDays(todayIso, -rule.backDateDays);
  if (startDate < earliest) return fail('LEAVE.TOO_FAR_BACK', { from: startDate, earliest, days: rule.backDateDays, type: rule.code });
  if (yearOf(startDate) !== yearOf(endDate)) return fail('LEAVE.SPANS_YEARS', { from: startDate, to: endDate, year: yearOf(startDate) });
  if (halfDay !== null) {
    if (!rule.halfDayAllowed) return fail('LEAVE.HALF_DAY_NOT_ALLOWED', { type: rule.code });
    if (startDate !== endDate) return fail('LEAVE.HALF_DAY_ONE_DAY', { from: startDate, to: endDate });
  }
  const days = chargeableDays(rule, policy.calendar, startDate, endDate, halfDay);
  if (days === 0) return fail('LEAVE.NO_WORKING_DAYS', { from: startDate, to: endDate, type: rule.code });
  if (rule.maxDaysPerSpell !== null && days > rule.maxDaysPerSpell) return fail('LEAVE.TOO_LONG', { days, max: rule.maxDaysPerSpell, type: rule.code });
  return ok({ rule, days });
}

/**
 * Computes the days and the balance after, and finds the sanctioning officer. Refuses what
 * applyForLeave would refuse. `exceptLeaveId` leaves out an application being resubmitted.
 */
export async function previewLeave(tx: Tx, clock: Clock, request: LeaveRequest & { exceptLeaveId?: number }): Promise<Result<LeavePreview>> {
  const spell = checkSpell(request, today(clock));
  if (!spell.ok) return spell;
  const { rule, days } = spell.value;
  const { employee, startDate, endDate } = request;
  const except = request.exceptLeaveId ?? null;
  const clash = (await tx.leave.overlapping(employee.id, startDate, endDate, LEAVE_BLOCKING)).find((l) => l.id !== except);
  if (clash !== undefined) return fail('LEAVE.OVERLAP', { number: clash.number, from: clash.startDate, to: clash.endDate, kind: 'leave' });
  const tour = (await tx.tours.overlapping(employee.id, startDate, endDate, ['pending', 'returned', 'approved']))[0];
  if (tour !== undefined) return fail('LEAVE.OVERLAP', { number: tour.number, from: tour.startDate, to: tour.endDate, kind: 'tour' });
  let balance: number | null = null;
  let reserved = 0;
  let balanceAfter: number | null = null;
  if (rule.ledger) {
    const year = yearOf(startDate);
    balance = await tx.leaveLedger.balance(employee.id, year, rule.code);
    reserved = await reservedDays(tx, employee.id, year, rule.code, except);
    balanceAfter = balance - reserved - days;
    if (balanceAfter < 0) return fail('LEAVE.INSUFFICIENT_BALANCE', { type: rule.code, days, balance, reserved, available: balance - reserved });
  }
  const sanctioner = await resolveSanctioner(tx, rule.sanctioner, employee, request.policy.rules.collectorPostKey);
  if (sanctioner === null) return fail('LEAVE.NO_SANCTIONER', { type: rule.code });
  const link = await linkOfficer(tx, { officerId: sanctioner.id, applicantId: employee.id, date: today(clock) });
  if (link !== null) return ok({ rule, days, balance, reserved, balanceAfter, sanctioner: link.employee, awaySanctioner: { officer: sanctioner, on: link.on } });
  return ok({ rule, days, balance, reserved, balanceAfter, sanctioner, awaySanctioner: null });
}

/**
 * The leave types the employee may apply for now, for the "which leave?" question: types kept in
 * the ledger that previewLeave accepts for the dates (when known), else those with days available
 * in the current year. Per-occasion types (maternity, special CL, station leave) are not offered
 * here; they are typed. `refusal` says why the first type was refused when none is open.
 */
export async function leaveKindsOpen(
  tx: Tx, clock: Clock,
  request: { employee: Employee; startDate?: string; endDate?: string; halfDay: 'first' | 'second' | null; policy: LeavePolicy },
): Promise<{ open: LeaveTypeRule[]; refusal: Failure | null }> {
  const open: LeaveTypeRule[] = [];
  let refusal: Failure | null = null;
  const year = yearOf(request.startDate ?? today(clock));
  for (const rule of request.policy.rules.types.filter((t) => t.ledger)) {
    if (request.startDate !== undefined) {
      const preview = await previewLeave(tx, clock, {
        employee: request.employee, type: rule.code, startDate: request.startDate, endDate: request.endDate ?? request.startDate,
        halfDay: request.halfDay, policy: request.policy,
      });
      if (preview.ok) open.push(rule);
      else refusal ??= preview.failure;
      continue;
    }
    const balance = await tx.leaveLedger.balance(request.employee.id, year, rule.code);
    if (balance - (await reservedDays(tx, request.employee.id, year, rule.code)) > 0) open.push(rule);
  }
  return { open, refusal };
}

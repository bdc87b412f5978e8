// Withdrawing leave. Before it starts the whole application is cancelled and sanctioned days come
// back; once it has started it can only be curtailed: it ends on a given day and the days after
// that come back.
import { yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { chargeableDays, leaveParams, today, type LeavePolicy } from './common.ts';
import { done, leaveChangedMeanwhile, refuse, type AbsenceResult } from './failures.ts';
import { leaveType } from './rules.ts';
import type { LeaveApplication } from './types.ts';

/** By the applicant: an undecided application at any time, a sanctioned one only before its first day. */
export async function cancelLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; reason: string | null; policy: LeavePolicy },
): Promise<AbsenceResult<{ leave: LeaveApplication; credited: number }>> {
  const { actor, leave } = options;
  if (leave.employeeId !== actor.id) return refuse('LEAVE.NOT_YOURS', { number: leave.number });
  if (!['pending', 'returned', 'sanctioned'].includes(leave.status)) return refuse('LEAVE.WRONG_STATUS', { number: leave.number, status: leave.status });
  const wasSanctioned = leave.status === 'sanctioned';
  if (wasSanctioned && today(clock) >= leave.startDate) return refuse('LEAVE.ALREADY_STARTED', { number: leave.number, from: leave.startDate });
  const now = clock.now();
  const reason = options.reason?.trim() || null;
  const updated = (await tx.leave.update(leave.id, leave.version, { status: 'cancelled', holderId: leave.employeeId, remark: reason, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  const rule = leaveType(options.policy.rules, leave.type);
  const credited = wasSanctioned && rule?.ledger === true ? leave.days : 0;
  if (credited > 0) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year: yearOf(leave.startDate), type: leave.type, days: credited, kind: 'cancel', refId: leave.id, note: leave.number, at: now });
  }
  await recordEvent(tx, clock, { actor: actor.code, type: 'leave.cancelled', subjectType: 'leave', subjectId: leave.number, data: { was: leave.status, credited } });
  await notify(tx, clock, {
    employeeId: leave.sanctionerId,
    notification: { kind: 'leave.cancelled', params: { ...leaveParams(updated, rule, actor), reason: reason ?? '', was: leave.status }, subject: { type: 'leave', id: leave.number } },
  });
  return done({ leave: updated, credited });
}

/**
 * By the applicant (rejoining early) or the sanctioning officer (recalling them): a sanctioned
 * leave that has started ends on `lastDay`, and the days charged after it come back.
 */
export async function curtailLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; lastDay: string; policy: LeavePolicy },
): Promise<AbsenceResult<{ leave: LeaveApplication; credited: number }>> {
  const { actor, leave, lastDay } = options;
  if (actor.id !== leave.employeeId && actor.id !== leave.sanctionerId) return refuse('LEAVE.NOT_ALLOWED', { number: leave.number });
  if (leave.status !== 'sanctioned') return refuse('LEAVE.WRONG_STATUS', { number: leave.number, status: leave.status });
  if (today(clock) < leave.startDate) return refuse('LEAVE.NOT_STARTED', { number: leave.number, from: leave.startDate });
  if (lastDay < leave.startDate || lastDay >= leave.endDate) return refuse('LEAVE.CURTAIL_OUTSIDE', { number: leave.number, from: leave.startDate, to: leave.endDate, day: lastDay });
  const rule = leaveType(options.policy.rules, leave.type);
  const days = rule === null ? leave.days : chargeableDays(rule, options.policy.calendar, leave.startDate, lastDay, null);
  const credited = rule?.ledger === true ? leave.days - days : 0;
  const now = clock.now();
  const updated = (await tx.leave.update(leave.id, leave.version, { status: 'curtailed', endDate: lastDay, days, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  if (credited > 0) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year: yearOf(leave.startDate), type: leave.type, days: credited, kind: 'curtail', refId: leave.id, note: `${leave.number} to ${lastDay}`, at: now });
  }
  await recordEvent(tx, clock, { actor: actor.code, type: 'leave.curtailed', subjectType: 'leave', subjectId: leave.number, data: { lastDay, was: leave.endDate, credited } });
  const applicant = actor.id === leave.employeeId ? actor : await tx.employees.byId(leave.employeeId);
  const tell = actor.id === leave.employeeId ? leave.sanctionerId : leave.employeeId;
  await notify(tx, clock, {
    employeeId: tell,
    notification: { kind: 'leave.curtailed', params: { ...leaveParams(updated, rule, applicant), was: leave.endDate, credited, by: actor.name }, subject: { type: 'leave', id: leave.number } },
  });
  return done({ leave: updated, credited });
}

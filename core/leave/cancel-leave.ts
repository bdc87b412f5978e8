// Withdrawing leave. Before it starts the whole application is cancelled and sanctioned days come
// back; once it has started it can only be curtailed: it ends on a given day and the days after
// that come back. The statuses each is allowed from, who may and the audit event: LEAVE_WORKFLOW.
import { yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { chargeableDays, leaveChangedMeanwhile, leaveParams, today, type LeavePolicy } from './common.ts';
import { LEAVE_WORKFLOW } from './leave-workflow.ts';
import { leaveType } from './rules.ts';
import type { LeaveApplication } from './types.ts';

/** By the applicant: an undecided application at any time, a sanctioned one only before its first day. */
export async function cancelLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; reason: string | null; policy: LeavePolicy },
): Promise<Result<{ leave: LeaveApplication; credited: number }>> {
  const { actor, leave } = options;
  const step = await transition(tx, LEAVE_WORKFLOW, 'cancel', { actor, leave, today: today(clock) });
  if (!step.ok) return step;
  const wasSanctioned = leave.status === 'sanctioned';
  const now = clock.now();
  const reason = options.reason?.trim() || null;
  const updated = (await tx.leave.update(leave.id, leave.version, { status: step.value.to, holderId: leave.employeeId, remark: reason, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  const rule = leaveType(options.policy.rules, leave.type);
  const credited = wasSanctioned && rule?.ledger === true ? leave.days : 0;
  if (credited > 0) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year: yearOf(leave.startDate), type: leave.type, days: credited, kind: 'cancel', refId: leave.id, note: leave.number, at: now });
  }
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'leave', subjectId: leave.number, data: { was: leave.status, credited } });
  await notify(tx, clock, {
    employeeId: leave.sanctionerId,
    notification: { kind: step.value.event, params: { ...leaveParams(updated, rule, actor), reason: reason ?? '', was: leave.status }, subject: { type: 'leave', id: leave.number } },
  });
  return ok({ leave: updated, credited });
}

/**
 * By the applicant (rejoining early) or the sanctioning officer (recalling them): a sanctioned
 * leave that has started ends on `lastDay`, and the days charged after it come back.
 */
export async function curtailLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; lastDay: string; policy: LeavePolicy },
): Promise<Result<{ leave: LeaveApplication; credited: number }>> {
  const { actor, leave, lastDay } = options;
  const step = await transition(tx, LEAVE_WORKFLOW, 'curtail', { actor, leave, today: today(clock) });
  if (!step.ok) return step;
  if (lastDay < leave.startDate || lastDay >= leave.endDate) return fail('LEAVE.CURTAIL_OUTSIDE', { number: leave.number, from: leave.startDate, to: leave.endDate, day: lastDay });
  const rule = leaveType(options.policy.rules, leave.type);
  const days = rule === null ? leave.days : chargeableDays(rule, options.policy.calendar, leave.startDate, lastDay, null);
  const credited = rule?.ledger === true ? leave.days - days : 0;
  const now = clock.now();
  const updated = (await tx.leave.update(leave.id, leave.version, { status: step.value.to, endDate: lastDay, days, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  if (credited > 0) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year: yearOf(leave.startDate), type: leave.type, days: credited, kind: 'curtail', refId: leave.id, note: `${leave.number} to ${lastDay}`, at: now });
  }
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'leave', subjectId: leave.number, data: { lastDay, was: leave.endDate, credited } });
  const applicant = actor.id === leave.employeeId ? actor : await tx.employees.byId(leave.employeeId);
  const tell = actor.id === leave.employeeId ? leave.sanctionerId : leave.employeeId;
  await notify(tx, clock, {
    employeeId: tell,
    notification: { kind: step.value.event, params: { ...leaveParams(updated, rule, applicant), was: leave.endDate, credited, by: actor.name }, subject: { type: 'leave', id: leave.number } },
  });
  return ok({ leave: updated, credited });
}

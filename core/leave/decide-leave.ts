// The sanctioning officer sanctions, refuses or returns an application; a returned one goes to the
// applicant, who resubmits it. Sanction debits the ledger in the same transaction.
import { yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { employeeLabel, leaveParams, reservedDays, type LeavePolicy } from './common.ts';
import { done, leaveChangedMeanwhile, refuse, type AbsenceResult } from './failures.ts';
import { leaveType } from './rules.ts';
import type { LeaveApplication } from './types.ts';

export type LeaveDecision = 'sanction' | 'refuse' | 'return';

const KIND: Record<LeaveDecision, { status: LeaveApplication['status']; event: string }> = {
  sanction: { status: 'sanctioned', event: 'leave.sanctioned' },
  refuse: { status: 'refused', event: 'leave.refused' },
  return: { status: 'returned', event: 'leave.returned' },
};

export async function decideLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; decision: LeaveDecision; remark: string | null; policy: LeavePolicy },
): Promise<AbsenceResult<{ leave: LeaveApplication; balanceAfter: number | null }>> {
  const { actor, leave, decision } = options;
  if (leave.holderId !== actor.id) {
    return refuse('LEAVE.NOT_IN_YOUR_HANDS', { number: leave.number, holder: employeeLabel(await tx.employees.byId(leave.holderId), leave.holderId) });
  }
  if (leave.status !== 'pending') return refuse('LEAVE.WRONG_STATUS', { number: leave.number, status: leave.status });
  const remark = options.remark?.trim() || null;
  if (decision !== 'sanction' && remark === null) return refuse('LEAVE.REASON_REQUIRED', { number: leave.number });
  const rule = leaveType(options.policy.rules, leave.type);
  const year = yearOf(leave.startDate);
  let balanceAfter: number | null = null;
  if (decision === 'sanction' && rule?.ledger === true) {
    const balance = await tx.leaveLedger.balance(leave.employeeId, year, leave.type);
    // Reserved days were checked on applying; an opening balance corrected since may have cut it.
    if (balance < leave.days) return refuse('LEAVE.INSUFFICIENT_BALANCE', { type: leave.type, days: leave.days, balance, reserved: 0, available: balance });
    balanceAfter = balance - leave.days;
  }
  const now = clock.now();
  const { status, event } = KIND[decision];
  const holderId = decision === 'return' ? leave.employeeId : leave.holderId;
  const updated = (await tx.leave.update(leave.id, leave.version, { status, holderId, remark, movedAt: now, decidedAt: decision === 'return' ? null : now }))
    ?? leaveChangedMeanwhile(leave.number);
  if (decision === 'sanction' && rule?.ledger === true) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year, type: leave.type, days: -leave.days, kind: 'sanction', refId: leave.id, note: leave.number, at: now });
    balanceAfter = (balanceAfter ?? 0) - (await reservedDays(tx, leave.employeeId, year, leave.type));
  }
  await recordEvent(tx, clock, { actor: actor.code, type: event, subjectType: 'leave', subjectId: leave.number, data: { remark, days: leave.days } });
  const applicant = await tx.employees.byId(leave.employeeId);
  await notify(tx, clock, {
    employeeId: leave.employeeId,
    notification: {
      kind: event,
      params: { ...leaveParams(updated, rule, applicant), by: actor.name, byPost: actor.post, remark: remark ?? '', balanceAfter: balanceAfter ?? '' },
      subject: { type: 'leave', id: leave.number },
    },
  });
  if (decision === 'sanction' && updated.chargeToId !== null) {
    await notify(tx, clock, {
      employeeId: updated.chargeToId,
      notification: { kind: 'leave.charge_given', params: { ...leaveParams(updated, rule, applicant), by: actor.name }, subject: { type: 'leave', id: leave.number } },
    });
  }
  return done({ leave: updated, balanceAfter });
}

/** The applicant answers a return: the application goes back to the sanctioning officer. */
export async function resubmitLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; remark: string | null; policy: LeavePolicy },
): Promise<AbsenceResult<LeaveApplication>> {
  const { actor, leave } = options;
  if (leave.employeeId !== actor.id) return refuse('LEAVE.NOT_YOURS', { number: leave.number });
  if (leave.status !== 'returned') return refuse('LEAVE.WRONG_STATUS', { number: leave.number, status: leave.status });
  const remark = options.remark?.trim() || null;
  const now = clock.now();
  const updated = (await tx.leave.update(leave.id, leave.version, { status: 'pending', holderId: leave.sanctionerId, remark, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  await recordEvent(tx, clock, { actor: actor.code, type: 'leave.resubmitted', subjectType: 'leave', subjectId: leave.number, data: { remark } });
  await notify(tx, clock, {
    employeeId: leave.sanctionerId,
    notification: {
      kind: 'leave.resubmitted',
      params: { ...leaveParams(updated, leaveType(options.policy.rules, leave.type), actor), remark: remark ?? '' },
      subject: { type: 'leave', id: leave.number },
    },
  });
  return done(updated);
}

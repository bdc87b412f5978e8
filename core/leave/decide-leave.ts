// The sanctioning officer sanctions, refuses or returns an application; a returned one goes to the
// applicant, who resubmits it. Sanction debits the ledger in the same transaction. Who may, from
// which status, to which status and the audit event: LEAVE_WORKFLOW (leave-workflow.ts).
import { yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { leaveChangedMeanwhile, leaveParams, reservedDays, today, type LeavePolicy } from './common.ts';
import { LEAVE_WORKFLOW } from './leave-workflow.ts';
import { decidingFor, linkOfficer } from './acting-for.ts';
import { handOverWaiting } from './hand-over.ts';
import { leaveType } from './rules.ts';
import type { LeaveApplication } from './types.ts';

/** A decision is the leave table's action of the same name. */
export type LeaveDecision = 'sanction' | 'refuse' | 'return';

export async function decideLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; decision: LeaveDecision; remark: string | null; policy: LeavePolicy },
): Promise<Result<{ leave: LeaveApplication; balanceAfter: number | null }>> {
  const { actor, leave, decision } = options;
  // The holder away on leave or tour: the officer holding their charge decides for them.
  const actingFor = await decidingFor(tx, { actor, holderId: leave.holderId, applicantId: leave.employeeId, date: today(clock) });
  const step = await transition(tx, LEAVE_WORKFLOW, decision, { actor, leave, today: today(clock), linkOfficerId: actingFor === null ? null : actor.id });
  if (!step.ok) return step;
  const remark = options.remark?.trim() || null;
  if (decision !== 'sanction' && remark === null) return fail('LEAVE.REASON_REQUIRED', { number: leave.number });
  const rule = leaveType(options.policy.rules, leave.type);
  const year = yearOf(leave.startDate);
  let balanceAfter: number | null = null;
  if (decision === 'sanction' && rule?.ledger === true) {
    const balance = await tx.leaveLedger.balance(leave.employeeId, year, leave.type);
    // Reserved days were checked on applying; an opening balance corrected since may have cut it.
    if (balance < leave.days) return fail('LEAVE.INSUFFICIENT_BALANCE', { type: leave.type, days: leave.days, balance, reserved: 0, available: balance });
    balanceAfter = balance - leave.days;
  }
  const now = clock.now();
  const { to: status, event } = step.value;
  const holderId = decision === 'return' ? leave.employeeId : actingFor !== null ? actor.id : leave.holderId;
  const updated = (await tx.leave.update(leave.id, leave.version, { status, holderId, remark, movedAt: now, decidedAt: decision === 'return' ? null : now }))
    ?? leaveChangedMeanwhile(leave.number);
  if (decision === 'sanction' && rule?.ledger === true) {
    await tx.leaveLedger.add({ employeeId: leave.employeeId, year, type: leave.type, days: -leave.days, kind: 'sanction', refId: leave.id, note: leave.number, at: now });
    balanceAfter = (balanceAfter ?? 0) - (await reservedDays(tx, leave.employeeId, year, leave.type));
  }
  await recordEvent(tx, clock, { actor: actor.code, type: event, subjectType: 'leave', subjectId: leave.number, data: { remark, days: leave.days, ...(actingFor === null ? {} : { actingFor: actingFor.holder.code, charge: actingFor.on.number }) } });
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
    // What waits for the applicant's decision is made known to the one who will decide it meanwhile.
    if (applicant !== null) await handOverWaiting(tx, clock, { officer: applicant, inCharge: updated.chargeToId, from: updated.startDate, until: updated.endDate, policy: options.policy });
  }
  return ok({ leave: updated, balanceAfter });
}

/** The applicant answers a return: the application goes back to the sanctioning officer. */
export async function resubmitLeave(
  tx: Tx, clock: Clock, options: { actor: Employee; leave: LeaveApplication; remark: string | null; policy: LeavePolicy },
): Promise<Result<LeaveApplication>> {
  const { actor, leave } = options;
  const step = await transition(tx, LEAVE_WORKFLOW, 'resubmit', { actor, leave, today: today(clock) });
  if (!step.ok) return step;
  const remark = options.remark?.trim() || null;
  const now = clock.now();
  const link = await linkOfficer(tx, { officerId: leave.sanctionerId, applicantId: leave.employeeId, date: today(clock) });
  const to = link?.employee.id ?? leave.sanctionerId;
  const updated = (await tx.leave.update(leave.id, leave.version, { status: step.value.to, holderId: to, remark, movedAt: now }))
    ?? leaveChangedMeanwhile(leave.number);
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'leave', subjectId: leave.number,
    data: { remark, ...(link === null ? {} : { to: link.employee.code, charge: link.on.number }) },
  });
  await notify(tx, clock, {
    employeeId: to,
    notification: {
      kind: step.value.event,
      params: { ...leaveParams(updated, leaveType(options.policy.rules, leave.type), actor), remark: remark ?? '' },
      subject: { type: 'leave', id: leave.number },
    },
  });
  return ok(updated);
}

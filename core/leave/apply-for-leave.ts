// An application for leave: checked like previewLeave, numbered LV/<year>/<serial>, put in the
// sanctioning officer's hands, who is told.
import { yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { leaveCounter, leaveNumber, leaveParams, today } from './common.ts';
import { LEAVE_WORKFLOW } from './leave-workflow.ts';
import { previewLeave, type LeavePreview, type LeaveRequest } from './preview-leave.ts';
import type { LeaveApplication } from './types.ts';

export interface ApplyForLeaveOptions extends LeaveRequest {
  reason: string;
  /** Who holds charge while the applicant is away. */
  chargeTo: Employee | null;
}

export function checkCharge(applicant: Employee, chargeTo: Employee | null): Result<null> {
  if (chargeTo === null) return ok(null);
  if (chargeTo.id === applicant.id) return fail('LEAVE.BAD_CHARGE', { name: chargeTo.name, why: 'self' });
  if (!chargeTo.active) return fail('LEAVE.BAD_CHARGE', { name: chargeTo.name, why: 'inactive' });
  return ok(null);
}

export async function applyForLeave(tx: Tx, clock: Clock, options: ApplyForLeaveOptions): Promise<Result<{ leave: LeaveApplication; preview: LeavePreview }>> {
  const { employee, chargeTo } = options;
  const step = await transition(tx, LEAVE_WORKFLOW, 'apply', { actor: employee, leave: null, today: today(clock) });
  if (!step.ok) return step;
  const charge = checkCharge(employee, chargeTo);
  if (!charge.ok) return charge;
  const preview = await previewLeave(tx, clock, options);
  if (!preview.ok) return preview;
  const { rule, days, sanctioner, awaySanctioner: away } = preview.value;
  const now = clock.now();
  const year = yearOf(options.startDate);
  const number = leaveNumber(year, await tx.counters.next(leaveCounter(year)));
  const leave = await tx.leave.create({
    number, employeeId: employee.id, type: rule.code, startDate: options.startDate, endDate: options.endDate,
    halfDay: options.halfDay, days, reason: options.reason.trim(), chargeToId: chargeTo?.id ?? null,
    sanctionerId: sanctioner.id, holderId: sanctioner.id, status: step.value.to, remark: null,
    createdAt: now, decidedAt: null, movedAt: now,
  });
  await recordEvent(tx, clock, {
    actor: employee.code, type: step.value.event, subjectType: 'leave', subjectId: number,
    data: {
      type: rule.code, from: leave.startDate, to: leave.endDate, days, halfDay: leave.halfDay, sanctioner: sanctioner.code, chargeTo: chargeTo?.code ?? null,
      ...(away === null ? {} : { actingFor: away.officer.code, charge: away.on.number }),
    },
  });
  if (away !== null) {
    // The sanctioning officer is away: told that their link officer has it.
    await notify(tx, clock, {
      employeeId: away.officer.id,
      notification: { kind: 'leave.routed_to_charge', params: { ...leaveParams(leave, rule, employee), inCharge: sanctioner.name, inChargePost: sanctioner.post }, subject: { type: 'leave', id: number } },
    });
  }
  await notify(tx, clock, {
    employeeId: sanctioner.id,
    notification: {
      kind: step.value.event,
      params: {
        ...leaveParams(leave, rule, employee), reason: leave.reason.slice(0, 500), chargeTo: chargeTo?.name ?? '', balanceAfter: preview.value.balanceAfter ?? '',
        ...(away === null ? {} : { onBehalfOf: `${away.officer.name} (${away.officer.post})` }),
      },
      subject: { type: 'leave', id: number },
    },
  });
  return ok({ leave, preview: preview.value });
}

// The sanctioning officer approves, refuses or returns a tour programme; the applicant resubmits a
// returned one, and may cancel one that has not started. Who may, from which status, to which
// status and the audit event: TOUR_WORKFLOW (tour-workflow.ts).
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { today } from '../leave/common.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { tourChangedMeanwhile, tourParams } from './common.ts';
import { TOUR_WORKFLOW } from './tour-workflow.ts';
import { decidingFor, linkOfficer } from '../leave/acting-for.ts';
import { handOverWaiting } from '../leave/hand-over.ts';
import type { TourProgramme } from './types.ts';

/** A decision is the tour table's action of the same name. */
export type TourDecision = 'approve' | 'refuse' | 'return';

export async function decideTour(
  tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; decision: TourDecision; remark: string | null },
): Promise<Result<TourProgramme>> {
  const { actor, tour, decision } = options;
  // The holder away on leave or tour: the officer holding their charge decides for them.
  const actingFor = await decidingFor(tx, { actor, holderId: tour.holderId, applicantId: tour.employeeId, date: today(clock) });
  const step = await transition(tx, TOUR_WORKFLOW, decision, { actor, tour, today: today(clock), linkOfficerId: actingFor === null ? null : actor.id });
  if (!step.ok) return step;
  const remark = options.remark?.trim() || null;
  if (decision !== 'approve' && remark === null) return fail('TOUR.REASON_REQUIRED', { number: tour.number });
  const now = clock.now();
  const { to: status, event } = step.value;
  const updated = (await tx.tours.update(tour.id, tour.version, {
    status, remark, movedAt: now, holderId: decision === 'return' ? tour.employeeId : actingFor !== null ? actor.id : tour.holderId, decidedAt: decision === 'return' ? null : now,
  })) ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, {
    actor: actor.code, type: event, subjectType: 'tour', subjectId: tour.number,
    data: { remark, ...(actingFor === null ? {} : { actingFor: actingFor.holder.code, charge: actingFor.on.number }) },
  });
  const employee = await tx.employees.byId(tour.employeeId);
  await notify(tx, clock, {
    employeeId: tour.employeeId,
    notification: { kind: event, params: { ...tourParams(updated, employee), by: actor.name, byPost: actor.post, remark: remark ?? '' }, subject: { type: 'tour', id: tour.number } },
  });
  if (decision === 'approve' && updated.chargeToId !== null) {
    await notify(tx, clock, {
      employeeId: updated.chargeToId,
      notification: { kind: 'tour.charge_given', params: { ...tourParams(updated, employee), by: actor.name }, subject: { type: 'tour', id: tour.number } },
    });
    // What waits for the officer's decision is made known to the one who will decide it meanwhile.
    if (employee !== null) await handOverWaiting(tx, clock, { officer: employee, inCharge: updated.chargeToId, from: updated.startDate, until: updated.endDate });
  }
  return ok(updated);
}

export async function resubmitTour(tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; remark: string | null }): Promise<Result<TourProgramme>> {
  const { actor, tour } = options;
  const step = await transition(tx, TOUR_WORKFLOW, 'resubmit', { actor, tour, today: today(clock) });
  if (!step.ok) return step;
  const remark = options.remark?.trim() || null;
  const link = await linkOfficer(tx, { officerId: tour.sanctionerId, applicantId: tour.employeeId, date: today(clock) });
  const to = link?.employee.id ?? tour.sanctionerId;
  const updated = (await tx.tours.update(tour.id, tour.version, { status: step.value.to, holderId: to, remark, movedAt: clock.now() }))
    ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'tour', subjectId: tour.number,
    data: { remark, ...(link === null ? {} : { to: link.employee.code, charge: link.on.number }) },
  });
  await notify(tx, clock, {
    employeeId: to,
    notification: { kind: step.value.event, params: { ...tourParams(updated, actor), remark: remark ?? '' }, subject: { type: 'tour', id: tour.number } },
  });
  return ok(updated);
}

/** By the applicant: an undecided programme at any time, an approved one only before it starts. */
export async function cancelTour(tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; reason: string | null }): Promise<Result<TourProgramme>> {
  const { actor, tour } = options;
  const step = await transition(tx, TOUR_WORKFLOW, 'cancel', { actor, tour, today: today(clock) });
  if (!step.ok) return step;
  const reason = options.reason?.trim() || null;
  const updated = (await tx.tours.update(tour.id, tour.version, { status: step.value.to, holderId: tour.employeeId, remark: reason, movedAt: clock.now() }))
    ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'tour', subjectId: tour.number, data: { was: tour.status } });
  await notify(tx, clock, {
    employeeId: tour.sanctionerId,
    notification: { kind: step.value.event, params: { ...tourParams(updated, actor), reason: reason ?? '', was: tour.status }, subject: { type: 'tour', id: tour.number } },
  });
  return ok(updated);
}

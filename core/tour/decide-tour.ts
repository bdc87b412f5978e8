// The sanctioning officer approves, refuses or returns a tour programme; the applicant resubmits a
// returned one, and may cancel one that has not started.
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { employeeLabel, today } from '../leave/common.ts';
import { done, refuse, type AbsenceResult } from '../leave/failures.ts';
import { tourParams } from './common.ts';
import { tourChangedMeanwhile } from './failures.ts';
import type { TourProgramme, TourStatus } from './types.ts';

export type TourDecision = 'approve' | 'refuse' | 'return';

const KIND: Record<TourDecision, { status: TourStatus; event: string }> = {
  approve: { status: 'approved', event: 'tour.approved' },
  refuse: { status: 'refused', event: 'tour.refused' },
  return: { status: 'returned', event: 'tour.returned' },
};

export async function decideTour(
  tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; decision: TourDecision; remark: string | null },
): Promise<AbsenceResult<TourProgramme>> {
  const { actor, tour, decision } = options;
  if (tour.holderId !== actor.id) return refuse('TOUR.NOT_IN_YOUR_HANDS', { number: tour.number, holder: employeeLabel(await tx.employees.byId(tour.holderId), tour.holderId) });
  if (tour.status !== 'pending') return refuse('TOUR.WRONG_STATUS', { number: tour.number, status: tour.status });
  const remark = options.remark?.trim() || null;
  if (decision !== 'approve' && remark === null) return refuse('TOUR.REASON_REQUIRED', { number: tour.number });
  const now = clock.now();
  const { status, event } = KIND[decision];
  const updated = (await tx.tours.update(tour.id, tour.version, {
    status, remark, movedAt: now, holderId: decision === 'return' ? tour.employeeId : tour.holderId, decidedAt: decision === 'return' ? null : now,
  })) ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, { actor: actor.code, type: event, subjectType: 'tour', subjectId: tour.number, data: { remark } });
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
  }
  return done(updated);
}

export async function resubmitTour(tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; remark: string | null }): Promise<AbsenceResult<TourProgramme>> {
  const { actor, tour } = options;
  if (tour.employeeId !== actor.id) return refuse('TOUR.NOT_YOURS', { number: tour.number });
  if (tour.status !== 'returned') return refuse('TOUR.WRONG_STATUS', { number: tour.number, status: tour.status });
  const remark = options.remark?.trim() || null;
  const updated = (await tx.tours.update(tour.id, tour.version, { status: 'pending', holderId: tour.sanctionerId, remark, movedAt: clock.now() }))
    ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, { actor: actor.code, type: 'tour.resubmitted', subjectType: 'tour', subjectId: tour.number, data: { remark } });
  await notify(tx, clock, {
    employeeId: tour.sanctionerId,
    notification: { kind: 'tour.resubmitted', params: { ...tourParams(updated, actor), remark: remark ?? '' }, subject: { type: 'tour', id: tour.number } },
  });
  return done(updated);
}

/** By the applicant: an undecided programme at any time, an approved one only before it starts. */
export async function cancelTour(tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; reason: string | null }): Promise<AbsenceResult<TourProgramme>> {
  const { actor, tour } = options;
  if (tour.employeeId !== actor.id) return refuse('TOUR.NOT_YOURS', { number: tour.number });
  if (!['pending', 'returned', 'approved'].includes(tour.status)) return refuse('TOUR.WRONG_STATUS', { number: tour.number, status: tour.status });
  if (tour.status === 'approved' && today(clock) >= tour.startDate) return refuse('TOUR.ALREADY_STARTED', { number: tour.number, from: tour.startDate });
  const reason = options.reason?.trim() || null;
  const updated = (await tx.tours.update(tour.id, tour.version, { status: 'cancelled', holderId: tour.employeeId, remark: reason, movedAt: clock.now() }))
    ?? tourChangedMeanwhile(tour.number);
  await recordEvent(tx, clock, { actor: actor.code, type: 'tour.cancelled', subjectType: 'tour', subjectId: tour.number, data: { was: tour.status } });
  await notify(tx, clock, {
    employeeId: tour.sanctionerId,
    notification: { kind: 'tour.cancelled', params: { ...tourParams(updated, actor), reason: reason ?? '', was: tour.status }, subject: { type: 'tour', id: tour.number } },
  });
  return done(updated);
}

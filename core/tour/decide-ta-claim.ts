// The officer who approved the tour approves, refuses or returns its TA claim.
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { employeeLabel } from '../leave/common.ts';
import { done, refuse, type AbsenceResult } from '../leave/failures.ts';
import { claimParams } from './common.ts';
import { tourChangedMeanwhile } from './failures.ts';
import type { ClaimStatus, TaClaim } from './types.ts';

export type ClaimDecision = 'approve' | 'refuse' | 'return';

const KIND: Record<ClaimDecision, { status: ClaimStatus; event: string }> = {
  approve: { status: 'approved', event: 'ta.approved' },
  refuse: { status: 'refused', event: 'ta.refused' },
  return: { status: 'returned', event: 'ta.returned' },
};

export async function decideTaClaim(
  tx: Tx, clock: Clock, options: { actor: Employee; claim: TaClaim; decision: ClaimDecision; remark: string | null },
): Promise<AbsenceResult<TaClaim>> {
  const { actor, claim, decision } = options;
  if (claim.holderId !== actor.id) return refuse('TOUR.NOT_IN_YOUR_HANDS', { number: claim.number, holder: employeeLabel(await tx.employees.byId(claim.holderId), claim.holderId) });
  if (claim.status !== 'pending') return refuse('TOUR.WRONG_STATUS', { number: claim.number, status: claim.status });
  const remark = options.remark?.trim() || null;
  if (decision !== 'approve' && remark === null) return refuse('TOUR.REASON_REQUIRED', { number: claim.number });
  const tour = await tx.tours.byId(claim.tourId);
  if (tour === null) throw new Error(`TA claim ${claim.number} names tour ${claim.tourId}, which is not stored`);
  const now = clock.now();
  const { status, event } = KIND[decision];
  const updated = (await tx.taClaims.update(claim.id, claim.version, {
    status, remark, movedAt: now, holderId: decision === 'return' ? claim.employeeId : claim.holderId, decidedAt: decision === 'return' ? null : now,
  })) ?? tourChangedMeanwhile(claim.number);
  await recordEvent(tx, clock, { actor: actor.code, type: event, subjectType: 'ta', subjectId: claim.number, data: { remark, total: claim.total } });
  await notify(tx, clock, {
    employeeId: claim.employeeId,
    notification: { kind: event, params: { ...claimParams(updated, tour, await tx.employees.byId(claim.employeeId)), by: actor.name, byPost: actor.post, remark: remark ?? '' }, subject: { type: 'ta', id: claim.number } },
  });
  return done(updated);
}

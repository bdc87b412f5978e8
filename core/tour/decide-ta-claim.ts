// The officer who approved the tour approves, refuses or returns its TA claim (TA_CLAIM_WORKFLOW).
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { claimParams, tourChangedMeanwhile } from './common.ts';
import { TA_CLAIM_WORKFLOW } from './ta-claim-workflow.ts';
import { decidingFor } from '../leave/acting-for.ts';
import { today } from '../leave/common.ts';
import type { TaClaim } from './types.ts';

/** A decision is the TA claim table's action of the same name. */
export type ClaimDecision = 'approve' | 'refuse' | 'return';

export async function decideTaClaim(
  tx: Tx, clock: Clock, options: { actor: Employee; claim: TaClaim; decision: ClaimDecision; remark: string | null },
): Promise<Result<TaClaim>> {
  const { actor, claim, decision } = options;
  // The holder away on leave or tour: the officer holding their charge decides for them.
  const actingFor = await decidingFor(tx, { actor, holderId: claim.holderId, applicantId: claim.employeeId, date: today(clock) });
  const step = await transition(tx, TA_CLAIM_WORKFLOW, decision, { actor, claim, linkOfficerId: actingFor === null ? null : actor.id });
  if (!step.ok) return step;
  const remark = options.remark?.trim() || null;
  if (decision !== 'approve' && remark === null) return fail('TOUR.REASON_REQUIRED', { number: claim.number });
  const tour = await tx.tours.byId(claim.tourId);
  if (tour === null) throw new Error(`TA claim ${claim.number} names tour ${claim.tourId}, which is not stored`);
  const now = clock.now();
  const { to: status, event } = step.value;
  const updated = (await tx.taClaims.update(claim.id, claim.version, {
    status, remark, movedAt: now, holderId: decision === 'return' ? claim.employeeId : actingFor !== null ? actor.id : claim.holderId, decidedAt: decision === 'return' ? null : now,
  })) ?? tourChangedMeanwhile(claim.number);
  await recordEvent(tx, clock, { actor: actor.code, type: event, subjectType: 'ta', subjectId: claim.number, data: { remark, total: claim.total, ...(actingFor === null ? {} : { actingFor: actingFor.holder.code, charge: actingFor.on.number }) } });
  await notify(tx, clock, {
    employeeId: claim.employeeId,
    notification: { kind: event, params: { ...claimParams(updated, tour, await tx.employees.byId(claim.employeeId)), by: actor.name, byPost: actor.post, remark: remark ?? '' }, subject: { type: 'ta', id: claim.number } },
  });
  return ok(updated);
}

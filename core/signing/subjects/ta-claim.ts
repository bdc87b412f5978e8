// A TA claim's approval as signed: every journey and figure of the claim as it stands; the TA bill.
import { fail, ok } from '../../errors.ts';
import { decideTaClaim } from '../../tour/decide-ta-claim.ts';
import { TA_CLAIM_WORKFLOW } from '../../tour/ta-claim-workflow.ts';
import { decidingFor } from '../../leave/acting-for.ts';
import { today } from '../../leave/common.ts';
import { taBillOf } from '../../tour/ta-bill.ts';
import { transition } from '../../workflow.ts';
import { documentHash, taApprovalDocument } from '../decision-document.ts';
import type { SigningSubject } from './subject.ts';

export const TA_SUBJECT: SigningSubject = {
  async find(tx, deps, signer, request) {
    const claim = await tx.taClaims.byNumber(request.number);
    if (claim === null) return fail('TOUR.CLAIM_NOT_FOUND', { number: request.number });
    const actingFor = await decidingFor(tx, { actor: signer, holderId: claim.holderId, applicantId: claim.employeeId, date: today(deps.clock) });
    const step = await transition(tx, TA_CLAIM_WORKFLOW, 'approve', { actor: signer, claim, linkOfficerId: actingFor === null ? null : signer.id });
    if (!step.ok) return step;
    const tour = await tx.tours.byId(claim.tourId);
    if (tour === null) return fail('TOUR.CLAIM_NOT_FOUND', { number: claim.number });
    const officer = await tx.employees.byId(claim.employeeId);
    return ok({
      hash: documentHash(taApprovalDocument(claim, tour.number, officer, signer)),
      preview: {
        kind: 'ta', number: claim.number, tour: tour.number, officer,
        fares: claim.journeys.reduce((sum, j) => sum + j.fare, 0), daDays: claim.daDays, daRate: claim.daRate, total: claim.total,
      },
      async apply(visible) {
        const decided = await decideTaClaim(tx, deps.clock, { actor: signer, claim, decision: 'approve', remark: request.remark });
        if (!decided.ok) return decided;
        const bill = await taBillOf(tx, { claim: decided.value, office: deps.office.name, payLevel: null });
        if (bill === null) return fail('TOUR.CLAIM_NOT_FOUND', { number: claim.number });
        const what = `Approval of TA claim ${claim.number}`;
        return ok({
          pdf: await deps.renderer.signedTaBill(bill, { ...visible, what }), what, subjectId: claim.number,
          finish: async () => ({ kind: 'ta', number: claim.number, officer: bill.employee.name, total: claim.total }),
        });
      },
    });
  },
};

// A tour programme's approval as signed: the programme as it stands; the tour approval order.
import { fail, ok } from '../../errors.ts';
import { today } from '../../leave/common.ts';
import { decideTour } from '../../tour/decide-tour.ts';
import { TOUR_WORKFLOW } from '../../tour/tour-workflow.ts';
import { decidingFor } from '../../leave/acting-for.ts';
import { transition } from '../../workflow.ts';
import { documentHash, tourApprovalDocument } from '../decision-document.ts';
import { tourOrderOf } from '../tour-order.ts';
import type { SigningSubject } from './subject.ts';

export const TOUR_SUBJECT: SigningSubject = {
  async find(tx, deps, signer, request) {
    const tour = await tx.tours.byNumber(request.number);
    if (tour === null) return fail('TOUR.NOT_FOUND', { number: request.number });
    const actingFor = await decidingFor(tx, { actor: signer, holderId: tour.holderId, applicantId: tour.employeeId, date: today(deps.clock) });
    const step = await transition(tx, TOUR_WORKFLOW, 'approve', { actor: signer, tour, today: today(deps.clock), linkOfficerId: actingFor === null ? null : signer.id });
    if (!step.ok) return step;
    const officer = await tx.employees.byId(tour.employeeId);
    return ok({
      hash: documentHash(tourApprovalDocument(tour, officer, signer)),
      preview: {
        kind: 'tour', number: tour.number, officer, destinations: tour.destinations, from: tour.startDate, to: tour.endDate, purpose: tour.purpose, mode: tour.travelMode,
      },
      async apply(visible) {
        const decided = await decideTour(tx, deps.clock, { actor: signer, tour, decision: 'approve', remark: request.remark });
        if (!decided.ok) return decided;
        const order = await tourOrderOf(tx, { tour: decided.value, office: deps.office, decidedBy: signer });
        if (order === null) return fail('TOUR.NOT_FOUND', { number: tour.number });
        const what = `Approval of tour ${tour.number}`;
        order.signature = { ...visible, what };
        return ok({
          pdf: await deps.renderer.tourOrder(order), what, subjectId: tour.number,
          finish: async () => ({ kind: 'tour', number: tour.number, officer: officer?.name ?? '' }),
        });
      },
    });
  },
};

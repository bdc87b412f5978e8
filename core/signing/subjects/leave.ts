// A leave sanction as signed: the application as it stands; the sanction order (कार्यालय आदेश).
import { fail, ok } from '../../errors.ts';
import { today } from '../../leave/common.ts';
import { decideLeave } from '../../leave/decide-leave.ts';
import { leaveOrderOf } from '../../leave/leave-order.ts';
import { LEAVE_WORKFLOW } from '../../leave/leave-workflow.ts';
import { decidingFor } from '../../leave/acting-for.ts';
import { transition } from '../../workflow.ts';
import { documentHash, leaveSanctionDocument } from '../decision-document.ts';
import type { SigningSubject } from './subject.ts';

export const LEAVE_SUBJECT: SigningSubject = {
  async find(tx, deps, signer, request) {
    const leave = await tx.leave.byNumber(request.number);
    if (leave === null) return fail('LEAVE.NOT_FOUND', { number: request.number });
    const actingFor = await decidingFor(tx, { actor: signer, holderId: leave.holderId, applicantId: leave.employeeId, date: today(deps.clock) });
    const step = await transition(tx, LEAVE_WORKFLOW, 'sanction', { actor: signer, leave, today: today(deps.clock), linkOfficerId: actingFor === null ? null : signer.id });
    if (!step.ok) return step;
    const applicant = await tx.employees.byId(leave.employeeId);
    return ok({
      hash: documentHash(leaveSanctionDocument(leave, applicant, signer)),
      preview: { kind: 'leave', number: leave.number, applicant, type: leave.type, from: leave.startDate, to: leave.endDate, days: leave.days },
      async apply(visible) {
        const decided = await decideLeave(tx, deps.clock, { actor: signer, leave, decision: 'sanction', remark: null, policy: deps.leavePolicy });
        if (!decided.ok) return decided;
        const order = await leaveOrderOf(tx, { leave: decided.value.leave, policy: deps.leavePolicy, office: deps.office.name, decidedBy: signer });
        if (order === null || applicant === null) return fail('LEAVE.NOT_FOUND', { number: leave.number });
        const what = `Sanction of leave ${leave.number}`;
        order.signature = { ...visible, what };
        return ok({
          pdf: await deps.renderer.leaveOrder(order), what, subjectId: leave.number,
          finish: async () => ({ kind: 'leave', number: leave.number, applicant: applicant.name }),
        });
      },
    });
  },
};

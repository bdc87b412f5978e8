// A TA claim as a state machine: submitted by the officer once the approved tour is over, decided
// by whoever approved the tour (in whose hands it is while pending); a returned claim is corrected
// by submitting it again.
//
//   from      action    to        who        audit event
//   none      submit    pending   claimant   ta.submitted
//   returned  submit    pending   claimant   ta.resubmitted
//   pending   approve   approved  holder     ta.approved
//   pending   refuse    refused   holder     ta.refused
//   pending   return    returned  holder     ta.returned
//
// Anything else is TOUR.CLAIM_EXISTS (a second claim for the tour) or TOUR.WRONG_STATUS.
import type { Failure } from '../errors.ts';
import type { Employee } from '../types.ts';
import { defineWorkflow, type Row, type Rule } from '../workflow.ts';
import { employeeLabel } from '../leave/common.ts';
import type { ClaimStatus, TaClaim, TourProgramme } from './types.ts';

export type ClaimAction = 'submit' | 'approve' | 'refuse' | 'return';

export interface ClaimSubject {
  actor: Employee;
  /** Null before the first submission. */
  claim: TaClaim | null;
  /** The tour claimed for: needed to submit (whose tour, its number). */
  tour?: TourProgramme;
  /** The link officer: whoever holds the charge of the holder, away today (leave/acting-for.ts `decidingFor`). */
  linkOfficerId?: number | null;
}

export type ClaimRow = Row<ClaimStatus, ClaimAction, ClaimSubject>;

function claimOf(subject: ClaimSubject): TaClaim {
  if (subject.claim === null) throw new Error('this rule needs the claim');
  return subject.claim;
}

/** The officer whose tour it was. */
export const CLAIMANT: Rule<ClaimSubject> = {
  name: 'claimant',
  allows: ({ actor, claim, tour }) => (tour?.employeeId ?? claim?.employeeId) === actor.id,
  refusal: ({ claim, tour }) => ({ code: 'TOUR.NOT_YOURS', params: { number: tour?.number ?? claim?.number ?? '' } }),
};

/** In whose hands it is: the officer who approved the tour, while it is pending, or their link officer while they are away. */
export const CLAIM_HOLDER: Rule<ClaimSubject> = {
  name: 'holder',
  allows: ({ actor, claim, linkOfficerId }) => claim !== null && (claim.holderId === actor.id || (linkOfficerId != null && linkOfficerId === actor.id)),
  refusal: async (s, tx) => {
    const claim = claimOf(s);
    return { code: 'TOUR.NOT_IN_YOUR_HANDS', params: { number: claim.number, holder: employeeLabel(await tx.employees.byId(claim.holderId), claim.holderId) } };
  },
};

export const TA_CLAIM_WORKFLOW = defineWorkflow<ClaimStatus, ClaimAction, ClaimSubject>({
  name: 'TA claim',
  order: 'who-first',
  stateOf: ({ claim }) => claim?.status ?? 'none',
  notInTable: (s, action): Failure => {
    const claim = claimOf(s);
    if (action === 'submit') return { code: 'TOUR.CLAIM_EXISTS', params: { number: claim.number, tour: s.tour?.number ?? '', status: claim.status } };
    return { code: 'TOUR.WRONG_STATUS', params: { number: claim.number, status: claim.status } };
  },
  rows: [
    { from: 'none', action: 'submit', to: 'pending', who: CLAIMANT, event: 'ta.submitted' },
    { from: 'returned', action: 'submit', to: 'pending', who: CLAIMANT, event: 'ta.resubmitted' },
    { from: 'pending', action: 'approve', to: 'approved', who: CLAIM_HOLDER, event: 'ta.approved' },
    { from: 'pending', action: 'refuse', to: 'refused', who: CLAIM_HOLDER, event: 'ta.refused' },
    { from: 'pending', action: 'return', to: 'returned', who: CLAIM_HOLDER, event: 'ta.returned' },
  ],
});

// A tour programme as a state machine, approved in advance by the sanctioning officer (in whose
// hands it is while pending); the officer on tour keeps its diary once it has started.
//
//   from      action      to         who                      audit event       only if
//   none      apply       pending    anyone (for themselves)  tour.applied
//   pending   approve     approved   holder                   tour.approved
//   pending   refuse      refused    holder                   tour.refused
//   pending   return      returned   holder                   tour.returned
//   returned  resubmit    pending    applicant                tour.resubmitted
//   pending   cancel      cancelled  applicant                tour.cancelled
//   returned  cancel      cancelled  applicant                tour.cancelled
//   approved  cancel      cancelled  applicant                tour.cancelled    before its first day
//   approved  keep_diary  approved   applicant                tour.diary        from its first day
//
// Anything else is TOUR.WRONG_STATUS. A stranger is told so before the status is looked at.
import type { Failure } from '../errors.ts';
import type { Employee } from '../types.ts';
import { anyone, defineWorkflow, type Row, type Rule } from '../workflow.ts';
import { employeeLabel } from '../leave/common.ts';
import type { TourProgramme, TourStatus } from './types.ts';

export type TourAction = 'apply' | 'approve' | 'refuse' | 'return' | 'resubmit' | 'cancel' | 'keep_diary';

export interface TourSubject {
  actor: Employee;
  /** Null while applying. */
  tour: TourProgramme | null;
  /** yyyy-mm-dd, IST: whether the tour has started. */
  today: string;
  /** The link officer: whoever holds the charge of the holder, away today (leave/acting-for.ts `decidingFor`). */
  linkOfficerId?: number | null;
}

export type TourRow = Row<TourStatus, TourAction, TourSubject>;

function tourOf(subject: TourSubject): TourProgramme {
  if (subject.tour === null) throw new Error('this rule needs the tour programme');
  return subject.tour;
}

/** In whose hands it is: the sanctioning officer while it is pending, or their link officer while they are away. */
export const TOUR_HOLDER: Rule<TourSubject> = {
  name: 'holder',
  allows: ({ actor, tour, linkOfficerId }) => tour !== null && (tour.holderId === actor.id || (linkOfficerId != null && linkOfficerId === actor.id)),
  refusal: async (s, tx) => {
    const tour = tourOf(s);
    return { code: 'TOUR.NOT_IN_YOUR_HANDS', params: { number: tour.number, holder: employeeLabel(await tx.employees.byId(tour.holderId), tour.holderId) } };
  },
};

/** The officer whose tour it is. */
export const TOUR_APPLICANT: Rule<TourSubject> = {
  name: 'applicant',
  allows: ({ actor, tour }) => tour !== null && tour.employeeId === actor.id,
  refusal: (s) => ({ code: 'TOUR.NOT_YOURS', params: { number: tourOf(s).number } }),
};

const beforeItStarts = (s: TourSubject): Failure | null => {
  const tour = tourOf(s);
  return s.today < tour.startDate ? null : { code: 'TOUR.ALREADY_STARTED', params: { number: tour.number, from: tour.startDate } };
};

const onceItHasStarted = (s: TourSubject): Failure | null => {
  const tour = tourOf(s);
  return s.today >= tour.startDate ? null : { code: 'TOUR.NOT_STARTED', params: { number: tour.number, from: tour.startDate } };
};

export const TOUR_WORKFLOW = defineWorkflow<TourStatus, TourAction, TourSubject>({
  name: 'tour',
  order: 'who-first',
  stateOf: ({ tour }) => tour?.status ?? 'none',
  notInTable: (s) => ({ code: 'TOUR.WRONG_STATUS', params: { number: tourOf(s).number, status: tourOf(s).status } }),
  rows: [
    { from: 'none', action: 'apply', to: 'pending', who: anyone<TourSubject>(), event: 'tour.applied' },
    { from: 'pending', action: 'approve', to: 'approved', who: TOUR_HOLDER, event: 'tour.approved' },
    { from: 'pending', action: 'refuse', to: 'refused', who: TOUR_HOLDER, event: 'tour.refused' },
    { from: 'pending', action: 'return', to: 'returned', who: TOUR_HOLDER, event: 'tour.returned' },
    { from: 'returned', action: 'resubmit', to: 'pending', who: TOUR_APPLICANT, event: 'tour.resubmitted' },
    { from: 'pending', action: 'cancel', to: 'cancelled', who: TOUR_APPLICANT, event: 'tour.cancelled' },
    { from: 'returned', action: 'cancel', to: 'cancelled', who: TOUR_APPLICANT, event: 'tour.cancelled' },
    { from: 'approved', action: 'cancel', to: 'cancelled', who: TOUR_APPLICANT, event: 'tour.cancelled', guard: beforeItStarts },
    { from: 'approved', action: 'keep_diary', to: 'approved', who: TOUR_APPLICANT, event: 'tour.diary', guard: onceItHasStarted },
  ],
});

// A leave application as a state machine. While pending it is in the sanctioning officer's hands;
// returned for clarification it is in the applicant's, who resubmits it.
//
//   from        action     to          who                      audit event       only if
//   none        apply      pending     anyone (for themselves)  leave.applied
//   pending     sanction   sanctioned  holder                   leave.sanctioned
//                                      ("holder": or, while the holder is away, the officer holding their charge)
//   pending     refuse     refused     holder                   leave.refused
//   pending     return     returned    holder                   leave.returned
//   returned    resubmit   pending     applicant                leave.resubmitted
//   pending     cancel     cancelled   applicant                leave.cancelled
//   returned    cancel     cancelled   applicant                leave.cancelled
//   sanctioned  cancel     cancelled   applicant                leave.cancelled   before its first day
//   sanctioned  curtail    curtailed   applicant or sanctioner  leave.curtailed   from its first day
//
// Anything else is LEAVE.WRONG_STATUS. A stranger is told so before the status is looked at.
import type { Failure } from '../errors.ts';
import type { Employee } from '../types.ts';
import { anyone, defineWorkflow, type Row, type Rule } from '../workflow.ts';
import { employeeLabel } from './common.ts';
import type { LeaveApplication, LeaveStatus } from './types.ts';

export type LeaveAction = 'apply' | 'sanction' | 'refuse' | 'return' | 'resubmit' | 'cancel' | 'curtail';

export interface LeaveSubject {
  actor: Employee;
  /** Null while applying. */
  leave: LeaveApplication | null;
  /** yyyy-mm-dd, IST: whether the leave has started. */
  today: string;
  /** The link officer: whoever holds the charge of the holder, away today (acting-for.ts `decidingFor`). */
  linkOfficerId?: number | null;
}

export type LeaveRow = Row<LeaveStatus, LeaveAction, LeaveSubject>;

function leaveOf(subject: LeaveSubject): LeaveApplication {
  if (subject.leave === null) throw new Error('this rule needs the application');
  return subject.leave;
}

/** In whose hands it is: the sanctioning officer while it is pending, or their link officer while they are away. */
export const LEAVE_HOLDER: Rule<LeaveSubject> = {
  name: 'holder',
  allows: ({ actor, leave, linkOfficerId }) => leave !== null && (leave.holderId === actor.id || (linkOfficerId != null && linkOfficerId === actor.id)),
  refusal: async (s, tx) => {
    const leave = leaveOf(s);
    return { code: 'LEAVE.NOT_IN_YOUR_HANDS', params: { number: leave.number, holder: employeeLabel(await tx.employees.byId(leave.holderId), leave.holderId) } };
  },
};

export const LEAVE_APPLICANT: Rule<LeaveSubject> = {
  name: 'applicant',
  allows: ({ actor, leave }) => leave !== null && leave.employeeId === actor.id,
  refusal: (s) => ({ code: 'LEAVE.NOT_YOURS', params: { number: leaveOf(s).number } }),
};

/** The applicant rejoining early, or the sanctioning officer recalling them. */
export const LEAVE_APPLICANT_OR_SANCTIONER: Rule<LeaveSubject> = {
  name: 'applicant or sanctioner',
  allows: ({ actor, leave }) => leave !== null && (leave.employeeId === actor.id || leave.sanctionerId === actor.id),
  refusal: (s) => ({ code: 'LEAVE.NOT_ALLOWED', params: { number: leaveOf(s).number } }),
};

const beforeItStarts = (s: LeaveSubject): Failure | null => {
  const leave = leaveOf(s);
  return s.today < leave.startDate ? null : { code: 'LEAVE.ALREADY_STARTED', params: { number: leave.number, from: leave.startDate } };
};

const onceItHasStarted = (s: LeaveSubject): Failure | null => {
  const leave = leaveOf(s);
  return s.today >= leave.startDate ? null : { code: 'LEAVE.NOT_STARTED', params: { number: leave.number, from: leave.startDate } };
};

export const LEAVE_WORKFLOW = defineWorkflow<LeaveStatus, LeaveAction, LeaveSubject>({
  name: 'leave',
  order: 'who-first',
  stateOf: ({ leave }) => leave?.status ?? 'none',
  notInTable: (s) => ({ code: 'LEAVE.WRONG_STATUS', params: { number: leaveOf(s).number, status: leaveOf(s).status } }),
  rows: [
    { from: 'none', action: 'apply', to: 'pending', who: anyone<LeaveSubject>(), event: 'leave.applied' },
    { from: 'pending', action: 'sanction', to: 'sanctioned', who: LEAVE_HOLDER, event: 'leave.sanctioned' },
    { from: 'pending', action: 'refuse', to: 'refused', who: LEAVE_HOLDER, event: 'leave.refused' },
    { from: 'pending', action: 'return', to: 'returned', who: LEAVE_HOLDER, event: 'leave.returned' },
    { from: 'returned', action: 'resubmit', to: 'pending', who: LEAVE_APPLICANT, event: 'leave.resubmitted' },
    { from: 'pending', action: 'cancel', to: 'cancelled', who: LEAVE_APPLICANT, event: 'leave.cancelled' },
    { from: 'returned', action: 'cancel', to: 'cancelled', who: LEAVE_APPLICANT, event: 'leave.cancelled' },
    { from: 'sanctioned', action: 'cancel', to: 'cancelled', who: LEAVE_APPLICANT, event: 'leave.cancelled', guard: beforeItStarts },
    { from: 'sanctioned', action: 'curtail', to: 'curtailed', who: LEAVE_APPLICANT_OR_SANCTIONER, event: 'leave.curtailed', guard: onceItHasStarted },
  ],
});

// A circular as each recipient holds it: sent to them, awaiting their acknowledgement (देखा), then
// acknowledged. The reminder at the ack-by time goes to every copy still awaiting, once.
//
//   from       action        to            who              audit event
//   none       send          awaiting      a sender post    circular.sent          (CIRCULAR_POSTS)
//   awaiting   acknowledge   acknowledged  the recipient    circular.acknowledged
//   awaiting   remind        awaiting      the office       circular.reminded      (the scheduler; one event per circular)
//
// Anything else is CIRCULAR.ALREADY_ACKNOWLEDGED for an acknowledged copy (acknowledgeCircular
// answers a repeat with "already": it is not redone), CIRCULAR.NOT_A_RECIPIENT where there is no
// copy, CIRCULAR.NOT_ALLOWED for sending a copy again.
import type { Employee } from '../types.ts';
import { defineWorkflow, theOffice, type Row, type Rule } from '../workflow.ts';
import type { Circular, CircularRecipient } from './circular-types.ts';

export type CircularState = 'awaiting' | 'acknowledged';
export type CircularAction = 'send' | 'acknowledge' | 'remind';

export interface CircularSubject {
  /** Null: the office itself (the reminder job). */
  actor: Employee | null;
  /** Null while sending. */
  circular: Circular | null;
  /** The recipient's copy; null while sending, or for someone it was not sent to. */
  copy: CircularRecipient | null;
  /** Post keys that may send (CircularPolicy.senderPosts); needed to send. */
  senderPosts?: readonly string[];
}

export type CircularRow = Row<CircularState, CircularAction, CircularSubject>;

const numberOf = (s: CircularSubject): string => s.circular?.number ?? '';

export const CIRCULAR_SENDER: Rule<CircularSubject> = {
  name: 'a sender post',
  allows: ({ actor, senderPosts }) => actor?.postKey != null && (senderPosts ?? []).includes(actor.postKey),
  refusal: () => ({ code: 'CIRCULAR.NOT_ALLOWED', params: {} }),
};

export const CIRCULAR_RECIPIENT: Rule<CircularSubject> = {
  name: 'the recipient',
  allows: ({ actor, copy }) => actor !== null && copy !== null && copy.employeeId === actor.id,
  refusal: (s) => ({ code: 'CIRCULAR.NOT_A_RECIPIENT', params: { number: numberOf(s) } }),
};

export const CIRCULAR_WORKFLOW = defineWorkflow<CircularState, CircularAction, CircularSubject>({
  name: 'circular',
  order: 'who-first',
  stateOf: ({ copy }) => (copy === null ? 'none' : copy.ackAt === null ? 'awaiting' : 'acknowledged'),
  notInTable: ({ copy, circular }) => {
    const params = { number: circular?.number ?? '' };
    if (copy === null) return { code: 'CIRCULAR.NOT_A_RECIPIENT', params };
    // A copy exists: it is acknowledged already, or (sending again) the circular has gone out.
    return copy.ackAt !== null ? { code: 'CIRCULAR.ALREADY_ACKNOWLEDGED', params } : { code: 'CIRCULAR.NOT_ALLOWED', params: {} };
  },
  rows: [
    { from: 'none', action: 'send', to: 'awaiting', who: CIRCULAR_SENDER, event: 'circular.sent' },
    { from: 'awaiting', action: 'acknowledge', to: 'acknowledged', who: CIRCULAR_RECIPIENT, event: 'circular.acknowledged' },
    { from: 'awaiting', action: 'remind', to: 'awaiting', who: theOffice<CircularSubject>(), event: 'circular.reminded' },
  ],
});

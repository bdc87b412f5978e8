// Failure codes of statutory deadlines, to be spread into FAILURE_CODES (core/errors.ts) when the
// deadline is wired into the receipt and file use cases, and worded in bots/messages/.
export const DEADLINE_FAILURES = [
  /** {kind} a kind whose date the letter states (a hearing date) and no date was given or found */
  'DEADLINE.DATE_NEEDED',
  /** {date} not a real date in yyyy-mm-dd form */
  'DEADLINE.BAD_DATE',
  /** {dueDate, receivedOn} a corrected due date before the day the letter was received */
  'DEADLINE.BEFORE_RECEIPT',
  /** {number} a date given for a receipt that carries no deadline and none was proposed: name the kind first */
  'DEADLINE.NONE',
  /** {kind} a kind the office's rules do not list */
  'DEADLINE.UNKNOWN_KIND',
] as const;

export type DeadlineFailureCode = (typeof DEADLINE_FAILURES)[number];

/** The shape of core/errors.ts's Result, with this module's codes. */
export type DeadlineResult<T> =
  | { ok: true; value: T }
  | { ok: false; failure: { code: DeadlineFailureCode; params: Record<string, string | number> } };

// Failure codes of eLeave (said in bots/messages/leave-texts.ts), spread into FAILURE_CODES.
export const LEAVE_FAILURES = [
  'LEAVE.UNKNOWN_TYPE',
  'LEAVE.BAD_DATE',
  'LEAVE.END_BEFORE_START',
  'LEAVE.TOO_FAR_BACK',
  'LEAVE.SPANS_YEARS',
  'LEAVE.NO_WORKING_DAYS',
  'LEAVE.TOO_LONG',
  'LEAVE.HALF_DAY_NOT_ALLOWED',
  'LEAVE.HALF_DAY_ONE_DAY',
  'LEAVE.OVERLAP',
  'LEAVE.INSUFFICIENT_BALANCE',
  'LEAVE.NO_SANCTIONER',
  'LEAVE.BAD_CHARGE',
  'LEAVE.NOT_FOUND',
  /** {number, holder} only the one who holds the application (the sanctioning officer) decides it */
  'LEAVE.NOT_IN_YOUR_HANDS',
  /** {number, status} an action the leave table (leave-workflow.ts) does not allow from this status */
  'LEAVE.WRONG_STATUS',
  'LEAVE.REASON_REQUIRED',
  'LEAVE.NOT_YOURS',
  'LEAVE.ALREADY_STARTED',
  'LEAVE.NOT_STARTED',
  'LEAVE.CURTAIL_OUTSIDE',
  'LEAVE.CHANGED_MEANWHILE',
  'LEAVE.NOT_ALLOWED',
] as const;

export type LeaveFailureCode = (typeof LEAVE_FAILURES)[number];

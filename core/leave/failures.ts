// Expected failures of eLeave (and, through AbsenceResult, eTour) as values with namespaced codes.
// Kept here until the lead merges LEAVE_FAILURES and TOUR_FAILURES into core/errors.ts; then
// AbsenceResult becomes Result and AbsenceError becomes OfficeError.
import type { FailureCode } from '../errors.ts';
import type { TourFailureCode } from '../tour/failures.ts';

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
  'LEAVE.NOT_IN_YOUR_HANDS',
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

export interface AbsenceFailure {
  code: FailureCode | LeaveFailureCode | TourFailureCode;
  /** Safe-to-show values the message may mention. */
  params: Record<string, string | number>;
}

export type AbsenceResult<T> = { ok: true; value: T } | { ok: false; failure: AbsenceFailure };

export function done<T>(value: T): AbsenceResult<T> {
  return { ok: true, value };
}

export function refuse<T = never>(code: AbsenceFailure['code'], params: AbsenceFailure['params'] = {}): AbsenceResult<T> {
  return { ok: false, failure: { code, params } };
}

/** Thrown inside a transaction to roll it back with an expected failure (a lost race). */
export class AbsenceError extends Error {
  constructor(readonly failure: AbsenceFailure) {
    super(failure.code);
    this.name = 'AbsenceError';
  }
}

export function leaveChangedMeanwhile(number: string): never {
  throw new AbsenceError({ code: 'LEAVE.CHANGED_MEANWHILE', params: { number } });
}

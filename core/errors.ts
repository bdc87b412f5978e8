// Expected failures are values with a namespaced code; bots/ renders each code in Hindi and English.
// Exceptions are for bugs and broken infrastructure only (and OfficeError, which carries a Failure
// out of a transaction so that it rolls back). One list of codes, one Result, one OfficeError for the
// whole core: eLeave and eTour included (their old AbsenceResult / AbsenceError are aliases of these).

import { CIRCULAR_FAILURES } from './messaging/circular-failures.ts';
import { TRAINING_FAILURES } from './training/failures.ts';
import { LETTER_FAILURES } from './signing/letter-failures.ts';
import { INTAKE_FAILURES } from './intake/failures.ts';
import { LEAVE_FAILURES } from './leave/leave-failures.ts';
import { TOUR_FAILURES } from './tour/tour-failures.ts';
import { DEADLINE_FAILURES } from './deadlines/failures.ts';
import { EFILE_DEPTH_FAILURES } from './efile/depth-failures.ts';

// Each newer feature keeps its codes in its own module, spread in here.
export const FAILURE_CODES = [
  'ACCOUNT.NOT_LINKED',
  'ACCOUNT.ALREADY_LINKED',
  'ACCOUNT.EMPLOYEE_INACTIVE',
  'STAFF.UNKNOWN_CODE',
  'STAFF.NO_CONTACT',
  'OTP.NO_PENDING',
  'OTP.WRONG_CODE',
  'OTP.EXPIRED',
  'OTP.LOCKED',
  'OTP.RATE_LIMITED',
  'OTP.LINK_CEILING',
  'OTP.NOT_SENT',
  'OTP.MALFORMED',
  'ADMIN.NOT_ALLOWED',
  'RECEIPT.NOT_FOUND',
  'RECEIPT.ALREADY_FILED',
  'FILE.NOT_FOUND',
  'FILE.NOT_IN_YOUR_HANDS',
  'FILE.CLOSED',
  'FILE.NOT_CLOSED',
  'FILE.CHANGED_MEANWHILE',
  'FILE.NOTHING_TO_RETURN_TO',
  'FILE.EMPTY_NOTE',
  'FILE.SELF_FORWARD',
  'FILE.NOT_YOUR_SECTION',
  'FILE.NOT_VISIBLE',
  'STAFF.ADDRESSEE_INACTIVE',
  'STAFF.NO_SUCH_ADDRESSEE',
  'UPLOAD.UNSUPPORTED_TYPE',
  'UPLOAD.TOO_LARGE',
  'UPLOAD.CORRUPT',
  'UPLOAD.EMPTY',
  'UPLOAD.ENCRYPTED',
  'MESSAGE.EMPTY',
  'MESSAGE.TO_SELF',
  'MESSAGE.NOT_REACHABLE',
  'SIGN.DOCUMENT_CHANGED',
  'SIGN.NOTHING_TO_SIGN',
  ...CIRCULAR_FAILURES,
  ...TRAINING_FAILURES,
  ...LETTER_FAILURES,
  ...INTAKE_FAILURES,
  ...LEAVE_FAILURES,
  ...TOUR_FAILURES,
  ...DEADLINE_FAILURES,
  ...EFILE_DEPTH_FAILURES,
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Failure {
  code: FailureCode;
  /** Safe-to-show values the message may mention (never an OTP, a full mobile or a date of birth). */
  params: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: FailureCode, params: Failure['params'] = {}): Result<T> {
  return { ok: false, failure: { code, params } };
}

/** Thrown inside a transaction to roll it back with an expected failure. */
export class OfficeError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
    this.name = 'OfficeError';
  }
}

/** Thrown by an OtpSender when the code could not be handed to the SMS gateway or mail server. */
export class OtpDeliveryError extends Error {
  constructor(message: string, readonly kind: 'sms' | 'email') {
    super(message);
    this.name = 'OtpDeliveryError';
  }
}

/** Configuration that cannot work; the message names the variable and what is expected. */
export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string, readonly got?: string) {
    super(`${variable}: expected ${expected}${got === undefined ? '' : `, got "${got}"`}`);
    this.name = 'ConfigError';
  }
}

/** A write broke a unique key (same employee code, same mobile, same inbound message…). Every Store raises this. */
export class UniqueViolation extends Error {
  constructor(readonly what: string) {
    super(`unique constraint failed: ${what}`);
    this.name = 'UniqueViolation';
  }
}

// The signing table: what can be signed (SIGN_SUBJECTS) and, for each, how it is found, hashed,
// decided and rendered. The consent → OTP → sign → store → audit path around them is one
// (sign-decision.ts, apply-signed.ts); a new signed decision is a row here and a renderer method.
import type { SignSubject } from '../sign-types.ts';
import { FILE_SUBJECT } from './file.ts';
import { LEAVE_SUBJECT } from './leave.ts';
import { LETTER_SUBJECT } from './letter.ts';
import type { SigningSubject } from './subject.ts';
import { TA_SUBJECT } from './ta-claim.ts';
import { TOUR_SUBJECT } from './tour.ts';

export type { Applied, Found, SigningSubject } from './subject.ts';

export const SIGNING_SUBJECTS: Readonly<Record<SignSubject, SigningSubject>> = {
  file: FILE_SUBJECT,
  leave: LEAVE_SUBJECT,
  tour: TOUR_SUBJECT,
  ta: TA_SUBJECT,
  letter: LETTER_SUBJECT,
};

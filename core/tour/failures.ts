// Expected failures of eTour; see core/leave/failures.ts for the Result-like type they travel in.
import { AbsenceError } from '../leave/failures.ts';

export const TOUR_FAILURES = [
  'TOUR.BAD_DATE',
  'TOUR.END_BEFORE_START',
  'TOUR.TOO_FAR_BACK',
  'TOUR.NO_DESTINATION',
  'TOUR.NO_PURPOSE',
  'TOUR.OVERLAP',
  'TOUR.NO_SANCTIONER',
  'TOUR.BAD_CHARGE',
  'TOUR.NOT_FOUND',
  'TOUR.NOT_IN_YOUR_HANDS',
  'TOUR.WRONG_STATUS',
  'TOUR.REASON_REQUIRED',
  'TOUR.NOT_YOURS',
  'TOUR.ALREADY_STARTED',
  'TOUR.NOT_STARTED',
  'TOUR.DIARY_DATE_OUTSIDE',
  'TOUR.EMPTY_DIARY',
  'TOUR.NOT_OVER',
  'TOUR.CLAIM_EXISTS',
  'TOUR.BAD_JOURNEY',
  'TOUR.NO_DA_RATE',
  'TOUR.CLAIM_NOT_FOUND',
  'TOUR.CHANGED_MEANWHILE',
] as const;

export type TourFailureCode = (typeof TOUR_FAILURES)[number];

export function tourChangedMeanwhile(number: string): never {
  throw new AbsenceError({ code: 'TOUR.CHANGED_MEANWHILE', params: { number } });
}

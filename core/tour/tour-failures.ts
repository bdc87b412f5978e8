// Failure codes of eTour and TA claims (said in bots/messages/tour-texts.ts), spread into FAILURE_CODES.
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
  /** {number, holder} a tour programme or TA claim is decided only by the one who holds it */
  'TOUR.NOT_IN_YOUR_HANDS',
  /** {number, status} an action the tour or TA claim table does not allow from this status */
  'TOUR.WRONG_STATUS',
  'TOUR.REASON_REQUIRED',
  'TOUR.NOT_YOURS',
  'TOUR.ALREADY_STARTED',
  'TOUR.NOT_STARTED',
  'TOUR.DIARY_DATE_OUTSIDE',
  'TOUR.EMPTY_DIARY',
  'TOUR.NOT_OVER',
  /** {number, tour, status} the tour has a claim that is not returned for correction */
  'TOUR.CLAIM_EXISTS',
  'TOUR.BAD_JOURNEY',
  'TOUR.NO_DA_RATE',
  'TOUR.CLAIM_NOT_FOUND',
  'TOUR.CHANGED_MEANWHILE',
] as const;

export type TourFailureCode = (typeof TOUR_FAILURES)[number];

// eTour: tour programmes approved in advance, the tour diary, and the TA claim after.

export type TourStatus = 'pending' | 'approved' | 'refused' | 'returned' | 'cancelled';
export type ClaimStatus = 'pending' | 'approved' | 'refused' | 'returned';

export interface TourProgramme {
  id: number;
  /** Office format, e.g. TR/2026/000007. */
  number: string;
  employeeId: number;
  destinations: string[];
  startDate: string;
  endDate: string;
  purpose: string;
  travelMode: string | null;
  chargeToId: number | null;
  sanctionerId: number;
  holderId: number;
  status: TourStatus;
  remark: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  movedAt: Date;
  version: number;
}

export interface TourDiaryEntry {
  id: number;
  tourId: number;
  date: string;
  text: string;
  createdAt: Date;
}

export interface Journey {
  date: string;
  from: string;
  to: string;
  mode: string;
  /** Rupees. */
  fare: number;
}

export interface TaClaim {
  id: number;
  number: string;
  tourId: number;
  employeeId: number;
  journeys: Journey[];
  /** Days of daily allowance and the rate per day (by pay level and city class). */
  daDays: number;
  daRate: number;
  /** Fares plus daily allowance, rupees. */
  total: number;
  sanctionerId: number;
  holderId: number;
  status: ClaimStatus;
  remark: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  movedAt: Date;
  version: number;
}

// Orders and bills as data for the renderer (adapters/pdf), in the office's words.
import type { VisibleSignature } from '../efile/documents.ts';

export interface OrderParty {
  name: string;
  post: string;
  code: string;
  section: string;
}

/** कार्यालय आदेश: a leave sanction order. */
export interface LeaveOrder {
  office: { en: string; hi: string };
  /** e.g. "LV/2026/000012". */
  number: string;
  /** dd-mm-yyyy */
  date: string;
  employee: OrderParty;
  leaveType: { code: string; en: string; hi: string };
  from: string;
  to: string;
  days: number;
  halfDay: 'first' | 'second' | null;
  reason: string;
  chargeTo: OrderParty | null;
  sanctionedBy: OrderParty;
  /** Balance of that leave type after this sanction. */
  balanceAfter: number;
  /** Copy to (प्रतिलिपि): e.g. establishment section, the employee. */
  copyTo: string[];
  /** On a signed order: the visible block that goes with the embedded digital signature. */
  signature?: VisibleSignature;
}

export interface TaBillLine {
  date: string;
  from: string;
  to: string;
  mode: string;
  fare: number;
}

/** यात्रा भत्ता विपत्र: a TA bill for an approved claim. */
export interface TaBill {
  office: { en: string; hi: string };
  number: string;
  date: string;
  employee: OrderParty & { payLevel: number | null };
  tour: { number: string; purpose: string; destinations: string[]; from: string; to: string };
  journeys: TaBillLine[];
  daDays: number;
  daRate: number;
  daAmount: number;
  fares: number;
  total: number;
  /** The total in words, English and Hindi. */
  totalInWords: { en: string; hi: string };
  approvedBy: OrderParty;
}

export interface PendencyRow {
  label: string;
  /** Counts by age bucket: 0–3, 4–7, 8–15, 16–30, over 30 working days. */
  buckets: [number, number, number, number, number];
  total: number;
}

/** The Collector's pendency report. */
export interface PendencyReport {
  office: { en: string; hi: string };
  /** dd-mm-yyyy */
  asOn: string;
  bySection: PendencyRow[];
  byEmployee: PendencyRow[];
  oldestFiles: { number: string; subject: string; holder: string; section: string; days: number }[];
  /** Disposals in the last 7 days, per section. */
  disposedLast7Days: { label: string; count: number }[];
  totals: PendencyRow;
}

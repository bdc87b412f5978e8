// eLeave: applications, and balances kept as a ledger.

export type LeaveStatus = 'pending' | 'sanctioned' | 'refused' | 'returned' | 'cancelled' | 'curtailed';

export interface LeaveApplication {
  id: number;
  /** Office format, e.g. LV/2026/000012. */
  number: string;
  employeeId: number;
  /** A key of the leave rules (CL, EL, HPL, ML, PL, RH, SCL, station_leave…). */
  type: string;
  /** ISO yyyy-mm-dd, IST calendar dates, inclusive. */
  startDate: string;
  endDate: string;
  halfDay: 'first' | 'second' | null;
  /** Days charged to the balance (working days by the office calendar; 0.5 for a half day). */
  days: number;
  reason: string;
  /** Who holds charge while the applicant is away; items addressed to the applicant go to them. */
  chargeToId: number | null;
  sanctionerId: number;
  /** Who must act now: the sanctioning officer, or the applicant when returned for clarification. */
  holderId: number;
  status: LeaveStatus;
  remark: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  movedAt: Date;
  version: number;
}

export type LedgerKind = 'opening' | 'accrual' | 'sanction' | 'cancel' | 'curtail' | 'lapse' | 'carry_forward';

export interface LeaveLedgerEntry {
  id: number;
  employeeId: number;
  year: number;
  type: string;
  /** Positive credits the balance, negative debits it. */
  days: number;
  kind: LedgerKind;
  /** The leave application it concerns, if any. */
  refId: number | null;
  note: string | null;
  at: Date;
}

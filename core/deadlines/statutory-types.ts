// A statutory deadline as stored: one per receipt, confirmed (or corrected, or dismissed) by the
// clerk who holds it, carried by the file the receipt goes into, closed with that file. The
// escalation job's two events are stored on it, so each is raised once across restarts and processes.
import type { DeadlineEventKind } from './deadline.ts';

/** confirmed: counts and escalates; dismissed: the clerk said it is not statutory; closed: its file was closed. */
export type StatutoryState = 'confirmed' | 'dismissed' | 'closed';
export const STATUTORY_STATES: readonly StatutoryState[] = ['confirmed', 'dismissed', 'closed'];

export interface StatutoryDeadline {
  id: number;
  receiptId: number;
  /** The file the receipt was put into; null while it is loose. */
  fileId: number | null;
  /** The kind's key in the office's rules. */
  kind: string;
  serious: boolean;
  receivedAt: Date;
  /** For stated-date kinds: the date the letter states (the hearing). */
  statedDate: string | null;
  /** The last day for the reply, IST. */
  dueDate: string;
  dueBy: Date;
  warnAt: Date;
  /** The words that named the kind, as JSON (detect.ts's Evidence list), or "[]" when the clerk named it. */
  evidence: string;
  state: StatutoryState;
  /** Who confirmed, corrected or dismissed it, and when. */
  decidedById: number;
  decidedAt: Date;
  /** The due date is the clerk's, not the rules'. */
  corrected: boolean;
  warningRaisedAt: Date | null;
  dueRaisedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

export type NewStatutoryDeadline = Omit<StatutoryDeadline, 'id' | 'version'>;

export type StatutoryPatch = Partial<Pick<StatutoryDeadline,
  'fileId' | 'kind' | 'serious' | 'statedDate' | 'dueDate' | 'dueBy' | 'warnAt' | 'evidence' | 'state' | 'decidedById' | 'decidedAt'
  | 'corrected' | 'warningRaisedAt' | 'dueRaisedAt' | 'closedAt'>>;

export interface StatutoryDeadlineRepo {
  /** A second deadline for the same receipt is a UniqueViolation. */
  create(data: NewStatutoryDeadline): Promise<StatutoryDeadline>;
  byReceipt(receiptId: number): Promise<StatutoryDeadline | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: StatutoryPatch): Promise<StatutoryDeadline | null>;
  /** Those of these receipts, in any state. */
  forReceipts(receiptIds: readonly number[]): Promise<StatutoryDeadline[]>;
  /** Those carried by these files, in any state. */
  forFiles(fileIds: readonly number[]): Promise<StatutoryDeadline[]>;
  /** Every confirmed deadline, earliest due first (then id). */
  confirmed(): Promise<StatutoryDeadline[]>;
  /**
   * Confirmed deadlines with an event whose time has come and that was not raised: due (dueBy ≤ now,
   * dueRaisedAt null), or warning (warnAt ≤ now, warningRaisedAt and dueRaisedAt null). Earliest due first.
   */
  withEventsDue(now: Date, limit: number): Promise<StatutoryDeadline[]>;
  /** Marks the event raised at `at` if it was not yet; false if it was (by this or any process). */
  markRaised(id: number, event: DeadlineEventKind, at: Date): Promise<boolean>;
}

// The in-memory store's whole state: one object, copied whole for a transaction's rollback.
import type {
  AuditEvent, AuditHead, ChatAccount, Employee, InboundRecord, OtpChallenge, OutboxItem, Section, SentMessage,
} from '../types.ts';
import { emptyEfileState, type EfileState } from './memory-efile.ts';
import { emptyLeaveState, type LeaveState } from './memory-leave.ts';
import { emptyJobState, type JobState } from './memory-jobs.ts';
import { emptyCircularState, type CircularState } from './memory-circulars.ts';
import { emptyScanState, type ScanState } from './memory-scans.ts';
import { emptyTrainingState, type TrainingState } from './memory-training.ts';
import { emptyLetterState, type LetterState } from './memory-letters.ts';
import { emptyDraftState, type DraftState } from './memory-drafts.ts';
import { emptyDeadlineState, type DeadlineState } from './memory-deadlines.ts';

/** The whole in-memory state (for repositories that read across areas, e.g. pendency). */
export type MemoryState = State;

export interface State {
  sections: Section[];
  employees: Employee[];
  accounts: ChatAccount[];
  otps: OtpChallenge[];
  audit: AuditEvent[];
  auditHead: AuditHead | null;
  outbox: OutboxItem[];
  inbound: InboundRecord[];
  sent: SentMessage[];
  nextId: Record<string, number>;
  efile: EfileState;
  leave: LeaveState;
  jobs: JobState;
  circulars: CircularState;
  scans: ScanState;
  training: TrainingState;
  letters: LetterState;
  drafts: DraftState;
  deadlines: DeadlineState;
}


export function emptyState(): State {
  return {
    sections: [], employees: [], accounts: [], otps: [], audit: [], auditHead: null,
    outbox: [], inbound: [], sent: [], nextId: {}, efile: emptyEfileState(), leave: emptyLeaveState(), jobs: emptyJobState(),
    circulars: emptyCircularState(), scans: emptyScanState(), training: emptyTrainingState(), letters: emptyLetterState(), drafts: emptyDraftState(),
    deadlines: emptyDeadlineState(),
  };
}

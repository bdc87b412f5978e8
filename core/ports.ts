// What the core needs from the outside world. Adapters implement these; the core imports no I/O.
import type {
  AuditEvent, AuditHead, ChatAccount, Employee, InboundRecord, NewEmployee, OtpChallenge,
  OutboxItem, Section, SentMessage, Conversation, UploadDraft, SignedDocument, JobRun,
} from './types.ts';
import type { EFile, Movement, Note, Receipt, ReceiptOriginal, ReceiptStatus, FileStatus } from './efile/types.ts';
import type { LeaveApplication, LeaveLedgerEntry, LeaveStatus } from './leave/types.ts';
import type { ClaimStatus, TaClaim, TourDiaryEntry, TourProgramme, TourStatus } from './tour/types.ts';
import type { CircularRepo } from './messaging/circular-types.ts';
import type { ScanTextRepo } from './efile/scan-types.ts';
import type { TrainingRepo } from './training/types.ts';
import type { LetterRepo } from './signing/letter-types.ts';
import type { PendencyRepo } from './pendency/pendency-port.ts';
import type { DraftNoteRepo } from './efile/draft-types.ts';
import type { StatutoryDeadlineRepo } from './deadlines/statutory-types.ts';

// The renderer's port has its own module (documents grow with features); re-exported here.
export type { DocumentRenderer } from './documents-port.ts';

export interface Clock {
  now(): Date;
}

export interface SectionRepo {
  list(): Promise<Section[]>;
  byId(id: number): Promise<Section | null>;
  byCode(code: string): Promise<Section | null>;
  byName(name: string): Promise<Section | null>;
  create(data: Omit<Section, 'id'>): Promise<Section>;
}

export interface EmployeeRepo {
  byId(id: number): Promise<Employee | null>;
  byCode(code: string): Promise<Employee | null>;
  byMobile(mobile: string): Promise<Employee | null>;
  list(options?: { activeOnly?: boolean }): Promise<Employee[]>;
  /** Those holding the post (by its key), in id order, optionally only the active: no need to list all staff. */
  withPost(postKey: string, options?: { activeOnly?: boolean }): Promise<Employee[]>;
  create(data: NewEmployee): Promise<Employee>;
  update(id: number, patch: Partial<NewEmployee>): Promise<Employee>;
  count(): Promise<number>;
}

export interface AccountRepo {
  find(channel: string, address: string): Promise<ChatAccount | null>;
  byId(id: number): Promise<ChatAccount | null>;
  byEmployee(employeeId: number): Promise<ChatAccount[]>;
  /** Those of the employees with at least one linked chat, ascending (one query for a whole circular). */
  linkedAmong(employeeIds: readonly number[]): Promise<number[]>;
  create(data: { channel: string; address: string; displayName: string | null }): Promise<ChatAccount>;
  update(id: number, patch: Partial<Pick<ChatAccount, 'employeeId' | 'linkedAt' | 'displayName' | 'conversationRef'>>): Promise<ChatAccount>;
}

export interface OtpRepo {
  create(data: OtpChallenge): Promise<OtpChallenge>;
  byId(id: string): Promise<OtpChallenge | null>;
  /** The newest pending challenge of this purpose started from this chat account. */
  latestPendingForAccount(accountId: number, purpose: OtpChallenge['purpose']): Promise<OtpChallenge | null>;
  update(id: string, patch: Partial<Pick<OtpChallenge, 'attempts' | 'status' | 'consumedAt'>>): Promise<OtpChallenge>;
  countIssuedSince(employeeId: number, purpose: OtpChallenge['purpose'], since: Date): Promise<number>;
}

export interface AuditRepo {
  head(): Promise<AuditHead | null>;
  append(event: AuditEvent): Promise<void>;
  /** Events in sequence order, from `fromSeq` (inclusive), at most `limit`. */
  page(fromSeq: number, limit: number): Promise<AuditEvent[]>;
}

export interface OutboxRepo {
  add(item: Omit<OutboxItem, 'id' | 'attempts' | 'deliveredAt' | 'lastError'>): Promise<OutboxItem>;
  due(now: Date, limit: number): Promise<OutboxItem[]>;
  /**
   * Takes up to `limit` due items (in `due`'s order) for delivery by this process: their next attempt
   * moves to `leaseUntil`, so no other process serving the office takes them meanwhile, and a process
   * that dies before marking them leaves them due again then. Returns them as they were when due.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxItem[]>;
  /**
   * Makes every undelivered item due at `now`: at start-up, when no other process can hold a claim
   * (the embedded database has one), so what a crashed run had claimed goes out at once. Back-offs
   * are cut short too (a restart is a good moment to try again). Returns how many moved.
   */
  releaseClaims(now: Date): Promise<number>;
  markDelivered(id: number, at: Date): Promise<void>;
  markFailed(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  pendingCount(): Promise<number>;
}

export interface InboundRepo {
  find(channel: string, messageId: string): Promise<InboundRecord | null>;
  /** Records the message as being handled, not held (leaseUntil null); false if it was seen before. */
  claim(record: Omit<InboundRecord, 'status' | 'replies' | 'leaseUntil'>): Promise<boolean>;
  /** Holds a claimed message until `leaseUntil` (for work that goes on after its transaction). */
  hold(channel: string, messageId: string, leaseUntil: Date): Promise<void>;
  /**
   * Takes up a message left processing whose hold has run out (or was never set, or was released),
   * holding it until `leaseUntil`; false if it is done or still held by someone.
   */
  retake(channel: string, messageId: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Releases every hold: at start-up, when no other process can be working on them. Returns how many. */
  releaseAll(): Promise<number>;
  complete(channel: string, messageId: string, replies: string): Promise<void>;
}

export interface SentMessageRepo {
  add(message: SentMessage): Promise<void>;
  find(channel: string, chatId: string, messageId: string): Promise<SentMessage | null>;
}

export interface CounterRepo {
  /** Increments the named counter and returns the new value (1 for a new counter). */
  next(key: string): Promise<number>;
  /** Raises the counter to at least `value` (numbers taken by imported files are never handed out again). */
  raiseTo(key: string, value: number): Promise<void>;
}

export interface ReceiptRepo {
  create(data: Omit<Receipt, 'id' | 'version'>): Promise<Receipt>;
  byId(id: number): Promise<Receipt | null>;
  byDiaryNumber(diaryNumber: string): Promise<Receipt | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: Partial<Pick<Receipt, 'holderId' | 'fileId' | 'status' | 'movedAt' | 'subject' | 'fromWhom'>>): Promise<Receipt | null>;
  /** Held by the employee with one of the statuses, oldest movedAt first (then id); at most `limit` when given. */
  listByHolder(holderId: number, statuses: ReceiptStatus[], limit?: number): Promise<Receipt[]>;
  countByHolder(holderId: number, statuses: ReceiptStatus[]): Promise<number>;
  listByFile(fileId: number): Promise<Receipt[]>;
  addOriginals(rows: ReceiptOriginal[]): Promise<void>;
  originals(receiptId: number): Promise<ReceiptOriginal[]>;
  /** Receipts whose diary number, subject or sender contains every word (case-insensitive), newest first. */
  search(words: string[], limit: number): Promise<Receipt[]>;
}

export interface FileRepo {
  create(data: Omit<EFile, 'id' | 'version'>): Promise<EFile>;
  byId(id: number): Promise<EFile | null>;
  byNumber(fileNumber: string): Promise<EFile | null>;
  /** A digitised file by the number it carried on paper. */
  byPaperNumber(paperNumber: string): Promise<EFile | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: Partial<Pick<EFile, 'holderId' | 'status' | 'movedAt' | 'closedRemark' | 'subject'>>): Promise<EFile | null>;
  /** Held by the employee with one of the statuses, oldest movedAt first (then id); at most `limit` when given. */
  listByHolder(holderId: number, statuses: FileStatus[], limit?: number): Promise<EFile[]>;
  countByHolder(holderId: number, statuses: FileStatus[]): Promise<number>;
  /** Files whose number or subject, or one of whose notes, contains every word (case-insensitive), newest first. */
  search(words: string[], limit: number): Promise<EFile[]>;
}

export interface NoteRepo {
  add(data: Omit<Note, 'id'>): Promise<Note>;
  listByFile(fileId: number): Promise<Note[]>;
  count(fileId: number): Promise<number>;
}

export interface MovementRepo {
  add(data: Omit<Movement, 'id'>): Promise<Movement>;
  /** Oldest first. */
  listFor(subjectType: Movement['subjectType'], subjectId: number): Promise<Movement[]>;
  /** Movements made by this employee, newest first. */
  listByMover(fromId: number, limit: number): Promise<Movement[]>;
}

export interface ConversationRepo {
  get(accountId: number): Promise<Conversation | null>;
  set(conversation: Conversation): Promise<void>;
  clear(accountId: number): Promise<void>;
}

export interface UploadDraftRepo {
  add(draft: Omit<UploadDraft, 'id'>): Promise<UploadDraft>;
  /** Oldest first. */
  list(accountId: number): Promise<UploadDraft[]>;
  clear(accountId: number): Promise<void>;
  /** One album's pages, oldest first. */
  album(accountId: number, albumKey: string): Promise<UploadDraft[]>;
  /** Deletes one album's pages; returns how many there were. */
  clearAlbum(accountId: number, albumKey: string): Promise<number>;
  /** The album of the chat's newest page, if that page came at or after `since`; else null. */
  openAlbum(accountId: number, since: Date): Promise<string | null>;
  /** Albums whose newest page came before `quietSince`, the longest quiet first. */
  dueAlbums(quietSince: Date, limit: number): Promise<{ accountId: number; albumKey: string }[]>;
}

export interface SignedDocumentRepo {
  add(document: Omit<SignedDocument, 'id'>): Promise<SignedDocument>;
  /** Newest first. */
  listFor(subjectType: string, subjectId: string): Promise<SignedDocument[]>;
}

export interface LeaveRepo {
  create(data: Omit<LeaveApplication, 'id' | 'version'>): Promise<LeaveApplication>;
  byId(id: number): Promise<LeaveApplication | null>;
  byNumber(number: string): Promise<LeaveApplication | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: Partial<Pick<LeaveApplication, 'status' | 'holderId' | 'remark' | 'decidedAt' | 'movedAt' | 'endDate' | 'days' | 'chargeToId'>>): Promise<LeaveApplication | null>;
  /** The employee's applications, newest first. */
  listByEmployee(employeeId: number, limit: number): Promise<LeaveApplication[]>;
  /** Awaiting this person's action, oldest movedAt first. */
  listByHolder(holderId: number, statuses: LeaveStatus[]): Promise<LeaveApplication[]>;
  /** The employee's applications with one of the statuses whose dates meet [startDate, endDate]. */
  overlapping(employeeId: number, startDate: string, endDate: string, statuses: LeaveStatus[]): Promise<LeaveApplication[]>;
  /** Applications with one of the statuses covering the date, for everyone. */
  covering(date: string, statuses: LeaveStatus[]): Promise<LeaveApplication[]>;
}

export interface LeaveLedgerRepo {
  add(entry: Omit<LeaveLedgerEntry, 'id'>): Promise<LeaveLedgerEntry>;
  /** Sum of the entries for the employee, year and type (0 when none). */
  balance(employeeId: number, year: number, type: string): Promise<number>;
  /** The employee's entries for the year, oldest first. */
  entries(employeeId: number, year: number): Promise<LeaveLedgerEntry[]>;
}

export interface TourRepo {
  create(data: Omit<TourProgramme, 'id' | 'version'>): Promise<TourProgramme>;
  byId(id: number): Promise<TourProgramme | null>;
  byNumber(number: string): Promise<TourProgramme | null>;
  update(id: number, expectedVersion: number, patch: Partial<Pick<TourProgramme, 'status' | 'holderId' | 'remark' | 'decidedAt' | 'movedAt'>>): Promise<TourProgramme | null>;
  listByEmployee(employeeId: number, limit: number): Promise<TourProgramme[]>;
  listByHolder(holderId: number, statuses: TourStatus[]): Promise<TourProgramme[]>;
  overlapping(employeeId: number, startDate: string, endDate: string, statuses: TourStatus[]): Promise<TourProgramme[]>;
  covering(date: string, statuses: TourStatus[]): Promise<TourProgramme[]>;
  addDiaryEntry(entry: Omit<TourDiaryEntry, 'id'>): Promise<TourDiaryEntry>;
  /** Oldest date first, then entry order. */
  diary(tourId: number): Promise<TourDiaryEntry[]>;
}

export interface TaClaimRepo {
  create(data: Omit<TaClaim, 'id' | 'version'>): Promise<TaClaim>;
  byId(id: number): Promise<TaClaim | null>;
  byNumber(number: string): Promise<TaClaim | null>;
  byTour(tourId: number): Promise<TaClaim | null>;
  update(id: number, expectedVersion: number, patch: Partial<Pick<TaClaim, 'status' | 'holderId' | 'remark' | 'decidedAt' | 'movedAt' | 'journeys' | 'daDays' | 'daRate' | 'total'>>): Promise<TaClaim | null>;
  listByHolder(holderId: number, statuses: ClaimStatus[]): Promise<TaClaim[]>;
}

export interface JobRepo {
  /** The run of this job for this day, if one was started. */
  find(job: string, day: string): Promise<JobRun | null>;
  /** Records that the day's run started; false if a run for that day already exists. */
  start(job: string, day: string, at: Date): Promise<boolean>;
  finish(job: string, day: string, at: Date, sent: number): Promise<void>;
  /** Claims one recipient's delivery for the day; false if it was claimed before (by any process). */
  claimDelivery(job: string, day: string, employeeId: number, at: Date): Promise<boolean>;
  deliveries(job: string, day: string): Promise<number>;
}

/** One unit of work: everything done through it commits or rolls back together. */
export interface Tx {
  sections: SectionRepo;
  employees: EmployeeRepo;
  accounts: AccountRepo;
  otps: OtpRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  inbound: InboundRepo;
  sentMessages: SentMessageRepo;
  counters: CounterRepo;
  receipts: ReceiptRepo;
  files: FileRepo;
  notes: NoteRepo;
  movements: MovementRepo;
  conversations: ConversationRepo;
  uploads: UploadDraftRepo;
  signedDocuments: SignedDocumentRepo;
  leave: LeaveRepo;
  leaveLedger: LeaveLedgerRepo;
  tours: TourRepo;
  taClaims: TaClaimRepo;
  jobs: JobRepo;
  circulars: CircularRepo;
  scanTexts: ScanTextRepo;
  training: TrainingRepo;
  letters: LetterRepo;
  pendency: PendencyRepo;
  /** Yellow notes (core/efile/drafts.ts). */
  drafts: DraftNoteRepo;
  deadlines: StatutoryDeadlineRepo;
}

export interface Store {
  /** Runs `work` in one transaction; a thrown error rolls everything back. Transactions never interleave. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OtpMessage {
  to: { kind: 'sms' | 'email'; address: string };
  code: string;
  purpose: OtpChallenge['purpose'];
  language: 'hi' | 'en';
  /** What the code is for, shown with it, e.g. "link Telegram" or "sign EST-12/2026 note 4". */
  context: string;
  expiresInMinutes: number;
}

/** Sends a one-time password out of band. Throws OtpDeliveryError when it could not. */
export interface OtpSender {
  readonly kinds: ReadonlyArray<'sms' | 'email'>;
  send(message: OtpMessage): Promise<void>;
}

/** Content-addressed storage of uploaded originals and generated documents. */
export interface BlobStore {
  /** Stores bytes under their SHA-256 (same bytes, one blob) and returns the hex digest. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | null>;
}

export interface SignerIdentity {
  name: string;
  /** Employee code, carried in the certificate's serialNumber attribute. */
  code: string;
  post: string;
  /** Why: "Approval of EST-12/2026 note 7". */
  reason: string;
}

export type SignatureCheck =
  | { signed: false }
  | {
      signed: true;
      /** The signature matches the signed bytes. */
      intact: boolean;
      /** The signature covers the whole file: nothing was appended or changed after signing. */
      wholeDocument: boolean;
      /** The certificate chains to the office CA (or the configured CA). */
      trusted: boolean;
      signer: { name: string; code: string | null; post: string | null };
      signedAt: Date | null;
      reason: string | null;
    };

/**
 * The signing port: the provider that signs a finished PDF on the signer's behalf, once the core
 * has their consent bound to the document's hash (core/signing/sign-decision.ts). The core calls
 * it only through here (core/signing/apply-signed.ts). Providers today sign at once: a
 * per-signature certificate from the office CA, or a PFX/DSC the office holds (adapters/signing).
 */
export interface DocumentSigner {
  /** Signs a finished PDF (a PAdES-style CMS detached signature over its byte ranges). */
  sign(pdf: Uint8Array, signer: SignerIdentity): Promise<Uint8Array>;
  verify(pdf: Uint8Array): Promise<SignatureCheck>;
  /**
   * A signing has begun (the OTP went out): a signer may get ready now (signer keys made ahead) so
   * that the confirmation, which holds the store's transaction while it signs, does not wait for it.
   */
  warm?(): void;
}

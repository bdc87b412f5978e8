// The office's records as the core sees them. Plain data: storage adapters map rows to these.

export interface Section {
  id: number;
  code: string;
  name: string;
}

export type UiLanguage = 'hi' | 'en';

export interface Employee {
  id: number;
  code: string;
  name: string;
  /** Calendar date of birth, ISO yyyy-mm-dd. */
  dob: string;
  post: string;
  /** Canonical post key (DDC, ADM, COLLECTOR…) used to resolve "send to DDC". */
  postKey: string | null;
  /** Ten-digit Indian mobile number, digits only. */
  mobile: string;
  email: string | null;
  sectionId: number;
  reportingOfficerId: number | null;
  active: boolean;
  language: UiLanguage;
  preferredChannel: string | null;
  remindersMuted: boolean;
}

export type NewEmployee = Omit<Employee, 'id'>;

/** A chat identity on one channel (a Telegram chat, a WhatsApp number, a Teams user…). */
export interface ChatAccount {
  id: number;
  channel: string;
  address: string;
  displayName: string | null;
  employeeId: number | null;
  linkedAt: Date | null;
  /** Channel-specific data an adapter needs to message this account unprompted. */
  conversationRef: string | null;
}

/** practice: the training walkthrough's signing step (a real code, nothing real signed). */
export type OtpPurpose = 'link' | 'sign' | 'practice';
export type OtpStatus = 'pending' | 'used' | 'locked' | 'cancelled';

export interface OtpChallenge {
  id: string;
  purpose: OtpPurpose;
  employeeId: number;
  accountId: number | null;
  codeHash: string;
  salt: string;
  /** For signing: the SHA-256 of the exact document the code may sign. */
  subjectHash: string | null;
  subjectRef: string | null;
  /** Masked destination shown to the user, e.g. "••••1234". */
  destination: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: number;
  status: OtpStatus;
  consumedAt: Date | null;
}

export interface AuditEvent {
  seq: number;
  /** ISO instant, exactly as hashed. */
  at: string;
  actor: string | null;
  type: string;
  subjectType: string | null;
  subjectId: string | null;
  /** Canonical JSON of the event's details. */
  data: string;
  prevHash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

/** A notification waiting to be delivered (or delivered) to an employee or a raw chat address. */
export interface OutboxItem {
  id: number;
  createdAt: Date;
  employeeId: number | null;
  channel: string | null;
  address: string | null;
  /** JSON of a Reply plus what it is about. */
  payload: string;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

export interface InboundRecord {
  channel: string;
  messageId: string;
  chatId: string;
  receivedAt: Date;
  status: 'processing' | 'done';
  /** JSON array of the replies given, so a redelivered message gets the same answer. */
  replies: string | null;
  /**
   * While processing: until when its claim holds (null: not held — taken up again by a redelivery).
   * Only a message whose work goes on after its transaction (an OTP being sent) is left processing
   * in a committed row; the rest are claimed and answered in one transaction.
   */
  leaseUntil: Date | null;
}

export interface SentMessage {
  channel: string;
  chatId: string;
  messageId: string;
  employeeId: number | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: Date;
}

/** What a chat is in the middle of: awaiting a subject, a choice, a confirmation… */
export interface Conversation {
  accountId: number;
  kind: string;
  /** JSON of the kind's own data. */
  data: string;
  expiresAt: Date;
}

export interface UploadDraft {
  id: number;
  accountId: number;
  blob: string;
  filename: string;
  mime: string;
  caption: string | null;
  createdAt: Date;
  /** The album the page belongs to; an album becomes receipts when no page has come for a while. */
  albumKey: string;
}

export interface SignedDocument {
  id: number;
  subjectType: string;
  /** The file number (or order number) it belongs to. */
  subjectId: string;
  /** SHA-256 of the signed PDF in the blob store. */
  blob: string;
  signerId: number;
  /** The decision document the OTP was bound to. */
  documentHash: string;
  challengeId: string;
  createdAt: Date;
}

export interface JobRun {
  id: number;
  /** e.g. "pendency-digest". */
  job: string;
  /** The office day it is for, yyyy-mm-dd (IST). */
  day: string;
  status: 'running' | 'done';
  startedAt: Date;
  finishedAt: Date | null;
  sent: number;
}

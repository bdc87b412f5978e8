// What the core needs from the outside world. Adapters implement these; the core imports no I/O.
import type {
  AuditEvent, AuditHead, ChatAccount, Employee, InboundRecord, NewEmployee, OtpChallenge,
  OutboxItem, Section, SentMessage,
} from './types.ts';

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
  create(data: NewEmployee): Promise<Employee>;
  update(id: number, patch: Partial<NewEmployee>): Promise<Employee>;
  count(): Promise<number>;
}

export interface AccountRepo {
  find(channel: string, address: string): Promise<ChatAccount | null>;
  byId(id: number): Promise<ChatAccount | null>;
  byEmployee(employeeId: number): Promise<ChatAccount[]>;
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
  markDelivered(id: number, at: Date): Promise<void>;
  markFailed(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
  pendingCount(): Promise<number>;
}

export interface InboundRepo {
  find(channel: string, messageId: string): Promise<InboundRecord | null>;
  /** Records the message as being handled; false if it was seen before. */
  claim(record: Omit<InboundRecord, 'status' | 'replies'>): Promise<boolean>;
  complete(channel: string, messageId: string, replies: string): Promise<void>;
}

export interface SentMessageRepo {
  add(message: SentMessage): Promise<void>;
  find(channel: string, chatId: string, messageId: string): Promise<SentMessage | null>;
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

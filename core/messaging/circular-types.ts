// Circulars and notices (परिपत्र / सूचना): one message to the whole office, to sections or to posts,
// with each recipient's delivery and acknowledgement kept so the sender can ask who has seen it.

/** Who a circular goes to, stored as JSON on the circular. */
export type CircularAudience =
  | { kind: 'all' }
  | { kind: 'sections'; codes: string[] }
  | { kind: 'posts'; keys: string[] };

/** What is stored in Circular.audience: the audience, and whether the sender called it a notice (सूचना). */
export type StoredAudience = CircularAudience & { notice?: boolean };

export interface Circular {
  id: number;
  /** Office format, e.g. SAH/C/2026/0001. */
  number: string;
  senderId: number;
  /** JSON of a CircularAudience. */
  audience: string;
  text: string;
  /** An attached PDF, content-addressed. */
  pdfBlob: string | null;
  /** Acknowledge by this time; those who have not are reminded once. */
  ackBy: Date | null;
  createdAt: Date;
  /** When the reminder to non-acknowledgers went out (null: not yet). */
  remindedAt: Date | null;
}

export interface CircularRecipient {
  circularId: number;
  employeeId: number;
  /** Handed to the recipient's chat by the outbox. */
  deliveredAt: Date | null;
  /** Acknowledged (`ack` / `देखा`, or a reply to the circular). */
  ackAt: Date | null;
  remindedAt: Date | null;
}

export interface CircularRepo {
  create(data: Omit<Circular, 'id'>): Promise<Circular>;
  byId(id: number): Promise<Circular | null>;
  byNumber(number: string): Promise<Circular | null>;
  update(id: number, patch: Partial<Pick<Circular, 'remindedAt' | 'pdfBlob'>>): Promise<Circular>;
  /** One row per employee, written in bulk; an employee already listed is left alone. */
  addRecipients(circularId: number, employeeIds: readonly number[]): Promise<void>;
  /** Every recipient of the circular, by employee id. */
  recipients(circularId: number): Promise<CircularRecipient[]>;
  recipient(circularId: number, employeeId: number): Promise<CircularRecipient | null>;
  /** Applies the patch to one recipient row; false when the employee is not a recipient. */
  markRecipient(circularId: number, employeeId: number, patch: Partial<Pick<CircularRecipient, 'deliveredAt' | 'ackAt' | 'remindedAt'>>): Promise<boolean>;
  /**
   * Sets one timestamp of a recipient row only if it is still empty; true when this call set it.
   * A second acknowledgement, a re-delivered notification or a second process then changes nothing.
   */
  markFirst(circularId: number, employeeId: number, field: 'deliveredAt' | 'ackAt' | 'remindedAt', at: Date): Promise<boolean>;
  /** Sets the circular's remindedAt only if it is still empty; true when this call set it (the reminder is this caller's to send). */
  claimReminder(id: number, at: Date): Promise<boolean>;
  /** Newest first. */
  listBySender(senderId: number, limit: number): Promise<Circular[]>;
  /** Circulars this employee received and has not acknowledged, newest first. */
  unacknowledged(employeeId: number, limit: number): Promise<Circular[]>;
  /** Circulars whose ackBy has passed and whose reminder has not gone out, oldest ackBy first. */
  dueForReminder(now: Date, limit: number): Promise<Circular[]>;
}

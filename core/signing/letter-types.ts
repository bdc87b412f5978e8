// Outgoing letters (पत्र) drafted on a file; dispatch gives them a number (पत्रांक) and, when the
// policy says so, a signature confirmed by OTP.

export type LetterStatus = 'draft' | 'dispatched' | 'cancelled';

export interface OutgoingLetter {
  id: number;
  /** Dispatch number, given at dispatch (null while a draft). */
  number: string | null;
  fileId: number;
  authorId: number;
  addressee: string;
  subject: string;
  body: string;
  status: LetterStatus;
  createdAt: Date;
  dispatchedAt: Date | null;
  signerId: number | null;
  /** The dispatched (signed) PDF, content-addressed. */
  blob: string | null;
  version: number;
}

export interface LetterRepo {
  create(data: Omit<OutgoingLetter, 'id' | 'version'>): Promise<OutgoingLetter>;
  byId(id: number): Promise<OutgoingLetter | null>;
  byNumber(number: string): Promise<OutgoingLetter | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: Partial<Pick<OutgoingLetter, 'number' | 'status' | 'dispatchedAt' | 'signerId' | 'blob' | 'addressee' | 'subject' | 'body'>>): Promise<OutgoingLetter | null>;
  /** Oldest first. */
  listByFile(fileId: number): Promise<OutgoingLetter[]>;
}

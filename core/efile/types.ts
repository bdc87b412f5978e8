// Receipts (dak), files (संचिका), their notes and movements, as the core sees them.

export type ReceiptStatus = 'open' | 'filed' | 'closed';
export type FileStatus = 'open' | 'parked' | 'closed';

export interface Receipt {
  id: number;
  /** Office format, default SAH/R/2026/000123: unique and gap-free per year. */
  diaryNumber: string;
  year: number;
  serial: number;
  subject: string;
  /** Who wrote the letter (the sender on its letterhead), when known. */
  fromWhom: string | null;
  /** yyyy-mm-dd, IST. */
  receivedOn: string;
  createdById: number;
  holderId: number;
  fileId: number | null;
  /** SHA-256 of the receipt's PDF in the blob store. */
  pdfBlob: string;
  pages: number;
  status: ReceiptStatus;
  createdAt: Date;
  /** Since when it is with its holder. */
  movedAt: Date;
  /** Bumped by every change; a change made against an older version is refused. */
  version: number;
}

export interface ReceiptOriginal {
  receiptId: number;
  position: number;
  blob: string;
  filename: string;
  mime: string;
}

export interface EFile {
  id: number;
  /** Office format, default <section code>-<serial>/<year>, e.g. EST-12/2026. */
  fileNumber: string;
  sectionId: number;
  year: number;
  serial: number;
  subject: string;
  createdById: number;
  holderId: number;
  status: FileStatus;
  createdAt: Date;
  movedAt: Date;
  closedRemark: string | null;
  /** The number the file carried on paper (files digitised by import-files); absent for files born electronic. */
  paperNumber?: string | null;
  version: number;
}

export type Decision = 'approve' | 'return';

export interface Note {
  id: number;
  fileId: number;
  /** 1, 2, 3… per file. */
  number: number;
  authorId: number;
  text: string;
  decision: Decision | null;
  createdAt: Date;
}

export type MovementAction =
  | 'created' | 'forwarded' | 'approved' | 'returned' | 'parked' | 'unparked' | 'closed' | 'reopened' | 'attached' | 'pulled_back';

export interface Movement {
  id: number;
  subjectType: 'file' | 'receipt';
  subjectId: number;
  fromId: number;
  toId: number;
  action: MovementAction;
  remark: string | null;
  at: Date;
}

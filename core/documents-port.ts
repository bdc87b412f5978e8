// What the core asks of the PDF renderer (adapters/pdf). Kept apart from ports.ts because new
// documents (orders, letters) add methods here without touching the storage ports.
import type { ImagesCheck, NoteSheet, PdfCheck } from './efile/documents.ts';
import type { LeaveOrder, PendencyReport, TaBill } from './leave/documents.ts';
import type { VisibleSignature } from './efile/documents.ts';
import type { LetterDocument, TourOrder } from './signing/documents.ts';

/** Lays out and checks the office's PDFs (adapters/pdf). CPU-bound; callers keep it off hot loops. */
export interface DocumentRenderer {
  /** Checks that every image is a decodable JPEG or PNG (by its bytes, not its name). */
  checkImages(images: ReadonlyArray<{ bytes: Uint8Array; mime: string }>): Promise<ImagesCheck>;
  /** One A4 page per image, in order, fitted with margins; a header line with the diary number. */
  receiptFromImages(images: ReadonlyArray<{ bytes: Uint8Array; mime: string }>, header: string): Promise<Uint8Array>;
  /** Whether an uploaded PDF opens, is not encrypted, carries nothing active (scripts, launch actions, embedded files), and how many pages it has. */
  checkPdf(bytes: Uint8Array): Promise<PdfCheck>;
  noteSheet(sheet: NoteSheet): Promise<Uint8Array>;
  leaveOrder(order: LeaveOrder): Promise<Uint8Array>;
  taBill(bill: TaBill): Promise<Uint8Array>;
  /** The TA bill with the visible signature block of its approval (to be signed after). */
  signedTaBill(bill: TaBill, signature: VisibleSignature): Promise<Uint8Array>;
  /** भ्रमण स्वीकृति आदेश; with `signature` set, the visible block of the approver's signature. */
  tourOrder(order: TourOrder): Promise<Uint8Array>;
  /** पत्र on the collectorate's letterhead, with its dispatch number. */
  outgoingLetter(letter: LetterDocument): Promise<Uint8Array>;
  /** Tables per section and per employee, the ten oldest files, disposals, and a bar chart. */
  pendencyReport(report: PendencyReport): Promise<Uint8Array>;
}


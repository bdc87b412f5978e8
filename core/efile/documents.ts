// What the office's documents contain, as data for a DocumentRenderer (adapters/pdf) to lay out.

export interface NoteSheetNote {
  number: number;
  author: string;
  post: string;
  /** "25-11-2026 14:05 IST". */
  at: string;
  text: string;
  /** The decision recorded with the note, in words ("Approved / स्वीकृत"), if any. */
  decision?: string;
  /**
   * What the note refers to ("see C/3", "see note 2"), each shown under it and linked to its
   * target on the sheet: `target` is "letter-<place>" (the annexure row) or "note-<number>".
   */
  references?: { label: string; target: string }[];
}

export interface NoteSheetAnnexure {
  /** Its place in the file's correspondence (C/1, C/2…), which notes refer to it by. */
  place?: number;
  diaryNumber: string;
  subject: string;
  from: string;
  /** dd-mm-yyyy */
  receivedOn: string;
  pages: number;
}

export interface NoteSheetMovement {
  at: string;
  from: string;
  to: string;
  /** "forwarded / अग्रसारित", "returned / वापस", "approved / स्वीकृत"… */
  action: string;
  remark?: string;
}

/** The file as a document: the green note sheet, its annexures and where it has been. */
export interface NoteSheet {
  office: { en: string; hi: string };
  fileNumber: string;
  subject: string;
  section: string;
  status: string;
  notes: NoteSheetNote[];
  annexures: NoteSheetAnnexure[];
  movements: NoteSheetMovement[];
  generatedAt: string;
  /** Present on a signed copy: the visible block that goes with the embedded digital signature. */
  signature?: VisibleSignature;
}

export interface VisibleSignature {
  name: string;
  post: string;
  code: string;
  /** "25-11-2026 14:05 IST" */
  at: string;
  /** "signed via OTP to ••••1234" */
  via: string;
  /** What was signed: "Approval of EST-12/2026, note 7". */
  what: string;
  /** SHA-256 of the decision document the OTP was bound to. */
  documentHash: string;
}

/** What may act when a PDF is opened, found in its objects: such a PDF is refused, not cleaned. */
export type PdfActiveContent = 'javascript' | 'launch' | 'embedded_file';

export type PdfCheck =
  | { ok: true; pages: number }
  | { ok: false; reason: 'corrupt' | 'encrypted' | 'empty' }
  | { ok: false; reason: 'active_content'; found: PdfActiveContent };

export type ImagesCheck =
  | { ok: true }
  | { ok: false; reason: 'corrupt_image' | 'unsupported_type' | 'empty'; index: number };

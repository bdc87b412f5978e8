// Yellow notes (draft notes, पीली टिप्पणी): a draft written on a file before its green note is
// final. Seen only by its writer and the file's holder, never on the note sheet; edited, discarded
// or confirmed by the holder, and only a confirmed draft becomes a (permanent) green note.

/**
 * draft: open for correction; signing: confirmed with a decision that waits for the holder's
 * OTP-confirmed signature (it becomes confirmed when the decision's note is written);
 * confirmed: a green note now (noteNumber); discarded.
 */
export type DraftStatus = 'draft' | 'signing' | 'confirmed' | 'discarded';

export interface DraftNote {
  id: number;
  fileId: number;
  authorId: number;
  text: string;
  status: DraftStatus;
  /** The green note it became, once confirmed. */
  noteNumber: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Who changed it last (edited, confirmed, discarded); null while as written. */
  updatedById: number | null;
  /** Bumped by every change; a change made against an older version is refused. */
  version: number;
}

export interface DraftNoteRepo {
  add(data: Omit<DraftNote, 'id' | 'version'>): Promise<DraftNote>;
  byId(id: number): Promise<DraftNote | null>;
  /** Applies the patch only if the stored version is `expectedVersion`, bumping it; null otherwise. */
  update(id: number, expectedVersion: number, patch: Partial<Pick<DraftNote, 'text' | 'status' | 'noteNumber' | 'updatedAt' | 'updatedById'>>): Promise<DraftNote | null>;
  /** The file's drafts with one of the statuses, oldest first (then id). */
  listByFile(fileId: number, statuses: DraftStatus[]): Promise<DraftNote[]>;
}

// The last step of a yellow note (drafts.ts): confirmed as a green note, audited, its writer told.
// Its own module because decideFile (files.ts) settles the drafts a signed decision confirms, and
// drafts.ts calls files.ts.
import { OfficeError } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { DraftNote } from './draft-types.ts';
import type { EFile, Note } from './types.ts';

export async function tellDraft(tx: Tx, clock: Clock, to: number, kind: string, draft: DraftNote, file: EFile, params: Record<string, string | number>): Promise<void> {
  await notify(tx, clock, {
    employeeId: to,
    notification: { kind, params: { id: draft.id, number: file.fileNumber, subject: file.subject, ...params }, subject: { type: 'draft', id: String(draft.id) } },
  });
}

/** A versioned write that found a newer version of the draft: someone acted first. Throws to roll back. */
export const draftChanged = (id: number): never => {
  throw new OfficeError({ code: 'FILE.CHANGED_MEANWHILE', params: { number: `#${id}` } });
};

/** The draft is the file's note `note` now: stored, audited (draft.confirmed), its writer told. */
export async function markConfirmed(tx: Tx, clock: Clock, actor: Employee, draft: DraftNote, file: EFile, note: Note): Promise<DraftNote> {
  const done = (await tx.drafts.update(draft.id, draft.version, { status: 'confirmed', noteNumber: note.number, updatedAt: clock.now(), updatedById: actor.id }))
    ?? draftChanged(draft.id);
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'draft.confirmed', subjectType: 'file', subjectId: file.fileNumber,
    data: { draft: draft.id, note: note.number, writer: (await tx.employees.byId(draft.authorId))?.code ?? null },
  });
  if (draft.authorId !== actor.id) await tellDraft(tx, clock, draft.authorId, 'draft.confirmed', done, file, { by: actor.name, note: note.number });
  return done;
}

/**
 * Called by decideFile once a decision's note is written: a draft the holder confirmed as this
 * decision and sent for signature ("signing", with the note's text) is confirmed as that note.
 */
export async function settleDecisionDrafts(tx: Tx, clock: Clock, actor: Employee, file: EFile, note: Note): Promise<void> {
  for (const draft of await tx.drafts.listByFile(file.id, ['signing'])) {
    if (draft.text === note.text) await markConfirmed(tx, clock, actor, draft, file, note);
  }
}

// Yellow notes (पीली टिप्पणी): a draft written on a file before the green note is final — a PA
// writing what the officer dictates, or a clerk unsure of the wording sending a draft up with the
// file. The file's holder corrects it, discards it or confirms it; only a confirmed draft becomes a
// green note (files.ts addNote: permanent, on the note sheet). A draft is seen only by its writer
// and the file's holder and never appears on the note sheet. Every step is audited
// (draft.drafted / draft.edited / draft.confirmed / draft.discarded) and the other party is told.
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { sha256Text } from '../audit/verify-records.ts';
import { draftChanged as changed, markConfirmed as confirmed, tellDraft as tell } from './draft-settle.ts';
import { transition } from '../workflow.ts';
import { istDate } from '../time.ts';
import { actingFor } from '../leave/acting-for.ts';
import { FILE_WORKFLOW, holderLabel } from './file-workflow.ts';
import { addNote, decideFile } from './files.ts';
import { checkReferences } from './references.ts';
import type { DraftNote, DraftStatus } from './draft-types.ts';
import type { Decision, EFile, Note } from './types.ts';

/** Still open to correction: a draft, or one whose signature was begun but not given. */
const OPEN: DraftStatus[] = ['draft', 'signing'];

/** Its writer and the file's holder see a draft; nobody else does. */
export function canSeeDraft(viewer: Employee, draft: DraftNote, file: EFile): boolean {
  return viewer.id === draft.authorId || viewer.id === file.holderId;
}

/** The file and the draft's state as the holder's action needs them: open, and the actor holds the file. */
async function heldDraft(tx: Tx, actor: Employee, draft: DraftNote, options: { writerMay?: boolean } = {}): Promise<Result<EFile>> {
  const file = await tx.files.byId(draft.fileId);
  if (file === null) throw new Error(`draft ${draft.id} names file ${draft.fileId}, which is missing`);
  if (!canSeeDraft(actor, draft, file)) return fail('DRAFT.NOT_FOUND', { id: draft.id });
  if (!OPEN.includes(draft.status)) return fail('DRAFT.NOT_OPEN', { id: draft.id, status: draft.status });
  const mayAct = actor.id === file.holderId || (options.writerMay === true && actor.id === draft.authorId);
  if (!mayAct) return fail('DRAFT.NOT_HOLDER', { id: draft.id, number: file.fileNumber, holder: await holderLabel(tx, file.holderId) });
  if (file.status === 'closed') return fail('FILE.CLOSED', { number: file.fileNumber });
  return ok(file);
}

/** The writer's reporting officer, or whoever holds their charge today (the file went there instead). */
async function isReportingOfficer(tx: Tx, clock: Clock, writer: Employee, holderId: number): Promise<boolean> {
  if (writer.reportingOfficerId === null) return false;
  if (writer.reportingOfficerId === holderId) return true;
  const inCharge = await actingFor(tx, { employeeId: writer.reportingOfficerId, date: istDate(clock.now()) });
  return inCharge?.employee.id === holderId;
}

/**
 * "draft: …" on a file the writer holds, or has just sent to their reporting officer (the last
 * movement is their forward to the present holder: the officer, or whoever holds the officer's
 * charge). The holder is told, with the draft's text.
 */
export async function writeDraft(
  tx: Tx, clock: Clock, options: { actor: Employee; file: EFile; text: string },
): Promise<Result<{ draft: DraftNote; holder: Employee | null }>> {
  const { actor, file } = options;
  const text = options.text.trim();
  if (file.holderId === actor.id) {
    const held = await transition(tx, FILE_WORKFLOW, 'note', { actor, file });
    if (!held.ok) return held;
  } else {
    if (file.status === 'closed') return fail('FILE.CLOSED', { number: file.fileNumber });
    const last = (await tx.movements.listFor('file', file.id)).at(-1);
    const justSent = last !== undefined && last.action === 'forwarded' && last.fromId === actor.id && last.toId === file.holderId;
    if (!justSent || !(await isReportingOfficer(tx, clock, actor, file.holderId))) {
      return fail('DRAFT.NOT_ALLOWED', { number: file.fileNumber, holder: await holderLabel(tx, file.holderId) });
    }
  }
  if (text === '') return fail('DRAFT.EMPTY');
  const refs = await checkReferences(tx, file, text);
  if (!refs.ok) return refs;
  const now = clock.now();
  const draft = await tx.drafts.add({ fileId: file.id, authorId: actor.id, text, status: 'draft', noteNumber: null, createdAt: now, updatedAt: now, updatedById: null });
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'draft.drafted', subjectType: 'file', subjectId: file.fileNumber, data: { draft: draft.id, textSha256: sha256Text(text) },
  });
  const holder = await tx.employees.byId(file.holderId);
  if (file.holderId !== actor.id) await tell(tx, clock, file.holderId, 'draft.written', draft, file, { writer: `${actor.name} (${actor.post})`, text: text.slice(0, 1500) });
  return ok({ draft, holder });
}

/** The holder's corrected text replaces the draft's (the draft stays a draft); its writer is told. */
export async function editDraft(
  tx: Tx, clock: Clock, options: { actor: Employee; draft: DraftNote; text: string },
): Promise<Result<{ draft: DraftNote; file: EFile }>> {
  const { actor, draft } = options;
  const held = await heldDraft(tx, actor, draft);
  if (!held.ok) return held;
  const file = held.value;
  const text = options.text.trim();
  if (text === '') return fail('DRAFT.EMPTY');
  const refs = await checkReferences(tx, file, text);
  if (!refs.ok) return refs;
  const edited = (await tx.drafts.update(draft.id, draft.version, { text, status: 'draft', updatedAt: clock.now(), updatedById: actor.id })) ?? changed(draft.id);
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'draft.edited', subjectType: 'file', subjectId: file.fileNumber,
    data: { draft: draft.id, beforeSha256: sha256Text(draft.text), textSha256: sha256Text(text) },
  });
  if (draft.authorId !== actor.id) await tell(tx, clock, draft.authorId, 'draft.edited', edited, file, { by: actor.name, text: text.slice(0, 1500) });
  return ok({ draft: edited, file });
}

/** Discarded by the holder, or withdrawn by its writer; nothing reaches the note sheet. */
export async function discardDraft(tx: Tx, clock: Clock, options: { actor: Employee; draft: DraftNote }): Promise<Result<{ draft: DraftNote; file: EFile }>> {
  const { actor, draft } = options;
  const held = await heldDraft(tx, actor, draft, { writerMay: true });
  if (!held.ok) return held;
  const file = held.value;
  const discarded = (await tx.drafts.update(draft.id, draft.version, { status: 'discarded', updatedAt: clock.now(), updatedById: actor.id })) ?? changed(draft.id);
  await recordEvent(tx, clock, { actor: actor.code, type: 'draft.discarded', subjectType: 'file', subjectId: file.fileNumber, data: { draft: draft.id } });
  const other = actor.id === draft.authorId ? file.holderId : draft.authorId;
  if (other !== actor.id) await tell(tx, clock, other, 'draft.discarded', discarded, file, { by: actor.name });
  return ok({ draft: discarded, file });
}

/** The holder confirms it: the draft's text becomes the file's next green note, in the holder's name. */
export async function confirmDraft(tx: Tx, clock: Clock, options: { actor: Employee; draft: DraftNote }): Promise<Result<{ draft: DraftNote; file: EFile; note: Note }>> {
  const { actor, draft } = options;
  const held = await heldDraft(tx, actor, draft);
  if (!held.ok) return held;
  const file = held.value;
  const note = await addNote(tx, clock, { actor, file, text: draft.text });
  if (!note.ok) return note;
  return ok({ draft: await confirmed(tx, clock, actor, draft, file, note.value), file, note: note.value });
}

/**
 * The holder confirms it as a decision (approve or return, the draft's text its remark) where no
 * signature is needed: decided at once, the draft confirmed as the decision's note.
 */
export async function confirmDraftAsDecision(
  tx: Tx, clock: Clock, options: { actor: Employee; draft: DraftNote; decision: Decision },
): Promise<Result<{ draft: DraftNote; file: EFile; note: Note; to: Employee }>> {
  const { actor, draft, decision } = options;
  const held = await heldDraft(tx, actor, draft);
  if (!held.ok) return held;
  const decided = await decideFile(tx, clock, { actor, file: held.value, decision, remark: draft.text });
  if (!decided.ok) return decided;
  const done = await confirmed(tx, clock, actor, draft, held.value, decided.value.note);
  return ok({ draft: done, file: decided.value.file, note: decided.value.note, to: decided.value.to });
}

/**
 * A decision that needs a signature: the draft waits ("signing") for the holder's OTP-confirmed
 * signature (core/signing), whose decision note confirms it (settleDecisionDrafts). Until then it
 * stays open: the holder may still correct, confirm or discard it.
 */
export async function awaitSignature(tx: Tx, clock: Clock, options: { actor: Employee; draft: DraftNote }): Promise<Result<{ draft: DraftNote; file: EFile }>> {
  const { actor, draft } = options;
  const held = await heldDraft(tx, actor, draft);
  if (!held.ok) return held;
  const marked = (await tx.drafts.update(draft.id, draft.version, { status: 'signing', updatedAt: clock.now(), updatedById: actor.id })) ?? changed(draft.id);
  return ok({ draft: marked, file: held.value });
}

/** The open drafts of a file the viewer may see (its holder sees all; a writer their own). */
export async function draftsOf(tx: Tx, viewer: Employee, file: EFile): Promise<DraftNote[]> {
  return (await tx.drafts.listByFile(file.id, OPEN)).filter((d) => canSeeDraft(viewer, d, file));
}

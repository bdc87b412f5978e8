// Files (संचिका): opened in a section, noted on, moved from table to table, decided, closed.
// Every change asks the file's table (file-workflow.ts) whether the actor may take it now, then
// writes the next state, its movement, the table's audit event and notifications in the caller's
// transaction.
import { fail, ok, OfficeError, type Result } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Employee, Section } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { sha256Text } from '../audit/verify-records.ts';
import { notify } from '../outbox/notify.ts';
import { istDate } from '../time.ts';
import { actingFor } from '../leave/acting-for.ts';
import { rowFor, transition } from '../workflow.ts';
import type { EfileTx } from './efile-tx.ts';
import { FILE_WORKFLOW, type FileAction } from './file-workflow.ts';
import { addresseeOnRoll, checkAddressee, lostRace } from './guards.ts';
import { fileCounter, formatNumber, type NumberFormats } from './numbering.ts';
import type { Decision, EFile, Note } from './types.ts';
import { decisionText } from '../signing/decision-text.ts';
import { settleDecisionDrafts } from './draft-settle.ts';
import { checkReferences } from './references.ts';
import type { OfficeNumbers } from '../office/numbers.ts';
import { closeDeadlinesOf } from '../deadlines/statutory.ts';

export async function createFile(
  tx: EfileTx, clock: Clock, options: { actor: Employee; subject: string; section: Section; formats: NumberFormats },
): Promise<EFile> {
  const { actor, section } = options;
  const step = await transition(tx, FILE_WORKFLOW, 'create', { actor, file: null });
  if (!step.ok) throw new OfficeError(step.failure);
  const now = clock.now();
  const year = Number(istDate(now).slice(0, 4));
  const serial = await tx.counters.next(fileCounter(section.id, year));
  const fileNumber = formatNumber(options.formats.file, { office: options.formats.office, section: section.code, year, serial });
  const file = await tx.files.create({
    fileNumber, sectionId: section.id, year, serial, subject: options.subject.trim(), createdById: actor.id,
    holderId: actor.id, status: step.value.to, createdAt: now, movedAt: now, closedRemark: null,
  });
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: actor.id, toId: actor.id, action: 'created', remark: null, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: fileNumber, data: { subject: file.subject, section: section.code } });
  return file;
}

/** The note's own event is the table's `note` row, also when the note comes with a move or a decision. */
const NOTED = rowFor(FILE_WORKFLOW, 'open', 'note').event;

async function appendNote(tx: EfileTx, clock: Clock, actor: Employee, file: EFile, text: string, decision: Decision | null): Promise<Note> {
  const number = (await tx.notes.count(file.id)) + 1;
  const note = await tx.notes.add({ fileId: file.id, number, authorId: actor.id, text, decision, createdAt: clock.now() });
  // The text's hash, so that `audit verify` can tell a note edited in the database (verify-records.ts).
  await recordEvent(tx, clock, {
    actor: actor.code, type: NOTED, subjectType: 'file', subjectId: file.fileNumber, data: { note: number, decision, textSha256: sha256Text(text) },
  });
  return note;
}

/**
 * A green note. Notes are append-only: once written they are never edited, only followed by more.
 * Its references ("see C/3", "see note 2") must point to something (references.ts).
 */
export async function addNote(tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; text: string; numbers?: OfficeNumbers }): Promise<Result<Note>> {
  const step = await transition(tx, FILE_WORKFLOW, 'note', { actor: options.actor, file: options.file });
  if (!step.ok) return step;
  const text = options.text.trim();
  if (text === '') return fail('FILE.EMPTY_NOTE');
  const refs = await checkReferences(tx, options.file, text, options.numbers);
  if (!refs.ok) return refs;
  // Touch the file's version so a concurrent move of the same file cannot interleave with the note.
  if ((await tx.files.update(options.file.id, options.file.version, {})) === null) lostRace(options.file.fileNumber);
  return ok(await appendNote(tx, clock, options.actor, options.file, text, null));
}

export async function forwardFile(
  tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; to: Employee; remark: string | null },
): Promise<Result<{ file: EFile; note: Note | null; to: Employee; routedFrom: Employee | null }>> {
  const { actor, file } = options;
  const onRoll = await addresseeOnRoll(tx, options.to);
  if (!onRoll.ok) return onRoll;
  options = { ...options, to: onRoll.value };
  const step = await transition(tx, FILE_WORKFLOW, 'forward', { actor, file }, () => checkAddressee(actor, onRoll.value));
  if (!step.ok) return step;
  // The remark is written as a note: its references are checked like any note's.
  if (options.remark?.trim()) {
    const refs = await checkReferences(tx, file, options.remark);
    if (!refs.ok) return refs;
  }
  const now = clock.now();
  // Charge arrangement: an addressee away on sanctioned leave or an approved tour is acted for by
  // the in-charge named on it; the file goes there and the addressee is told.
  const inCharge = await actingFor(tx, { employeeId: options.to.id, date: istDate(now) });
  const to = inCharge !== null && inCharge.employee.id !== actor.id ? inCharge.employee : options.to;
  const routedFrom = to.id === options.to.id ? null : options.to;
  const moved = (await tx.files.update(file.id, file.version, { holderId: to.id, movedAt: now, status: step.value.to })) ?? lostRace(file.fileNumber);
  const remark = options.remark?.trim() || null;
  const note = remark === null ? null : await appendNote(tx, clock, actor, file, remark, null);
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: actor.id, toId: to.id, action: 'forwarded', remark, at: now });
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber,
    data: { to: to.code, ...(routedFrom === null ? {} : { addressedTo: routedFrom.code, charge: inCharge?.on.number }) },
  });
  if (routedFrom !== null) {
    await notify(tx, clock, {
      employeeId: routedFrom.id,
      notification: { kind: 'file.routed_to_charge', params: { number: file.fileNumber, subject: file.subject, from: actor.name, inCharge: to.name, inChargePost: to.post }, subject: { type: 'file', id: file.fileNumber } },
    });
  }
  const latest = note ?? (await tx.notes.listByFile(file.id)).at(-1) ?? null;
  await notify(tx, clock, {
    employeeId: to.id,
    notification: {
      kind: 'file.received',
      params: {
        number: file.fileNumber, subject: file.subject, from: actor.name, fromPost: actor.post, note: latest?.text.slice(0, 500) ?? '',
        ...(routedFrom === null ? {} : { onBehalfOf: `${routedFrom.name} (${routedFrom.post})` }),
      },
      subject: { type: 'file', id: file.fileNumber },
    },
  });
  return ok({ file: moved, note, to, routedFrom });
}

const DECISION_ACTION: Record<Decision, FileAction> = { approve: 'approve', return: 'return' };

/**
 * Approve or return: the decision is written as a note and the file goes back to whoever sent it
 * to the actor, who is told. Where a decision needs a signature, bots/ obtains the OTP-confirmed
 * signature first and calls this only once it is given.
 */
export async function decideFile(
  tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; decision: Decision; remark: string | null },
): Promise<Result<{ file: EFile; note: Note; to: Employee }>> {
  const { actor, file, decision } = options;
  const step = await transition(tx, FILE_WORKFLOW, DECISION_ACTION[decision], { actor, file });
  if (!step.ok) return step;
  const movements = await tx.movements.listFor('file', file.id);
  // Back to whoever sent it up to the actor: decisions unwind the chain of forwards, so an approval
  // that came down to the actor does not bounce back up.
  const cameFrom = [...movements].reverse().find((m) => m.toId === actor.id && m.fromId !== actor.id && m.action === 'forwarded');
  const to = cameFrom === undefined ? null : await tx.employees.byId(cameFrom.fromId);
  if (to === null) return fail('FILE.NOTHING_TO_RETURN_TO', { number: file.fileNumber });
  const now = clock.now();
  const moved = (await tx.files.update(file.id, file.version, { holderId: to.id, movedAt: now, status: step.value.to })) ?? lostRace(file.fileNumber);
  const remark = options.remark?.trim() || null;
  const note = await appendNote(tx, clock, actor, file, decisionText(decision, remark), decision);
  // A yellow note confirmed as this decision and sent for signature is this note now (drafts.ts).
  await settleDecisionDrafts(tx, clock, actor, file, note);
  const action = decision === 'approve' ? 'approved' : 'returned';
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: actor.id, toId: to.id, action, remark, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber, data: { to: to.code, note: note.number } });
  await notify(tx, clock, {
    employeeId: to.id,
    notification: {
      kind: step.value.event,
      params: { number: file.fileNumber, subject: file.subject, by: actor.name, byPost: actor.post, remark: remark ?? '' },
      subject: { type: 'file', id: file.fileNumber },
    },
  });
  return ok({ file: moved, note, to });
}

/** Park: keep it pending with the holder, without action, until moved again. */
export async function parkFile(tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; remark: string | null }): Promise<Result<EFile>> {
  const { actor, file } = options;
  const step = await transition(tx, FILE_WORKFLOW, 'park', { actor, file });
  if (!step.ok) return step;
  const parked = (await tx.files.update(file.id, file.version, { status: step.value.to })) ?? lostRace(file.fileNumber);
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: actor.id, toId: actor.id, action: 'parked', remark: options.remark, at: clock.now() });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber });
  return ok(parked);
}

export async function closeFile(tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile; remark: string }): Promise<Result<EFile>> {
  const { actor, file } = options;
  const step = await transition(tx, FILE_WORKFLOW, 'close', { actor, file });
  if (!step.ok) return step;
  const remark = options.remark.trim();
  if (remark === '') return fail('FILE.EMPTY_NOTE');
  const closed = (await tx.files.update(file.id, file.version, { status: step.value.to, closedRemark: remark })) ?? lostRace(file.fileNumber);
  await appendNote(tx, clock, actor, file, remark, null);
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: actor.id, toId: actor.id, action: 'closed', remark, at: clock.now() });
  // Disposed of: its statutory deadlines stop counting and escalating.
  await closeDeadlinesOf(tx, clock, { actor, file: closed });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber });
  return ok(closed);
}

/**
 * A closed file is reopened by anyone of its own section, into their hands. Its statutory deadlines
 * stay closed: the file was disposed of, so the letter was answered; what reopens a file (an appeal,
 * a court's order) comes as a letter of its own, with its own deadline.
 */
export async function reopenFile(tx: EfileTx, clock: Clock, options: { actor: Employee; file: EFile }): Promise<Result<EFile>> {
  const { actor, file } = options;
  const step = await transition(tx, FILE_WORKFLOW, 'reopen', { actor, file });
  if (!step.ok) return step;
  const now = clock.now();
  const reopened = (await tx.files.update(file.id, file.version, { status: step.value.to, holderId: actor.id, movedAt: now, closedRemark: null })) ?? lostRace(file.fileNumber);
  await tx.movements.add({ subjectType: 'file', subjectId: file.id, fromId: file.holderId, toId: actor.id, action: 'reopened', remark: null, at: now });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber });
  return ok(reopened);
}

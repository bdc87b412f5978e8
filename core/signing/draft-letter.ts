// The holder of a file drafts an outgoing letter on it; the draft waits for dispatch or cancel.
import { recordEvent } from '../audit/record-event.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { EFile } from '../efile/types.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { transition } from '../workflow.ts';
import type { OutgoingLetter } from './letter-types.ts';
import { LETTER_WORKFLOW } from './letter-workflow.ts';

/** Longest parts a letter takes, in characters: one page of addressee and subject, a few of body. */
export const LETTER_LIMITS = { addressee: 300, subject: 300, body: 6000 } as const;

export function checkLetterParts(parts: { addressee: string; subject: string; body: string }): Result<never> | null {
  for (const part of ['addressee', 'subject', 'body'] as const) {
    if (parts[part].trim() === '') return fail('LETTER.EMPTY_PART', { part });
    if (parts[part].length > LETTER_LIMITS[part]) return fail('LETTER.TOO_LONG', { part, max: LETTER_LIMITS[part] });
  }
  return null;
}

export async function draftLetter(
  tx: Tx, clock: Clock, options: { actor: Employee; file: EFile; addressee: string; subject: string; body: string },
): Promise<Result<OutgoingLetter>> {
  const { actor, file } = options;
  const parts = { addressee: options.addressee.trim(), subject: options.subject.trim(), body: options.body.trim() };
  const step = await transition(tx, LETTER_WORKFLOW, 'draft', { actor, letter: null, file });
  if (!step.ok) return step;
  const refused = checkLetterParts(parts);
  if (refused !== null) return refused;
  const letter = await tx.letters.create({
    number: null, fileId: file.id, authorId: actor.id, ...parts, status: step.value.to, createdAt: clock.now(), dispatchedAt: null, signerId: null, blob: null,
  });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber, data: { letter: letter.id } });
  return ok(letter);
}

/** By the file's holder (or the letter's author): the draft is dropped, nothing is numbered. */
export async function cancelLetter(tx: Tx, clock: Clock, options: { actor: Employee; letter: OutgoingLetter; file: EFile }): Promise<Result<OutgoingLetter>> {
  const { actor, letter, file } = options;
  const step = await transition(tx, LETTER_WORKFLOW, 'cancel', { actor, letter, file });
  if (!step.ok) return step;
  const updated = await tx.letters.update(letter.id, letter.version, { status: step.value.to });
  if (updated === null) return fail('LETTER.CHANGED_MEANWHILE', { number: `#${letter.id}` });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'file', subjectId: file.fileNumber, data: { letter: letter.id } });
  return ok(updated);
}

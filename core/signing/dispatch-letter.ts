// Dispatch of an outgoing letter: a gap-free dispatch number (पत्रांक) per year, taken in the same
// transaction as the dispatch itself so a rolled-back dispatch gives its number back; the letter
// PDF (signed or not) is stored, a note goes on the file, and the audit trail says who and how.
import { recordEvent } from '../audit/record-event.ts';
import { addNote } from '../efile/files.ts';
import { checkFileHeld, lostRace } from '../efile/guards.ts';
import type { EFile } from '../efile/types.ts';
import { fail, ok, OfficeError, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { OutgoingLetter } from './letter-types.ts';

export const dispatchCounter = (year: number): string => `dispatch:${year}`;
export const dispatchNumber = (office: string, year: number, serial: number): string => `${office}/D/${year}/${String(serial).padStart(6, '0')}`;
export const DISPATCH_NUMBER = /\b[A-Z]{2,6}\/D\/\d{4}\/\d{1,6}\b/i;

/** The letter can still be dispatched by the actor: a draft, on a file in the actor's hands. */
export async function checkDispatchable(tx: Tx, actor: Employee, letter: OutgoingLetter, file: EFile): Promise<Result<never> | null> {
  if (letter.status !== 'draft') return fail('LETTER.NOT_DRAFT', { number: letter.number ?? `#${letter.id}`, status: letter.status });
  return checkFileHeld(tx, actor, file);
}

/** Takes the next dispatch number of the year; call inside the dispatching transaction. */
export async function takeDispatchNumber(tx: Tx, clock: Clock, office: string): Promise<string> {
  const year = Number(istDate(clock.now()).slice(0, 4));
  return dispatchNumber(office, year, await tx.counters.next(dispatchCounter(year)));
}

export async function dispatchLetter(
  tx: Tx, clock: Clock,
  options: { actor: Employee; letter: OutgoingLetter; file: EFile; number: string; blob: string; signature: { documentHash: string; challengeId: string; channel: string } | null },
): Promise<Result<{ letter: OutgoingLetter; note: number }>> {
  const { actor, letter, file, number, blob, signature } = options;
  const refused = await checkDispatchable(tx, actor, letter, file);
  if (refused !== null) return refused;
  const now = clock.now();
  const updated = await tx.letters.update(letter.id, letter.version, { number, status: 'dispatched', dispatchedAt: now, signerId: actor.id, blob });
  // Thrown, not returned: the dispatch number was already taken in this transaction.
  if (updated === null) throw new OfficeError({ code: 'LETTER.CHANGED_MEANWHILE', params: { number: `#${letter.id}` } });
  const text = `पत्रांक ${number} ${signature === null ? 'प्रेषित' : 'हस्ताक्षरित कर प्रेषित'} — सेवा में: ${letter.addressee}; विषय: ${letter.subject}\n`
    + `Letter no. ${number} ${signature === null ? 'dispatched (unsigned)' : 'signed and dispatched'} to ${letter.addressee}; subject: ${letter.subject}`;
  const noted = await addNote(tx, clock, { actor, file, text });
  if (!noted.ok) lostRace(file.fileNumber);
  await recordEvent(tx, clock, {
    actor: actor.code, type: 'letter.dispatched', subjectType: 'letter', subjectId: number,
    data: { file: file.fileNumber, letter: letter.id, pdf: blob, signed: signature !== null, ...(signature ?? {}) },
  });
  return ok({ letter: updated, note: noted.value.number });
}

// The outgoing letter (पत्र) as a state machine. A letter is drafted on a file by the file's holder,
// and leaves the office only by dispatch, which gives it its number (पत्रांक) and, where the policy
// says so, a signature confirmed by OTP (core/signing/subjects/letter.ts). A draft can be dropped.
//
//   from     action     to           who               audit event
//   none     draft      draft        file holder       letter.drafted
//   draft    dispatch   dispatched   file holder       letter.dispatched
//   draft    cancel     cancelled    author or holder  letter.cancelled
//
// Anything else is LETTER.NOT_DRAFT: a dispatched letter is on record and cannot be changed or
// dropped; a cancelled one is gone. The file's own state is the file table's (FILE_WORKFLOW): a
// closed file takes no new letter and dispatches none.
import type { EFile } from '../efile/types.ts';
import { FILE_HOLDER } from '../efile/file-workflow.ts';
import { checkFileHeld } from '../efile/guards.ts';
import type { Employee } from '../types.ts';
import { defineWorkflow, type Row, type Rule } from '../workflow.ts';
import type { LetterStatus, OutgoingLetter } from './letter-types.ts';

export type LetterAction = 'draft' | 'dispatch' | 'cancel';

export interface LetterSubject {
  actor: Employee;
  /** null: the letter is being drafted. */
  letter: OutgoingLetter | null;
  /** The file the letter is (or will be) on. */
  file: EFile;
}

export type LetterRow = Row<LetterStatus, LetterAction, LetterSubject>;

/**
 * The file the letter is on is in the actor's hands and open to them: the file table's own answer
 * for a note (FILE_WORKFLOW: holder, and not closed), so a closed file is "closed" to everyone.
 */
export const LETTER_FILE_HOLDER: Rule<LetterSubject> = {
  name: 'file holder',
  allows: ({ actor, file }) => file.status !== 'closed' && FILE_HOLDER.allows({ actor, file }),
  refusal: async ({ actor, file }, tx) => {
    const refused = await checkFileHeld(tx, actor, file);
    if (refused === null || refused.ok) throw new Error(`the file table lets ${actor.code} act on ${file.fileNumber}, the letter table does not`);
    return refused.failure;
  },
};

/** The letter's author (who may drop their own draft wherever the file is), or the file's holder. */
export const LETTER_AUTHOR_OR_HOLDER: Rule<LetterSubject> = {
  name: 'author or holder',
  allows: (s) => (s.letter !== null && s.letter.authorId === s.actor.id) || LETTER_FILE_HOLDER.allows(s),
  refusal: (s, tx) => LETTER_FILE_HOLDER.refusal(s, tx),
};

export const LETTER_WORKFLOW = defineWorkflow<LetterStatus, LetterAction, LetterSubject>({
  name: 'letter',
  // A dispatched letter is "already dispatched" to everyone, holder or not.
  order: 'state-first',
  stateOf: ({ letter }) => letter?.status ?? 'none',
  notInTable: ({ letter }) => ({ code: 'LETTER.NOT_DRAFT', params: { number: letter?.number ?? `#${letter?.id ?? ''}`, status: letter?.status ?? '' } }),
  rows: [
    { from: 'none', action: 'draft', to: 'draft', who: LETTER_FILE_HOLDER, event: 'letter.drafted' },
    { from: 'draft', action: 'dispatch', to: 'dispatched', who: LETTER_FILE_HOLDER, event: 'letter.dispatched' },
    { from: 'draft', action: 'cancel', to: 'cancelled', who: LETTER_AUTHOR_OR_HOLDER, event: 'letter.cancelled' },
  ],
});

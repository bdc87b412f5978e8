// The outgoing letter's table (core/signing/letter-workflow.ts), row by row, through draftLetter,
// dispatchLetter and cancelLetter on the in-memory store; and the pairs the table leaves out.
import { describe, expect, test } from 'vitest';
import { closeFile, forwardFile } from '../../../core/efile/files.ts';
import type { EFile } from '../../../core/efile/types.ts';
import type { Result } from '../../../core/errors.ts';
import { cancelLetter, draftLetter } from '../../../core/signing/draft-letter.ts';
import { checkDispatchable, dispatchLetter, takeDispatchNumber } from '../../../core/signing/dispatch-letter.ts';
import type { LetterStatus, OutgoingLetter } from '../../../core/signing/letter-types.ts';
import { LETTER_WORKFLOW, type LetterAction } from '../../../core/signing/letter-workflow.ts';
import type { Employee } from '../../../core/types.ts';
import { efileOffice, type EfileOffice } from '../efile/efile-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

interface Rec { file: EFile; letter: OutgoingLetter | null }
type Walk = RowWalk<EfileOffice, Rec>;

const PARTS = { addressee: 'The District Magistrate, Madhepura', subject: 'Survey of Sonbarsa', body: 'Please depute a surveyor.' };

async function act(o: EfileOffice, action: LetterAction, actor: Employee, rec: Rec): Promise<Result<unknown>> {
  const file = await o.file(rec.file.fileNumber);
  const letter = rec.letter === null ? null : await o.run((tx) => tx.letters.byId(rec.letter!.id));
  switch (action) {
    case 'draft': return o.run((tx) => draftLetter(tx, o.clock, { actor, file, ...PARTS }));
    case 'cancel': return o.run((tx) => cancelLetter(tx, o.clock, { actor, letter: letter!, file }));
    // As core/signing/subjects/letter.ts does it: the check, then the number, then the dispatch.
    case 'dispatch': return o.run(async (tx) => {
      const refused = await checkDispatchable(tx, actor, letter!, file);
      if (refused !== null) return refused;
      return dispatchLetter(tx, o.clock, { actor, letter: letter!, file, number: await takeDispatchNumber(tx, o.clock, 'SAH'), blob: 'a'.repeat(64), signature: null });
    });
  }
}

/** The clerk's file with a letter on it in the given state (none: no letter yet). */
async function letterIn(o: EfileOffice, state: LetterStatus | 'none'): Promise<Rec> {
  const file = await o.newFile(o.staff.clerk);
  if (state === 'none') return { file, letter: null };
  const letter = valueOf(await act(o, 'draft', o.staff.clerk, { file, letter: null })) as OutgoingLetter;
  if (state === 'dispatched') valueOf(await act(o, 'dispatch', o.staff.clerk, { file, letter }));
  if (state === 'cancelled') valueOf(await act(o, 'cancel', o.staff.clerk, { file, letter }));
  return { file, letter };
}

const stateAfter = async (o: EfileOffice, rec: Rec | null, value: unknown): Promise<string | undefined> => {
  const id = rec?.letter?.id ?? (value as OutgoingLetter).id;
  return (await o.run((tx) => tx.letters.byId(id)))?.status;
};

const byHolder = (action: LetterAction, from: LetterStatus | 'none'): Walk => ({
  start: (o) => letterIn(o, from),
  right: [(o) => o.staff.clerk],
  wrong: { actor: (o) => o.staff.so, code: 'FILE.NOT_IN_YOUR_HANDS' },
  act: (o, actor, rec) => act(o, action, actor!, rec!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × draft': byHolder('draft', 'none'),
  'draft × dispatch': byHolder('dispatch', 'draft'),
  'draft × cancel': byHolder('cancel', 'draft'),
};

describe('the letter table', () => {
  test('has three rows, each with its audit event', () => {
    expect(LETTER_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(LETTER_WORKFLOW.rows.map((r) => r.event)).toEqual(['letter.drafted', 'letter.dispatched', 'letter.cancelled']);
  });

  test.each(LETTER_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], efileOffice);
  });

  test.each(pairsNotInTable(LETTER_WORKFLOW, ['dispatched', 'cancelled'], ['dispatch', 'cancel']).map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: LETTER.NOT_DRAFT to everyone, the holder included, nothing written',
    async (_name, { state, action }) => {
      const o = await efileOffice();
      const rec = await letterIn(o, state as LetterStatus);
      await refusedWith(o, () => act(o, action, o.staff.clerk, rec), 'LETTER.NOT_DRAFT');
      await refusedWith(o, () => act(o, action, o.staff.so, rec), 'LETTER.NOT_DRAFT');
    },
  );

  test('the author may drop a draft after the file has moved on; someone else may not', async () => {
    const o = await efileOffice();
    const rec = await letterIn(o, 'draft');
    valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file: rec.file, to: o.staff.so, remark: null })));
    await refusedWith(o, () => act(o, 'cancel', o.staff.clerkEn, rec), 'FILE.NOT_IN_YOUR_HANDS');
    // The new holder may not dispatch a letter drafted below, but may drop it.
    valueOf(await act(o, 'cancel', o.staff.clerk, rec));
    expect(await stateAfter(o, rec, null)).toBe('cancelled');
  });

  test('the holder who is not the author may drop it too', async () => {
    const o = await efileOffice();
    const rec = await letterIn(o, 'draft');
    valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file: rec.file, to: o.staff.so, remark: null })));
    valueOf(await act(o, 'cancel', o.staff.so, rec));
    expect(await stateAfter(o, rec, null)).toBe('cancelled');
  });

  test('a closed file takes no letter and dispatches none: "closed", to its holder too', async () => {
    const o = await efileOffice();
    const rec = await letterIn(o, 'draft');
    valueOf(await o.run((tx) => closeFile(tx, o.clock, { actor: o.staff.clerk, file: rec.file, remark: 'disposed of' })));
    await refusedWith(o, () => act(o, 'draft', o.staff.clerk, rec), 'FILE.CLOSED');
    await refusedWith(o, () => act(o, 'dispatch', o.staff.clerk, rec), 'FILE.CLOSED');
    await refusedWith(o, () => act(o, 'draft', o.staff.so, rec), 'FILE.CLOSED');
  });

  test('a dispatch refused takes no dispatch number: the next one dispatched gets the first', async () => {
    const o = await efileOffice();
    const rec = await letterIn(o, 'draft');
    await refusedWith(o, () => act(o, 'dispatch', o.staff.so, rec), 'FILE.NOT_IN_YOUR_HANDS');
    // Even when the number was taken before the table was asked, the refusal rolls it back.
    await expect(o.run(async (tx) => dispatchLetter(tx, o.clock, {
      actor: o.staff.so, letter: rec.letter!, file: rec.file, number: await takeDispatchNumber(tx, o.clock, 'SAH'), blob: 'a'.repeat(64), signature: null,
    }))).rejects.toMatchObject({ failure: { code: 'FILE.NOT_IN_YOUR_HANDS' } });
    valueOf(await act(o, 'dispatch', o.staff.clerk, rec));
    expect((await o.run((tx) => tx.letters.byId(rec.letter!.id)))?.number).toMatch(/^SAH\/D\/\d{4}\/000001$/);
  });
});

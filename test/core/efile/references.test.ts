// References between notes and letters (core/efile/references.ts): what a note's words refer to,
// and the check made when a note is written.
import { describe, expect, test } from 'vitest';
import { addNote, forwardFile } from '../../../core/efile/files.ts';
import { attachReceipt } from '../../../core/efile/receipts.ts';
import { parseReferences, resolveReferences } from '../../../core/efile/references.ts';
import { noteSheetOf } from '../../../core/efile/queries.ts';
import { officeNumbers } from '../../../core/office/numbers.ts';
import { efileOffice } from './efile-office.ts';
import { refusedWith, valueOf } from '../workflow-walk.ts';

describe('what a note refers to', () => {
  test.each([
    ['see C/3', [{ kind: 'letter', text: 'C/3', place: 3 }]],
    ['देखें प/3 एवं टिप्पणी 2', [{ kind: 'letter', text: 'प/3', place: 3 }, { kind: 'note', text: 'टिप्पणी 2', note: 2 }]],
    ['कृपया देखें प/३', [{ kind: 'letter', text: 'प/3', place: 3 }]],
    ['As proposed, see note 2 and C/1.', [{ kind: 'note', text: 'note 2', note: 2 }, { kind: 'letter', text: 'C/1', place: 1 }]],
    ['vide SAH/R/2026/000123 of the BDO', [{ kind: 'diary', text: 'SAH/R/2026/000123', diary: 'SAH/R/2026/000123' }]],
    ['see note 2, see note 2 again', [{ kind: 'note', text: 'note 2', note: 2 }]],
  ])('%s', (text, expected) => {
    expect(parseReferences(text)).toEqual(expected);
  });

  test.each(['Flat C/3 is vacant', 'Please note 5 copies are needed', 'Seen. Put up.', 'overseen C/2'])('no reference in "%s"', (text) => {
    expect(parseReferences(text)).toEqual([]);
  });

  test('diary numbers in the office\'s own format', () => {
    const numbers = officeNumbers({ file: '{office}/{section}/{serial}/{year}', diary: '{office}/DAK/{year}/{serial:5}', office: 'PUR' });
    expect(parseReferences('see PUR/DAK/2026/00012', numbers)).toEqual([{ kind: 'diary', text: 'PUR/DAK/2026/00012', diary: 'PUR/DAK/2026/00012' }]);
  });
});

describe('references are checked when a note is written', () => {
  test('to letters in the file\'s correspondence and to earlier notes; a reference to nothing is refused, nothing written', async () => {
    const o = await efileOffice();
    const file = await o.newFile(o.staff.clerk);
    const [first, second, loose] = [await o.newReceipt(o.staff.clerk), await o.newReceipt(o.staff.clerk), await o.newReceipt(o.staff.clerk)];
    for (const receipt of [first, second]) valueOf(await o.run((tx) => attachReceipt(tx, o.clock, { actor: o.staff.clerk, receipt: receipt!, file })));
    const note = async (text: string) => { const now = await o.file(file.fileNumber); return o.run((tx) => addNote(tx, o.clock, { actor: o.staff.clerk, file: now, text })); };
    valueOf(await note('देखें प/2; प्रस्ताव संलग्न।'));
    valueOf(await note(`See note 1 and C/1; vide ${second!.diaryNumber}.`));
    const refused = await note('See C/3.');
    expect(refused).toEqual({ ok: false, failure: { code: 'NOTE.BAD_REFERENCE', params: { ref: 'C/3', number: file.fileNumber, kind: 'letter', count: 2 } } });
    await refusedWith(o, () => note('see note 3'), 'NOTE.BAD_REFERENCE');
    // A letter not in this file, by its diary number, is nothing this file can refer to.
    await refusedWith(o, () => note(`vide ${loose!.diaryNumber}`), 'NOTE.BAD_REFERENCE');
    // The remark a file is forwarded with is a note too.
    const current = await o.file(file.fileNumber);
    await refusedWith(o, () => o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file: current, to: o.staff.so, remark: 'see C/9' })), 'NOTE.BAD_REFERENCE');
    expect(await o.run((tx) => tx.notes.count(file.id))).toBe(2);

    // The note sheet carries each note's references and where they link.
    const sheet = await o.run((tx) => noteSheetOf(tx, file, o.clock.now()));
    expect(sheet.notes.map((n) => n.references)).toEqual([
      [{ label: `C/2 — ${second!.diaryNumber} (बाढ़ राहत दावा)`, target: 'letter-2' }],
      [
        { label: 'Note 1 / टिप्पणी 1', target: 'note-1' },
        { label: `C/1 — ${first!.diaryNumber} (बाढ़ राहत दावा)`, target: 'letter-1' },
        { label: `C/2 — ${second!.diaryNumber} (बाढ़ राहत दावा)`, target: 'letter-2' },
      ],
    ]);
    expect(sheet.annexures.map((a) => a.place)).toEqual([1, 2]);
    // A note refers only to notes before it.
    const { unresolved } = await o.run((tx) => resolveReferences(tx, file, 'see note 2', { beforeNote: 2 }));
    expect(unresolved).toHaveLength(1);
  });
});

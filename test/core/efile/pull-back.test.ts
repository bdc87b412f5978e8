// Pull back (core/efile/pull-back.ts): the sender takes a file or receipt back from a wrong
// addressee until that addressee acts on it; the recipient is told, the movement register shows
// it, and a pull back after the recipient acted is refused with who acted and when.
import { describe, expect, test } from 'vitest';
import { addNote, forwardFile } from '../../../core/efile/files.ts';
import { attachReceipt, forwardReceipt } from '../../../core/efile/receipts.ts';
import { pullBackFile, pullBackReceipt } from '../../../core/efile/pull-back.ts';
import { noteSheetOf } from '../../../core/efile/queries.ts';
import { verifyAudit } from '../../../core/audit/verify-audit.ts';
import { efileOffice, type EfileOffice } from './efile-office.ts';
import { auditTypes, refusedWith, valueOf } from '../workflow-walk.ts';

/** The clerk's file, sent by mistake to the section officer (it was meant for the DDC). */
async function sentByMistake(o: EfileOffice) {
  const file = await o.newFile(o.staff.clerk);
  valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file, to: o.staff.so, remark: 'आदेशार्थ' })));
  o.clock.advanceMinutes(5);
  return o.file(file.fileNumber);
}

const outbox = (o: EfileOffice) => o.run(async (tx) => tx.outbox.due(new Date(8.64e15), 100));

describe('pulling a file back', () => {
  test('before the recipient acts: back in the sender\'s hands, the recipient told, the movement register and audit show it', async () => {
    const o = await efileOffice();
    const file = await sentByMistake(o);
    const before = (await outbox(o)).length;
    const done = valueOf(await o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file })));
    expect(done.item.holderId).toBe(o.staff.clerk.id);
    expect(done.from?.id).toBe(o.staff.so.id);
    const moves = await o.run((tx) => tx.movements.listFor('file', file.id));
    expect(moves.at(-1)).toMatchObject({ action: 'pulled_back', fromId: o.staff.so.id, toId: o.staff.clerk.id });
    expect((await auditTypes(o)).at(-1)).toBe('file.pulled_back');
    const told = (await outbox(o)).slice(before).map((i) => ({ to: i.employeeId, ...JSON.parse(i.payload) as { kind: string } }));
    expect(told).toEqual([expect.objectContaining({ to: o.staff.so.id, kind: 'file.pulled_back' })]);
    // The note sheet's movement table says so; the audit's record check agrees with the rows.
    const sheet = await o.run((tx) => noteSheetOf(tx, done.item, o.clock.now()));
    expect(sheet.movements.at(-1)?.action).toBe('pulled back / वापस ली गई');
    const verified = await verifyAudit(o.store, { anchors: [] });
    expect(verified.records.problems).toEqual([]);
    // The clerk can now send it where it was meant to go.
    valueOf(await o.run(async (tx) => forwardFile(tx, o.clock, { actor: o.staff.clerk, file: (await tx.files.byId(file.id))!, to: o.staff.ddc, remark: null })));
  });

  test('after the recipient wrote a note: refused, naming who acted and when, nothing written', async () => {
    const o = await efileOffice();
    const file = await sentByMistake(o);
    valueOf(await o.run((tx) => addNote(tx, o.clock, { actor: o.staff.so, file, text: 'देखा।' })));
    const current = await o.file(file.fileNumber);
    const result = await o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file: current }));
    expect(result).toEqual({
      ok: false,
      failure: { code: 'PULLBACK.ALREADY_ACTED', params: { number: file.fileNumber, act: 'noted', by: `${o.staff.so.name} (${o.staff.so.post})`, at: '25-11-2026 11:05 IST' } },
    });
    await refusedWith(o, () => o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file: current })), 'PULLBACK.ALREADY_ACTED');
    expect((await o.file(file.fileNumber)).holderId).toBe(o.staff.so.id);
  });

  test('after the recipient sent it on or parked it: refused with that act', async () => {
    const o = await efileOffice();
    const file = await sentByMistake(o);
    valueOf(await o.run((tx) => forwardFile(tx, o.clock, { actor: o.staff.so, file, to: o.staff.ddc, remark: null })));
    const moved = await o.file(file.fileNumber);
    const refused = await o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file: moved }));
    expect(refused.ok ? null : refused.failure.params.act).toBe('forwarded');

    const p = await efileOffice();
    const other = await sentByMistake(p);
    const { parkFile } = await import('../../../core/efile/files.ts');
    valueOf(await p.run((tx) => parkFile(tx, p.clock, { actor: p.staff.so, file: other, remark: null })));
    const parked = await p.file(other.fileNumber);
    const result = await p.run((tx) => pullBackFile(tx, p.clock, { actor: p.staff.clerk, file: parked }));
    expect(result.ok ? null : [result.failure.code, result.failure.params.act]).toEqual(['PULLBACK.ALREADY_ACTED', 'parked']);
  });

  test('only its sender pulls it back: the holder, or anyone else, is told so', async () => {
    const o = await efileOffice();
    const file = await sentByMistake(o);
    await refusedWith(o, () => o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.ddc, file })), 'PULLBACK.NOT_SENDER');
    await refusedWith(o, () => o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.so, file })), 'PULLBACK.NOT_SENDER');
  });

  test('a second pull back of the same move is refused (it is back already)', async () => {
    const o = await efileOffice();
    const file = await sentByMistake(o);
    valueOf(await o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file })));
    const again = await o.run(async (tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file: (await tx.files.byId(file.id))! }));
    expect(again.ok ? null : [again.failure.code, again.failure.params.act, again.failure.params.by])
      .toEqual(['PULLBACK.ALREADY_ACTED', 'pulled_back', `${o.staff.clerk.name} (${o.staff.clerk.post})`]);
  });
});

describe('pulling a receipt back', () => {
  test('before the recipient acts, and refused once they put it into a file', async () => {
    const o = await efileOffice();
    const receipt = await o.newReceipt(o.staff.clerk);
    valueOf(await o.run((tx) => forwardReceipt(tx, o.clock, { actor: o.staff.clerk, receipt, to: o.staff.so, remark: null })));
    const sent = await o.receipt(receipt.diaryNumber);
    const back = valueOf(await o.run((tx) => pullBackReceipt(tx, o.clock, { actor: o.staff.clerk, receipt: sent })));
    expect(back.item).toMatchObject({ holderId: o.staff.clerk.id, status: 'open' });
    expect((await auditTypes(o)).at(-1)).toBe('receipt.pulled_back');

    valueOf(await o.run(async (tx) => forwardReceipt(tx, o.clock, { actor: o.staff.clerk, receipt: (await tx.receipts.byId(receipt.id))!, to: o.staff.so, remark: null })));
    o.clock.advanceMinutes(30);
    const soFile = await o.newFile(o.staff.so);
    valueOf(await o.run(async (tx) => attachReceipt(tx, o.clock, { actor: o.staff.so, receipt: (await tx.receipts.byId(receipt.id))!, file: soFile })));
    const filed = await o.receipt(receipt.diaryNumber);
    const refused = await o.run((tx) => pullBackReceipt(tx, o.clock, { actor: o.staff.clerk, receipt: filed }));
    expect(refused).toEqual({
      ok: false,
      failure: { code: 'PULLBACK.ALREADY_ACTED', params: { number: receipt.diaryNumber, act: 'attached', by: `${o.staff.so.name} (${o.staff.so.post})`, at: '25-11-2026 11:30 IST' } },
    });
  });
});

describe('what the recipient\'s lists say after a pull back', () => {
  test('the file is not in their hands, nor among what they sent', async () => {
    const { itemsInHand, sentItems } = await import('../../../core/efile/queries.ts');
    const o = await efileOffice();
    const file = await sentByMistake(o);
    valueOf(await o.run((tx) => pullBackFile(tx, o.clock, { actor: o.staff.clerk, file })));
    expect(await o.run((tx) => itemsInHand(tx, o.staff.so))).toEqual([]);
    expect(await o.run((tx) => sentItems(tx, o.staff.so))).toEqual([]);
    expect((await o.run((tx) => itemsInHand(tx, o.staff.clerk))).map((i) => i.number)).toEqual([file.fileNumber]);
  });
});

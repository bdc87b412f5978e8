// The receipt table (core/efile/receipt-workflow.ts), row by row, through diariseReceipt,
// digitisePaperFile, setReceiptSubject, forwardReceipt and attachReceipt on the in-memory store.
import { describe, expect, test } from 'vitest';
import { attachReceipt, forwardReceipt, setReceiptSubject } from '../../../core/efile/receipts.ts';
import { pullBackReceipt } from '../../../core/efile/pull-back.ts';
import { RECEIPT_WORKFLOW, type ReceiptAction } from '../../../core/efile/receipt-workflow.ts';
import type { EFile, Receipt, ReceiptStatus } from '../../../core/efile/types.ts';
import { ok, type Result } from '../../../core/errors.ts';
import type { Employee } from '../../../core/types.ts';
import { transition } from '../../../core/workflow.ts';
import { efileOffice, type EfileOffice } from './efile-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

/** A receipt, and the clerk's file it may go into. */
interface Rec { receipt: Receipt; file: EFile }
type Walk = RowWalk<EfileOffice, Rec>;

const act = async (o: EfileOffice, action: ReceiptAction, actor: Employee, rec: Rec): Promise<Result<unknown>> => {
  const { receipt, file } = rec;
  switch (action) {
    case 'set_subject': {
      // The use case answers a refusal with null (the chat then asks nothing more); the table says why.
      const set = await o.run((tx) => setReceiptSubject(tx, o.clock, { actor, receipt, subject: 'बाढ़ राहत दावा — सोनबरसा' }));
      if (set !== null) return ok(set);
      return o.run((tx) => transition(tx, RECEIPT_WORKFLOW, 'set_subject', { actor, receipt }));
    }
    case 'forward': return o.run((tx) => forwardReceipt(tx, o.clock, { actor, receipt, to: actor.id === o.staff.so.id ? o.staff.ddc : o.staff.so, remark: null }));
    case 'attach': return o.run((tx) => attachReceipt(tx, o.clock, { actor, receipt, file }));
    case 'pull_back': return o.run((tx) => pullBackReceipt(tx, o.clock, { actor, receipt }));
    case 'diarise': case 'digitise': throw new Error('these make a new receipt');
  }
};

/** The clerk's receipt, loose (open) or put into the clerk's file (filed). */
async function receiptIn(o: EfileOffice, state: ReceiptStatus): Promise<Rec> {
  const receipt = await o.newReceipt(o.staff.clerk);
  const file = await o.newFile(o.staff.clerk);
  if (state === 'filed') valueOf(await act(o, 'attach', o.staff.clerk, { receipt, file }));
  return { receipt: await o.receipt(receipt.diaryNumber), file };
}

const stateAfter = async (o: EfileOffice, rec: Rec | null, value: unknown): Promise<string | undefined> => {
  const number = rec?.receipt.diaryNumber ?? (value as { receipts?: Receipt[] }).receipts?.[0]?.diaryNumber ?? (value as Receipt).diaryNumber;
  return (await o.receipt(number)).status;
};

const byHolder = (action: ReceiptAction, from: ReceiptStatus): Walk => ({
  start: (o) => receiptIn(o, from),
  right: [(o) => o.staff.clerk],
  wrong: { actor: (o) => o.staff.so, code: 'FILE.NOT_IN_YOUR_HANDS' },
  act: (o, actor, rec) => act(o, action, actor!, rec!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × diarise': { start: async () => null, right: [(o) => o.staff.clerk], act: async (o) => ok(await o.newReceipt()), stateAfter },
  'none × digitise': {
    start: async () => null,
    right: [() => null],
    act: async (o) => {
      const outcome = await o.digitise();
      return outcome.status === 'created' ? ok(outcome) : { ok: false, failure: { code: 'RECEIPT.NOT_FOUND', params: {} } };
    },
    stateAfter,
  },
  'open × set_subject': byHolder('set_subject', 'open'),
  'filed × set_subject': byHolder('set_subject', 'filed'),
  'open × forward': byHolder('forward', 'open'),
  'open × attach': byHolder('attach', 'open'),
  // The clerk sent it to the section officer, who has not acted on it; only the sender pulls it back.
  'open × pull_back': {
    start: async (o) => {
      const rec = await receiptIn(o, 'open');
      valueOf(await act(o, 'forward', o.staff.clerk, rec));
      return { ...rec, receipt: await o.receipt(rec.receipt.diaryNumber) };
    },
    right: [(o) => o.staff.clerk],
    wrong: { actor: (o) => o.staff.so, code: 'PULLBACK.NOT_SENDER' },
    act: (o, actor, rec) => act(o, 'pull_back', actor!, rec!),
    stateAfter,
  },
};

describe('the receipt table', () => {
  test('has seven rows, each with its audit event', () => {
    expect(RECEIPT_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(RECEIPT_WORKFLOW.rows.map((r) => r.event)).toEqual([
      'receipt.diarised', 'file.digitised', 'receipt.subject_set', 'receipt.subject_set', 'receipt.forwarded', 'receipt.attached', 'receipt.pulled_back',
    ]);
  });

  test.each(RECEIPT_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], efileOffice);
  });

  test('a receipt that was not set a subject by its holder is left as it was', async () => {
    const o = await efileOffice();
    const { receipt } = await receiptIn(o, 'open');
    expect(await o.run((tx) => setReceiptSubject(tx, o.clock, { actor: o.staff.so, receipt, subject: 'x' }))).toBeNull();
    expect((await o.receipt(receipt.diaryNumber)).subject).toBe(receipt.subject);
  });

  test('forwarding asks who holds it, then the addressee, then whether it is still loose', async () => {
    const o = await efileOffice();
    const rec = await receiptIn(o, 'filed');
    const forward = (actor: Employee, to: Employee) => o.run((tx) => forwardReceipt(tx, o.clock, { actor, receipt: rec.receipt, to, remark: null }));
    await refusedWith(o, () => forward(o.staff.so, o.staff.so), 'FILE.NOT_IN_YOUR_HANDS');
    await refusedWith(o, () => forward(o.staff.clerk, o.staff.clerk), 'FILE.SELF_FORWARD');
    await refusedWith(o, () => forward(o.staff.clerk, o.staff.so), 'RECEIPT.ALREADY_FILED');
  });

  test.each(pairsNotInTable(RECEIPT_WORKFLOW, ['filed'], ['forward', 'attach']).map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: RECEIPT.ALREADY_FILED through the use case, naming the file, nothing written',
    async (_name, { action }) => {
      const o = await efileOffice();
      const rec = await receiptIn(o, 'filed');
      const result = await act(o, action, o.staff.clerk, rec);
      expect(result).toEqual({ ok: false, failure: { code: 'RECEIPT.ALREADY_FILED', params: { number: rec.receipt.diaryNumber, file: rec.file.fileNumber } } });
      await refusedWith(o, () => act(o, action, o.staff.clerk, rec), 'RECEIPT.ALREADY_FILED');
    },
  );

  test('a closed receipt (a status kept for the register) has no step at all', async () => {
    const o = await efileOffice();
    const { receipt } = await receiptIn(o, 'open');
    const closed = { ...receipt, status: 'closed' as const };
    for (const { action } of pairsNotInTable(RECEIPT_WORKFLOW, ['closed'], ['set_subject', 'forward', 'attach'])) {
      const step = await o.run((tx) => transition(tx, RECEIPT_WORKFLOW, action, { actor: o.staff.clerk, receipt: closed }));
      expect(step.ok ? 'success' : step.failure.code).toBe('RECEIPT.ALREADY_FILED');
    }
  });

  test('diarising and digitising make a new receipt; digitising is the office\'s own step', async () => {
    expect(RECEIPT_WORKFLOW.rows.filter((r) => r.action === 'diarise' || r.action === 'digitise').map((r) => r.from)).toEqual(['none', 'none']);
    const o = await efileOffice();
    const step = await o.run((tx) => transition(tx, RECEIPT_WORKFLOW, 'digitise', { actor: o.staff.clerk, receipt: null }));
    expect(step).toEqual({ ok: false, failure: { code: 'ADMIN.NOT_ALLOWED', params: {} } });
  });
});

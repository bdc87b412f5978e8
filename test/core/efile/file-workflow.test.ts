// The file table (core/efile/file-workflow.ts), row by row, through createFile, digitisePaperFile,
// addNote, forwardFile, decideFile, parkFile, closeFile, reopenFile and attachReceipt on the
// in-memory store.
import { describe, expect, test } from 'vitest';
import { addNote, closeFile, decideFile, forwardFile, parkFile, reopenFile } from '../../../core/efile/files.ts';
import { attachReceipt } from '../../../core/efile/receipts.ts';
import { pullBackFile } from '../../../core/efile/pull-back.ts';
import { FILE_WORKFLOW, type FileAction } from '../../../core/efile/file-workflow.ts';
import type { EFile, FileStatus, Receipt } from '../../../core/efile/types.ts';
import { ok, type Result } from '../../../core/errors.ts';
import type { Employee } from '../../../core/types.ts';
import { transition } from '../../../core/workflow.ts';
import { efileOffice, type EfileOffice } from './efile-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

/** A file, and a receipt each of the clerk and the section officer hold (for attaching). */
interface Rec { file: EFile; receipts: { clerk: Receipt; so: Receipt } }
type Walk = RowWalk<EfileOffice, Rec>;

const act = (o: EfileOffice, action: FileAction, actor: Employee, rec: Rec): Promise<Result<unknown>> => o.run<Result<unknown>>((tx) => {
  const { file } = rec;
  const { so, ddc } = o.staff;
  switch (action) {
    case 'note': return addNote(tx, o.clock, { actor, file, text: 'आदेशार्थ प्रस्तुत।' });
    case 'forward': return forwardFile(tx, o.clock, { actor, file, to: actor.id === so.id ? ddc : so, remark: null });
    case 'approve': case 'return': return decideFile(tx, o.clock, { actor, file, decision: action, remark: null });
    case 'park': return parkFile(tx, o.clock, { actor, file, remark: 'प्रतिवेदन प्रतीक्षित' });
    case 'close': return closeFile(tx, o.clock, { actor, file, remark: 'निष्पादित।' });
    case 'reopen': return reopenFile(tx, o.clock, { actor, file });
    case 'attach': return attachReceipt(tx, o.clock, { actor, file, receipt: actor.id === so.id ? rec.receipts.so : rec.receipts.clerk });
    case 'pull_back': return pullBackFile(tx, o.clock, { actor, file });
    case 'create': case 'digitise': throw new Error('these make a new file');
  }
});

/**
 * A file of EST in a state: with the clerk (open, parked or closed by them), or sent up to the
 * section officer by the clerk (`up`), so that deciding it sends it back.
 */
async function fileIn(o: EfileOffice, state: FileStatus, up = false): Promise<Rec> {
  const { clerk, so } = o.staff;
  const receipts = { clerk: await o.newReceipt(clerk), so: await o.newReceipt(so) };
  let file = await o.newFile(clerk);
  let holder = clerk;
  if (up) {
    valueOf(await act(o, 'forward', clerk, { file, receipts }));
    holder = so;
    file = await o.file(file.fileNumber);
  }
  if (state !== 'open') valueOf(await act(o, state === 'parked' ? 'park' : 'close', holder, { file, receipts }));
  return { file: await o.file(file.fileNumber), receipts };
}

const stateAfter = async (o: EfileOffice, rec: Rec | null, value: unknown): Promise<string | undefined> => {
  const number = rec?.file.fileNumber ?? (value as { file?: EFile }).file?.fileNumber ?? (value as EFile).fileNumber;
  return (await o.file(number)).status;
};

const byHolder = (action: FileAction, from: 'open' | 'parked', up = false): Walk => ({
  start: (o) => fileIn(o, from, up),
  right: [(o) => (up ? o.staff.so : o.staff.clerk)],
  wrong: { actor: (o) => (up ? o.staff.clerk : o.staff.so), code: 'FILE.NOT_IN_YOUR_HANDS' },
  act: (o, actor, rec) => act(o, action, actor!, rec!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × create': {
    start: async () => null,
    right: [(o) => o.staff.clerk],
    act: async (o) => ok(await o.newFile()),
    stateAfter,
  },
  'none × digitise': {
    start: async () => null,
    right: [() => null],
    act: async (o) => {
      const outcome = await o.digitise();
      return outcome.status === 'created' ? ok(outcome) : { ok: false, failure: { code: 'FILE.NOT_FOUND', params: {} } };
    },
    stateAfter,
  },
  'open × note': byHolder('note', 'open'),
  'parked × note': byHolder('note', 'parked'),
  'open × forward': byHolder('forward', 'open'),
  'parked × forward': byHolder('forward', 'parked'),
  'open × approve': byHolder('approve', 'open', true),
  'parked × approve': byHolder('approve', 'parked', true),
  'open × return': byHolder('return', 'open', true),
  'parked × return': byHolder('return', 'parked', true),
  'open × park': byHolder('park', 'open'),
  'parked × park': byHolder('park', 'parked'),
  'open × close': byHolder('close', 'open'),
  'parked × close': byHolder('close', 'parked'),
  'closed × reopen': {
    start: (o) => fileIn(o, 'closed'),
    // Anyone of the file's own section (EST), into their hands; the DDC is of GOP.
    right: [(o) => o.staff.clerkEn, (o) => o.staff.clerk],
    wrong: { actor: (o) => o.staff.ddc, code: 'FILE.NOT_YOUR_SECTION' },
    act: (o, actor, rec) => act(o, 'reopen', actor!, rec!),
    stateAfter,
  },
  // The section officer holds a receipt of their own but not the file.
  'open × attach': byHolder('attach', 'open'),
  'parked × attach': byHolder('attach', 'parked'),
  // The clerk sent it up to the section officer, who has not acted on it yet; only the sender pulls it back.
  'open × pull_back': {
    start: (o) => fileIn(o, 'open', true),
    right: [(o) => o.staff.clerk],
    wrong: { actor: (o) => o.staff.so, code: 'PULLBACK.NOT_SENDER' },
    act: (o, actor, rec) => act(o, 'pull_back', actor!, rec!),
    stateAfter,
  },
};

const STATES: FileStatus[] = ['open', 'parked', 'closed'];
const ACTIONS: FileAction[] = ['note', 'forward', 'approve', 'return', 'park', 'close', 'reopen', 'attach', 'pull_back'];

describe('the file table', () => {
  test('has eighteen rows, each with its audit event', () => {
    expect(FILE_WORKFLOW.rows.map(rowKey).sort()).toEqual(Object.keys(WALKS).sort());
    expect(FILE_WORKFLOW.rows).toHaveLength(18);
    expect(new Set(FILE_WORKFLOW.rows.map((r) => r.event))).toEqual(new Set([
      'file.created', 'file.digitised', 'file.noted', 'file.forwarded', 'file.approved', 'file.returned', 'file.parked', 'file.closed',
      'file.reopened', 'receipt.attached', 'file.pulled_back',
    ]));
  });

  test.each(FILE_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], efileOffice);
  });

  test('digitising is the office\'s own step, never a chat\'s', async () => {
    const o = await efileOffice();
    const step = await o.run((tx) => transition(tx, FILE_WORKFLOW, 'digitise', { actor: o.staff.clerk, file: null }));
    expect(step).toEqual({ ok: false, failure: { code: 'ADMIN.NOT_ALLOWED', params: {} } });
  });

  const notInTable = pairsNotInTable(FILE_WORKFLOW, STATES, ACTIONS);

  test.each(notInTable.map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: the typed failure through the use case, nothing written',
    async (_name, { state, action }) => {
      const o = await efileOffice();
      const rec = await fileIn(o, state as FileStatus);
      // The clerk holds it (and is of its section), so that it is the state that refuses.
      await refusedWith(o, () => act(o, action, o.staff.clerk, rec), action === 'reopen' ? 'FILE.NOT_CLOSED' : 'FILE.CLOSED');
    },
  );

  test('a closed file is closed to everyone: the state is told before who holds it', async () => {
    const o = await efileOffice();
    const rec = await fileIn(o, 'closed');
    await refusedWith(o, () => act(o, 'note', o.staff.so, rec), 'FILE.CLOSED');
  });

  test('creating and digitising make a new file: no row takes them from an existing one', () => {
    expect(FILE_WORKFLOW.rows.filter((r) => r.action === 'create' || r.action === 'digitise').map((r) => r.from)).toEqual(['none', 'none']);
  });
});

// The receipt (dak) use cases of core/efile/receipts.ts on the in-memory store: diarising a
// scanned letter with a gap-free diary number, forwarding it, filing it into a file, who may see
// it, and what each step records (movement register, audit trail, notifications). No I/O: a
// fixed clock and the store only; blobs are named by made-up hashes, as nothing reads them here.
import { describe, expect, it } from 'vitest';
import { attachReceipt, diariseReceipt, forwardReceipt, type DiariseOptions } from '../../../core/efile/receipts.ts';
import { closeFile, createFile } from '../../../core/efile/files.ts';
import { canSeeReceipt } from '../../../core/efile/guards.ts';
import { findTracked, itemsInHand } from '../../../core/efile/queries.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import type { EFile, Receipt } from '../../../core/efile/types.ts';
import { sha256Text } from '../../../core/audit/verify-records.ts';
import { verifyChain } from '../../../core/audit/verify-chain.ts';
import { OfficeError, type Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee, NewEmployee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

/** The same miniature collectorate as the files' tests: GOP (Collector, DDC, a clerk), EST (SO, two clerks, one deactivated), REV (ADM, a clerk). */
async function office(iso?: string) {
  const store = new MemoryStore();
  const clock = new FakeClock(iso);
  const seeded = await store.transaction(async (tx) => {
    const gop = await tx.sections.create({ code: 'GOP', name: 'जिला गोपनीय प्रशाखा' });
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    const rev = await tx.sections.create({ code: 'REV', name: 'राजस्व' });
    let mobile = 9_000_000_000;
    const person = (code: string, name: string, post: string, postKey: string, sectionId: number, extra: Partial<NewEmployee> = {}) =>
      tx.employees.create({
        code, name, post, postKey, sectionId, dob: '1980-01-15', mobile: String(++mobile), email: `${code.toLowerCase()}@saharsa.example.in`,
        reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...extra,
      });
    const collector = await person('SAH0001', 'आनंद शर्मा', 'जिलाधिकारी', 'COLLECTOR', gop.id);
    const ddc = await person('SAH0002', 'Rakesh Kumar', 'उप विकास आयुक्त', 'DDC', gop.id);
    const adm = await person('SAH0003', 'Vivek Anand', 'अपर समाहर्ता', 'ADM', rev.id);
    const gopClerk = await person('SAH0005', 'रमेश पासवान', 'लिपिक', 'CLERK', gop.id);
    const so = await person('SAH0010', 'सुनीता देवी', 'प्रशाखा पदाधिकारी', 'SO', est.id);
    const clerk = await person('SAH0020', 'मनोज कुमार', 'लिपिक', 'CLERK', est.id);
    const clerk2 = await person('SAH0021', 'Priya Singh', 'Clerk', 'CLERK', est.id);
    const revClerk = await person('SAH0030', 'Ajay Yadav', 'लिपिक', 'CLERK', rev.id);
    const retired = await person('SAH0040', 'श्याम सुंदर', 'लिपिक', 'CLERK', est.id, { active: false });
    return { sections: { gop, est, rev }, staff: { collector, ddc, adm, gopClerk, so, clerk, clerk2, revClerk, retired } };
  });
  const { staff, sections } = seeded;
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const receiptOf = async (tx: Tx, diaryNumber: string): Promise<Receipt> => {
    const receipt = await tx.receipts.byDiaryNumber(diaryNumber);
    if (receipt === null) throw new Error(`no receipt ${diaryNumber}`);
    return receipt;
  };
  const fileOf = async (tx: Tx, number: string): Promise<EFile> => {
    const file = await tx.files.byNumber(number);
    if (file === null) throw new Error(`no file ${number}`);
    return file;
  };
  const letter = (actor: Employee, subject: string, extra: Partial<DiariseOptions> = {}): DiariseOptions => ({
    actor, subject, fromWhom: 'अंचल अधिकारी, सोनबरसा', pdfBlob: sha256Text(`pdf of ${subject}`), pages: 3,
    originals: [{ blob: sha256Text(`page 1 of ${subject}`), filename: 'IMG_0001.jpg', mime: 'image/jpeg' }], formats: DEFAULT_NUMBER_FORMATS, ...extra,
  });
  return {
    store, clock, staff, sections, run, letter,
    diarise: (actor: Employee, subject: string, extra: Partial<DiariseOptions> = {}) => run((tx) => diariseReceipt(tx, clock, letter(actor, subject, extra))),
    receipt: (diaryNumber: string) => run((tx) => receiptOf(tx, diaryNumber)),
    forward: (actor: Employee, diaryNumber: string, to: Employee, remark: string | null = null) =>
      run(async (tx) => forwardReceipt(tx, clock, { actor, receipt: await receiptOf(tx, diaryNumber), to, remark })),
    open: (actor: Employee, subject: string) =>
      run((tx) => createFile(tx, clock, { actor, subject, section: sections.est.id === actor.sectionId ? sections.est : sections.gop, formats: DEFAULT_NUMBER_FORMATS })),
    attach: (actor: Employee, diaryNumber: string, number: string) =>
      run(async (tx) => attachReceipt(tx, clock, { actor, receipt: await receiptOf(tx, diaryNumber), file: await fileOf(tx, number) })),
    canSee: (viewer: Employee, diaryNumber: string) => run(async (tx) => canSeeReceipt(tx, viewer, await receiptOf(tx, diaryNumber))),
    movements: (diaryNumber: string) => run(async (tx) => tx.movements.listFor('receipt', (await receiptOf(tx, diaryNumber)).id)),
    inHand: (e: Employee) => run((tx) => itemsInHand(tx, e)),
    events: async () => (await run((tx) => tx.audit.page(1, 10_000)))
      .map((e) => ({ type: e.type, actor: e.actor, subjectId: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })),
    queued: async () => (await run((tx) => tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)))
      .map((o) => ({ employeeId: o.employeeId, ...(JSON.parse(o.payload) as Notification) })),
    /** Everything an action on the receipt could write, to show that a refused one wrote nothing. */
    record: (diaryNumber: string) => run(async (tx) => {
      const receipt = await receiptOf(tx, diaryNumber);
      return {
        receipt, movements: await tx.movements.listFor('receipt', receipt.id),
        audit: (await tx.audit.page(1, 10_000)).length, outbox: (await tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)).length,
      };
    }),
  };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

function failure<T>(result: Result<T>): { code: string; params: Record<string, string | number> } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result.failure;
}

describe('diarising a letter', () => {
  it('gives each letter the next diary number, whoever diarises it, and puts it in the clerk\'s hands', async () => {
    const o = await office();
    const { clerk, clerk2 } = o.staff;
    const first = await o.diarise(clerk, '  बाढ़ राहत दावा  ');
    o.clock.advanceMinutes(5);
    const second = await o.diarise(clerk2, 'Pension papers', { fromWhom: null });
    o.clock.advanceMinutes(5);
    const third = await o.diarise(clerk, 'अनुस्मारक');
    expect([first.diaryNumber, second.diaryNumber, third.diaryNumber]).toEqual(['SAH/R/2026/000001', 'SAH/R/2026/000002', 'SAH/R/2026/000003']);
    expect(first).toMatchObject({
      subject: 'बाढ़ राहत दावा', fromWhom: 'अंचल अधिकारी, सोनबरसा', receivedOn: '2026-11-25', pages: 3,
      createdById: clerk.id, holderId: clerk.id, fileId: null, status: 'open',
    });
    expect(await o.movements(first.diaryNumber)).toMatchObject([{ action: 'created', fromId: clerk.id, toId: clerk.id, remark: null }]);
    // Each clerk has their own letters in hand, oldest first.
    expect((await o.inHand(clerk)).map((i) => [i.kind, i.number, i.subject])).toEqual([
      ['receipt', 'SAH/R/2026/000001', 'बाढ़ राहत दावा'], ['receipt', 'SAH/R/2026/000003', 'अनुस्मारक'],
    ]);
    expect((await o.inHand(clerk2)).map((i) => i.number)).toEqual(['SAH/R/2026/000002']);
    // Diarising tells nobody.
    expect(await o.queued()).toEqual([]);
  });

  it('records the diarising in the audit trail and queues the scans to be read for search', async () => {
    const o = await office();
    const receipt = await o.diarise(o.staff.clerk, 'बाढ़ राहत दावा');
    const { pdfBlob, originals } = o.letter(o.staff.clerk, 'बाढ़ राहत दावा');
    expect(await o.events()).toEqual([{
      type: 'receipt.diarised', actor: 'SAH0020', subjectId: receipt.diaryNumber,
      data: { pages: 3, pdf: pdfBlob, originals: originals.map((x) => x.blob) },
    }]);
    const scans = await o.run(async (tx) => Promise.all([pdfBlob, ...originals.map((x) => x.blob)].map((b) => tx.scanTexts.byBlob(b))));
    expect(scans.map((s) => s?.status)).toEqual(['pending', 'pending']);
  });

  it('never leaves a gap: a diarising that is rolled back gives its number back', async () => {
    const o = await office();
    await o.diarise(o.staff.clerk, 'Letter one');
    const lost = o.run(async (tx) => {
      await diariseReceipt(tx, o.clock, o.letter(o.staff.clerk, 'Letter that fails'));
      throw new Error('the PDF could not be stored');
    });
    await expect(lost).rejects.toThrow('the PDF could not be stored');
    expect((await o.diarise(o.staff.clerk2, 'Letter two')).diaryNumber).toBe('SAH/R/2026/000002');
    expect((await o.events()).map((e) => e.subjectId)).toEqual(['SAH/R/2026/000001', 'SAH/R/2026/000002']);
  });

  it('dates the letter and starts the diary again by the office\'s (IST) calendar', async () => {
    // 23:59 IST on 31 December 2026; two minutes later it is 1 January 2027 in Saharsa, still 2026 in UTC.
    const o = await office('2026-12-31T18:29:00.000Z');
    const last = await o.diarise(o.staff.clerk, 'Last letter of the year');
    o.clock.advanceMinutes(2);
    const next = await o.diarise(o.staff.clerk, 'First letter of the year');
    expect([last.diaryNumber, last.receivedOn]).toEqual(['SAH/R/2026/000001', '2026-12-31']);
    expect([next.diaryNumber, next.receivedOn]).toEqual(['SAH/R/2027/000001', '2027-01-01']);
  });

  it('keeps the sender\'s file names only as safe base names, in the order sent', async () => {
    const o = await office();
    const receipt = await o.diarise(o.staff.clerk, 'Three pages', {
      originals: [
        { blob: sha256Text('p1'), filename: '../../../etc/page1.jpg', mime: 'image/jpeg' },
        { blob: sha256Text('p2'), filename: 'C:\\Users\\clerk\\page<2>.png', mime: 'image/png' },
        { blob: sha256Text('p3'), filename: '   ', mime: 'application/pdf' },
      ],
    });
    const originals = await o.run((tx) => tx.receipts.originals(receipt.id));
    expect(originals.map((x) => [x.position, x.filename, x.mime])).toEqual([
      [0, 'page1.jpg', 'image/jpeg'], [1, 'page_2_.png', 'image/png'], [2, 'scan.pdf', 'application/pdf'],
    ]);
  });
});

describe('forwarding a letter', () => {
  it('moves it to the addressee, registers the movement, audits it and tells the addressee', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const receipt = await o.diarise(clerk, 'बाढ़ राहत दावा');
    o.clock.advanceMinutes(15);
    const moved = value(await o.forward(clerk, receipt.diaryNumber, so, 'कृपया देखें'));
    expect(moved).toMatchObject({ holderId: so.id, status: 'open', movedAt: o.clock.now(), fileId: null });
    expect((await o.movements(receipt.diaryNumber)).map((m) => [m.action, m.fromId, m.toId, m.remark])).toEqual([
      ['created', clerk.id, clerk.id, null], ['forwarded', clerk.id, so.id, 'कृपया देखें'],
    ]);
    expect((await o.events()).at(-1)).toEqual({ type: 'receipt.forwarded', actor: 'SAH0020', subjectId: receipt.diaryNumber, data: { to: 'SAH0010' } });
    expect(await o.queued()).toEqual([{
      employeeId: so.id, kind: 'receipt.received', subject: { type: 'receipt', id: receipt.diaryNumber },
      params: { number: receipt.diaryNumber, subject: 'बाढ़ राहत दावा', from: 'मनोज कुमार', fromPost: 'लिपिक', remark: 'कृपया देखें' },
    }]);
    expect((await o.inHand(so)).map((i) => i.number)).toEqual([receipt.diaryNumber]);
    expect(await o.inHand(clerk)).toEqual([]);
  });

  it('refuses, writing nothing: a letter one does not hold, oneself, a deactivated employee, a letter already filed', async () => {
    const o = await office();
    const { clerk, so, retired } = o.staff;
    const loose = await o.diarise(clerk, 'Loose letter');
    const before = await o.record(loose.diaryNumber);
    expect(failure(await o.forward(so, loose.diaryNumber, clerk))).toEqual({
      code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: loose.diaryNumber, holder: 'मनोज कुमार (लिपिक)' },
    });
    expect(failure(await o.forward(clerk, loose.diaryNumber, clerk))).toEqual({ code: 'FILE.SELF_FORWARD', params: {} });
    expect(failure(await o.forward(clerk, loose.diaryNumber, retired))).toEqual({ code: 'STAFF.ADDRESSEE_INACTIVE', params: { name: 'श्याम सुंदर' } });
    expect(await o.record(loose.diaryNumber)).toEqual(before);

    const filed = await o.diarise(clerk, 'Filed letter');
    const { fileNumber } = await o.open(clerk, 'Its file');
    value(await o.attach(clerk, filed.diaryNumber, fileNumber));
    const beforeFiled = await o.record(filed.diaryNumber);
    // A letter in a file moves with the file, never on its own.
    expect(failure(await o.forward(clerk, filed.diaryNumber, so))).toEqual({
      code: 'RECEIPT.ALREADY_FILED', params: { number: filed.diaryNumber, file: fileNumber },
    });
    expect(await o.record(filed.diaryNumber)).toEqual(beforeFiled);
  });

  // As for files: the addressee is looked up on the roll, not taken on trust.
  it('refuses a letter forwarded to someone who is not on the roll, writing nothing', async () => {
    const o = await office();
    const { clerk, clerk2 } = o.staff;
    const receipt = await o.diarise(clerk, 'Loose letter');
    const before = await o.record(receipt.diaryNumber);
    const stranger: Employee = { ...clerk2, id: 999, code: 'SAH9999', name: 'Not on the roll', mobile: '9999999999' };
    const result = await o.forward(clerk, receipt.diaryNumber, stranger);
    expect(result.ok ? null : result.failure.code).toBe('STAFF.NO_SUCH_ADDRESSEE');
    expect(await o.record(receipt.diaryNumber)).toEqual(before);
  });

  it('two moves of one letter at once: the second is told it changed and is rolled back', async () => {
    const o = await office();
    const { clerk, so, clerk2 } = o.staff;
    const receipt = await o.diarise(clerk, 'Contested letter');
    const seen = await o.receipt(receipt.diaryNumber);
    value(await o.run((tx) => forwardReceipt(tx, o.clock, { actor: clerk, receipt: seen, to: so, remark: null })));
    const before = await o.record(receipt.diaryNumber);
    const late = o.run((tx) => forwardReceipt(tx, o.clock, { actor: clerk, receipt: seen, to: clerk2, remark: null }));
    await expect(late).rejects.toBeInstanceOf(OfficeError);
    await expect(late).rejects.toMatchObject({ failure: { code: 'FILE.CHANGED_MEANWHILE', params: { number: receipt.diaryNumber } } });
    expect(await o.record(receipt.diaryNumber)).toEqual(before);
    expect((await o.receipt(receipt.diaryNumber)).holderId).toBe(so.id);
  });
});

describe('filing a letter into a file', () => {
  it('files it: the letter is marked filed in that file, the register names the file, the audit records it', async () => {
    const o = await office();
    const { clerk } = o.staff;
    const receipt = await o.diarise(clerk, 'बाढ़ राहत दावा');
    const { fileNumber, id } = await o.open(clerk, 'बाढ़ राहत 2026');
    o.clock.advanceMinutes(3);
    const filed = value(await o.attach(clerk, receipt.diaryNumber, fileNumber));
    expect(filed).toMatchObject({ status: 'filed', fileId: id, holderId: clerk.id, movedAt: o.clock.now() });
    expect((await o.movements(receipt.diaryNumber)).at(-1)).toMatchObject({ action: 'attached', fromId: clerk.id, toId: clerk.id, remark: fileNumber });
    expect((await o.events()).at(-1)).toEqual({ type: 'receipt.attached', actor: 'SAH0020', subjectId: receipt.diaryNumber, data: { file: fileNumber } });
    expect(await o.queued()).toEqual([]);
  });

  it('needs both the letter and the file in one\'s own hands, an open file, and a letter not yet filed', async () => {
    const o = await office();
    const { clerk, clerk2 } = o.staff;
    const mine = await o.diarise(clerk, 'My letter');
    const theirs = await o.diarise(clerk2, 'Their letter');
    const { fileNumber: myFile } = await o.open(clerk, 'My file');
    const { fileNumber: theirFile } = await o.open(clerk2, 'Their file');
    const before = await o.record(mine.diaryNumber);
    expect(failure(await o.attach(clerk, theirs.diaryNumber, myFile))).toEqual({
      code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: theirs.diaryNumber, holder: 'Priya Singh (Clerk)' },
    });
    expect(failure(await o.attach(clerk, mine.diaryNumber, theirFile))).toEqual({
      code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: theirFile, holder: 'Priya Singh (Clerk)' },
    });
    const { fileNumber: closed } = await o.open(clerk, 'Closed file');
    await o.run(async (tx) => value(await closeFile(tx, o.clock, { actor: clerk, file: (await tx.files.byNumber(closed))!, remark: 'निष्पादित' })));
    const afterClosing = { ...before, audit: before.audit + 3 };
    expect(failure(await o.attach(clerk, mine.diaryNumber, closed))).toEqual({ code: 'FILE.CLOSED', params: { number: closed } });
    expect(await o.record(mine.diaryNumber)).toEqual(afterClosing);
    value(await o.attach(clerk, mine.diaryNumber, myFile));
    const { fileNumber: another } = await o.open(clerk, 'Another file');
    expect(failure(await o.attach(clerk, mine.diaryNumber, another))).toEqual({
      code: 'RECEIPT.ALREADY_FILED', params: { number: mine.diaryNumber, file: myFile },
    });
    expect((await o.receipt(mine.diaryNumber)).fileId).toBe((await o.run((tx) => tx.files.byNumber(myFile)))?.id);
  });
});

describe('who may see a letter, and where it is', () => {
  it('its diarist, its holders past and present, whoever may see its file, and the supervising officers; nobody else', async () => {
    const o = await office();
    const { collector, ddc, adm, gopClerk, so, clerk, clerk2, revClerk } = o.staff;
    const everyone = { collector, ddc, adm, gopClerk, so, clerk, clerk2, revClerk };
    const sees = async (diaryNumber: string) => Object.fromEntries(await Promise.all(
      Object.entries(everyone).map(async ([k, e]) => [k, await o.canSee(e, diaryNumber)] as const),
    ));
    const loose = await o.diarise(clerk, 'Loose letter');
    expect(await sees(loose.diaryNumber)).toEqual({ collector: true, ddc: true, adm: true, gopClerk: false, so: false, clerk: true, clerk2: false, revClerk: false });
    value(await o.forward(clerk, loose.diaryNumber, so));
    value(await o.forward(so, loose.diaryNumber, gopClerk));
    expect(await sees(loose.diaryNumber)).toEqual({ collector: true, ddc: true, adm: true, gopClerk: true, so: true, clerk: true, clerk2: false, revClerk: false });
    // Filed into an establishment file, it is open to the establishment section like the file.
    const filed = await o.diarise(clerk, 'Filed letter');
    const { fileNumber } = await o.open(clerk, 'Establishment file');
    value(await o.attach(clerk, filed.diaryNumber, fileNumber));
    expect(await sees(filed.diaryNumber)).toEqual({ collector: true, ddc: true, adm: true, gopClerk: false, so: true, clerk: true, clerk2: true, revClerk: false });
  });

  it('status: found by its diary number however typed, with its holder, its movements and its file', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const receipt = await o.diarise(clerk, 'बाढ़ राहत दावा');
    o.clock.advanceMinutes(10);
    value(await o.forward(clerk, receipt.diaryNumber, so, 'कृपया देखें'));
    const tracked = await o.run((tx) => findTracked(tx, ' sah/r/2026/000001 '));
    if (tracked?.kind !== 'receipt') throw new Error('the receipt was not found');
    expect(tracked.receipt.diaryNumber).toBe(receipt.diaryNumber);
    expect(tracked.holder?.code).toBe('SAH0010');
    expect(tracked.file).toBeNull();
    expect(tracked.trail.map((t) => [t.action, t.from?.code, t.to?.code, t.remark, t.at.toISOString()])).toEqual([
      ['created', 'SAH0020', 'SAH0020', null, '2026-11-25T05:30:00.000Z'],
      ['forwarded', 'SAH0020', 'SAH0010', 'कृपया देखें', '2026-11-25T05:40:00.000Z'],
    ]);
    const { fileNumber } = await o.open(so, 'बाढ़ राहत 2026');
    value(await o.attach(so, receipt.diaryNumber, fileNumber));
    const again = await o.run((tx) => findTracked(tx, receipt.diaryNumber));
    expect(again?.kind === 'receipt' && again.file?.fileNumber).toBe(fileNumber);
    expect(await o.run((tx) => findTracked(tx, 'SAH/R/2026/000099'))).toBeNull();
    expect((await verifyChain(o.store)).ok).toBe(true);
  });
});

// The file (संचिका) use cases of core/efile/files.ts on the in-memory store, as the office sees
// them: who may open, note, forward, decide, park, close and reopen a file, who may see it, and
// what each step leaves behind — the note sheet, the movement register, the audit trail and the
// notifications queued for the people concerned. No I/O: a fixed clock and the store only.
import { describe, expect, it } from 'vitest';
import { addNote, closeFile, createFile, decideFile, forwardFile, parkFile, reopenFile } from '../../../core/efile/files.ts';
import { attachReceipt, diariseReceipt } from '../../../core/efile/receipts.ts';
import { canSeeFile } from '../../../core/efile/guards.ts';
import { findTracked, itemsInHand, noteSheetOf, sentItems } from '../../../core/efile/queries.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import type { Decision, EFile, Note } from '../../../core/efile/types.ts';
import { sha256Text } from '../../../core/audit/verify-records.ts';
import { verifyAudit } from '../../../core/audit/verify-audit.ts';
import { OfficeError, type Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee, NewEmployee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

/**
 * A collectorate in miniature, written straight through the store: the confidential section (GOP)
 * with the Collector, the DDC and a clerk; establishment (EST) with its section officer, two clerks
 * and one deactivated clerk; revenue (REV) with the ADM and a clerk.
 */
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
  const fileOf = async (tx: Tx, number: string): Promise<EFile> => {
    const file = await tx.files.byNumber(number);
    if (file === null) throw new Error(`no file ${number}`);
    return file;
  };
  const sectionOf = (e: Employee) => Object.values(sections).find((s) => s.id === e.sectionId) ?? sections.est;
  return {
    store, clock, staff, sections, run,
    file: (number: string) => run((tx) => fileOf(tx, number)),
    open: (actor: Employee, subject: string) =>
      run((tx) => createFile(tx, clock, { actor, subject, section: sectionOf(actor), formats: DEFAULT_NUMBER_FORMATS })),
    diarise: (actor: Employee, subject: string, fromWhom: string | null = null) => run((tx) => diariseReceipt(tx, clock, {
      actor, subject, fromWhom, pdfBlob: sha256Text(`pdf of ${subject}`), pages: 2,
      originals: [{ blob: sha256Text(`scan of ${subject}`), filename: 'scan.jpg', mime: 'image/jpeg' }], formats: DEFAULT_NUMBER_FORMATS,
    })),
    attach: (actor: Employee, diaryNumber: string, number: string) => run(async (tx) => {
      const receipt = await tx.receipts.byDiaryNumber(diaryNumber);
      if (receipt === null) throw new Error(`no receipt ${diaryNumber}`);
      return attachReceipt(tx, clock, { actor, receipt, file: await fileOf(tx, number) });
    }),
    note: (actor: Employee, number: string, text: string) => run(async (tx) => addNote(tx, clock, { actor, file: await fileOf(tx, number), text })),
    forward: (actor: Employee, number: string, to: Employee, remark: string | null = null) =>
      run(async (tx) => forwardFile(tx, clock, { actor, file: await fileOf(tx, number), to, remark })),
    decide: (actor: Employee, number: string, decision: Decision, remark: string | null = null) =>
      run(async (tx) => decideFile(tx, clock, { actor, file: await fileOf(tx, number), decision, remark })),
    park: (actor: Employee, number: string, remark: string | null = null) =>
      run(async (tx) => parkFile(tx, clock, { actor, file: await fileOf(tx, number), remark })),
    close: (actor: Employee, number: string, remark: string) => run(async (tx) => closeFile(tx, clock, { actor, file: await fileOf(tx, number), remark })),
    reopen: (actor: Employee, number: string) => run(async (tx) => reopenFile(tx, clock, { actor, file: await fileOf(tx, number) })),
    canSee: (viewer: Employee, number: string) => run(async (tx) => canSeeFile(tx, viewer, await fileOf(tx, number))),
    notes: (number: string) => run(async (tx) => tx.notes.listByFile((await fileOf(tx, number)).id)),
    movements: (number: string) => run(async (tx) => tx.movements.listFor('file', (await fileOf(tx, number)).id)),
    inHand: (e: Employee) => run((tx) => itemsInHand(tx, e)),
    /** The audit trail, oldest first, with each event's details parsed. */
    events: async () => (await run((tx) => tx.audit.page(1, 10_000)))
      .map((e) => ({ type: e.type, actor: e.actor, subjectId: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })),
    /** Notifications queued, oldest first. */
    queued: async () => (await run((tx) => tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)))
      .map((o) => ({ employeeId: o.employeeId, ...(JSON.parse(o.payload) as Notification) })),
    /** Everything an action on the file could write, to show that a refused one wrote nothing. */
    record: async (number: string) => run(async (tx) => {
      const file = await fileOf(tx, number);
      return {
        file, notes: await tx.notes.listByFile(file.id), movements: await tx.movements.listFor('file', file.id),
        audit: (await tx.audit.page(1, 10_000)).length, outbox: (await tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)).length,
      };
    }),
  };
}

type Office = Awaited<ReturnType<typeof office>>;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

function failure<T>(result: Result<T>): { code: string; params: Record<string, string | number> } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result.failure;
}

const types = async (o: Office) => (await o.events()).map((e) => e.type);

/** clerk opens EST-1/2026 and puts it up to the section officer, who puts it up to the DDC. */
async function upTheChain(o: Office): Promise<string> {
  const { clerk, so, ddc } = o.staff;
  const { fileNumber } = await o.open(clerk, 'वर्ष 2026-27 का स्थापना व्यय');
  value(await o.note(clerk, fileNumber, 'प्रस्ताव संलग्न है।'));
  o.clock.advanceMinutes(10);
  value(await o.forward(clerk, fileNumber, so, 'आदेशार्थ प्रस्तुत'));
  o.clock.advanceMinutes(10);
  value(await o.forward(so, fileNumber, ddc, 'स्वीकृति हेतु'));
  o.clock.advanceMinutes(10);
  return fileNumber;
}

describe('opening a file', () => {
  it('numbers it per section and year without gaps, puts it in the opener\'s hands and records the opening', async () => {
    const o = await office();
    const { clerk, clerk2, gopClerk } = o.staff;
    const a = await o.open(clerk, '  सेवा पुस्तिका सत्यापन  ');
    const b = await o.open(clerk2, 'Pension case of a retired clerk');
    const g = await o.open(gopClerk, 'गोपनीय चरित्र पुस्तिका');
    expect([a.fileNumber, b.fileNumber, g.fileNumber]).toEqual(['EST-1/2026', 'EST-2/2026', 'GOP-1/2026']);
    expect(a).toMatchObject({ subject: 'सेवा पुस्तिका सत्यापन', sectionId: o.sections.est.id, createdById: clerk.id, holderId: clerk.id, status: 'open' });
    expect(await o.movements('EST-1/2026')).toMatchObject([{ action: 'created', fromId: clerk.id, toId: clerk.id, remark: null }]);
    expect(await o.events()).toEqual([
      { type: 'file.created', actor: 'SAH0020', subjectId: 'EST-1/2026', data: { subject: 'सेवा पुस्तिका सत्यापन', section: 'EST' } },
      { type: 'file.created', actor: 'SAH0021', subjectId: 'EST-2/2026', data: { subject: 'Pension case of a retired clerk', section: 'EST' } },
      { type: 'file.created', actor: 'SAH0005', subjectId: 'GOP-1/2026', data: { subject: 'गोपनीय चरित्र पुस्तिका', section: 'GOP' } },
    ]);
    expect((await o.inHand(clerk)).map((i) => [i.kind, i.number, i.parked])).toEqual([['file', 'EST-1/2026', false]]);
    // Opening a file tells nobody: it is in its opener's own hands.
    expect(await o.queued()).toEqual([]);
  });

  it('starts the series again at the new year of the office\'s calendar (IST), not the server\'s', async () => {
    // 23:59 IST on 31 December 2026; two minutes later it is 1 January 2027 in Saharsa but still 2026 in UTC.
    const o = await office('2026-12-31T18:29:00.000Z');
    expect((await o.open(o.staff.clerk, 'Last file of the year')).fileNumber).toBe('EST-1/2026');
    o.clock.advanceMinutes(2);
    expect((await o.open(o.staff.clerk, 'First file of the year')).fileNumber).toBe('EST-1/2027');
    expect((await o.open(o.staff.clerk, 'Second file of the year')).fileNumber).toBe('EST-2/2027');
  });

  it('from a receipt, with another letter attached later: both are filed in it and travel with it', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const first = await o.diarise(clerk, 'बाढ़ राहत दावा — सोनबरसा', 'अंचल अधिकारी, सोनबरसा');
    const { fileNumber } = await o.open(clerk, first.subject);
    const attached = value(await o.attach(clerk, first.diaryNumber, fileNumber));
    expect(attached).toMatchObject({ status: 'filed', holderId: clerk.id });
    o.clock.advanceMinutes(60);
    const second = await o.diarise(clerk, 'बाढ़ राहत दावा — अनुस्मारक', 'अंचल अधिकारी, सोनबरसा');
    value(await o.attach(clerk, second.diaryNumber, fileNumber));

    const tracked = await o.run((tx) => findTracked(tx, fileNumber));
    expect(tracked?.kind === 'file' && tracked.receipts.map((r) => [r.diaryNumber, r.status])).toEqual([
      [first.diaryNumber, 'filed'], [second.diaryNumber, 'filed'],
    ]);
    const attachedEvents = (await o.events()).filter((e) => e.type === 'receipt.attached');
    expect(attachedEvents).toEqual([
      { type: 'receipt.attached', actor: 'SAH0020', subjectId: first.diaryNumber, data: { file: fileNumber } },
      { type: 'receipt.attached', actor: 'SAH0020', subjectId: second.diaryNumber, data: { file: fileNumber } },
    ]);
    // Filed letters are no longer loose in the clerk's hands: only the file is.
    expect((await o.inHand(clerk)).map((i) => i.number)).toEqual([fileNumber]);
    // A letter already in a file is not filed twice.
    const { fileNumber: other } = await o.open(clerk, 'Another file');
    expect(failure(await o.attach(clerk, first.diaryNumber, other))).toEqual({
      code: 'RECEIPT.ALREADY_FILED', params: { number: first.diaryNumber, file: fileNumber },
    });
    // Forwarded, the file carries both letters to its next holder.
    value(await o.forward(clerk, fileNumber, so));
    const sheet = await o.run(async (tx) => noteSheetOf(tx, (await tx.files.byNumber(fileNumber))!, o.clock.now()));
    expect(sheet.annexures).toEqual([
      { place: 1, diaryNumber: first.diaryNumber, subject: 'बाढ़ राहत दावा — सोनबरसा', from: 'अंचल अधिकारी, सोनबरसा', receivedOn: '25-11-2026', pages: 2 },
      { place: 2, diaryNumber: second.diaryNumber, subject: 'बाढ़ राहत दावा — अनुस्मारक', from: 'अंचल अधिकारी, सोनबरसा', receivedOn: '25-11-2026', pages: 2 },
    ]);
  });
});

describe('noting on a file', () => {
  it('numbers the notes 1, 2, 3… on each file, and records each with a hash of its text', async () => {
    const o = await office();
    const { clerk } = o.staff;
    const a = (await o.open(clerk, 'File A')).fileNumber;
    const b = (await o.open(clerk, 'File B')).fileNumber;
    expect(value(await o.note(clerk, a, '  पत्र प्राप्त हुआ।  '))).toMatchObject({ number: 1, text: 'पत्र प्राप्त हुआ।', authorId: clerk.id, decision: null });
    expect(value(await o.note(clerk, a, 'प्रतिवेदन मांगा जाए।')).number).toBe(2);
    expect(value(await o.note(clerk, b, 'Put up for orders.')).number).toBe(1);
    expect(value(await o.note(clerk, a, 'अनुस्मारक भेजा गया।')).number).toBe(3);
    expect((await o.notes(a)).map((n) => [n.number, n.text])).toEqual([
      [1, 'पत्र प्राप्त हुआ।'], [2, 'प्रतिवेदन मांगा जाए।'], [3, 'अनुस्मारक भेजा गया।'],
    ]);
    const noted = (await o.events()).filter((e) => e.type === 'file.noted');
    expect(noted.map((e) => [e.subjectId, e.actor, e.data])).toEqual([
      [a, 'SAH0020', { note: 1, decision: null, textSha256: sha256Text('पत्र प्राप्त हुआ।') }],
      [a, 'SAH0020', { note: 2, decision: null, textSha256: sha256Text('प्रतिवेदन मांगा जाए।') }],
      [b, 'SAH0020', { note: 1, decision: null, textSha256: sha256Text('Put up for orders.') }],
      [a, 'SAH0020', { note: 3, decision: null, textSha256: sha256Text('अनुस्मारक भेजा गया।') }],
    ]);
    // A note is the holder's own work: nobody is told.
    expect(await o.queued()).toEqual([]);
  });

  it('only the holder notes; an empty note is refused; neither writes anything', async () => {
    const o = await office();
    const { clerk, so, ddc } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    const before = await o.record(fileNumber);
    expect(failure(await o.note(so, fileNumber, 'मैं भी लिखूँ?'))).toEqual({
      code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: fileNumber, holder: 'मनोज कुमार (लिपिक)' },
    });
    // Not even the supervising officers, who may read every file.
    expect(failure(await o.note(ddc, fileNumber, 'Seen.')).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    expect(failure(await o.note(clerk, fileNumber, '   '))).toEqual({ code: 'FILE.EMPTY_NOTE', params: {} });
    expect(await o.record(fileNumber)).toEqual(before);
  });
});

describe('forwarding a file', () => {
  it('moves it to the addressee: the remark becomes the next note, the register and the audit say so, and the addressee is told', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const { fileNumber } = await o.open(clerk, 'वर्ष 2026-27 का स्थापना व्यय');
    value(await o.note(clerk, fileNumber, 'प्रस्ताव संलग्न है।'));
    o.clock.advanceMinutes(10);
    const forwarded = value(await o.forward(clerk, fileNumber, so, '  आदेशार्थ प्रस्तुत  '));
    expect(forwarded.file).toMatchObject({ holderId: so.id, status: 'open', movedAt: o.clock.now() });
    expect(forwarded.note).toMatchObject({ number: 2, text: 'आदेशार्थ प्रस्तुत', authorId: clerk.id });
    expect(forwarded.routedFrom).toBeNull();
    expect((await o.movements(fileNumber)).map((m) => [m.action, m.fromId, m.toId, m.remark])).toEqual([
      ['created', clerk.id, clerk.id, null], ['forwarded', clerk.id, so.id, 'आदेशार्थ प्रस्तुत'],
    ]);
    expect((await o.events()).slice(-2).map((e) => [e.type, e.actor, e.data])).toEqual([
      ['file.noted', 'SAH0020', { note: 2, decision: null, textSha256: sha256Text('आदेशार्थ प्रस्तुत') }],
      ['file.forwarded', 'SAH0020', { to: 'SAH0010' }],
    ]);
    expect(await o.queued()).toEqual([{
      employeeId: so.id, kind: 'file.received', subject: { type: 'file', id: fileNumber },
      params: { number: fileNumber, subject: 'वर्ष 2026-27 का स्थापना व्यय', from: 'मनोज कुमार', fromPost: 'लिपिक', note: 'आदेशार्थ प्रस्तुत' },
    }]);
    // It is now in the section officer's hands, and in the clerk's "sent" list.
    expect((await o.inHand(so)).map((i) => i.number)).toEqual([fileNumber]);
    expect(await o.inHand(clerk)).toEqual([]);
    const sent = await o.run((tx) => sentItems(tx, clerk));
    expect(sent.map((s) => [s.number, s.sentTo?.code, s.holder?.code, s.status])).toEqual([[fileNumber, 'SAH0010', 'SAH0010', 'open']]);
  });

  it('without a remark adds no note, and the addressee is shown the latest note (or none)', async () => {
    const o = await office();
    const { clerk, so, clerk2 } = o.staff;
    const bare = (await o.open(clerk, 'No notes yet')).fileNumber;
    value(await o.forward(clerk, bare, so, '   '));
    expect(await o.notes(bare)).toEqual([]);
    const noted = (await o.open(clerk2, 'With a note')).fileNumber;
    value(await o.note(clerk2, noted, 'वेतन निर्धारण की गणना संलग्न।'));
    value(await o.forward(clerk2, noted, so));
    expect((await o.notes(noted)).map((n) => n.number)).toEqual([1]);
    expect((await o.queued()).map((q) => [q.params.number, q.params.note])).toEqual([[bare, ''], [noted, 'वेतन निर्धारण की गणना संलग्न।']]);
    expect((await o.movements(bare)).at(-1)).toMatchObject({ action: 'forwarded', remark: null });
  });

  it('only the holder forwards it: once sent on, the sender can no longer move it', async () => {
    const o = await office();
    const { clerk, so, clerk2 } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    value(await o.forward(clerk, fileNumber, so));
    const before = await o.record(fileNumber);
    expect(failure(await o.forward(clerk, fileNumber, clerk2, 'वापस लें'))).toEqual({
      code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: fileNumber, holder: 'सुनीता देवी (प्रशाखा पदाधिकारी)' },
    });
    expect(failure(await o.forward(clerk2, fileNumber, clerk)).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    expect(await o.record(fileNumber)).toEqual(before);
  });

  it('refuses a forward to oneself or to a deactivated employee, writing nothing', async () => {
    const o = await office();
    const { clerk, retired } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    const before = await o.record(fileNumber);
    expect(failure(await o.forward(clerk, fileNumber, clerk, 'to me'))).toEqual({ code: 'FILE.SELF_FORWARD', params: {} });
    expect(failure(await o.forward(clerk, fileNumber, retired, 'कृपया देखें'))).toEqual({ code: 'STAFF.ADDRESSEE_INACTIVE', params: { name: 'श्याम सुंदर' } });
    expect(await o.record(fileNumber)).toEqual(before);
  });

  // The addressee is looked up on the roll by the core, not taken on trust from the caller: a file
  // given to an id no one has would drop out of every pendency list.
  it('refuses a forward to someone who is not on the roll, writing nothing', async () => {
    const o = await office();
    const { clerk, clerk2 } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    const before = await o.record(fileNumber);
    const stranger: Employee = { ...clerk2, id: 999, code: 'SAH9999', name: 'Not on the roll', mobile: '9999999999' };
    const result = await o.forward(clerk, fileNumber, stranger, 'कृपया देखें');
    expect(result.ok ? null : result.failure.code).toBe('STAFF.NO_SUCH_ADDRESSEE');
    expect(await o.record(fileNumber)).toEqual(before);
  });

  it('to an officer away on sanctioned leave: the file goes to whoever holds charge, and the officer is told', async () => {
    const o = await office();
    const { clerk, so, clerk2, ddc } = o.staff;
    await o.run((tx) => tx.leave.create({
      number: 'LV/2026/000007', employeeId: so.id, type: 'CL', startDate: '2026-11-24', endDate: '2026-11-27', halfDay: null, days: 4,
      reason: 'पारिवारिक कार्य', chargeToId: clerk2.id, sanctionerId: ddc.id, holderId: ddc.id, status: 'sanctioned', remark: null,
      createdAt: o.clock.now(), decidedAt: o.clock.now(), movedAt: o.clock.now(),
    }));
    const { fileNumber } = await o.open(clerk, 'File A');
    const forwarded = value(await o.forward(clerk, fileNumber, so, 'आदेशार्थ'));
    expect([forwarded.file.holderId, forwarded.to.id, forwarded.routedFrom?.id]).toEqual([clerk2.id, clerk2.id, so.id]);
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'forwarded', fromId: clerk.id, toId: clerk2.id });
    expect((await o.events()).at(-1)).toMatchObject({ type: 'file.forwarded', data: { to: 'SAH0021', addressedTo: 'SAH0010', charge: 'LV/2026/000007' } });
    expect((await o.queued()).map((q) => [q.employeeId, q.kind, q.params])).toEqual([
      [so.id, 'file.routed_to_charge', { number: fileNumber, subject: 'File A', from: 'मनोज कुमार', inCharge: 'Priya Singh', inChargePost: 'Clerk' }],
      [clerk2.id, 'file.received', {
        number: fileNumber, subject: 'File A', from: 'मनोज कुमार', fromPost: 'लिपिक', note: 'आदेशार्थ', onBehalfOf: 'सुनीता देवी (प्रशाखा पदाधिकारी)',
      }],
    ]);
  });

  it('two actions on one file at once: the first wins, the second is told it changed and leaves nothing behind', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    // Both actions read the file as it was; the note commits first.
    const seen = await o.file(fileNumber);
    value(await o.run((tx) => addNote(tx, o.clock, { actor: clerk, file: seen, text: 'पहली टिप्पणी' })));
    const before = await o.record(fileNumber);
    const late = o.run((tx) => forwardFile(tx, o.clock, { actor: clerk, file: seen, to: so, remark: 'साथ में टिप्पणी' }));
    await expect(late).rejects.toBeInstanceOf(OfficeError);
    await expect(late).rejects.toMatchObject({ failure: { code: 'FILE.CHANGED_MEANWHILE', params: { number: fileNumber } } });
    expect(await o.record(fileNumber)).toEqual(before);
  });
});

describe('deciding a file', () => {
  it('an approval goes back down the chain it came up, one step at a time, each receiver told', async () => {
    const o = await office();
    const { clerk, so, ddc } = o.staff;
    const fileNumber = await upTheChain(o);
    const approved = value(await o.decide(ddc, fileNumber, 'approve'));
    expect(approved.to.id).toBe(so.id);
    expect(approved.file).toMatchObject({ holderId: so.id, status: 'open', movedAt: o.clock.now() });
    expect(approved.note).toMatchObject({ number: 4, authorId: ddc.id, decision: 'approve', text: 'Approved. / स्वीकृत।' });
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'approved', fromId: ddc.id, toId: so.id, remark: null });
    expect((await o.events()).slice(-2).map((e) => [e.type, e.actor, e.data])).toEqual([
      ['file.noted', 'SAH0002', { note: 4, decision: 'approve', textSha256: sha256Text('Approved. / स्वीकृत।') }],
      ['file.approved', 'SAH0002', { to: 'SAH0010', note: 4 }],
    ]);
    expect((await o.queued()).at(-1)).toEqual({
      employeeId: so.id, kind: 'file.approved', subject: { type: 'file', id: fileNumber },
      params: { number: fileNumber, subject: 'वर्ष 2026-27 का स्थापना व्यय', by: 'Rakesh Kumar', byPost: 'उप विकास आयुक्त', remark: '' },
    });
    // The DDC no longer holds it, so cannot decide again.
    expect(failure(await o.decide(ddc, fileNumber, 'return', 'रुकिए')).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    // The section officer passes the approval down to the clerk who put it up — not back up to the DDC.
    o.clock.advanceMinutes(5);
    const down = value(await o.decide(so, fileNumber, 'approve', 'स्वीकृति अनुसार आदेश निर्गत करें।'));
    expect(down.to.id).toBe(clerk.id);
    expect(down.note).toMatchObject({ number: 5, decision: 'approve', text: 'स्वीकृति अनुसार आदेश निर्गत करें।' });
    expect((await o.queued()).at(-1)).toMatchObject({ employeeId: clerk.id, kind: 'file.approved', params: { by: 'सुनीता देवी', remark: 'स्वीकृति अनुसार आदेश निर्गत करें।' } });
    expect((await o.file(fileNumber)).holderId).toBe(clerk.id);
  });

  it('a return carries its reason as the note, back to whoever sent the file up', async () => {
    const o = await office();
    const { so, ddc } = o.staff;
    const fileNumber = await upTheChain(o);
    const returned = value(await o.decide(ddc, fileNumber, 'return', '  बजट शीर्ष स्पष्ट करें  '));
    expect(returned.to.id).toBe(so.id);
    expect(returned.note).toMatchObject({ number: 4, decision: 'return', text: 'बजट शीर्ष स्पष्ट करें' });
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'returned', fromId: ddc.id, toId: so.id, remark: 'बजट शीर्ष स्पष्ट करें' });
    expect((await o.events()).at(-1)).toMatchObject({ type: 'file.returned', actor: 'SAH0002', data: { to: 'SAH0010', note: 4 } });
    expect((await o.queued()).at(-1)).toMatchObject({
      employeeId: so.id, kind: 'file.returned', params: { number: fileNumber, by: 'Rakesh Kumar', remark: 'बजट शीर्ष स्पष्ट करें' },
    });
  });

  it('a file that never came from anyone has nobody to go back to, and only its holder may decide it', async () => {
    const o = await office();
    const { clerk, ddc } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    const before = await o.record(fileNumber);
    expect(failure(await o.decide(clerk, fileNumber, 'approve'))).toEqual({ code: 'FILE.NOTHING_TO_RETURN_TO', params: { number: fileNumber } });
    expect(failure(await o.decide(ddc, fileNumber, 'approve')).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    expect(await o.record(fileNumber)).toEqual(before);
  });
});

describe('parking a file', () => {
  it('keeps it pending with its holder, marked parked, until it moves again', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    o.clock.advanceMinutes(5);
    const parked = value(await o.park(clerk, fileNumber, 'अंचल से प्रतिवेदन की प्रतीक्षा'));
    expect(parked).toMatchObject({ status: 'parked', holderId: clerk.id });
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'parked', fromId: clerk.id, toId: clerk.id, remark: 'अंचल से प्रतिवेदन की प्रतीक्षा' });
    expect((await o.events()).at(-1)).toMatchObject({ type: 'file.parked', actor: 'SAH0020', subjectId: fileNumber });
    expect((await o.inHand(clerk)).map((i) => [i.number, i.parked])).toEqual([[fileNumber, true]]);
    expect(await o.queued()).toEqual([]);
    // Others cannot park what they do not hold.
    expect(failure(await o.park(so, fileNumber)).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    // The holder may still note on it; sent on, it is live again.
    expect(value(await o.note(clerk, fileNumber, 'प्रतिवेदन प्राप्त।')).number).toBe(1);
    expect(value(await o.forward(clerk, fileNumber, so)).file.status).toBe('open');
    expect((await o.inHand(so)).map((i) => [i.number, i.parked])).toEqual([[fileNumber, false]]);
  });
});

describe('closing and reopening a file', () => {
  it('closing needs a remark: without one nothing changes', async () => {
    const o = await office();
    const { fileNumber } = await o.open(o.staff.clerk, 'File A');
    const before = await o.record(fileNumber);
    expect(failure(await o.close(o.staff.clerk, fileNumber, '  '))).toEqual({ code: 'FILE.EMPTY_NOTE', params: {} });
    expect(await o.record(fileNumber)).toEqual(before);
  });

  it('only the holder closes it; its remark is the last note and then nothing more can be done to it', async () => {
    const o = await office();
    const { clerk, so, ddc } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    value(await o.note(clerk, fileNumber, 'आदेश निर्गत।'));
    expect(failure(await o.close(so, fileNumber, 'बंद करें')).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    const closed = value(await o.close(clerk, fileNumber, '  निष्पादित, अभिलेख कक्ष भेजें  '));
    expect(closed).toMatchObject({ status: 'closed', closedRemark: 'निष्पादित, अभिलेख कक्ष भेजें', holderId: clerk.id });
    expect((await o.notes(fileNumber)).at(-1)).toMatchObject({ number: 2, text: 'निष्पादित, अभिलेख कक्ष भेजें', authorId: clerk.id });
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'closed', fromId: clerk.id, toId: clerk.id, remark: 'निष्पादित, अभिलेख कक्ष भेजें' });
    expect((await types(o)).slice(-2)).toEqual(['file.noted', 'file.closed']);
    // No longer pending with anyone.
    expect(await o.inHand(clerk)).toEqual([]);
    const before = await o.record(fileNumber);
    const refusal = { code: 'FILE.CLOSED', params: { number: fileNumber } };
    expect(failure(await o.note(clerk, fileNumber, 'और एक टिप्पणी'))).toEqual(refusal);
    expect(failure(await o.forward(clerk, fileNumber, so))).toEqual(refusal);
    expect(failure(await o.park(clerk, fileNumber))).toEqual(refusal);
    expect(failure(await o.close(clerk, fileNumber, 'फिर से'))).toEqual(refusal);
    expect(failure(await o.decide(ddc, fileNumber, 'approve'))).toEqual(refusal);
    expect(await o.record(fileNumber)).toEqual(before);
  });

  it('an open file cannot be reopened', async () => {
    const o = await office();
    const { fileNumber } = await o.open(o.staff.clerk, 'File A');
    expect(failure(await o.reopen(o.staff.clerk2, fileNumber))).toEqual({ code: 'FILE.NOT_CLOSED', params: { number: fileNumber } });
  });

  it('anyone of its own section reopens a closed file, into their own hands; no one else can', async () => {
    const o = await office();
    const { clerk, clerk2, revClerk, ddc } = o.staff;
    const { fileNumber } = await o.open(clerk, 'File A');
    value(await o.note(clerk, fileNumber, 'टिप्पणी'));
    value(await o.close(clerk, fileNumber, 'निष्पादित'));
    const before = await o.record(fileNumber);
    expect(failure(await o.reopen(revClerk, fileNumber))).toEqual({ code: 'FILE.NOT_YOUR_SECTION', params: { number: fileNumber, section: 'स्थापना' } });
    // Seeing every file is not owning it: the DDC of another section cannot reopen it either.
    expect(failure(await o.reopen(ddc, fileNumber)).code).toBe('FILE.NOT_YOUR_SECTION');
    expect(await o.record(fileNumber)).toEqual(before);
    o.clock.advanceMinutes(30);
    const reopened = value(await o.reopen(clerk2, fileNumber));
    expect(reopened).toMatchObject({ status: 'open', holderId: clerk2.id, closedRemark: null, movedAt: o.clock.now() });
    expect((await o.movements(fileNumber)).at(-1)).toMatchObject({ action: 'reopened', fromId: clerk.id, toId: clerk2.id });
    expect((await o.events()).at(-1)).toMatchObject({ type: 'file.reopened', actor: 'SAH0021', subjectId: fileNumber });
    // The reopener holds it now and the note sheet goes on from where it stopped.
    expect(value(await o.note(clerk2, fileNumber, 'पुनः विचारार्थ।')).number).toBe(3);
    expect(failure(await o.note(clerk, fileNumber, 'मेरी टिप्पणी')).code).toBe('FILE.NOT_IN_YOUR_HANDS');
    expect((await o.inHand(clerk2)).map((i) => i.number)).toEqual([fileNumber]);
  });
});

describe('who may see a file', () => {
  it('a confidential file: its section, its holder, those it passed through and the supervising officers; nobody else', async () => {
    const o = await office();
    const { collector, ddc, adm, gopClerk, so, clerk, clerk2, revClerk } = o.staff;
    const { fileNumber } = await o.open(gopClerk, 'गोपनीय चरित्र पुस्तिका');
    const sees = async () => Object.fromEntries(await Promise.all(
      Object.entries({ collector, ddc, adm, gopClerk, so, clerk, clerk2, revClerk }).map(async ([k, e]) => [k, await o.canSee(e, fileNumber)] as const),
    ));
    expect(await sees()).toEqual({ collector: true, ddc: true, adm: true, gopClerk: true, so: false, clerk: false, clerk2: false, revClerk: false });
    // Sent to the establishment section officer for a comment, and on to the clerk.
    value(await o.forward(gopClerk, fileNumber, so, 'टिप्पणी हेतु'));
    value(await o.forward(so, fileNumber, clerk, 'सेवा अभिलेख से मिलान करें'));
    value(await o.forward(clerk, fileNumber, ddc));
    // Both may still read what they worked on; their colleague who never had it may not.
    expect(await sees()).toEqual({ collector: true, ddc: true, adm: true, gopClerk: true, so: true, clerk: true, clerk2: false, revClerk: false });
  });
});

describe('where a file is and what it says', () => {
  it('status: found by its number however typed, with its holder and every movement in order', async () => {
    const o = await office();
    const { so, ddc } = o.staff;
    const fileNumber = await upTheChain(o);
    value(await o.decide(ddc, fileNumber, 'approve'));
    const tracked = await o.run((tx) => findTracked(tx, '  est-1/2026 '));
    if (tracked?.kind !== 'file') throw new Error('the file was not found');
    expect(tracked.file.fileNumber).toBe(fileNumber);
    expect(tracked.holder?.id).toBe(so.id);
    expect(tracked.notes).toBe(4);
    expect(tracked.trail.map((t) => [t.action, t.from?.code, t.to?.code, t.remark])).toEqual([
      ['created', 'SAH0020', 'SAH0020', null],
      ['forwarded', 'SAH0020', 'SAH0010', 'आदेशार्थ प्रस्तुत'],
      ['forwarded', 'SAH0010', 'SAH0002', 'स्वीकृति हेतु'],
      ['approved', 'SAH0002', 'SAH0010', null],
    ]);
    expect(tracked.trail.map((t) => t.at.toISOString())).toEqual([
      '2026-11-25T05:30:00.000Z', '2026-11-25T05:40:00.000Z', '2026-11-25T05:50:00.000Z', '2026-11-25T06:00:00.000Z',
    ]);
    expect(await o.run((tx) => findTracked(tx, 'EST-9/2026'))).toBeNull();
  });

  it('the note sheet: numbered notes with author, post and time, decisions in words, and the movement register', async () => {
    const o = await office();
    const { so, ddc } = o.staff;
    const fileNumber = await upTheChain(o);
    value(await o.decide(ddc, fileNumber, 'return', 'बजट शीर्ष स्पष्ट करें'));
    value(await o.forward(so, fileNumber, ddc, 'बजट शीर्ष 2059 है।'));
    value(await o.decide(ddc, fileNumber, 'approve'));
    const sheet = await o.run(async (tx) => noteSheetOf(tx, (await tx.files.byNumber(fileNumber))!, o.clock.now()));
    expect(sheet).toMatchObject({ fileNumber, subject: 'वर्ष 2026-27 का स्थापना व्यय', section: 'स्थापना', status: 'open / चालू' });
    expect(sheet.notes).toEqual([
      { number: 1, author: 'मनोज कुमार', post: 'लिपिक', at: '25-11-2026 11:00 IST', text: 'प्रस्ताव संलग्न है।' },
      { number: 2, author: 'मनोज कुमार', post: 'लिपिक', at: '25-11-2026 11:10 IST', text: 'आदेशार्थ प्रस्तुत' },
      { number: 3, author: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', at: '25-11-2026 11:20 IST', text: 'स्वीकृति हेतु' },
      { number: 4, author: 'Rakesh Kumar', post: 'उप विकास आयुक्त', at: '25-11-2026 11:30 IST', text: 'बजट शीर्ष स्पष्ट करें', decision: 'Returned / वापस' },
      { number: 5, author: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', at: '25-11-2026 11:30 IST', text: 'बजट शीर्ष 2059 है।' },
      // An approval without a remark is printed once, as the decision.
      { number: 6, author: 'Rakesh Kumar', post: 'उप विकास आयुक्त', at: '25-11-2026 11:30 IST', text: '', decision: 'Approved / स्वीकृत' },
    ]);
    expect(sheet.movements.map((m) => [m.action, m.from, m.to])).toEqual([
      ['opened / खोली गई', 'मनोज कुमार, लिपिक', 'मनोज कुमार, लिपिक'],
      ['forwarded / अग्रसारित', 'मनोज कुमार, लिपिक', 'सुनीता देवी, प्रशाखा पदाधिकारी'],
      ['forwarded / अग्रसारित', 'सुनीता देवी, प्रशाखा पदाधिकारी', 'Rakesh Kumar, उप विकास आयुक्त'],
      ['returned / वापस', 'Rakesh Kumar, उप विकास आयुक्त', 'सुनीता देवी, प्रशाखा पदाधिकारी'],
      ['forwarded / अग्रसारित', 'सुनीता देवी, प्रशाखा पदाधिकारी', 'Rakesh Kumar, उप विकास आयुक्त'],
      ['approved / स्वीकृत', 'Rakesh Kumar, उप विकास आयुक्त', 'सुनीता देवी, प्रशाखा पदाधिकारी'],
    ]);
  });

  it('a whole life — opened, noted, moved, decided, parked, closed, reopened — leaves an audit trail that vouches for every note and movement', async () => {
    const o = await office();
    const { clerk, clerk2, so, ddc } = o.staff;
    const receipt = await o.diarise(clerk, 'Letter');
    const fileNumber = await upTheChain(o);
    value(await o.decide(ddc, fileNumber, 'approve'));
    value(await o.decide(so, fileNumber, 'approve'));
    value(await o.attach(clerk, receipt.diaryNumber, fileNumber));
    value(await o.park(clerk, fileNumber, 'प्रतीक्षा'));
    value(await o.close(clerk, fileNumber, 'निष्पादित'));
    value(await o.reopen(clerk2, fileNumber));
    value(await o.note(clerk2, fileNumber, 'पुनः खोली गई।'));
    expect(await types(o)).toEqual([
      'receipt.diarised', 'file.created', 'file.noted', 'file.noted', 'file.forwarded', 'file.noted', 'file.forwarded',
      'file.noted', 'file.approved', 'file.noted', 'file.approved', 'receipt.attached', 'file.parked', 'file.noted', 'file.closed',
      'file.reopened', 'file.noted',
    ]);
    const verified = await verifyAudit(o.store, { anchors: [] });
    expect(verified.chain.report).toEqual({ ok: true, count: 17 });
    expect(verified.records.problems).toEqual([]);
    // And the check is a real one: a note edited in the store behind the office's back is named.
    const state = o.store.unsafeState() as unknown as { efile: { notes: Note[] } };
    const first = state.efile.notes.find((n) => n.number === 1);
    if (first === undefined) throw new Error('note 1 is missing');
    first.text = 'प्रस्ताव संलग्न नहीं है।';
    expect((await verifyAudit(o.store, { anchors: [] })).records.problems).toEqual([{ kind: 'note_text', file: fileNumber, note: 1, seq: 3 }]);
  });
});

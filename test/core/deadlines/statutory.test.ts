// The statutory deadline use cases on the in-memory store (no I/O): proposing from a receipt's words,
// confirming, correcting and dismissing (who may, what is refused, what is audited), carrying it
// into the file, closing it with the file, and raising each escalation event once to the right people.
import { describe, expect, it } from 'vitest';
import { closeFile, createFile } from '../../../core/efile/files.ts';
import { attachReceipt, diariseReceipt } from '../../../core/efile/receipts.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';
import { DEFAULT_DEADLINE_RULES } from '../../../core/deadlines/rules.ts';
import { dismissDeadline, proposeDeadlines, setDeadline, statusOf, type DeadlinePolicy } from '../../../core/deadlines/statutory.ts';
import { raiseDeadlineEvent } from '../../../core/deadlines/escalate.ts';
import type { Tx } from '../../../core/ports.ts';
import type { Employee } from '../../../core/types.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

const policy: DeadlinePolicy = { rules: DEFAULT_DEADLINE_RULES, calendar: DEFAULT_CALENDAR };

async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-12-07T05:30:00.000Z'); // Monday 7 December 2026, 11:00 IST
  const staff = await seedSmallOffice(store);
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  let n = 0;
  const receipt = (subject: string, actor: Employee = staff.clerk) => {
    n += 1;
    const blob = String(n).padStart(64, '0');
    return run((tx) => diariseReceipt(tx, clock, {
      actor, subject, fromWhom: null, pdfBlob: blob, pages: 1, originals: [{ blob, filename: 'scan.jpg', mime: 'image/jpeg' }], formats: DEFAULT_NUMBER_FORMATS,
    }));
  };
  const audit = () => run(async (tx) => (await tx.audit.page(1, 1000)).map((e) => ({ type: e.type, subject: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })));
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
  const raise = (receiptId: number) => run(async (tx) => {
    const row = await tx.deadlines.byReceipt(receiptId);
    return row === null ? null : raiseDeadlineEvent(tx, clock, { id: row.id, receiptId, now: clock.now(), headPost: 'COLLECTOR', rules: DEFAULT_DEADLINE_RULES });
  });
  const queued = () => run(async (tx) => (await tx.outbox.due(new Date(8.64e15), 1000)).map((o) => ({ to: o.employeeId, ...(JSON.parse(o.payload) as { kind: string }) })));
  return { store, clock, staff, run, receipt, audit, at, raise, queued };
}

describe('proposing', () => {
  it('proposes from the subject and the scan\'s text, counted from the instant of diarising', async () => {
    const o = await office();
    const r = await o.receipt('सूचना का अधिकार अधिनियम 2005 की धारा 6 के अंतर्गत आवेदन');
    const [p] = proposeDeadlines(r, {}, policy);
    expect(p?.kind.key).toBe('rti');
    expect(p?.deadline?.dueDate).toBe('2027-01-06');
    // A CWJC whose hearing date is in the scan text: due 7 days before it.
    const cwjc = await o.receipt('Letter from the Government Pleader');
    const [c] = proposeDeadlines(cwjc, { scanText: 'CWJC No. 1234/2026, counter affidavit; next date of hearing 20.01.2027' }, policy);
    expect([c?.kind.key, c?.deadline?.statedDate, c?.deadline?.dueDate]).toEqual(['cwjc', '2027-01-20', '2027-01-13']);
    expect(proposeDeadlines(await o.receipt('बाढ़ राहत दावा'), {}, policy)).toEqual([]);
  });
});

describe('confirming, correcting, dismissing', () => {
  it('confirms as counted, audited with the due date', async () => {
    const o = await o_rti();
    const row = await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy }));
    expect(row.ok && [row.value.dueDate, row.value.corrected, row.value.state, row.value.fileId]).toEqual(['2027-01-06', false, 'confirmed', null]);
    expect((await o.audit()).filter((e) => e.type.startsWith('deadline.'))).toEqual([
      { type: 'deadline.confirmed', subject: o.r.diaryNumber, data: { kind: 'rti', dueDate: '2027-01-06', statedDate: null, receivedOn: '2026-12-07' } },
    ]);
  });

  it('refuses what it cannot count, a date before receipt, an unknown kind, and anyone not holding the letter — writing nothing', async () => {
    const o = await o_rti();
    const codes = await Promise.all([
      o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'cwjc', policy })),
      o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy, dueDate: '2026-12-01' })),
      o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy, dueDate: '2027-02-30' })),
      o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'gst', policy })),
      o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.ddc, receipt: o.r, kind: 'rti', policy })),
      o.run((tx) => dismissDeadline(tx, o.clock, { actor: o.staff.ddc, receipt: o.r, kind: 'rti', policy })),
    ]);
    expect(codes.map((c) => (c.ok ? 'ok' : c.failure.code))).toEqual([
      'DEADLINE.DATE_NEEDED', 'DEADLINE.BEFORE_RECEIPT', 'DEADLINE.BAD_DATE', 'DEADLINE.UNKNOWN_KIND', 'FILE.NOT_IN_YOUR_HANDS', 'FILE.NOT_IN_YOUR_HANDS',
    ]);
    expect(await o.run((tx) => tx.deadlines.byReceipt(o.r.id))).toBeNull();
    expect((await o.audit()).some((e) => e.type.startsWith('deadline.'))).toBe(false);
  });

  it('a correction keeps the clerk\'s date; a moved date raises its events again at the new points', async () => {
    const o = await o_rti();
    await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy }));
    o.at('2026-12-30T00:00:00.000Z');
    expect((await o.raise(o.r.id))?.kind).toBe('deadline.warning');
    const corrected = await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy, dueDate: '2027-02-15' }));
    expect(corrected.ok && [corrected.value.dueDate, corrected.value.corrected, corrected.value.warningRaisedAt]).toEqual(['2027-02-15', true, null]);
    expect(await o.raise(o.r.id)).toBeNull(); // the new 75% point is 5 February
    const types = (await o.audit()).map((e) => e.type);
    expect(types.filter((t) => t === 'deadline.corrected')).toHaveLength(1);
  });

  it('dismissing stores the decision (nothing proposed again) and stops a confirmed one escalating', async () => {
    const o = await o_rti();
    await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy }));
    const dismissed = await o.run((tx) => dismissDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: o.r, kind: 'rti', policy }));
    expect(dismissed.ok && dismissed.value.state).toBe('dismissed');
    o.at('2027-01-20T00:00:00.000Z');
    expect(await o.raise(o.r.id)).toBeNull();
    expect(await o.run((tx) => tx.deadlines.withEventsDue(o.clock.now(), 10))).toEqual([]);
    expect((await o.audit()).map((e) => e.type)).toContain('deadline.dismissed');
  });

  async function o_rti() {
    const o = await office();
    const r = await o.receipt('RTI application under section 6(1) of the RTI Act');
    return { ...o, r };
  }
});

describe('carried by the file, closed with it', () => {
  it('the file carries the deadline once the receipt is put in it, and closing the file closes it (audited)', async () => {
    const o = await office();
    const r = await o.receipt('RTI application under section 6(1) of the RTI Act');
    await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: r, kind: 'rti', policy }));
    const est = (await o.run((tx) => tx.sections.byCode('EST')))!;
    const file = await o.run((tx) => createFile(tx, o.clock, { actor: o.staff.clerk, subject: 'RTI: Shri Ramesh Yadav', section: est, formats: DEFAULT_NUMBER_FORMATS }));
    await o.run((tx) => attachReceipt(tx, o.clock, { actor: o.staff.clerk, receipt: r, file }));
    expect((await o.run((tx) => tx.deadlines.forFiles([file.id]))).map((d) => d.receiptId)).toEqual([r.id]);
    const fresh = (await o.run((tx) => tx.files.byId(file.id)))!;
    const closed = await o.run((tx) => closeFile(tx, o.clock, { actor: o.staff.clerk, file: fresh, remark: 'सूचना आवेदक को भेजी गई' }));
    expect(closed.ok).toBe(true);
    expect(await o.run((tx) => tx.deadlines.byReceipt(r.id))).toMatchObject({ state: 'closed', closedAt: o.clock.now() });
    expect((await o.audit()).find((e) => e.type === 'deadline.closed')).toMatchObject({ subject: file.fileNumber, data: { kind: 'rti', overdue: false } });
    // Closed is final for the deadline: neither confirmed again nor dismissed on the closed file.
    const again = await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: r, kind: 'rti', policy }));
    expect(again.ok ? 'ok' : again.failure.code).toBe('FILE.CLOSED');
  });
});

describe('escalation', () => {
  it('48-hour RTI: 75% at hour 36, the deadline at hour 48; the head of office is told too (serious); each once', async () => {
    const o = await office();
    const r = await o.receipt('RTI application: information sought concerns the life or liberty of my son');
    const [p] = proposeDeadlines(r, {}, policy);
    expect(p?.kind.key).toBe('rti_life_liberty');
    await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: r, kind: 'rti_life_liberty', policy }));
    const row = (await o.run((tx) => tx.deadlines.byReceipt(r.id)))!;
    expect(statusOf(row, o.clock.now())).toMatchObject({ hoursLeft: 48, state: 'due_soon' });
    o.clock.advance(35 * 3_600_000);
    expect(await o.raise(r.id)).toBeNull();
    o.clock.advance(3_600_000);
    const warning = await o.raise(r.id);
    // The clerk's reporting officer is the section officer of EST: told once.
    expect([warning?.kind, warning?.told.map((e) => e.code)]).toEqual(['deadline.warning', ['SAH0010']]);
    expect(await o.raise(r.id)).toBeNull();
    o.clock.advance(12 * 3_600_000);
    const due = await o.raise(r.id);
    expect([due?.kind, due?.told.map((e) => e.code).sort()]).toEqual(['deadline.due', ['SAH0001', 'SAH0010']]);
    expect(await o.raise(r.id)).toBeNull();
    expect((await o.queued()).map((q) => [q.kind, q.to])).toEqual([
      ['deadline.warning', o.staff.so.id], ['deadline.due', o.staff.so.id], ['deadline.due', o.staff.collector.id],
    ]);
  });

  it('a server down past the deadline raises only the deadline, never a late 75% warning; an inactive officer is not told', async () => {
    const o = await office();
    const r = await o.receipt('RTI application under section 6(1) of the RTI Act');
    await o.run((tx) => setDeadline(tx, o.clock, { actor: o.staff.clerk, receipt: r, kind: 'rti', policy }));
    await o.run((tx) => tx.employees.update(o.staff.so.id, { active: false }));
    o.at('2027-01-08T00:00:00.000Z');
    const raised = await o.raise(r.id);
    expect([raised?.kind, raised?.told]).toEqual(['deadline.due', []]);
    expect(await o.raise(r.id)).toBeNull();
    expect((await o.audit()).filter((e) => e.type === 'deadline.warning')).toEqual([]);
    expect((await o.audit()).find((e) => e.type === 'deadline.due')).toMatchObject({ subject: r.diaryNumber, data: { kind: 'rti', told: [] } });
  });
});

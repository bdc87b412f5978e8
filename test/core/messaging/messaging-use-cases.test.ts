// Circulars, notices and direct messages (core/messaging/*) on the in-memory store: who may send a
// circular and to whom it goes, acknowledgements (once each), the sender's status view, the
// reminder at the deadline (once), and direct messages between employees. No I/O: a fixed clock,
// the store, and the outbox read back as the dispatcher would find it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CIRCULAR_POLICY, MAX_CIRCULAR_LENGTH, sendCircular, type CircularPolicy, type SentCircular,
} from '../../../core/messaging/send-circular.ts';
import { acknowledgeCircular } from '../../../core/messaging/acknowledge-circular.ts';
import { circularStatus } from '../../../core/messaging/circular-status.ts';
import { remindCircular, remindCirculars } from '../../../core/messaging/remind-circulars.ts';
import { MAX_MESSAGE_LENGTH, sendDirectMessage } from '../../../core/messaging/direct-message.ts';
import type { Circular, CircularAudience } from '../../../core/messaging/circular-types.ts';
import type { Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee, NewEmployee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

const HOUR = 3_600_000;

/**
 * GOP: Collector, DDC; REV: ADM and a clerk with no linked chat; EST: section officer, two clerks and
 * a deactivated clerk (still linked). Everyone else has a chat linked.
 */
async function office(iso?: string) {
  const store = new MemoryStore();
  const clock = new FakeClock(iso);
  const staff = await store.transaction(async (tx) => {
    const gop = await tx.sections.create({ code: 'GOP', name: 'जिला गोपनीय प्रशाखा' });
    const rev = await tx.sections.create({ code: 'REV', name: 'राजस्व' });
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    let mobile = 9_000_000_000;
    const person = (code: string, name: string, post: string, postKey: string | null, sectionId: number, extra: Partial<NewEmployee> = {}) =>
      tx.employees.create({
        code, name, post, postKey, sectionId, dob: '1980-01-15', mobile: String(++mobile), email: null,
        reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...extra,
      });
    const s = {
      collector: await person('SAH0001', 'आनंद शर्मा', 'जिलाधिकारी', 'COLLECTOR', gop.id),
      ddc: await person('SAH0002', 'Rakesh Kumar', 'उप विकास आयुक्त', 'DDC', gop.id),
      adm: await person('SAH0003', 'Vivek Anand', 'अपर समाहर्ता', 'ADM', rev.id),
      so: await person('SAH0010', 'सुनीता देवी', 'प्रशाखा पदाधिकारी', 'SO', est.id),
      clerk: await person('SAH0020', 'मनोज कुमार', 'लिपिक', 'CLERK', est.id),
      clerk2: await person('SAH0021', 'Priya Singh', 'Clerk', 'CLERK', est.id),
      revClerk: await person('SAH0030', 'Ajay Yadav', 'लिपिक', 'CLERK', rev.id),
      retired: await person('SAH0040', 'श्याम सुंदर', 'लिपिक', 'CLERK', est.id, { active: false }),
      volunteer: await person('SAH0050', 'Ravi Ranjan', 'स्वयंसेवक', null, est.id),
    };
    for (const e of Object.values(s)) {
      if (e.code === 'SAH0030') continue;
      const account = await tx.accounts.create({ channel: 'telegram', address: `chat-${e.code}`, displayName: null });
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
    }
    return s;
  });
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const circularOf = async (tx: Tx, number: string): Promise<Circular> => {
    const circular = await tx.circulars.byNumber(number);
    if (circular === null) throw new Error(`no circular ${number}`);
    return circular;
  };
  return {
    store, clock, staff, run,
    send: (from: Employee, audience: CircularAudience, text: string, extra: { notice?: boolean; ackBy?: Date | null; pdfBlob?: string | null; policy?: CircularPolicy } = {}) =>
      run((tx) => sendCircular(tx, clock, {
        from, audience, text, notice: extra.notice ?? false, ackBy: extra.ackBy ?? null, pdfBlob: extra.pdfBlob ?? null,
        policy: extra.policy ?? DEFAULT_CIRCULAR_POLICY, office: 'SAH',
      })),
    ack: (employee: Employee, number: string) => run(async (tx) => acknowledgeCircular(tx, clock, { employee, circular: await circularOf(tx, number) })),
    status: (viewer: Employee, number: string) => run(async (tx) => circularStatus(tx, { viewer, circular: await circularOf(tx, number) })),
    remind: () => run((tx) => remindCirculars(tx, clock, { now: clock.now() })),
    /** What the dispatcher does when the recipient's chat took the message. */
    delivered: (employee: Employee, number: string) => run(async (tx) => tx.circulars.markFirst((await circularOf(tx, number)).id, employee.id, 'deliveredAt', clock.now())),
    recipients: (number: string) => run(async (tx) => tx.circulars.recipients((await circularOf(tx, number)).id)),
    message: (from: Employee, to: Employee, text: string, inReplyTo?: boolean) =>
      run((tx) => sendDirectMessage(tx, clock, { from, to, text, ...(inReplyTo === undefined ? {} : { inReplyTo }) })),
    events: async () => (await run((tx) => tx.audit.page(1, 10_000)))
      .map((e) => ({ type: e.type, actor: e.actor, subjectId: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> })),
    queued: async () => (await run((tx) => tx.outbox.due(new Date('2100-01-01T00:00:00Z'), 10_000)))
      .map((o) => ({ employeeId: o.employeeId, ...(JSON.parse(o.payload) as Notification) })),
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

const codes = (people: readonly { code: string }[]) => people.map((e) => e.code);
const idsToCodes = (o: Office, ids: readonly (number | null)[]) => ids.map((id) => Object.values(o.staff).find((e) => e.id === id)?.code ?? `#${id}`);

describe('sending a circular', () => {
  it('only the posts allowed to (CIRCULAR_POSTS) may send one; a refusal uses up no number', async () => {
    const o = await office();
    const { clerk, so, volunteer, adm } = o.staff;
    expect(failure(await o.send(clerk, { kind: 'all' }, 'कल अवकाश रहेगा'))).toEqual({ code: 'CIRCULAR.NOT_ALLOWED', params: {} });
    expect(failure(await o.send(so, { kind: 'all' }, 'कल अवकाश रहेगा')).code).toBe('CIRCULAR.NOT_ALLOWED');
    expect(failure(await o.send(volunteer, { kind: 'all' }, 'कल अवकाश रहेगा')).code).toBe('CIRCULAR.NOT_ALLOWED');
    expect(await o.events()).toEqual([]);
    expect(await o.queued()).toEqual([]);
    expect(value(await o.send(adm, { kind: 'all' }, 'राजस्व बैठक 3 बजे')).circular.number).toBe('SAH/C/2026/0001');
    // An office that lets section officers send them says so in its policy.
    const policy = { ...DEFAULT_CIRCULAR_POLICY, senderPosts: ['SO'] };
    expect(value(await o.send(so, { kind: 'sections', codes: ['EST'] }, 'प्रशाखा बैठक', { policy })).circular.number).toBe('SAH/C/2026/0002');
  });

  it('to all: every active employee but the sender is a recipient; those with a chat are sent it; those without are named, not queued', async () => {
    const o = await office();
    const { ddc, revClerk } = o.staff;
    const sent = value(await o.send(ddc, { kind: 'all' }, '  समीक्षा बैठक कल 11 बजे, सभी उपस्थित रहें।  '));
    expect(sent.recipients).toBe(7);
    expect(codes(sent.unreachable)).toEqual([revClerk.code]);
    expect(sent.circular).toMatchObject({
      number: 'SAH/C/2026/0001', senderId: ddc.id, text: 'समीक्षा बैठक कल 11 बजे, सभी उपस्थित रहें।', pdfBlob: null,
      createdAt: o.clock.now(), remindedAt: null, ackBy: new Date(o.clock.now().getTime() + 24 * HOUR),
    });
    expect(idsToCodes(o, (await o.recipients('SAH/C/2026/0001')).map((r) => r.employeeId))).toEqual(['SAH0001', 'SAH0003', 'SAH0010', 'SAH0020', 'SAH0021', 'SAH0030', 'SAH0050']);
    const queued = await o.queued();
    expect(idsToCodes(o, queued.map((q) => q.employeeId))).toEqual(['SAH0001', 'SAH0003', 'SAH0010', 'SAH0020', 'SAH0021', 'SAH0050']);
    expect(queued[0]).toEqual({
      employeeId: o.staff.collector.id, kind: 'circular.issued', subject: { type: 'circular', id: 'SAH/C/2026/0001' },
      params: {
        circularId: sent.circular.id, number: 'SAH/C/2026/0001', notice: 0, from: 'Rakesh Kumar', fromPost: 'उप विकास आयुक्त',
        text: 'समीक्षा बैठक कल 11 बजे, सभी उपस्थित रहें।', ackBy: '26-11-2026 11:00 IST',
      },
    });
    // The audit keeps the exact text's hash, not the text.
    expect(await o.events()).toEqual([{
      type: 'circular.sent', actor: 'SAH0002', subjectId: 'SAH/C/2026/0001',
      data: {
        number: 'SAH/C/2026/0001', audience: { kind: 'all' }, recipients: 7, unreachable: 1, ackBy: '2026-11-26T05:30:00.000Z', pdf: null,
        textSha256: createHash('sha256').update('समीक्षा बैठक कल 11 बजे, सभी उपस्थित रहें।').digest('hex'),
      },
    }]);
    expect(value(await o.send(ddc, { kind: 'all' }, 'दूसरा परिपत्र')).circular.number).toBe('SAH/C/2026/0002');
  });

  it('to sections or to posts: only the active employees they name, never the sender; a notice is marked as one', async () => {
    const o = await office();
    const { collector, ddc } = o.staff;
    const est = value(await o.send(ddc, { kind: 'sections', codes: ['EST'] }, 'सेवा पुस्तिका अद्यतन करें', { notice: true }));
    expect(idsToCodes(o, (await o.recipients(est.circular.number)).map((r) => r.employeeId))).toEqual(['SAH0010', 'SAH0020', 'SAH0021', 'SAH0050']);
    expect(JSON.parse(est.circular.audience)).toEqual({ kind: 'sections', codes: ['EST'], notice: true });
    expect((await o.queued()).every((q) => q.params.notice === 1)).toBe(true);
    const posts = value(await o.send(ddc, { kind: 'posts', keys: ['SO', 'ADM'] }, 'बैठक'));
    expect(idsToCodes(o, (await o.recipients(posts.circular.number)).map((r) => r.employeeId))).toEqual(['SAH0003', 'SAH0010']);
    // The Collector writing to his own section reaches the DDC, not himself.
    const own = value(await o.send(collector, { kind: 'sections', codes: ['GOP'] }, 'गोपनीय'));
    expect(idsToCodes(o, (await o.recipients(own.circular.number)).map((r) => r.employeeId))).toEqual(['SAH0002']);
  });

  it('with a PDF: the document goes with it under the circular\'s number, and the PDF alone is enough', async () => {
    const o = await office();
    const pdf = 'c'.repeat(64);
    const sent = value(await o.send(o.staff.ddc, { kind: 'posts', keys: ['SO'] }, '', { pdfBlob: pdf }));
    expect(sent.circular).toMatchObject({ text: '', pdfBlob: pdf });
    expect((await o.queued())[0]?.document).toEqual({ blob: pdf, filename: 'SAH-C-2026-0001.pdf', mime: 'application/pdf' });
    expect((await o.events())[0]?.data.pdf).toBe(pdf);
  });

  it('refuses, writing nothing and using up no number: no text, too long, a deadline already past, nobody to send to', async () => {
    const o = await office();
    const { ddc } = o.staff;
    expect(failure(await o.send(ddc, { kind: 'all' }, '   '))).toEqual({ code: 'CIRCULAR.EMPTY', params: {} });
    expect(failure(await o.send(ddc, { kind: 'all' }, 'क'.repeat(MAX_CIRCULAR_LENGTH + 1)))).toEqual({
      code: 'CIRCULAR.TOO_LONG', params: { max: MAX_CIRCULAR_LENGTH, length: MAX_CIRCULAR_LENGTH + 1 },
    });
    expect(failure(await o.send(ddc, { kind: 'all' }, 'बैठक', { ackBy: o.clock.now() }))).toEqual({
      code: 'CIRCULAR.PAST_DEADLINE', params: { at: '25-11-2026 11:00 IST' },
    });
    expect(failure(await o.send(ddc, { kind: 'sections', codes: ['XYZ'] }, 'बैठक'))).toEqual({ code: 'CIRCULAR.NO_RECIPIENTS', params: {} });
    expect(failure(await o.send(ddc, { kind: 'posts', keys: ['DSO'] }, 'बैठक')).code).toBe('CIRCULAR.NO_RECIPIENTS');
    expect(await o.events()).toEqual([]);
    expect(await o.queued()).toEqual([]);
    expect(value(await o.send(ddc, { kind: 'all' }, 'क'.repeat(MAX_CIRCULAR_LENGTH))).circular.number).toBe('SAH/C/2026/0001');
  });

  it('is numbered in the office\'s (IST) year', async () => {
    // 00:01 IST on 1 January 2027, still 31 December in UTC.
    const o = await office('2026-12-31T18:31:00.000Z');
    expect(value(await o.send(o.staff.ddc, { kind: 'all' }, 'नव वर्ष')).circular.number).toBe('SAH/C/2027/0001');
  });
});

describe('acknowledging a circular', () => {
  it('once per recipient: the first acknowledgement is recorded (and counts as received); a second changes nothing', async () => {
    const o = await office();
    const { circular } = value(await o.send(o.staff.ddc, { kind: 'all' }, 'बैठक'));
    o.clock.advanceMinutes(20);
    const at = o.clock.now();
    expect(value(await o.ack(o.staff.clerk, circular.number))).toEqual({ already: false, at });
    o.clock.advanceMinutes(5);
    expect(value(await o.ack(o.staff.clerk, circular.number))).toEqual({ already: true, at });
    const row = (await o.recipients(circular.number)).find((r) => r.employeeId === o.staff.clerk.id);
    expect(row).toMatchObject({ ackAt: at, deliveredAt: at });
    expect((await o.events()).filter((e) => e.type === 'circular.acknowledged')).toEqual([
      { type: 'circular.acknowledged', actor: 'SAH0020', subjectId: circular.number, data: { number: circular.number, late: false } },
    ]);
  });

  it('after the deadline it is still taken, and recorded as late', async () => {
    const o = await office();
    const { circular } = value(await o.send(o.staff.ddc, { kind: 'all' }, 'बैठक', { ackBy: new Date(o.clock.now().getTime() + HOUR) }));
    o.clock.advance(HOUR + 60_000);
    expect(value(await o.ack(o.staff.so, circular.number)).already).toBe(false);
    expect((await o.events()).at(-1)?.data).toEqual({ number: circular.number, late: true });
  });

  it('only recipients acknowledge: not the sender, not those outside its audience', async () => {
    const o = await office();
    const { circular } = value(await o.send(o.staff.ddc, { kind: 'sections', codes: ['EST'] }, 'बैठक'));
    expect(failure(await o.ack(o.staff.ddc, circular.number))).toEqual({ code: 'CIRCULAR.NOT_A_RECIPIENT', params: { number: circular.number } });
    expect(failure(await o.ack(o.staff.revClerk, circular.number)).code).toBe('CIRCULAR.NOT_A_RECIPIENT');
    expect(failure(await o.ack(o.staff.retired, circular.number)).code).toBe('CIRCULAR.NOT_A_RECIPIENT');
    expect((await o.events()).map((e) => e.type)).toEqual(['circular.sent']);
  });
});

describe('the status of a circular', () => {
  async function sentAndPartlySeen(o: Office): Promise<SentCircular> {
    const sent = value(await o.send(o.staff.ddc, { kind: 'all' }, 'बैठक'));
    await o.delivered(o.staff.collector, sent.circular.number);
    await o.delivered(o.staff.clerk2, sent.circular.number);
    value(await o.ack(o.staff.clerk, sent.circular.number));
    value(await o.ack(o.staff.clerk2, sent.circular.number));
    return sent;
  }

  it('tells the sender how many received and acknowledged it, who has not yet, and who never got it', async () => {
    const o = await office();
    const { circular } = await sentAndPartlySeen(o);
    const status = value(await o.status(o.staff.ddc, circular.number));
    expect(status).toMatchObject({ recipients: 7, delivered: 3, acknowledged: 2 });
    expect(status.sender?.code).toBe('SAH0002');
    expect(codes(status.pending)).toEqual(['SAH0001', 'SAH0003', 'SAH0010', 'SAH0050']);
    expect(codes(status.unreachable)).toEqual(['SAH0030']);
    // Once the clerk without a chat links one, he is waited for like the rest.
    await o.run(async (tx) => {
      const account = await tx.accounts.create({ channel: 'telegram', address: 'chat-SAH0030', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.revClerk.id, linkedAt: o.clock.now() });
    });
    const later = value(await o.status(o.staff.ddc, circular.number));
    expect(codes(later.pending)).toEqual(['SAH0001', 'SAH0003', 'SAH0010', 'SAH0030', 'SAH0050']);
    expect(later.unreachable).toEqual([]);
  });

  it('is for the sender, the Collector and the DDC; not for the recipients', async () => {
    const o = await office();
    const { circular } = value(await o.send(o.staff.adm, { kind: 'all' }, 'राजस्व बैठक'));
    expect(value(await o.status(o.staff.adm, circular.number)).recipients).toBe(7);
    expect(value(await o.status(o.staff.collector, circular.number)).recipients).toBe(7);
    expect(value(await o.status(o.staff.ddc, circular.number)).recipients).toBe(7);
    expect(failure(await o.status(o.staff.so, circular.number))).toEqual({ code: 'CIRCULAR.NOT_YOURS', params: { number: circular.number } });
    expect(failure(await o.status(o.staff.clerk, circular.number)).code).toBe('CIRCULAR.NOT_YOURS');
  });
});

describe('reminding at the deadline', () => {
  it('nothing before it; at it, each reachable recipient who has not acknowledged is reminded once and the sender gets a summary', async () => {
    const o = await office();
    const { ddc, clerk } = o.staff;
    const sent = value(await o.send(ddc, { kind: 'all' }, 'बैठक', { ackBy: new Date(o.clock.now().getTime() + 2 * HOUR) }));
    const number = sent.circular.number;
    value(await o.ack(clerk, number));
    const issued = (await o.queued()).length;
    o.clock.advance(HOUR);
    expect(await o.remind()).toEqual({ circulars: [], reminded: 0 });
    expect((await o.queued()).length).toBe(issued);
    o.clock.advance(HOUR);
    expect(await o.remind()).toEqual({ circulars: [number], reminded: 5 });
    const reminders = (await o.queued()).slice(issued);
    expect(reminders.map((q) => [idsToCodes(o, [q.employeeId])[0], q.kind])).toEqual([
      ['SAH0001', 'circular.reminder'], ['SAH0003', 'circular.reminder'], ['SAH0010', 'circular.reminder'], ['SAH0021', 'circular.reminder'],
      ['SAH0050', 'circular.reminder'], ['SAH0002', 'circular.summary'],
    ]);
    expect(reminders[0]).toMatchObject({ subject: { type: 'circular', id: number }, params: { number, text: 'बैठक', from: 'Rakesh Kumar', ackBy: '25-11-2026 13:00 IST' } });
    expect(reminders.at(-1)?.params).toEqual({ number, recipients: 7, pending: 6, reminded: 5, unreachable: 1, notice: 0 });
    expect((await o.events()).at(-1)).toEqual({
      type: 'circular.reminded', actor: null, subjectId: number, data: { number, recipients: 7, pending: 6, reminded: 5, unreachable: 1 },
    });
    const rows = await o.recipients(number);
    expect(idsToCodes(o, rows.filter((r) => r.remindedAt !== null).map((r) => r.employeeId))).toEqual(['SAH0001', 'SAH0003', 'SAH0010', 'SAH0021', 'SAH0050']);
    // Once: a later run, or a second process holding the same circular, sends nothing more.
    o.clock.advance(HOUR);
    expect(await o.remind()).toEqual({ circulars: [], reminded: 0 });
    const stale = sent.circular;
    expect(await o.run((tx) => remindCircular(tx, o.clock, stale, o.clock.now()))).toBeNull();
    expect((await o.queued()).length).toBe(issued + 6);
  });

  // Someone deactivated after the circular went out is not reminded, and the sender's summary
  // does not count them as reminded.
  it('a recipient deactivated before the deadline is not reminded, nor counted as reminded', async () => {
    const o = await office();
    const { ddc, clerk2 } = o.staff;
    const sent = value(await o.send(ddc, { kind: 'sections', codes: ['EST'] }, 'बैठक', { ackBy: new Date(o.clock.now().getTime() + HOUR) }));
    expect(codes(sent.unreachable)).toEqual([]);
    await o.run((tx) => tx.employees.update(clerk2.id, { active: false }));
    const before = (await o.queued()).length;
    o.clock.advance(HOUR);
    const run = await o.remind();
    const reminded = (await o.queued()).slice(before).filter((q) => q.kind === 'circular.reminder');
    expect(idsToCodes(o, reminded.map((q) => q.employeeId))).toEqual(['SAH0010', 'SAH0020', 'SAH0050']);
    expect(run.reminded).toBe(3);
  });

  it('one who never received it but has linked a chat since is sent the circular itself, PDF and all', async () => {
    const o = await office();
    const { ddc, collector, revClerk } = o.staff;
    const pdf = 'd'.repeat(64);
    const sent = value(await o.send(ddc, { kind: 'posts', keys: ['COLLECTOR', 'CLERK'] }, 'भू-अभिलेख अद्यतन', { pdfBlob: pdf, ackBy: new Date(o.clock.now().getTime() + HOUR) }));
    const number = sent.circular.number;
    expect(codes(sent.unreachable)).toEqual(['SAH0030']);
    await o.delivered(collector, number);
    await o.run(async (tx) => {
      const account = await tx.accounts.create({ channel: 'whatsapp', address: '919000000007', displayName: null });
      await tx.accounts.update(account.id, { employeeId: revClerk.id, linkedAt: o.clock.now() });
    });
    const before = (await o.queued()).length;
    o.clock.advance(HOUR);
    expect((await o.remind()).reminded).toBe(4);
    const reminders = (await o.queued()).slice(before).filter((q) => q.kind === 'circular.reminder');
    const document = { blob: pdf, filename: 'SAH-C-2026-0001.pdf', mime: 'application/pdf' };
    expect(reminders.map((q) => [idsToCodes(o, [q.employeeId])[0], q.document ?? null])).toEqual([
      // Received it already: the reminder alone.
      ['SAH0001', null],
      // Never received (no delivery recorded yet): the circular again.
      ['SAH0020', document], ['SAH0021', document], ['SAH0030', document],
    ]);
  });
});

describe('direct messages', () => {
  it('go to the recipient with the sender\'s name and post; the audit records who wrote to whom, not what', async () => {
    const o = await office();
    const { clerk, so } = o.staff;
    expect(value(await o.message(clerk, so, '  सर्वे रिपोर्ट तैयार है  ')).to.id).toBe(so.id);
    expect(await o.queued()).toEqual([{
      employeeId: so.id, kind: 'message.direct', subject: { type: 'message', id: 'SAH0020' },
      params: { from: 'मनोज कुमार', fromPost: 'लिपिक', text: 'सर्वे रिपोर्ट तैयार है' },
    }]);
    const events = await o.events();
    expect(events).toEqual([{ type: 'message.sent', actor: 'SAH0020', subjectId: 'SAH0010', data: { length: 'सर्वे रिपोर्ट तैयार है'.length } }]);
    expect(JSON.stringify(events)).not.toContain('सर्वे');
    // The reply goes back the same way, marked as a reply.
    value(await o.message(so, clerk, 'ठीक है, भेजिए', true));
    expect((await o.queued()).at(-1)).toMatchObject({ employeeId: clerk.id, kind: 'message.reply', params: { from: 'सुनीता देवी', text: 'ठीक है, भेजिए' } });
  });

  it('a very long message reaches the recipient cut at the limit', async () => {
    const o = await office();
    const text = 'अ'.repeat(MAX_MESSAGE_LENGTH + 50);
    value(await o.message(o.staff.clerk, o.staff.so, text));
    expect(String((await o.queued())[0]?.params.text)).toHaveLength(MAX_MESSAGE_LENGTH);
    expect((await o.events())[0]?.data).toEqual({ length: MAX_MESSAGE_LENGTH + 50 });
  });

  it('refused, with nothing queued or recorded: an empty message, one to oneself, to someone with no linked chat or deactivated', async () => {
    const o = await office();
    const { clerk, so, revClerk, retired } = o.staff;
    expect(failure(await o.message(clerk, so, '   '))).toEqual({ code: 'MESSAGE.EMPTY', params: {} });
    expect(failure(await o.message(clerk, clerk, 'नोट'))).toEqual({ code: 'MESSAGE.TO_SELF', params: {} });
    expect(failure(await o.message(clerk, revClerk, 'नमस्ते'))).toEqual({ code: 'MESSAGE.NOT_REACHABLE', params: { name: 'Ajay Yadav (लिपिक)' } });
    expect(failure(await o.message(clerk, retired, 'नमस्ते'))).toEqual({ code: 'MESSAGE.NOT_REACHABLE', params: { name: 'श्याम सुंदर (लिपिक)' } });
    // A chat that was unlinked no longer counts.
    await o.run(async (tx) => {
      const account = await tx.accounts.find('telegram', 'chat-SAH0010');
      await tx.accounts.update(account!.id, { employeeId: null, linkedAt: null });
    });
    expect(failure(await o.message(clerk, so, 'नमस्ते')).code).toBe('MESSAGE.NOT_REACHABLE');
    expect(await o.queued()).toEqual([]);
    expect(await o.events()).toEqual([]);
  });
});

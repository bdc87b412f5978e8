// Over chat: the Collector's report, answered at once and sent after commit as a PDF whose figures
// are the data's (read back by pdftotext); one build shared by requests made meanwhile; a failed
// build told to the requester; a refusal for everyone else; the reminder switch with its audit event.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';
import { createAssistant, type Assistant } from '../../../bots/assistant.ts';
import { reportRequestsSettled } from '../../../bots/commands/pendency.ts';
import { silentLogger } from '../../../bots/log.ts';
import { renderNotification } from '../../../bots/messages/notifications.ts';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { PendencyReport } from '../../../core/leave/documents.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import { DEFAULT_LEAVE_RULES } from '../../../core/leave/rules.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { DEFAULT_OTP_POLICY } from '../../../core/otp/otp-policy.ts';
import { SIGNABLE } from '../../../core/signing/sign-policy.ts';
import { RecordingOtpSender } from '../../helpers/recording-otp.ts';
import { testLanguage } from '../../helpers/language.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';
import { PendingWriter } from '../../core/pendency/pending-office.ts';
import { runDailyDigest } from '../../../bots/jobs/daily-digest.ts';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';

/** Figures at the end of the line that carries `label`, as pdftotext -layout lays the table out. */
function figuresAfter(text: string, label: string): number[] {
  const line = text.split('\n').find((l) => l.trim().startsWith(label));
  if (line === undefined) throw new Error(`no line with ${label} in:\n${text}`);
  return (/((?:\s+\d+)+)\s*$/.exec(line)?.[1] ?? '').trim().split(/\s+/).map(Number);
}

const READY = '25-11-2026 का लंबित प्रतिवेदन संलग्न है: 6 लंबित संचिकाएँ/प्राप्तियाँ, जिनमें 1 30 कार्य दिवस से पुरानी; पिछले 7 दिनों में 2 निष्पादित।';

describe('pendency over chat', () => {
  let office: TestOffice;

  beforeEach(async () => {
    // Wednesday 25 November 2026, 10:00 IST. Default calendar: Sundays and 14 Nov (2nd Saturday) closed.
    office = await makeOffice({ clock: new FakeClock('2026-11-25T04:30:00.000Z') });
    await office.linkAll();
    const { ddc, so, clerk, clerkEn } = office.staff;
    const w = new PendingWriter(office.store);
    await w.file(clerk, 'EST-1/2026', '2026-09-01'); // > 30 working days
    await w.file(clerk, 'EST-2/2026', '2026-11-02'); // 19: 16–30
    await w.file(clerk, 'EST-3/2026', '2026-11-24'); // 1: 0–3
    await w.receipt(clerk, 'SAH/R/2026/000001', '2026-11-19'); // 5: 4–7
    await w.file(clerkEn, 'EST-4/2026', '2026-11-13', { status: 'parked' }); // 9 (14, 15 closed): 8–15
    await w.file(ddc, 'GOP-1/2026', '2026-11-23'); // 2: 0–3
    await w.leave(clerk, so, 'LV/2026/000001', '2026-11-20'); // not in the report (files and receipts only)
    // Disposed of this week: closed by the SO, and approved back down to the clerk who opened it.
    const closed = await w.file(so, 'EST-5/2026', '2026-11-02', { status: 'closed' });
    const approved = await w.file(clerk, 'EST-6/2026', '2026-10-01', { status: 'closed', createdBy: clerk });
    await office.store.transaction(async (tx) => {
      await tx.movements.add({ subjectType: 'file', subjectId: closed.id, fromId: so.id, toId: so.id, action: 'closed', remark: null, at: new Date('2026-11-23T06:00:00Z') });
      await tx.movements.add({ subjectType: 'file', subjectId: approved.id, fromId: so.id, toId: clerk.id, action: 'approved', remark: null, at: new Date('2026-11-24T06:00:00Z') });
      // Approved up the chain (not back to its origin) and a closure long ago: not disposals this week.
      await tx.movements.add({ subjectType: 'file', subjectId: approved.id, fromId: ddc.id, toId: so.id, action: 'approved', remark: null, at: new Date('2026-11-24T05:00:00Z') });
      await tx.movements.add({ subjectType: 'file', subjectId: closed.id, fromId: so.id, toId: so.id, action: 'closed', remark: null, at: new Date('2026-11-10T06:00:00Z') });
    });
  });

  /** The office's assistant again, with another renderer (to slow a build down or make it fail). */
  async function assistantWith(renderer: PdfRenderer): Promise<Assistant> {
    return createAssistant({
      store: office.store, clock: office.clock, language: await testLanguage(), otpSender: new RecordingOtpSender(),
      otpPolicy: { ...DEFAULT_OTP_POLICY, key: 'test-key-that-is-long-enough-for-hmac' }, log: silentLogger,
      renderer, blobs: office.blobs, formats: DEFAULT_NUMBER_FORMATS, uploads: { maxBytes: 2 * 1024 * 1024, albumWindowMs: 0 },
      decisionConfidence: 0.6, signer: { sign: async () => { throw new Error('no signer'); }, verify: async () => ({ signed: false }) },
      signPolicy: { posts: [], decisions: [...SIGNABLE] }, leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR }, tourRules: DEFAULT_TOUR_RULES,
    });
  }

  const queued = () => office.store.transaction(async (tx) => (await tx.outbox.due(office.clock.now(), 100)).map((o) => JSON.parse(o.payload) as Notification));

  it('answers the Collector at once, then sends the report as a PDF with the data\'s figures', async () => {
    const { collector } = office.staff;
    const replies = await office.say(collector.code, 'report pendency');
    expect(replies.map((r) => r.text)).toEqual(['लंबित प्रतिवेदन तैयार किया जा रहा है। एक-दो मिनट में PDF यहीं भेजा जाएगा।']);
    expect(replies[0]?.document).toBeUndefined();
    await reportRequestsSettled();
    await office.deliver();
    const delivered = office.channel.to(collector.code);
    expect(delivered).toHaveLength(1);
    const reply = delivered[0]!.reply;
    expect(reply.text).toBe(READY);
    const pdf = Buffer.from(reply.document?.base64 ?? '', 'base64');
    expect(reply.document?.mime).toBe('application/pdf');
    expect(reply.document?.filename).toBe('pendency-2026-11-25.pdf');
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const text = await pdfText(pdf, { layout: true });
    const { clerk, clerkEn, ddc } = office.staff;
    // Buckets 0–3, 4–7, 8–15, 16–30, >30 and the total.
    expect(figuresAfter(text, `${clerk.name}, ${clerk.post} (${clerk.code})`)).toEqual([1, 1, 0, 1, 1, 4]);
    expect(figuresAfter(text, `${clerkEn.name}, ${clerkEn.post} (${clerkEn.code})`)).toEqual([0, 0, 1, 0, 0, 1]);
    // A long label wraps onto a second line; the figures stay on the first.
    expect(figuresAfter(text, `${ddc.name}, ${ddc.post}`)).toEqual([1, 0, 0, 0, 0, 1]);
    // By section (the holder's), then the totals row: the first lines with those labels.
    expect(figuresAfter(text, 'स्थापना (EST)')).toEqual([1, 1, 1, 1, 1, 5]);
    expect(figuresAfter(text, 'जिला गोपनीय प्रशाखा (GOP)')).toEqual([1, 0, 0, 0, 0, 1]);
    expect(figuresAfter(text, 'योग / Total')).toEqual([2, 1, 1, 1, 1, 6]);
    expect(text.replace(/\s+/g, ' ')).toContain('Total pending files: 6');
    // The oldest file first in its table, with its age in working days.
    const oldest = text.slice(text.indexOf('सबसे पुरानी दस संचिकाएँ'));
    expect(figuresAfter(oldest, 'EST-1/2026')).toEqual([70]);
    expect(oldest.indexOf('EST-1/2026')).toBeLessThan(oldest.indexOf('EST-2/2026'));
    expect(oldest).not.toContain('EST-5/2026');
    // Two files disposed of this week, both of the establishment section.
    const disposals = text.slice(text.indexOf('पिछले 7 दिनों में निष्पादन'), text.indexOf('कर्मचारीवार / By employee'));
    expect(figuresAfter(disposals, 'स्थापना (EST)')).toEqual([2]);
  });

  it('answers a redelivered request from the record, without building or sending it twice', async () => {
    const { collector } = office.staff;
    const inbound = { channel: 'test', chatId: collector.code, messageId: 'tg-42', text: 'लंबित प्रतिवेदन' };
    const first = await office.assistant.handle(inbound);
    const again = await office.assistant.handle(inbound);
    expect(again.map((r) => r.text)).toEqual(first.map((r) => r.text));
    await reportRequestsSettled();
    expect((await queued()).map((n) => n.kind)).toEqual(['pendency.report_ready']);
  });

  it('builds one report for requests made while it is being built, and sends it to each', async () => {
    let renders = 0;
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => { open = resolve; });
    class GatedRenderer extends PdfRenderer {
      override async pendencyReport(report: PendencyReport): Promise<Uint8Array> {
        renders += 1;
        await gate;
        return super.pendencyReport(report);
      }
    }
    const assistant = await assistantWith(new GatedRenderer(office.clock));
    const { collector } = office.staff;
    const ask = (text: string) => assistant.handle({ channel: 'test', chatId: collector.code, messageId: randomUUID(), text });
    const answers = await Promise.all([ask('report pendency'), ask('लंबित प्रतिवेदन')]);
    expect(answers.flat().map((r) => r.text)).toEqual([
      'लंबित प्रतिवेदन तैयार किया जा रहा है। एक-दो मिनट में PDF यहीं भेजा जाएगा।',
      'लंबित प्रतिवेदन तैयार किया जा रहा है। एक-दो मिनट में PDF यहीं भेजा जाएगा।',
    ]);
    // Both answered while the build is still under way: nothing queued yet.
    expect(await queued()).toEqual([]);
    open();
    await reportRequestsSettled();
    expect(renders).toBe(1);
    await office.deliver();
    const sent = office.channel.to(collector.code);
    expect(sent.map((d) => d.reply.text)).toEqual([READY, READY]);
    expect(sent.every((d) => (d.reply.document?.base64.length ?? 0) > 1000)).toBe(true);
    // A request after that build has finished builds afresh (the figures may have changed).
    await ask('report pendency');
    await reportRequestsSettled();
    expect(renders).toBe(2);
  });

  it('tells the requester when the report could not be built, and keeps nothing half done', async () => {
    class BrokenRenderer extends PdfRenderer {
      override async pendencyReport(): Promise<Uint8Array> {
        throw new Error('font file missing');
      }
    }
    const assistant = await assistantWith(new BrokenRenderer(office.clock));
    const { collector } = office.staff;
    const replies = await assistant.handle({ channel: 'test', chatId: collector.code, messageId: randomUUID(), text: 'report pendency' });
    expect(replies.map((r) => r.text)).toEqual(['लंबित प्रतिवेदन तैयार किया जा रहा है। एक-दो मिनट में PDF यहीं भेजा जाएगा।']);
    await reportRequestsSettled();
    const notes = await queued();
    expect(notes).toEqual([{ kind: 'pendency.report_failed', params: { day: '2026-11-25' } }]);
    expect(renderNotification(notes[0]!, 'hi').text).toBe(
      '25-11-2026 का लंबित प्रतिवेदन अभी नहीं बन सका। कुछ देर बाद फिर लिखें: लंबित प्रतिवेदन। बार-बार ऐसा हो तो जिला सूचना-विज्ञान पदाधिकारी (DIO) को बताएँ।',
    );
    expect(renderNotification(notes[0]!, 'en').text).toContain('could not be prepared just now');
  });

  it('is refused to everyone else, in their language', async () => {
    expect(await office.text(office.staff.clerkEn.code, 'report pendency')).toContain('goes only to the Collector');
    expect(await office.text(office.staff.ddc.code, 'लंबित प्रतिवेदन')).toContain('केवल जिलाधिकारी');
  });

  it('turns reminders off and on, each time in the audit trail, and the digest follows', async () => {
    const { clerkEn, so } = office.staff;
    expect(await office.text(clerkEn.code, 'reminders off')).toContain('Morning pendency reminders are off');
    expect(await office.text(clerkEn.code, 'reminders off')).toBe('Reminders are already off.');
    const muted = await office.store.transaction((tx) => tx.employees.byId(clerkEn.id));
    expect(muted?.remindersMuted).toBe(true);
    const deps = { store: office.store, clock: office.clock, policy: { calendar: DEFAULT_CALENDAR, slaFilesDays: 7, slaAbsenceDays: 2 }, reportRecipients: [] };
    const dry = await runDailyDigest(deps, { day: '2026-11-25', dryRun: true });
    if (!dry.ran) throw new Error('a working day');
    expect(dry.digests.map((d) => d.employee.id)).not.toContain(clerkEn.id);
    expect(dry.digests.find((d) => d.employee.id === so.id)?.data.team.map((t) => t.name)).toContain(clerkEn.name);
    expect(await office.text(clerkEn.code, 'reminders on')).toBe('Morning pendency reminders are on.');
    const events = await office.store.transaction((tx) => tx.audit.page(1, 1000));
    expect(events.filter((e) => e.type.startsWith('staff.reminders_')).map((e) => [e.type, e.actor])).toEqual([
      ['staff.reminders_off', clerkEn.code], ['staff.reminders_on', clerkEn.code],
    ]);
  });
});

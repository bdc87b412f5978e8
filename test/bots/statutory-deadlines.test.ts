// Statutory deadlines through the assistant (issue 20, item 4): an RTI letter diarised from a scan is
// proposed its 30 days; the clerk confirms with the button (or corrects the date, or says it is not
// statutory); `status` and `my files` show the days left; the escalation job, on an injected clock,
// tells the holder's reporting officer and the section officer once at 75% and once at the deadline.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { runDeadlineEscalation } from '../../bots/jobs/statutory-deadlines.ts';
import { DEFAULT_DEADLINE_RULES } from '../../core/deadlines/rules.ts';
import { deadlineRulesFrom } from '../../app/office-rules.ts';
import { loadConfig } from '../../bots/config.ts';
import { ConfigError } from '../../core/errors.ts';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';
import { runDailyDigest } from '../../bots/jobs/daily-digest.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import { DEFAULT_CALENDAR } from '../../core/calendar/holidays.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import { reportRequestsSettled } from '../../bots/commands/pendency.ts';

const jpeg: InboundAttachment = {
  filename: 'scan-portrait.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)),
};
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const RTI = 'RTI application under section 6(1) of the RTI Act from Shri Ramesh Yadav';
const DIARY = 'SAH/R/2026/000001';

/** Monday 7 December 2026, 11:00 in India. */
async function office(): Promise<TestOffice> {
  const o = await makeOffice({ clock: new FakeClock('2026-12-07T05:30:00.000Z') });
  await o.linkAll();
  return o;
}

async function auditTypes(o: TestOffice): Promise<string[]> {
  return o.store.transaction(async (tx) => (await tx.audit.page(1, 10_000)).map((e) => e.type));
}

const setClock = (o: TestOffice, iso: string) => o.clock.advance(Date.parse(iso) - o.clock.now().getTime());

describe('a statutory deadline proposed on intake and confirmed with a button', () => {
  it('proposes an RTI application\'s 30 days on diarising, and the confirm button records it', async () => {
    const o = await office();
    const replies = await o.say('SAH0021', RTI, { attachments: [jpeg] });
    const proposal = replies.find((r) => r.buttons?.some((b) => b.command.startsWith('/deadline.')));
    expect(proposal?.text).toContain('reply due 6 Jan 2027 (30 days; RTI Act 2005, s.7(1))');
    expect(proposal?.buttons?.map((b) => b.command)).toEqual([
      `/deadline.confirm ${DIARY} rti`, `/deadline.correct ${DIARY} rti`, `/deadline.dismiss ${DIARY} rti`,
    ]);
    // Nothing is stored until the clerk answers; the receipt itself is diarised.
    expect(await o.store.transaction(async (tx) => tx.deadlines.byReceipt((await tx.receipts.byDiaryNumber(DIARY))?.id ?? 0))).toBeNull();

    const confirmed = await o.text('SAH0021', `/deadline.confirm ${DIARY} rti`);
    expect(confirmed).toContain(`${DIARY}: RTI application deadline 6 Jan 2027 recorded (30 days left)`);
    expect(await auditTypes(o)).toContain('deadline.confirmed');
    const status = await o.text('SAH0021', `status ${DIARY}`);
    expect(status).toContain('RTI application: 30 days left (due 6 Jan 2027)');
    // A second confirm changes nothing the clerk would see, and the proposal is not made again.
    expect(joined(await o.say('SAH0021', `status ${DIARY}`))).not.toContain('Proposed');
  });

  it('a scan sent without a caption gets the proposal once its subject is answered', async () => {
    const o = await office();
    const first = joined(await o.say('SAH0021', '', { attachments: [jpeg] }));
    expect(first).toContain(DIARY);
    expect(first).not.toContain('reply due');
    const replies = await o.say('SAH0021', RTI);
    const proposal = replies.find((r) => r.buttons?.some((b) => b.command.startsWith('/deadline.')));
    expect(proposal?.text).toContain('reply due 6 Jan 2027 (30 days; RTI Act 2005, s.7(1))');
    expect(await o.text('SAH0021', `/deadline.confirm ${DIARY} rti`)).toContain('6 Jan 2027 recorded (30 days left)');
  });

    it('an ordinary letter proposes nothing', async () => {
    const o = await office();
    const replies = await o.say('SAH0021', 'Flood relief letter from CO Kahara', { attachments: [jpeg] });
    expect(joined(replies)).toContain(DIARY);
    expect(replies.some((r) => r.buttons?.some((b) => b.command.startsWith('/deadline.')))).toBe(false);
  });

  it('a proposal never answered is not lost: status shows it with its buttons, to confirm later', async () => {
    const o = await office();
    await o.say('SAH0021', RTI, { attachments: [jpeg] });
    o.clock.advance(3 * 86_400_000);
    const [status] = await o.say('SAH0021', `status ${DIARY}`);
    expect(status?.text).toContain('Proposed: RTI application, due 6 Jan 2027 — not yet confirmed');
    expect(status?.buttons?.map((b) => b.command)).toContain(`/deadline.confirm ${DIARY} rti`);
    // Counted from the day it was received, not from the day it was confirmed.
    expect(await o.text('SAH0021', `/deadline.confirm ${DIARY} rti`)).toContain('6 Jan 2027 recorded (27 days left)');
  });

  it('the clerk corrects the date, in English or Hindi, also as a reply to the proposal; a bad date changes nothing', async () => {
    const o = await office();
    await o.say('SAH0020', RTI, { attachments: [jpeg] });
    o.channel.delivered.length = 0;
    expect(await o.text('SAH0020', 'समय-सीमा 31-02-2027')).toContain('"31-02-2027" कोई सही तिथि नहीं है');
    expect(await o.text('SAH0020', 'समय-सीमा 01-12-2026')).toContain('प्राप्ति (7 दिसंबर 2026) से पहले है');
    expect(await o.store.transaction(async (tx) => tx.deadlines.byReceipt((await tx.receipts.byDiaryNumber(DIARY))?.id ?? 0))).toBeNull();
    const fixed = await o.text('SAH0020', 'समय-सीमा 10-01-2027');
    expect(fixed).toContain('सूचना का अधिकार आवेदन की अंतिम तिथि आपके अनुसार 10 जनवरी 2027 दर्ज (34 दिन शेष)');
    expect(await auditTypes(o)).toContain('deadline.corrected');

    // A reply with only a date to the message about the letter: the date is corrected again.
    const o2 = await office();
    const [diarised] = await o2.say('SAH0021', RTI, { attachments: [jpeg] });
    expect(diarised?.subject).toEqual({ type: 'receipt', id: DIARY });
    await o2.store.transaction((tx) => tx.sentMessages.add({
      channel: 'test', chatId: 'SAH0021', messageId: 'proposal-1', employeeId: o2.staff.clerkEn.id, subjectType: 'receipt', subjectId: DIARY, createdAt: o2.clock.now(),
    }));
    expect(await o2.text('SAH0021', '08.01.2027', { replyToMessageId: 'proposal-1' })).toContain('due date recorded as you gave it, 8 Jan 2027 (32 days left)');
  });

  it('a subject that starts with the same words is a subject, not the command', async () => {
    const o = await office();
    await o.say('SAH0020', '', { attachments: [jpeg] }); // no caption: the subject is asked for
    expect(await o.text('SAH0020', 'समय सीमा विस्तार हेतु ठेकेदार का आवेदन')).not.toContain('समय-सीमा');
    expect((await o.store.transaction((tx) => tx.receipts.byDiaryNumber(DIARY)))?.subject).toBe('समय सीमा विस्तार हेतु ठेकेदार का आवेदन');
  });

  it('"not statutory" dismisses it: audited, not proposed again, never escalated', async () => {
    const o = await office();
    await o.say('SAH0021', RTI, { attachments: [jpeg] });
    expect(await o.text('SAH0021', `/deadline.dismiss ${DIARY} rti`)).toContain(`no statutory deadline will be counted on ${DIARY}`);
    expect(await auditTypes(o)).toContain('deadline.dismissed');
    expect(await o.text('SAH0021', `status ${DIARY}`)).not.toContain('⏳');
    setClock(o, '2027-01-20T05:30:00.000Z');
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock })).toEqual([]);
  });

  it('only whoever holds the letter confirms it', async () => {
    const o = await office();
    await o.say('SAH0021', RTI, { attachments: [jpeg] });
    expect(await o.text('SAH0002', `/deadline.confirm ${DIARY} rti`)).toContain('Priya Singh');
    expect(await auditTypes(o)).not.toContain('deadline.confirmed');
  });
});

describe('days left, carried by the file, escalated once at 75% and at the deadline', () => {
  it('carries the deadline into the file, shows it in status and my files, and tells the right people once each time', async () => {
    const o = await office();
    await o.say('SAH0020', RTI, { attachments: [jpeg] });
    await o.say('SAH0020', '', { action: `/deadline.confirm ${DIARY} rti` });
    const made = await o.text('SAH0020', '', { action: `/receipt.newfile ${DIARY}` });
    const file = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
    expect(file).not.toBe('');
    // The clerk's "my files" in Hindi: the file with its days left.
    o.clock.advance(26 * 86_400_000); // 2 January 2027
    expect(await o.text('SAH0020', 'मेरी फाइलें')).toContain('⏳ सूचना का अधिकार आवेदन: 4 दिन शेष');
    expect(await o.text('SAH0020', `status ${file}`)).toContain('सूचना का अधिकार आवेदन: 4 दिन शेष (अंतिम तिथि 6 जनवरी 2027)');

    // Back to before the 75% point; the file goes to the DDC, whose reporting officer is the Collector.
    setClock(o, '2026-12-20T05:30:00.000Z');
    await o.say('SAH0020', '', { action: `/forward file ${file} SAH0002` });
    await o.deliver();
    o.channel.delivered.length = 0;
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock })).toEqual([]);

    // 75% of 30 days: from the start of 30 December (day 23). The Collector (the DDC's reporting
    // officer) and the section officer of EST are told; the DDC, who holds it, is not.
    setClock(o, '2026-12-29T19:00:00.000Z'); // 30 December, 00:30 in India
    const warned = await runDeadlineEscalation({ store: o.store, clock: o.clock });
    expect(warned.map((e) => [e.kind, e.number, e.told.map((p) => p.code).sort()])).toEqual([['deadline.warning', file, ['SAH0001', 'SAH0010']]]);
    await o.deliver();
    expect(o.channel.lastTo('SAH0001').reply.text).toContain(`वैधानिक समय-सीमा का 75% समय बीत गया: ${file}`);
    expect(o.channel.lastTo('SAH0010').reply.text).toContain('अंतिम तिथि 6 जनवरी 2027; अभी Rakesh Kumar (उप विकास आयुक्त) के पास');
    expect(o.channel.to('SAH0002')).toEqual([]);

    // Again the same day, or after a restart (a fresh run on the same store): nobody is told twice.
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock })).toEqual([]);
    o.clock.advance(3 * 3_600_000);
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock, rules: DEFAULT_DEADLINE_RULES })).toEqual([]);

    // The deadline: the end of 6 January. The DDC's status says it is overdue.
    setClock(o, '2027-01-07T06:00:00.000Z');
    const due = await runDeadlineEscalation({ store: o.store, clock: o.clock });
    expect(due.map((e) => [e.kind, e.told.map((p) => p.code).sort()])).toEqual([['deadline.due', ['SAH0001', 'SAH0010']]]);
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock })).toEqual([]);
    await o.deliver();
    expect(o.channel.lastTo('SAH0001').reply.text).toContain(`वैधानिक समय-सीमा समाप्त: ${file}`);
    expect(o.channel.to('SAH0001').filter((d) => d.reply.text.includes('वैधानिक समय-सीमा'))).toHaveLength(2);
    expect(await o.text('SAH0002', `status ${file}`)).toContain('सूचना का अधिकार आवेदन: 1 दिन से समय-सीमा पार (अंतिम तिथि 6 जनवरी 2027)');
    const types = await auditTypes(o);
    expect(types.filter((t) => t === 'deadline.warning')).toHaveLength(1);
    expect(types.filter((t) => t === 'deadline.due')).toHaveLength(1);
  });

  it('a deadline stops with its file: closing the file closes it, and nothing escalates after', async () => {
    const o = await office();
    await o.say('SAH0021', RTI, { attachments: [jpeg] });
    await o.say('SAH0021', '', { action: `/deadline.confirm ${DIARY} rti` });
    const file = /EST-\d+\/2026/.exec(await o.text('SAH0021', '', { action: `/receipt.newfile ${DIARY}` }))?.[0] ?? '';
    const row = await o.store.transaction(async (tx) => tx.deadlines.byReceipt((await tx.receipts.byDiaryNumber(DIARY))?.id ?? 0));
    expect(row?.fileId).not.toBeNull();
    // The 75% warning is queued while the section officer's chat is out of reach; the file is closed before it goes.
    setClock(o, '2026-12-30T05:30:00.000Z');
    expect((await runDeadlineEscalation({ store: o.store, clock: o.clock })).map((e) => e.kind)).toEqual(['deadline.warning']);
    expect(await o.text('SAH0021', `close ${file} reply sent to the applicant`)).not.toBe('');
    expect(await auditTypes(o)).toContain('deadline.closed');
    await o.deliver();
    expect(o.channel.lastTo('SAH0010').reply.text).toContain('तब से संचिका बंद हो चुकी है');
    setClock(o, '2027-01-20T05:30:00.000Z');
    expect(await runDeadlineEscalation({ store: o.store, clock: o.clock })).toEqual([]);
  });
});

describe('the daily digest and the pendency report', () => {
  /** Two RTI letters confirmed on 7 December: one filed and sent to the DDC, one still loose with the clerk. */
  async function twoDeadlines(): Promise<{ o: TestOffice; file: string }> {
    const o = await office();
    await o.say('SAH0020', RTI, { attachments: [jpeg] });
    await o.say('SAH0020', '', { action: `/deadline.confirm ${DIARY} rti` });
    const file = /EST-\d+\/2026/.exec(await o.text('SAH0020', '', { action: `/receipt.newfile ${DIARY}` }))?.[0] ?? '';
    await o.say('SAH0020', '', { action: `/forward file ${file} SAH0002` });
    await o.say('SAH0020', 'Information sought by RTI applicant Smt. Sita Devi about ration cards', { attachments: [jpeg] });
    await o.say('SAH0020', '', { action: '/deadline.confirm SAH/R/2026/000002 rti' });
    await o.say('SAH0020', 'समय-सीमा 09-01-2027 SAH/R/2026/000002');
    return { o, file };
  }

  it('the morning digest shows each letter\'s days left', async () => {
    const { o, file } = await twoDeadlines();
    setClock(o, '2027-01-04T03:00:00.000Z'); // Monday 4 January, 08:30 in India
    const run = await runDailyDigest({
      store: o.store, clock: o.clock, policy: { calendar: DEFAULT_CALENDAR, slaFilesDays: 7, slaAbsenceDays: 2 }, reportRecipients: [],
    }, { day: '2027-01-04', dryRun: false });
    expect(run.ran).toBe(true);
    await o.deliver();
    const clerk = o.channel.to('SAH0020').map((d) => d.reply.text).find((t) => t.includes('लंबित')) ?? '';
    expect(clerk).toContain('SAH/R/2026/000002');
    expect(clerk).toContain('⏳ सूचना का अधिकार आवेदन: 5 दिन शेष');
    const ddc = o.channel.to('SAH0002').map((d) => d.reply.text).find((t) => t.includes('लंबित')) ?? '';
    expect(ddc).toContain(file);
    expect(ddc).toContain('⏳ सूचना का अधिकार आवेदन: 2 दिन शेष');
  });

  it('the pendency report has a statutory section: due this week, overdue, by section — in its data and its PDF', async () => {
    const { o, file } = await twoDeadlines();
    setClock(o, '2027-01-07T06:00:00.000Z'); // 7 January: the filed one overdue since the end of the 6th, the loose one due on the 9th
    const report = await o.store.transaction((tx) => pendencyReport(tx, '2027-01-07', DEFAULT_CALENDAR, undefined, undefined, undefined, { now: o.clock.now() }));
    expect(report.statutory.overdue.map((r) => [r.fileNumber, r.daysLeft])).toEqual([[file, -1]]);
    expect(report.statutory.dueThisWeek.map((r) => [r.fileNumber, r.dueDate, r.daysLeft])).toEqual([['SAH/R/2026/000002', '2027-01-09', 2]]);
    expect(report.statutory.bySection).toEqual([{ section: 'स्थापना (EST)', open: 2, dueThisWeek: 1, overdue: 1 }]);

    await o.say('SAH0001', 'report pendency');
    await reportRequestsSettled();
    await o.deliver();
    const pdf = o.channel.lastTo('SAH0001').reply.document;
    expect(pdf?.mime).toBe('application/pdf');
    const text = await pdfText(Buffer.from(pdf?.base64 ?? '', 'base64'));
    expect(text).toContain('Statutory deadlines');
    expect(text).toContain(file);
    expect(text).toContain('Open 2; due this week 1; overdue 1');
    expect(text).toContain('06-01-2027');
    // The diary number fits its column whole (not wrapped).
    expect(text).toContain('SAH/R/2026/000002');
  });
});

describe('the office\'s own deadline rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-deadline-rules-'));
  const configWith = (file: string) => loadConfig({ DEADLINE_RULES_FILE: file }, dir);

  it('reads DEADLINE_RULES_FILE and falls back to the documented defaults', () => {
    expect(deadlineRulesFrom(loadConfig({}, dir))).toBe(DEFAULT_DEADLINE_RULES);
    const rti = DEFAULT_DEADLINE_RULES.kinds.find((k) => k.key === 'rti');
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ kinds: [{ ...rti, period: 21 }] }));
    expect(deadlineRulesFrom(configWith('rules.json')).kinds.map((k) => [k.key, k.period])).toEqual([['rti', 21]]);
  });

  it('stops start-up with a clear error naming the variable and the problem', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ kinds: [{ key: 'RTI!', en: 'x' }] }));
    expect(() => deadlineRulesFrom(configWith('bad.json'))).toThrow(ConfigError);
    expect(() => deadlineRulesFrom(configWith('bad.json'))).toThrow(/DEADLINE_RULES_FILE: expected valid content: kinds\[0\] \(RTI!\): "key" must be small letters/);
    writeFileSync(join(dir, 'broken.json'), '{ "kinds": [');
    expect(() => deadlineRulesFrom(configWith('broken.json'))).toThrow(/DEADLINE_RULES_FILE: expected a readable JSON file/);
  });
});

// Issue 18 items 6 and 7: an application that lacks its leave type or dates is asked back with the
// choices as buttons and completed by the answer exactly as if typed whole; another request in
// between drops the question; and the applicant gets the sanction order on their own channel.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const commands = (replies: Reply[]) => replies.flatMap((r) => r.buttons ?? []).map((b) => b.command);

/** Today is Wednesday 25 Nov 2026; everyone has this year's entitlements. */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  await o.linkAll();
  await o.store.transaction(async (tx) => {
    for (const e of Object.values(o.staff)) {
      for (const rule of DEFAULT_LEAVE_RULES.types.filter((t) => t.ledger && t.entitlement > 0)) {
        await tx.leaveLedger.add({ employeeId: e.id, year: 2026, type: rule.code, days: rule.entitlement, kind: 'opening', refId: null, note: null, at: o.clock.now() });
      }
    }
  });
  return o;
}

const applications = (o: TestOffice, id: number) => o.store.transaction((tx) => tx.leave.listByEmployee(id, 10));

describe('an application asked back for what it lacks', () => {
  it("README's Hinglish example: asks which leave with buttons, and a typed `CL` completes it", async () => {
    const o = await office();
    const asked = await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    expect(joined(asked)).toMatch(/Which leave\?/);
    // Buttons for the kinds this employee may take on that day (RH is one day and allowed too).
    expect(commands(asked)).toEqual(expect.arrayContaining(['/leave.kind CL', '/leave.kind EL', '/leave.kind HPL']));
    const preview = joined(await o.say('SAH0021', 'CL'));
    expect(preview).toMatch(/Casual Leave \(CL\)\n26-11-2026 to 26-11-2026 — 1 day\(s\)/);
    expect(preview).toMatch(/Reason: bank work/);
    expect(joined(await o.say('SAH0021', 'yes'))).toMatch(/LV\/2026\/000001 sent to सुनीता देवी/);
    const [leave] = await applications(o, o.staff.clerkEn.id);
    expect(leave).toMatchObject({ type: 'CL', startDate: '2026-11-26', endDate: '2026-11-26', reason: 'bank work', status: 'pending' });
  });

  it.each([['cl'], ['आकस्मिक'], ['/leave.kind CL']])('the answer %s completes it the same way', async (answer) => {
    const o = await office();
    await o.say('SAH0020', 'kal ki chhutti chahiye, bank work');
    const reply = answer.startsWith('/') ? await o.say('SAH0020', '', { action: answer }) : await o.say('SAH0020', answer);
    expect(joined(reply)).toMatch(/आकस्मिक अवकाश \(CL\)\n26-11-2026 से 26-11-2026 — 1 दिन/);
    expect(commands(reply)).toEqual(['/leave.submit', '/leave.discard']);
    await o.say('SAH0020', '', { action: '/leave.submit' });
    expect((await applications(o, o.staff.clerk.id)).map((l) => l.type)).toEqual(['CL']);
  });

  it('asks for the dates when only the type is given, with today and tomorrow as buttons', async () => {
    const o = await office();
    const asked = await o.say('SAH0021', 'CL chahiye, family function');
    expect(joined(asked)).toMatch(/From which date\?/);
    expect(commands(asked)).toEqual(['/leave.date 2026-11-25', '/leave.date 2026-11-26']);
    expect(joined(await o.say('SAH0021', '3 Dec se 2 din'))).toMatch(/03-12-2026 to 04-12-2026 — 2 day\(s\)\nReason: family function/);
    await o.say('SAH0021', 'yes');
    expect((await applications(o, o.staff.clerkEn.id)).map((l) => [l.type, l.startDate, l.endDate])).toEqual([['CL', '2026-12-03', '2026-12-04']]);
  });

  it('a different request in between drops the question: a later `CL` applies for nothing', async () => {
    const o = await office();
    await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    expect(joined(await o.say('SAH0021', 'my leave'))).toMatch(/Casual Leave \(CL\): 16/);
    // "CL" now starts a new application of its own (asked for its dates), not the old one's.
    expect(joined(await o.say('SAH0021', 'CL'))).toMatch(/From which date\?/);
    const fresh = joined(await o.say('SAH0021', 'kal'));
    expect(fresh).toMatch(/26-11-2026 to 26-11-2026/);
    expect(fresh).toMatch(/Reason: no reason given/);
    await o.say('SAH0021', 'no');
    expect(await o.say('SAH0021', '', { action: '/leave.kind CL' }).then(joined)).toMatch(/no application waiting/);
    expect(await applications(o, o.staff.clerkEn.id)).toEqual([]);
  });

  it('"cancel" drops the question, and a whole new application replaces the half one', async () => {
    const o = await office();
    await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    expect(joined(await o.say('SAH0021', 'cancel'))).toMatch(/not sent/);
    await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    expect(joined(await o.say('SAH0021', 'EL 3 days from 7 Dec, treatment'))).toMatch(/Earned Leave \(EL\)\n07-12-2026 to 09-12-2026/);
  });

  it('an answer that is not understood asks the same question again, with its buttons', async () => {
    const o = await office();
    await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    const again = await o.say('SAH0021', 'hmm');
    expect(joined(again)).toMatch(/Which leave\?/);
    expect(commands(again)).toContain('/leave.kind CL');
    expect(joined(await o.say('SAH0021', 'CL'))).toMatch(/Reason: bank work/);
  });

  it('no reason typed: the typed sentence does not become the reason; the preview and order say none was given', async () => {
    const o = await office();
    expect(joined(await o.say('SAH0021', 'CL kal'))).toMatch(/Reason: no reason given/);
    await o.say('SAH0021', 'yes');
    expect((await applications(o, o.staff.clerkEn.id))[0]?.reason).toBe('');
    await o.deliver();
    const sanctioned = await o.say('SAH0010', 'स्वीकृत', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    const order = Buffer.from(sanctioned.find((r) => r.document)?.document?.base64 ?? '', 'base64');
    const text = (await pdfText(order)).normalize('NFC');
    expect(text).toContain('no reason given');
    expect(text).not.toContain('CL kal');
  });
});

describe('the applicant gets the order', () => {
  it('an unsigned sanction: the applicant receives the sanction order PDF on their channel', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', 'yes');
    await o.deliver();
    await o.say('SAH0010', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    await o.deliver();
    const toApplicant = o.channel.to('SAH0021').map((d) => d.reply);
    expect(toApplicant.map((r) => r.text).join('\n')).toMatch(/has been sanctioned/);
    const order = toApplicant.find((r) => r.document !== undefined);
    expect(order?.text).toMatch(/The sanction order of your leave LV\/2026\/000001/);
    const pdf = Buffer.from(order?.document?.base64 ?? '', 'base64');
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    expect((await pdfText(pdf)).normalize('NFC')).toContain('LV/2026/000001');
  });

  it('a refusal tells the applicant the reason given, and no order is sent', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', 'yes');
    await o.deliver();
    await o.say('SAH0010', 'refused, election duty', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    await o.deliver();
    const toApplicant = o.channel.to('SAH0021').map((d) => d.reply);
    expect(toApplicant.at(-1)?.text).toBe('❌ Your leave LV/2026/000001 was refused. Reason: election duty');
    expect(toApplicant.some((r) => r.document !== undefined)).toBe(false);
  });
});

describe('a tour programme asked back for what it lacks', () => {
  it('asks for the dates, with today and tomorrow as buttons; the answer completes the programme', async () => {
    const o = await office();
    const asked = await o.say('SAH0021', 'tour to Patna for revenue meeting by bus');
    expect(joined(asked)).toMatch(/On which date\(s\) is the tour to Patna\?/);
    expect(commands(asked)).toEqual(['/tour.date 2026-11-25', '/tour.date 2026-11-26']);
    const preview = joined(await o.say('SAH0021', '10-12 Dec'));
    expect(preview).toMatch(/Patna/);
    expect(preview).toMatch(/10-12-2026 to 12-12-2026/);
    expect(preview).toMatch(/revenue meeting/);
    expect(joined(await o.say('SAH0021', 'yes'))).toMatch(/TR\/2026\/000001 sent to सुनीता देवी/);
  });

  it('asks where to, and a pressed date or a named place completes it; another request drops it', async () => {
    const o = await office();
    expect(joined(await o.say('SAH0021', 'tour 12 Dec for inspection'))).toMatch(/Where is the tour to\?/);
    expect(joined(await o.say('SAH0021', 'Patna'))).toMatch(/Patna[\s\S]*12-12-2026 to 12-12-2026[\s\S]*inspection/);
    await o.say('SAH0021', 'no');
    await o.say('SAH0021', 'tour to Patna for revenue meeting');
    expect(joined(await o.say('SAH0021', '', { action: '/tour.date 2026-11-26' }))).toMatch(/26-11-2026 to 26-11-2026/);
    await o.say('SAH0021', 'no');
    await o.say('SAH0021', 'tour to Patna for revenue meeting');
    await o.say('SAH0021', 'my leave');
    expect(joined(await o.say('SAH0021', '', { action: '/tour.date 2026-11-26' }))).toMatch(/no application waiting/);
  });
});

describe('a refusal without a reason', () => {
  it('a tour refused with no reason asks for it; the answer refuses it, and the officer on tour is told that reason', async () => {
    const o = await office();
    await o.say('SAH0021', 'tour to Patna 10-12 Dec for revenue meeting by bus');
    await o.say('SAH0021', 'yes');
    await o.deliver();
    const asked = o.channel.lastTo('SAH0010');
    expect(joined(await o.say('SAH0010', '', { action: '/tour.refuse TR/2026/000001' }))).toMatch(/TR\/2026\/000001 पर कारण\/निर्देश लिखें/);
    expect(asked.reply.text).toContain('TR/2026/000001');
    expect(joined(await o.say('SAH0010', 'निर्वाचन कार्य के कारण'))).toMatch(/TR\/2026\/000001.*अस्वीकृत/);
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toMatch(/Your tour TR\/2026\/000001 was refused\. Reason: निर्वाचन कार्य के कारण/);
    expect(o.channel.lastTo('SAH0021').reply.text).not.toMatch(/revenue meeting/);
  });
});

describe('the reason asked for a leave refusal', () => {
  it('another request instead of a reason is that request, and the application stays undecided', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', 'yes');
    expect(joined(await o.say('SAH0010', '', { action: '/leave.refuse LV/2026/000001' }))).toMatch(/LV\/2026\/000001 पर कारण/);
    expect(joined(await o.say('SAH0010', 'मेरी फाइलें'))).toMatch(/LV\/2026\/000001/);
    expect((await applications(o, o.staff.clerkEn.id))[0]?.status).toBe('pending');
  });
});

describe('which leave, with no balance on record', () => {
  it('no button is offered, and every kind is named to be typed', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const asked = await o.say('SAH0021', 'kal ki chhutti chahiye, bank work');
    expect(joined(asked)).toMatch(/No leave of yours fits these dates \(Not enough balance: 0 available, 1 needed\.\)\.\nWhich leave\? Type it \(CL, EL, HPL, ML, PL, RH, SCL, station_leave\)\./);
    expect(commands(asked)).toEqual([]);
    // A per-occasion kind typed completes it.
    expect(joined(await o.say('SAH0021', 'SCL'))).toMatch(/Special Casual Leave \(SCL\)\n26-11-2026 to 26-11-2026[\s\S]*Reason: bank work/);
  });
});

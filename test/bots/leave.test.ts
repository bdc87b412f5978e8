// eLeave through the assistant: apply in a message, confirm, sanction by reply, order PDF, balances.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/** Today is Wednesday 25 Nov 2026 (05:30 UTC = 11:00 IST); every employee gets this year's entitlements. */
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

const balance = (o: TestOffice, employeeId: number, type = 'CL') => o.store.transaction((tx) => tx.leaveLedger.balance(employeeId, 2026, type));

describe('leave over chat', () => {
  it('applies in Hindi, confirms, is sanctioned by a reply, and produces the order', async () => {
    const o = await office();
    const preview = await o.say('SAH0020', '3 दिसंबर से 2 दिन आकस्मिक अवकाश, पारिवारिक कार्य');
    const text = joined(preview);
    expect(text).toContain('03-12-2026 से 04-12-2026');
    expect(text).toContain('2 दिन');
    expect(text).toContain('इसके बाद शेष: 14');
    expect(text).toContain('सुनीता देवी');
    // Nothing is applied before confirmation.
    expect(await o.store.transaction((tx) => tx.leave.listByEmployee(o.staff.clerk.id, 5))).toEqual([]);
    expect(joined(await o.say('SAH0020', 'हाँ'))).toMatch(/LV\/2026\/000001 सुनीता देवी/);
    await o.deliver();
    const asked = o.channel.lastTo('SAH0010');
    expect(asked.reply.text).toContain('LV/2026/000001');
    expect(asked.reply.buttons?.map((b) => b.command)).toContain('/leave.sanction LV/2026/000001');
    // The section officer sanctions by replying in Hinglish.
    const sanctioned = await o.say('SAH0010', 'manjoor hai', { replyToMessageId: asked.messageId });
    expect(joined(sanctioned)).toContain('स्वीकृत');
    const order = sanctioned.find((r) => r.document !== undefined)?.document;
    const pdf = Buffer.from(order?.base64 ?? '', 'base64');
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    const orderText = (await pdfText(pdf)).normalize('NFC');
    expect(orderText).toContain('LV/2026/000001');
    expect(orderText).toContain('मनोज कुमार');
    expect(orderText).toContain('आकस्मिक अवकाश');
    expect(await balance(o, o.staff.clerk.id)).toBe(14);
    await o.deliver();
    // The applicant is told, and gets the order itself (issue 18 item 7).
    const [told, copy] = o.channel.to('SAH0020').slice(-2).map((d) => d.reply);
    expect(told?.text).toMatch(/स्वीकृत हुई/);
    expect(copy?.text).toMatch(/आपकी छुट्टी LV\/2026\/000001 का स्वीकृति आदेश/);
    expect(copy?.document?.mime).toBe('application/pdf');
  });

  it('refuses with a reason in English, and the balance does not move', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', '', { action: '/leave.submit' });
    await o.deliver();
    const asked = o.channel.lastTo('SAH0010');
    expect(joined(await o.say('SAH0010', 'refused, election duty', { replyToMessageId: asked.messageId }))).toMatch(/अस्वीकृत|refused/);
    expect(await balance(o, o.staff.clerkEn.id)).toBe(16);
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toMatch(/refused\. Reason: election duty/);
  });

  it('says why an application cannot go: overlap, balance, impossible dates', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', 'yes');
    expect(joined(await o.say('SAH0021', 'CL on 4 Dec, doctor visit'))).toMatch(/overlap LV\/2026\/000001/);
    expect(joined(await o.say('SAH0021', 'EL 40 days from 1 Dec for treatment'))).toMatch(/cannot span two years/);
    expect(joined(await o.say('SAH0021', 'half pay leave 25 days from 5 Dec for treatment'))).toMatch(/Not enough balance/);
    expect(joined(await o.say('SAH0021', 'CL from 31 Feb, personal work'))).toMatch(/Which leave|From which date|not a real date/);
    expect((await o.store.transaction((tx) => tx.leave.listByEmployee(o.staff.clerkEn.id, 10))).length).toBe(1);
  });

  it('shows my leave, cancels before it starts restoring the balance, and knows who is out', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 1 day on 26 Nov, bank work');
    await o.say('SAH0021', 'yes');
    await o.deliver();
    expect(joined(await o.say('SAH0010', 'my files'))).toMatch(/Awaiting your decision \(1\):\n• LV\/2026\/000001 — Priya Singh — CL 26-11-2026 \(1\)|आपके निर्णय हेतु \(1\):\n• LV\/2026\/000001 — Priya Singh/);
    await o.say('SAH0010', 'स्वीकृत', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    expect(await balance(o, o.staff.clerkEn.id)).toBe(15);
    expect(joined(await o.say('SAH0021', 'my leave'))).toMatch(/Casual Leave \(CL\): 15/);
    expect(joined(await o.say('SAH0021', 'my leave'))).toMatch(/LV\/2026\/000001 CL 26-11-2026–26-11-2026 \(1\) — sanctioned/);
    await o.say('SAH0021', 'भाषा हिंदी');
    expect(joined(await o.say('SAH0021', 'मेरी छुट्टी'))).toMatch(/LV\/2026\/000001 CL 26-11-2026–26-11-2026 \(1\) — स्वीकृत/);
    await o.say('SAH0021', 'language english');
    o.clock.advanceMinutes(24 * 60);
    expect(joined(await o.say('SAH0001', 'who is out today'))).toContain('Priya Singh');
    o.clock.advanceMinutes(-24 * 60);
    expect(joined(await o.say('SAH0021', 'cancel my leave LV/2026/000001'))).toMatch(/cancelled; the balance is restored/);
    expect(await balance(o, o.staff.clerkEn.id)).toBe(16);
  });

  it('cuts short a leave that has begun, returning the unused working days', async () => {
    const o = await office();
    await o.say('SAH0021', 'CL 3 days from 26 Nov, village visit');
    await o.say('SAH0021', 'yes');
    await o.deliver();
    await o.say('SAH0010', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    expect(await balance(o, o.staff.clerkEn.id)).toBe(13);
    // Back on duty on Friday 27 Nov: the leave ends on the 26th and two days come back.
    o.clock.advanceMinutes(2 * 24 * 60);
    expect(joined(await o.say('SAH0021', 'cancel my leave'))).toMatch(/now ends on 26-11-2026; 2 day\(s\) returned/);
    expect(await balance(o, o.staff.clerkEn.id)).toBe(15);
  });

  it('routes a file addressed to an officer on leave to the in-charge named on it, and tells both', async () => {
    const o = await office();
    // The section officer takes today off with the clerk SAH0020 in charge; the DDC sanctions.
    expect(joined(await o.say('SAH0010', 'CL today, personal work, charge to SAH0020'))).toMatch(/प्रभार: मनोज कुमार/);
    await o.say('SAH0010', 'हाँ');
    await o.deliver();
    await o.say('SAH0002', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    await o.deliver();
    expect(o.channel.lastTo('SAH0020').reply.text).toMatch(/प्रभार आपके पास/);
    // A file sent to the section officer today goes to the clerk holding charge.
    await o.say('SAH0021', 'new file: Sonbarsa road repair');
    expect(joined(await o.say('SAH0021', 'send to SAH0010'))).toMatch(/is away; EST-1\/2026 went to मनोज कुमार \(लिपिक\), who holds their charge/);
    expect((await o.store.transaction((tx) => tx.files.byNumber('EST-1/2026')))?.holderId).toBe(o.staff.clerk.id);
    await o.deliver();
    expect(o.channel.lastTo('SAH0020').reply.text).toMatch(/सुनीता देवी \(प्रशाखा पदाधिकारी\) के प्रभार में/);
    expect(o.channel.lastTo('SAH0010').reply.text).toMatch(/आपकी अनुपस्थिति में यह मनोज कुमार/);
  });
});

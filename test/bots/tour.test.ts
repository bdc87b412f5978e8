// eTour through the assistant: programme, approval by reply, diary, TA claim and its bill.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice } from '../helpers/office.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('tour over chat', () => {
  it('goes from programme to approved TA bill', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const preview = joined(await o.say('SAH0021', 'tour to Patna 26-27 Nov for revenue meeting by bus'));
    expect(preview).toContain('Patna');
    expect(preview).toContain('26-11-2026 to 27-11-2026');
    expect(joined(await o.say('SAH0021', 'yes'))).toMatch(/TR\/2026\/000001 sent to सुनीता देवी/);
    await o.deliver();
    const asked = o.channel.lastTo('SAH0010');
    expect(asked.reply.text).toContain('TR/2026/000001');
    expect(joined(await o.say('SAH0010', 'approved', { replyToMessageId: asked.messageId }))).toContain('स्वीकृत');
    await o.deliver();
    // The officer is told, and gets the tour approval order itself (issue 18 item 7).
    const [told, order] = o.channel.to('SAH0021').slice(-2).map((d) => d.reply);
    expect(told?.text).toMatch(/was approved/);
    expect(order?.text).toMatch(/The approval order of your tour TR\/2026\/000001/);
    expect((await pdfText(Buffer.from(order?.document?.base64 ?? '', 'base64'))).normalize('NFC')).toContain('TR/2026/000001');

    // Who is out, on the tour's first day; the diary on the second.
    o.clock.advanceMinutes(24 * 60);
    expect(joined(await o.say('SAH0001', 'aaj kaun bahar hai'))).toContain('Priya Singh');
    o.clock.advanceMinutes(24 * 60);
    expect(joined(await o.say('SAH0021', 'tour diary: attended revenue meeting at Patna, discussed mutation backlog'))).toMatch(/Diary entry for TR\/2026\/000001/);
    expect(await o.store.transaction(async (tx) => (await tx.tours.diary(1)).length)).toBe(1);

    // The claim after the tour; the officer approves it and gets the bill.
    o.clock.advanceMinutes(24 * 60);
    const claim = joined(await o.say('SAH0021', 'TA claim 850 bus fare Patna'));
    expect(claim).toMatch(/TA claim TA\/2026\/000001: fares ₹850 \+ DA 2 × ₹\d+ = ₹\d+/);
    await o.deliver();
    const bill = await o.say('SAH0010', 'approved', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    const pdf = Buffer.from(bill.find((r) => r.document !== undefined)?.document?.base64 ?? '', 'base64');
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    const text = await pdfText(pdf);
    expect(text).toContain('TA/2026/000001');
    expect(text).toContain('850');
    // The claimant gets the bill too.
    await o.deliver();
    const copy = o.channel.lastTo('SAH0021').reply;
    expect(copy.text).toMatch(/Your TA bill TA\/2026\/000001/);
    expect(Buffer.compare(Buffer.from(copy.document?.base64 ?? '', 'base64'), pdf)).toBe(0);
  });

  it('refuses a tour that overlaps another, and takes the claim once the tour is over', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'tour to Patna 1-2 Dec for training');
    await o.say('SAH0021', 'yes');
    await o.say('SAH0021', 'tour to Gaya 2 Dec for inspection');
    expect(joined(await o.say('SAH0021', 'yes'))).toMatch(/overlap TR\/2026\/000001/);
    await o.deliver();
    await o.say('SAH0010', 'approved', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    expect(joined(await o.say('SAH0021', 'TA claim 500 bus fare'))).toMatch(/once the tour ends on 02-12-2026/);
    o.clock.advanceMinutes(24 * 60 * 7);
    expect(joined(await o.say('SAH0021', 'TA claim 500 bus fare'))).toMatch(/TA claim TA\/2026\/000001/);
  });

  it('answers a button for an application that does not exist, and changes nothing', async () => {
    const o = await makeOffice();
    await o.linkAll();
    expect(joined(await o.say('SAH0010', '', { action: '/leave.sanction LV/2026/000999' }))).toMatch(/छुट्टी LV\/2026\/000999 नहीं मिली/);
    expect(joined(await o.say('SAH0010', '', { action: '/tour.approve TR/2026/000999' }))).toMatch(/TR\/2026\/000999/);
    expect(joined(await o.say('SAH0010', '', { action: '/ta.approve TA/2026/000999' }))).toMatch(/TA\/2026\/000999/);
    const audit = await o.store.transaction((tx) => tx.audit.page(1, 100));
    expect(audit).toEqual([]);
  });
});

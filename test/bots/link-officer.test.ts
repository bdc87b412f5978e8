// Issue 20 item 5 through the assistant: the section officer is on leave with Priya Singh in charge;
// a clerk's leave application goes to Priya, who sanctions it by reply; the section officer is told.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice } from '../helpers/office.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('the link officer decides while the sanctioning officer is away', () => {
  it('routes the application to the officer holding charge, who sanctions it by reply', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.store.transaction(async (tx) => {
      for (const e of Object.values(o.staff)) {
        await tx.leaveLedger.add({ employeeId: e.id, year: 2026, type: 'CL', days: DEFAULT_LEAVE_RULES.types[0]?.entitlement ?? 16, kind: 'opening', refId: null, note: null, at: o.clock.now() });
      }
    });
    // The section officer takes CL today and tomorrow with Priya Singh in charge; the DDC sanctions it.
    await o.say('SAH0010', 'CL 2 days from today, personal work, charge to SAH0021');
    await o.say('SAH0010', 'हाँ');
    await o.deliver();
    await o.say('SAH0002', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    await o.deliver();
    // The clerk applies: the preview says who decides and for whom.
    const preview = joined(await o.say('SAH0020', 'CL 30 Nov, family function'));
    expect(preview).toMatch(/स्वीकृति: Priya Singh \(Clerk\) — सुनीता देवी \(प्रशाखा पदाधिकारी\) के प्रभार में \(वे 26-11-2026 तक बाहर हैं\)/);
    expect(joined(await o.say('SAH0020', 'हाँ'))).toMatch(/LV\/2026\/000002 Priya Singh \(Clerk\) को भेजा गया/);
    await o.deliver();
    const asked = o.channel.lastTo('SAH0021');
    expect(asked.reply.text).toMatch(/Leave application LV\/2026\/000002/);
    expect(asked.reply.text).toMatch(/for your decision in charge of सुनीता देवी \(प्रशाखा पदाधिकारी\), who is away/);
    expect(asked.reply.buttons?.map((b) => b.command)).toContain('/leave.sanction LV/2026/000002');
    expect(o.channel.lastTo('SAH0010').reply.text).toMatch(/LV\/2026\/000002 आपकी अनुपस्थिति में Priya Singh \(Clerk\) के पास निर्णय हेतु गया/);
    expect(joined(await o.say('SAH0021', 'sanctioned', { replyToMessageId: asked.messageId }))).toMatch(/LV\/2026\/000002 \(मनोज कुमार\): sanctioned/);
    await o.deliver();
    expect(o.channel.to('SAH0020').map((d) => d.reply.text).join('\n')).toMatch(/आपकी छुट्टी LV\/2026\/000002 .* स्वीकृत हुई/);
  });
});

describe('applications already waiting when the officer leaves', () => {
  it('the one taking charge is sent them with their buttons, and decides them while the officer is away', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.store.transaction(async (tx) => {
      for (const e of Object.values(o.staff)) {
        await tx.leaveLedger.add({ employeeId: e.id, year: 2026, type: 'CL', days: 16, kind: 'opening', refId: null, note: null, at: o.clock.now() });
      }
    });
    await o.say('SAH0020', 'CL 30 Nov, family function');
    await o.say('SAH0020', 'हाँ');
    await o.say('SAH0010', 'CL 2 days from today, personal work, charge to SAH0021');
    await o.say('SAH0010', 'हाँ');
    await o.deliver();
    await o.say('SAH0002', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    await o.deliver();
    const waiting = o.channel.to('SAH0021').map((d) => d.reply).find((r) => r.text.includes('LV/2026/000001'));
    expect(waiting?.text).toMatch(/in charge of सुनीता देवी \(प्रशाखा पदाधिकारी\): away 25-11-2026–26-11-2026; you may decide it then/);
    expect(waiting?.text).not.toMatch(/moved on|changed since/i);
    expect(waiting?.buttons?.map((b) => b.command)).toContain('/leave.sanction LV/2026/000001');
    expect(joined(await o.say('SAH0021', '', { action: '/leave.sanction LV/2026/000001' }))).toMatch(/LV\/2026\/000001 \(मनोज कुमार\): sanctioned/);
  });
});

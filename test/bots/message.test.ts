// Direct messages between employees through the bot, and replies that go back.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice } from '../helpers/office.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('direct messages', () => {
  it('delivers with the sender name and post, and a reply goes back to the sender', async () => {
    const o = await makeOffice();
    await o.linkAll();
    expect(joined(await o.say('SAH0021', 'msg DDC: the survey report is ready'))).toMatch(/Message sent to Rakesh Kumar \(उप विकास आयुक्त\)/);
    await o.deliver();
    const got = o.channel.lastTo('SAH0002');
    expect(got.reply.text).toMatch(/Priya Singh \(Clerk\) का संदेश:\nthe survey report is ready/);
    // "ok, will come" reads as an approval, but as a reply to a message it is just an answer.
    await o.say('SAH0002', 'ठीक है, कल देखेंगे', { replyToMessageId: got.messageId });
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toMatch(/Reply from Rakesh Kumar \(उप विकास आयुक्त\):\nठीक है, कल देखेंगे/);
    const events = await o.store.transaction((tx) => tx.audit.page(1, 100));
    expect(events.filter((e) => e.type === 'message.sent')).toHaveLength(2);
    expect(events.map((e) => e.data).join(' ')).not.toContain('survey report');
  });

  it('tells the sender when the recipient has no linked chat or is inactive, and queues nothing', async () => {
    const o = await makeOffice();
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0021', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.clerkEn.id, linkedAt: o.clock.now() });
    });
    expect(joined(await o.say('SAH0021', 'msg DDC: are you in office?'))).toMatch(/has no linked chat or is not active; the message was not sent/);
    expect(await o.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
    expect(joined(await o.say('SAH0021', 'msg SAH0999: hello'))).toMatch(/not on the master roll|No one found/);
  });
});

// A Bot Framework chat is its channel, conversation and sender: the real assistant over a small
// office behind the real /api/messages endpoint, activities posted over loopback HTTP and the bot's
// answers caught by a loopback connector peer.
import { afterEach, describe, expect, it } from 'vitest';
import { BotFrameworkAdapter, type BotFrameworkOptions } from '../../../adapters/botframework/botframework-adapter.ts';
import { chatAddress } from '../../../adapters/botframework/activities.ts';
import { createChannelHost } from '../../../bots/channel.ts';
import { silentLogger } from '../../../bots/log.ts';
import { ConnectorPeer } from '../../helpers/connector-peer.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setUp(options: BotFrameworkOptions = {}) {
  const office = await makeOffice();
  const peer = await ConnectorPeer.start();
  open.push(peer);
  const adapter = new BotFrameworkAdapter(createChannelHost(office.store, office.clock, office.assistant, silentLogger), { port: 0, webChat: false, ...options });
  await adapter.start();
  open.push({ close: () => adapter.stop() });
  let n = 0;
  /** Posts a message as `from` in `conversation` and returns what the bot answered there. */
  const say = async (from: string, text: string, conversation: Record<string, unknown> = { id: 'conv-1' }): Promise<string> => {
    const before = peer.received.length;
    n += 1;
    const res = await fetch(`${adapter.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `act-${n}`, serviceUrl: peer.url, channelId: 'msteams', from: { id: from, name: from },
        conversation, recipient: { id: 'bot-1', name: 'Daftar' }, text,
      }),
    });
    expect(res.status).toBe(200);
    return peer.received.slice(before).filter((r) => r.conversationId === conversation.id).map((r) => r.activity.text ?? '').join('\n');
  };
  return { office, peer, adapter, say };
}

const accountAt = (office: TestOffice, address: string) => office.store.transaction((tx) => tx.accounts.find('botframework', address));

describe('Bot Framework identity: channel + conversation + sender', () => {
  it('treats another sender in a linked conversation as an unlinked chat', async () => {
    const { office, say } = await setUp();
    expect(await say('user-1', 'link SAH0021')).toContain('••••0021');
    expect(await say('user-1', office.otp.lastCode())).toMatch(/linked to you/);
    expect(await say('user-1', 'me')).toMatch(/Employee code: SAH0021/);
    // Someone else writing into the same conversation id is not Priya.
    const stranger = await say('user-2', 'me');
    expect(stranger).toMatch(/link this chat to your employee code first/);
    expect(stranger).not.toContain('SAH0021');
    expect((await accountAt(office, chatAddress('conv-1', 'user-1')))?.employeeId).toBe(office.staff.clerkEn.id);
    expect((await accountAt(office, chatAddress('conv-1', 'user-2')))?.employeeId).toBeNull();
  });

  it('keeps an account stored under the bare conversation id working for the sender it was linked for, and only for them', async () => {
    const { office, peer, say } = await setUp();
    // As an earlier version stored a linked Teams chat: address = conversation id, reference naming its user.
    await office.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'botframework', address: 'conv-old', displayName: 'Priya Singh' });
      const ref = { channelId: 'msteams', serviceUrl: peer.url, conversation: { id: 'conv-old' }, user: { id: 'user-1', name: 'Priya' }, bot: { id: 'bot-1' } };
      await tx.accounts.update(account.id, { employeeId: office.staff.clerkEn.id, linkedAt: office.clock.now(), conversationRef: JSON.stringify(ref) });
    });
    expect(await say('user-1', 'me', { id: 'conv-old' })).toMatch(/Employee code: SAH0021/);
    expect(await accountAt(office, chatAddress('conv-old', 'user-1'))).toBeNull();
    expect(await say('user-2', 'me', { id: 'conv-old' })).toMatch(/link this chat to your employee code first/);
    // The old account still names user-1: user-2's message did not take it over.
    expect(JSON.parse((await accountAt(office, 'conv-old'))?.conversationRef ?? '{}')).toMatchObject({ user: { id: 'user-1' } });
  });

  it('refuses group conversations with a clear reply and keeps nothing of them', async () => {
    const { office, say } = await setUp();
    for (const conversation of [{ id: 'team-chat', isGroup: true, conversationType: 'groupChat' }, { id: '19:general@thread.tacv2', conversationType: 'channel' }]) {
      const reply = await say('user-1', 'link SAH0021', conversation);
      expect(reply).toMatch(/one-to-one chats only/);
      expect(reply).toMatch(/व्यक्तिगत \(एक-से-एक\) चैट/);
      expect(await accountAt(office, chatAddress(conversation.id, 'user-1'))).toBeNull();
      expect(await accountAt(office, conversation.id)).toBeNull();
    }
    expect(office.otp.sent).toHaveLength(0);
  });

  it('with BOTFRAMEWORK_ALLOW_GROUPS, answers in a group with each member as their own chat', async () => {
    const { office, say } = await setUp({ allowGroups: true });
    const group = { id: 'team-chat', isGroup: true, conversationType: 'groupChat' };
    expect(await say('user-1', 'link SAH0021', group)).toContain('••••0021');
    expect(await say('user-1', office.otp.lastCode(), group)).toMatch(/linked to you/);
    expect(await say('user-1', 'me', group)).toMatch(/Employee code: SAH0021/);
    expect(await say('user-2', 'me', group)).toMatch(/link this chat to your employee code first/);
  });
});

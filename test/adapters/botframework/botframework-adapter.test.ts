// The Bot Framework adapter end to end through botbuilder's CloudAdapter: real activity JSON posted
// to /api/messages over loopback HTTP, the bot's answers captured by a loopback connector peer.
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { BotFrameworkAdapter, type BotFrameworkOptions } from '../../../adapters/botframework/botframework-adapter.ts';
import { isLoopback } from '../../../adapters/botframework/authentication.ts';
import { chatAddress } from '../../../adapters/botframework/activities.ts';
import { createChannelHost, type ChannelHost } from '../../../bots/channel.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';
import { silentLogger } from '../../../bots/log.ts';
import type { Inbound, Reply } from '../../../bots/reply.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { notify } from '../../../core/outbox/notify.ts';
import { ConnectorPeer } from '../../helpers/connector-peer.ts';
import { FakeClock } from '../../helpers/clock.ts';

const SCAN = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
/** user-1's chat in conv-1: a chat is the conversation and its sender. */
const CHAT = chatAddress('conv-1', 'user-1');

/** A host whose assistant records what it was given and answers with a script. */
function recordingHost(answer: (inbound: Inbound) => Reply[] = () => [{ text: 'ok' }]) {
  const inbound: Inbound[] = [];
  const remembered: { chatId: string; messageId: string; reply: Reply }[] = [];
  const refs = new Map<string, string>();
  const warnings: string[] = [];
  const host: ChannelHost = {
    assistant: { handle: async (i) => (inbound.push(i), answer(i)) },
    log: { info: () => {}, warn: (m) => warnings.push(m), error: () => {} },
    rememberSent: async (_channel, chatId, messageId, reply) => void remembered.push({ chatId, messageId, reply }),
    saveConversationRef: async (_channel, chatId, ref) => void refs.set(chatId, ref),
    loadConversationRef: async (_channel, chatId) => refs.get(chatId) ?? null,
    rememberButton: async () => {},
    recallButton: async () => null,
  };
  return { host, inbound, remembered, refs, warnings };
}

function activity(peer: ConnectorPeer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message', id: 'act-1', timestamp: new Date().toISOString(), serviceUrl: peer.url, channelId: 'emulator',
    from: { id: 'user-1', name: 'Priya Singh' }, conversation: { id: 'conv-1' }, recipient: { id: 'bot-1', name: 'Daftar' },
    text: 'help', locale: 'en-IN', ...extra,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setUp(options: BotFrameworkOptions = {}, answer?: (inbound: Inbound) => Reply[]) {
  const peer = await ConnectorPeer.start();
  open.push(peer);
  const recorded = recordingHost(answer);
  const adapter = new BotFrameworkAdapter(recorded.host, { port: 0, ...options });
  await adapter.start();
  open.push({ close: () => adapter.stop() });
  return { peer, adapter, ...recorded };
}

describe('Bot Framework adapter (no app id: Emulator mode)', () => {
  it('answers a message through the connector at serviceUrl: text, suggested actions, a PDF, ids remembered', async () => {
    const replies: Reply[] = [
      { text: 'Diary number SAH/R/2026/000001', buttons: [{ label: 'Put in a new file', command: '/receipt.newfile SAH/R/2026/000001' }], subject: { type: 'receipt', id: '1' } },
      { text: 'Note sheet', document: { filename: 'EST-1_2026-notesheet.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.7 test').toString('base64') } },
    ];
    const { peer, adapter, inbound, remembered, refs } = await setUp({}, () => replies);
    const sent = await post(adapter.url, activity(peer, { replyToId: 'peer-9' }));
    expect(sent.status).toBe(200);
    expect(inbound).toEqual([{ channel: 'botframework', chatId: CHAT, messageId: 'act-1', text: 'help', replyToMessageId: 'peer-9', senderName: 'Priya Singh' }]);

    const [first, second] = peer.to('conv-1');
    // Sent as replies to the user's activity, as TurnContext does.
    expect(first).toMatchObject({ replyToId: 'act-1', activity: { type: 'message', text: replies[0]?.text, textFormat: 'plain', replyToId: 'act-1' } });
    expect(first?.activity.suggestedActions).toEqual({ to: [], actions: [{ type: 'postBack', title: 'Put in a new file', value: '/receipt.newfile SAH/R/2026/000001' }] });
    expect(second?.activity.attachments).toEqual([{ contentType: 'application/pdf', name: 'EST-1_2026-notesheet.pdf', contentUrl: `data:application/pdf;base64,${Buffer.from('%PDF-1.7 test').toString('base64')}` }]);
    expect(remembered.map((r) => [r.chatId, r.messageId, r.reply.text])).toEqual([[CHAT, 'peer-1', replies[0]?.text], [CHAT, 'peer-2', 'Note sheet']]);
    expect(JSON.parse(refs.get(CHAT) ?? '{}')).toMatchObject({ channelId: 'emulator', serviceUrl: peer.url, conversation: { id: 'conv-1' }, user: { id: 'user-1' }, bot: { id: 'bot-1' } });
  });

  it('reads suggested-action presses in each way channels post them', async () => {
    const { peer, adapter, inbound } = await setUp();
    await post(adapter.url, activity(peer, { id: 'a1', text: undefined, value: '/receipt.newfile SAH/R/2026/000001' }));
    await post(adapter.url, activity(peer, { id: 'a2', text: 'Approve', value: { command: '/file.approve EST-1/2026' } }));
    await post(adapter.url, activity(peer, { id: 'a3', channelId: 'webchat', text: '/file.sheet EST-1/2026', channelData: { postBack: true } }));
    await post(adapter.url, activity(peer, { id: 'a4', channelId: 'msteams', text: '/file.return EST-1/2026' }));
    expect(inbound.map((i) => [i.messageId, i.action, i.text])).toEqual([
      ['a1', '/receipt.newfile SAH/R/2026/000001', undefined],
      ['a2', '/file.approve EST-1/2026', undefined],
      ['a3', '/file.sheet EST-1/2026', undefined],
      // An imBack is the user's text; the assistant reads a command the same either way.
      ['a4', undefined, '/file.return EST-1/2026'],
    ]);
  });

  it('takes image attachments from the connector and from data: URLs, and fetches nothing from other hosts', async () => {
    const { peer, adapter, inbound, warnings } = await setUp();
    const other = await ConnectorPeer.start();
    open.push(other);
    const onConnector = peer.serve('/v3/attachments/att-1/views/original', SCAN, 'image/jpeg');
    const elsewhere = other.serve('/secret.jpg', SCAN, 'image/jpeg');
    await post(adapter.url, activity(peer, {
      text: 'Flood relief letter',
      attachments: [
        { contentType: 'image/jpeg', contentUrl: onConnector, name: 'scan-portrait.jpg' },
        { contentType: 'image/jpeg', contentUrl: `data:image/jpeg;base64,${SCAN.toString('base64')}`, name: 'page-2.jpg' },
        { contentType: 'image/jpeg', contentUrl: elsewhere, name: 'elsewhere.jpg' },
        { contentType: 'text/html', content: '<p>Flood relief letter</p>' },
      ],
    }));
    const got = inbound[0]?.attachments ?? [];
    expect(got.map((a) => [a.filename, a.mime, Buffer.from(a.bytes).equals(SCAN)])).toEqual([['scan-portrait.jpg', 'image/jpeg', true], ['page-2.jpg', 'image/jpeg', true]]);
    expect(inbound[0]?.text).toBe('Flood relief letter');
    expect(peer.fetched).toEqual([{ path: '/v3/attachments/att-1/views/original', authorization: undefined }]);
    expect(other.fetched).toEqual([]);
    expect(warnings.join('\n')).toMatch(/attachment 3 .*not on the connector that sent it/);
  });

  it('drops a Teams @mention from the text and offers Teams imBack buttons', async () => {
    const { peer, adapter, inbound } = await setUp({}, () => [{ text: 'Choose', buttons: [{ label: 'Approve', command: '/file.approve EST-1/2026' }] }]);
    await post(adapter.url, activity(peer, {
      channelId: 'msteams', text: '<at>Daftar</at> status EST-1/2026',
      entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Daftar' }, text: '<at>Daftar</at>' }],
    }));
    expect(inbound[0]?.text).toBe('status EST-1/2026');
    expect(peer.received[0]?.activity.suggestedActions).toEqual({ to: [], actions: [{ type: 'imBack', title: 'Approve', value: '/file.approve EST-1/2026' }] });
  });

  it('delivers a notification through the stored conversation reference; the dispatcher records it once', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const employeeId = await store.transaction(async (tx) => {
      const section = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
      const e = await tx.employees.create({
        code: 'SAH0021', name: 'Priya Singh', post: 'Clerk', postKey: 'CLERK', mobile: '9000000021', dob: '1980-01-15', email: null,
        sectionId: section.id, reportingOfficerId: null, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
      });
      return e.id;
    });
    const peer = await ConnectorPeer.start();
    open.push(peer);
    const host = createChannelHost(store, clock, { handle: async () => [{ text: 'ok' }] }, silentLogger);
    const adapter = new BotFrameworkAdapter(host, { port: 0 });
    await adapter.start();
    open.push({ close: () => adapter.stop() });
    expect((await post(adapter.url, activity(peer))).status).toBe(200);
    await store.transaction(async (tx) => {
      const account = await tx.accounts.find('botframework', CHAT);
      if (account === null) throw new Error('the adapter did not save the conversation');
      await tx.accounts.update(account.id, { employeeId, linkedAt: clock.now() });
      await notify(tx, clock, { employeeId, notification: { kind: 'file.received', params: { number: 'EST-1/2026', from: 'सुनीता देवी', fromPost: 'SO', subject: 'Land' }, subject: { type: 'file', id: '7' } } });
    });
    const dispatcher = new Dispatcher(store, clock, [adapter], silentLogger);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, failed: 0, waiting: 0 });
    const note = peer.received.at(-1);
    expect(note).toMatchObject({ conversationId: 'conv-1', activity: { text: expect.stringContaining('EST-1/2026') as unknown, recipient: { id: 'user-1' } } });
    expect((note?.activity.suggestedActions as { actions: unknown[] }).actions).toHaveLength(3);
    expect(await store.transaction((tx) => tx.sentMessages.find('botframework', CHAT, note?.id ?? ''))).toMatchObject({ subjectType: 'file', subjectId: '7', employeeId });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, failed: 0, waiting: 0 });
  });

  it('fails to start with a message that names the address and the setting', async () => {
    const { adapter } = await setUp();
    const second = new BotFrameworkAdapter(recordingHost().host, { port: Number(new URL(adapter.url).port) });
    await expect(second.start()).rejects.toThrow(/could not listen on 127\.0\.0\.1:\d+: EADDRINUSE \(set WEB_HOST \/ WEB_PORT\)/);
  });

  it('refuses a forwarded request even from loopback: behind a proxy everyone would look local', async () => {
    const { peer, adapter, inbound } = await setUp();
    expect((await post(adapter.url, activity(peer), { 'x-forwarded-for': '203.0.113.7' })).status).toBe(401);
    expect(inbound).toEqual([]);
  });

  // 127.0.0.2 would not do: all of 127.0.0.0/8 is this machine's loopback. A real non-loopback source
  // is this machine's own LAN address, when it has one; isLoopback is checked on its own below.
  const lan = Object.values(networkInterfaces()).flat().find((i) => i !== undefined && !i.internal && i.family === 'IPv4')?.address;
  it.runIf(lan !== undefined)('refuses an activity from a non-loopback address with 401, and nothing reaches the host', async () => {
    const { peer, adapter, inbound, refs, warnings } = await setUp({ host: '0.0.0.0' });
    const port = new URL(adapter.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: lan, port, localAddress: lan, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify(activity(peer)));
    });
    expect(status).toBe(401);
    expect(inbound).toEqual([]);
    expect(refs.size).toBe(0);
    expect(warnings.join('\n')).toContain(`refused an unauthenticated activity from ${lan}`);
    // The same activity from loopback is taken.
    expect((await post(`http://127.0.0.1:${port}`, activity(peer))).status).toBe(200);
  });

  it.each([
    ['127.0.0.1', true], ['127.0.0.2', true], ['::1', true], ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false], ['::ffff:192.0.2.2', false], ['fd00::2', false], ['10.127.0.1', false], [undefined, false],
  ])('counts %s as loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

// ---- with an app id: JWTs validated by the SDK against keys the peer publishes ----

const APP_ID = '00000000-0000-0000-0000-00000000a99';

/**
 * The public cloud's settings with the OpenID metadata on the peer. The SDK takes any one of these
 * as a sign that all are given (the rest then stay unset, and every token fails), so all are spelt out.
 */
function publicCloud(over: Record<string, string>): Record<string, string> {
  return {
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
    ...over,
  };
}

function jwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const data = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({ iss: 'https://api.botframework.com', aud: APP_ID, nbf: now - 60, exp: now + 600, ...claims })}`;
  return `${data}.${sign('RSA-SHA256', Buffer.from(data), key).toString('base64url')}`;
}

describe('Bot Framework adapter with an app id', () => {
  async function withKeys() {
    const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const peer = await ConnectorPeer.start();
    open.push(peer);
    peer.publishKeys({ keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig' }] });
    const recorded = recordingHost();
    const adapter = new BotFrameworkAdapter(recorded.host, {
      port: 0, appId: APP_ID, appPassword: 'not-used-offline', sdkSettings: publicCloud({ ToBotFromChannelOpenIdMetadataUrl: peer.openIdMetadataUrl }),
    });
    await adapter.start();
    open.push({ close: () => adapter.stop() });
    return { peer, adapter, published, stranger, ...recorded };
  }

  it('refuses a request without a valid Bearer token with 401, and nothing reaches the host', async () => {
    const { peer, adapter, published, stranger, inbound, refs } = await withKeys();
    const serviceurl = peer.url;
    // Each refused for its own reason (the SDK's words in the answer), not for a misconfiguration.
    const refused: [Record<string, string>, RegExp][] = [
      [{}, /not authorized/],
      [{ authorization: 'Bearer not-a-jwt' }, /No valid identity/],
      [{ authorization: `Bearer ${jwt(stranger.privateKey, 'key-2', { serviceurl })}` }, /Signing Key could not be retrieved/], // nobody published key-2
      [{ authorization: `Bearer ${jwt(stranger.privateKey, 'key-1', { serviceurl })}` }, /invalid signature/], // SDK: 500; here 401
      [{ authorization: `Bearer ${jwt(published.privateKey, 'key-1', { serviceurl, aud: 'another-bot' })}` }, /Invalid AppId/],
      [{ authorization: `Bearer ${jwt(published.privateKey, 'key-1', { serviceurl: 'https://elsewhere.example/' })}` }, /ServiceUrl claim/],
      [{ authorization: `Bearer ${jwt(published.privateKey, 'key-1', { serviceurl, exp: Math.floor(Date.now() / 1000) - 3600 })}` }, /expired/],
    ];
    for (const [headers, reason] of refused) {
      const res = await post(adapter.url, activity(peer), headers);
      expect({ reason: reason.test(res.text) ? 'as expected' : res.text, status: res.status }).toEqual({ reason: 'as expected', status: 401 });
    }
    expect(inbound).toEqual([]);
    expect(refs.size).toBe(0);
    expect(peer.received).toEqual([]);
  });

  it('stops at construction on an incomplete app registration', () => {
    const { host } = recordingHost();
    expect(() => new BotFrameworkAdapter(host, { appId: APP_ID })).toThrow('Bot Framework: the app id needs its client secret (BOTFRAMEWORK_APP_PASSWORD)');
    expect(() => new BotFrameworkAdapter(host, { appId: APP_ID, appPassword: 's', appType: 'SingleTenant' }))
      .toThrow('Bot Framework app registration: MicrosoftAppTenantId is required for SingleTenant in configuration.');
  });

  it('accepts a token signed with the published key (so the refusals above are about the tokens)', async () => {
    const { peer, adapter, published, refs } = await withKeys();
    // A conversationUpdate needs no answer, so no outbound token has to be fetched from Azure AD.
    const update = activity(peer, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'user-1' }] });
    const res = await post(adapter.url, update, { authorization: `Bearer ${jwt(published.privateKey, 'key-1', { serviceurl: peer.url })}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(refs.get(CHAT) ?? '{}')).toMatchObject({ serviceUrl: peer.url, channelId: 'emulator' });
  });
});

// ---- the web chat's way in: its own tokens, answers only through this server's connector ----

describe('web chat through /api/messages', () => {
  for (const appId of [undefined, APP_ID]) {
    it(`answers on the long-poll, never at the serviceUrl the page claims (${appId === undefined ? 'no app id' : 'with an app id'})`, async () => {
      const { peer, adapter, inbound, remembered, refs } = await setUp({ appId, appPassword: 'x' }, () => [{ text: 'नमस्ते', buttons: [{ label: 'Help', command: 'help' }] }]);
      const session = await (await fetch(`${adapter.url}/webchat/session`, { method: 'POST' })).json() as { conversationId: string; token: string; userId: string };
      const auth = { authorization: `Bearer ${session.token}` };
      const mine = activity(peer, { id: 'w1', channelId: 'webchat', conversation: { id: session.conversationId }, from: { id: session.userId, name: 'Web' } });
      expect((await post(adapter.url, mine, auth)).status).toBe(200);
      const chat = chatAddress(session.conversationId, session.userId);
      expect(inbound[0]).toMatchObject({ chatId: chat, text: 'help' });
      expect(peer.received).toEqual([]);
      const poll = await (await fetch(`${adapter.url}/webchat/activities?conversation=${encodeURIComponent(session.conversationId)}&after=0`, { headers: auth })).json() as { activities: { activity: Record<string, unknown> }[]; next: number };
      expect(poll.activities.map((a) => [a.activity.id === 'w1' ? 'echo' : 'bot', a.activity.text])).toEqual([['echo', 'help'], ['bot', 'नमस्ते']]);
      expect(remembered[0]?.messageId).toBe(poll.activities[1]?.activity.id);
      // A token is for its own conversation only; a missing one is no web chat at all.
      const other = { ...mine, id: 'w2', conversation: { id: 'webchat-local.someone-else' } };
      expect((await post(adapter.url, other, auth)).status).toBe(401);
      expect((await fetch(`${adapter.url}/webchat/activities?conversation=x&after=0`, { headers: auth })).status).toBe(401);
      expect(inbound).toHaveLength(1);
      // Notifications reach a tab of this process, never one whose connector address is not this server's now.
      const ref = refs.get(chat) ?? '';
      const account = { id: 1, channel: 'botframework', address: chat, displayName: null, employeeId: 1, linkedAt: null, conversationRef: ref };
      expect(adapter.canReach(account)).toBe(true);
      const stale = JSON.stringify({ ...JSON.parse(ref) as object, serviceUrl: `${adapter.url}/webchat/connector/from-an-earlier-run` });
      expect(adapter.canReach({ ...account, conversationRef: stale })).toBe(false);
    });
  }

  it('refuses the demo login when the composition root gave no demoAutoLink', async () => {
    const { adapter } = await setUp();
    const session = await (await fetch(`${adapter.url}/webchat/session`, { method: 'POST' })).json() as { conversationId: string; token: string; demo: boolean };
    expect(session.demo).toBe(false);
    const res = await fetch(`${adapter.url}/api/demo-login`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ conversationId: session.conversationId, code: 'SAH0021' }),
    });
    expect(res.status).toBe(403);
    expect((await fetch(`${adapter.url}/api/demo-staff`)).status).toBe(404);
  });
});

// What the Bot Framework endpoint does with input nobody should send: malformed activities, proxy
// headers in Emulator mode, a failing turn, and a flood of anonymous web chat sessions. Real HTTP to
// the real adapter over loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { BotFrameworkAdapter, type BotFrameworkOptions } from '../../../adapters/botframework/botframework-adapter.ts';
import type { ChannelHost } from '../../../bots/channel.ts';
import type { Inbound, Reply } from '../../../bots/reply.ts';
import { AddressRateLimiter, addressKey } from '../../../adapters/botframework/rate-limit.ts';
import { ConnectorPeer } from '../../helpers/connector-peer.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setUp(options: BotFrameworkOptions = {}, answer: (inbound: Inbound) => Reply[] = () => [{ text: 'ok' }]) {
  const peer = await ConnectorPeer.start();
  open.push(peer);
  const inbound: Inbound[] = [];
  const errors: unknown[] = [];
  const host: ChannelHost = {
    assistant: { handle: async (i) => (inbound.push(i), answer(i)) },
    log: { info: () => {}, warn: () => {}, error: (_m, e) => void errors.push(e) },
    rememberSent: async () => {},
    saveConversationRef: async () => {},
    loadConversationRef: async () => null,
    rememberButton: async () => {},
    recallButton: async () => null,
  };
  const adapter = new BotFrameworkAdapter(host, { port: 0, ...options });
  await adapter.start();
  open.push({ close: () => adapter.stop() });
  const activity = (extra: Record<string, unknown> = {}) => ({
    type: 'message', id: 'act-1', serviceUrl: peer.url, channelId: 'emulator', from: { id: 'user-1', name: 'Priya' },
    conversation: { id: 'conv-1' }, recipient: { id: 'bot-1' }, text: 'help', ...extra,
  });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${adapter.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };
  return { adapter, peer, inbound, errors, activity, post };
}

/** What a body must never carry: the server's exception words, stack frames, source paths. */
const INTERNAL = /TypeError|ReferenceError|is not a function|Cannot read|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|secret detail/;

describe('malformed activities', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['text that is an object', { text: { $gt: '' } }, /text must be a string/],
    ['text that is a number', { text: 42 }, /text must be a string/],
    ['a message without a sender', { from: undefined }, /from\.id is required/],
    ['a message without a recipient', { recipient: undefined }, /recipient\.id is required/],
    ['a sender id that is a number', { from: { id: 7 } }, /from\.id must be a non-empty string/],
    ['attachments that are not a list', { attachments: 'scan.jpg' }, /attachments must be a list/],
    ['an attachment without a content type', { attachments: [{ contentUrl: 'data:,x' }] }, /attachments\[0\]\.contentType/],
    ['entities with a bad mention', { entities: [{ type: 'mention', mentioned: 'bot' }] }, /entities\[0\]\.mentioned/],
    ['isGroup that is not a boolean', { conversation: { id: 'conv-1', isGroup: 'yes' } }, /conversation\.isGroup/],
    ['no conversation', { conversation: undefined }, /conversation\.id/],
    ['a serviceUrl that is not http(s)', { serviceUrl: 'file:///etc/passwd' }, /serviceUrl must be an http\(s\) URL/],
    ['channelData that is a string', { channelData: 'x' }, /channelData must be an object/],
  ])('answers %s with 400, naming the field and nothing of the server', async (_what, extra, reason) => {
    const { inbound, activity, post, peer } = await setUp();
    const res = await post(activity(extra));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(reason);
    expect(res.text).not.toMatch(INTERNAL);
    expect(inbound).toEqual([]);
    expect(peer.received).toEqual([]);
  });

  it('answers a turn that fails inside with 500 and a fixed body, never the error text', async () => {
    const { activity, post, errors } = await setUp({}, () => { throw new Error('secret detail: /srv/daftar/data/daftar.db is locked'); });
    const res = await post(activity());
    expect(res.status).toBe(500);
    expect(JSON.parse(res.text)).toEqual({ error: 'internal error' });
    // The detail is for the server's log.
    expect(String(errors[0])).toContain('secret detail');
  });

  it('still takes a well-formed activity', async () => {
    const { activity, post, inbound } = await setUp();
    expect((await post(activity({ text: null, value: { command: '/file.sheet EST-1/2026' } }))).status).toBe(200);
    expect(inbound[0]?.action).toBe('/file.sheet EST-1/2026');
  });
});

describe('proxy headers in Emulator mode (no app id)', () => {
  it.each([
    'X-Forwarded-For', 'X-Real-IP', 'Forwarded', 'True-Client-IP', 'CF-Connecting-IP', 'X-Client-IP',
    'X-Cluster-Client-IP', 'Fastly-Client-IP', 'X-Forwarded-Host', 'Via',
  ])('refuses an activity carrying %s from loopback like X-Forwarded-For', async (header) => {
    const { activity, post, inbound } = await setUp();
    const value = header === 'Forwarded' ? 'for=8.8.8.8' : header === 'Via' ? '1.1 proxy' : '8.8.8.8';
    expect((await post(activity(), { [header]: value })).status).toBe(401);
    expect(inbound).toEqual([]);
  });
});

describe('anonymous web chat sessions', () => {
  const session = (url: string) => fetch(`${url}/webchat/session`, { method: 'POST' });

  it('are limited per client address: a clear 429 with Retry-After once the bucket is empty', async () => {
    const { adapter } = await setUp({ webChatSessionsPerHour: 3 });
    for (let i = 0; i < 3; i += 1) expect((await session(adapter.url)).status).toBe(200);
    const refused = await session(adapter.url);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    // Three an hour: the next one in about twenty minutes.
    expect(wait).toBeGreaterThan(19 * 60);
    expect(wait).toBeLessThanOrEqual(20 * 60);
    expect(await refused.json()).toEqual({ error: `too many new web chat sessions from this address; try again in ${wait} s` });
  });

  it('allow a burst of ten by default', async () => {
    const { adapter } = await setUp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await session(adapter.url)).status);
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
  });

  it('refill with time, one bucket per IPv4 address and per IPv6 /64', () => {
    let now = 0;
    const limiter = new AddressRateLimiter({ burst: 2, perHour: 60 }, () => now);
    expect([limiter.take('192.0.2.1'), limiter.take('::ffff:192.0.2.1'), limiter.take('192.0.2.1')]).toEqual([0, 0, 60]);
    expect(limiter.take('192.0.2.2')).toBe(0);
    now += 60_000;
    expect(limiter.take('192.0.2.1')).toBe(0);
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

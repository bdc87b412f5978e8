// The Telegram adapter through real telegraf against a loopback Bot API, with a scripted assistant.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramAdapter, type TelegramAdapterOptions } from '../../../adapters/telegram/telegram-adapter.ts';
import { TelegramStartError } from '../../../adapters/telegram/errors.ts';
import type { ChatAccount } from '../../../core/types.ts';
import type { Inbound, Reply } from '../../../bots/reply.ts';
import { BotApiPeer } from '../../helpers/bot-api-peer.ts';
import { fakeHost, type FakeHost } from './fake-host.ts';

const scan = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
const FAST = { overallPerSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000, marginMs: 0 };

let peer: BotApiPeer | null = null;
let adapter: TelegramAdapter | null = null;

afterEach(async () => {
  await adapter?.stop();
  await peer?.close();
  adapter = null;
  peer = null;
});

async function running(answer?: (i: Inbound) => Reply[] | Promise<Reply[]>, options: Partial<TelegramAdapterOptions> = {}): Promise<{ peer: BotApiPeer; adapter: TelegramAdapter; fake: FakeHost }> {
  const p = await BotApiPeer.start();
  const fake = fakeHost(answer);
  const a = new TelegramAdapter({ token: p.token, apiRoot: p.apiRoot, host: fake.host, limits: FAST, pollTimeoutSeconds: 5, ...options });
  peer = p;
  adapter = a;
  await a.start();
  return { peer: p, adapter: a, fake };
}

const account = (address: string): ChatAccount => ({ id: 1, channel: 'telegram', address, displayName: null, employeeId: 1, linkedAt: null, conversationRef: null });

describe('starting', () => {
  it('refuses a bad token with one clear line', async () => {
    peer = await BotApiPeer.start();
    const a = new TelegramAdapter({ token: '999:wrong', apiRoot: peer.apiRoot, host: fakeHost().host });
    const failure = await a.start().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TelegramStartError);
    expect((failure as TelegramStartError).reason).toBe('token_refused');
    expect((failure as Error).message).toBe('Telegram: the bot token was refused (401 Unauthorized) — check TELEGRAM_BOT_TOKEN');
  });

  it('refuses a token that is not shaped like one (Telegram answers 404)', async () => {
    peer = await BotApiPeer.start();
    const a = new TelegramAdapter({ token: 'not-a-token', apiRoot: peer.apiRoot, host: fakeHost().host });
    // The loopback peer matches /bot<token>/<method> on any token; a token with a slash cannot match.
    const b = new TelegramAdapter({ token: 'not/a-token', apiRoot: peer.apiRoot, host: fakeHost().host });
    expect(((await a.start().then(() => null, (e: unknown) => e)) as Error).message).toContain('401 Unauthorized');
    expect(((await b.start().then(() => null, (e: unknown) => e)) as Error).message)
      .toBe('Telegram: the bot token was refused (404 Not Found: not a bot token) — check TELEGRAM_BOT_TOKEN');
  });

  it('says so when the Bot API cannot be reached, without the token', async () => {
    const a = new TelegramAdapter({ token: '123:secret-token', apiRoot: 'http://127.0.0.1:9', host: fakeHost().host });
    const failure = (await a.start().then(() => null, (e: unknown) => e)) as Error;
    expect(failure).toBeInstanceOf(TelegramStartError);
    expect(failure.message).toMatch(/^Telegram: the Bot API could not be reached \(.+\)/);
    expect(failure.message).not.toContain('secret-token');
  });

  it('long-polls after removing any old webhook, and confirms what it took when stopped', async () => {
    const { peer: p, adapter: a, fake } = await running();
    expect(p.calls.slice(0, 2).map((c) => c.method)).toEqual(['getMe', 'deleteWebhook']);
    const id = p.push(p.textMessage(1001, 5, 'hello'));
    await p.until(() => p.sentTo(1001).length === 1);
    await a.stop();
    expect(p.confirmedOffset).toBe(id + 1);
    expect(fake.logs.some((l) => l.includes('long polling'))).toBe(true);
  });
});

describe('messages in', () => {
  it('passes text with its ids and sender, and remembers the reply it sent', async () => {
    const { peer: p, fake } = await running();
    p.push(p.textMessage(1001, 5, 'status EST-1/2026', { name: 'Priya' }));
    await p.until(() => fake.remembered.length === 1);
    expect(fake.inbound).toEqual([{ channel: 'telegram', chatId: '1001', messageId: '1001:5', text: 'status EST-1/2026', senderName: 'Priya' }]);
    const [sent] = p.sentTo(1001);
    expect(sent?.text).toBe('echo: status EST-1/2026');
    expect(fake.remembered[0]).toMatchObject({ channel: 'telegram', chatId: '1001', messageId: String(sent?.messageId) });
  });

  it('gives a reply to the bot\'s message as replyToMessageId', async () => {
    const { peer: p, fake } = await running();
    p.push(p.textMessage(1001, 6, 'approved', { replyTo: 101 }));
    await p.until(() => fake.inbound.length === 1);
    expect(fake.inbound[0]).toMatchObject({ messageId: '1001:6', text: 'approved', replyToMessageId: '101' });
  });

  it('downloads the largest size of a photo and passes the caption as text', async () => {
    const { peer: p, fake } = await running();
    const fileId = p.addFile(scan, 'photos/file_1.jpg');
    p.push(p.photoMessage(1001, 7, fileId, { caption: 'Letter from CO Kahara' }));
    await p.until(() => fake.inbound.length === 1);
    const [got] = fake.inbound;
    expect(got?.text).toBe('Letter from CO Kahara');
    expect(got?.attachments).toHaveLength(1);
    expect(got?.attachments?.[0]).toMatchObject({ filename: 'photo-7.jpg', mime: 'image/jpeg' });
    expect(Buffer.from(got?.attachments?.[0]?.bytes ?? []).equals(scan)).toBe(true);
    expect(p.callsTo('getFile').map((c) => c.params.file_id)).toEqual([fileId]);
  });

  it('downloads a PDF document with its name and type', async () => {
    const { peer: p, fake } = await running();
    const pdf = Buffer.from('%PDF-1.4\n% a letter\n');
    p.push(p.documentMessage(1001, 8, p.addFile(pdf, 'documents/file_2.pdf'), 'letter.pdf', 'application/pdf'));
    await p.until(() => fake.inbound.length === 1);
    expect(fake.inbound[0]?.attachments?.[0]).toMatchObject({ filename: 'letter.pdf', mime: 'application/pdf' });
    expect(Buffer.from(fake.inbound[0]?.attachments?.[0]?.bytes ?? []).toString()).toBe(pdf.toString());
  });

  it('refuses an upload over the limit by its declared size, without fetching it', async () => {
    const { peer: p, fake } = await running(undefined, { maxDownloadBytes: 1024 * 1024 });
    const fileId = p.addFile(Buffer.alloc(10), 'documents/big.pdf', 3 * 1024 * 1024);
    p.push(p.documentMessage(1001, 9, fileId, 'big.pdf', 'application/pdf'));
    await p.until(() => p.sentTo(1001).length === 1);
    // In the reader's language only: this chat is not linked and sent no caption, so English.
    expect(p.sentTo(1001)[0]?.text).toContain('"big.pdf" is too large (at most 1 MB)');
    expect(p.sentTo(1001)[0]?.text).not.toContain('बहुत बड़ी है');
    expect(p.callsTo('getFile')).toEqual([]);
    expect(p.callsTo('file:download')).toEqual([]);
    expect(fake.inbound).toEqual([]);
  });

  it('tells a linked Hindi reader about an upload over the limit in Hindi only', async () => {
    const { peer: p, fake } = await running(undefined, { maxDownloadBytes: 1024 * 1024 });
    fake.languages.set('1001', 'hi');
    const fileId = p.addFile(Buffer.alloc(10), 'documents/big.pdf', 3 * 1024 * 1024);
    p.push(p.documentMessage(1001, 9, fileId, 'big.pdf', 'application/pdf'));
    await p.until(() => p.sentTo(1001).length === 1);
    expect(p.sentTo(1001)[0]?.text).toContain('बहुत बड़ी है');
    expect(p.sentTo(1001)[0]?.text).not.toContain('too large');
  });

  it('stops reading an upload that turns out larger than declared', async () => {
    const { peer: p, fake } = await running(undefined, { maxDownloadBytes: 1024 * 1024 });
    const fileId = p.addFile(Buffer.alloc(2 * 1024 * 1024), 'documents/liar.pdf', 1000);
    p.push(p.documentMessage(1001, 10, fileId, 'liar.pdf', 'application/pdf'));
    await p.until(() => p.sentTo(1001).length === 1);
    expect(p.sentTo(1001)[0]?.text).toContain('too large');
    expect(fake.inbound).toEqual([]);
  });

  it('passes every page of an album through at once, so the assistant can merge them', async () => {
    let arrived = 0;
    let release = () => {};
    const allThere = new Promise<void>((resolve) => { release = resolve; });
    const { peer: p, fake } = await running(async () => {
      arrived += 1;
      if (arrived === 3) release();
      await allThere; // would never resolve if pages were handled one after another
      return [];
    });
    for (const n of [1, 2, 3]) p.push(p.photoMessage(1001, 20 + n, p.addFile(scan, `photos/album_${n}.jpg`), { mediaGroupId: 'album-1' }));
    await p.until(() => fake.inbound.length === 3);
    await allThere;
    expect(fake.inbound.map((i) => i.messageId).sort()).toEqual(['1001:21', '1001:22', '1001:23']);
  });

  it('ignores group chats unless allowed', async () => {
    const { peer: p, adapter: a, fake } = await running();
    const update = p.textMessage(-100500, 1, 'hello all');
    if ('message' in update) Object.assign(update.message.chat, { type: 'group', title: 'Staff' });
    p.push(update);
    p.push(p.textMessage(1001, 2, 'hello'));
    await p.until(() => fake.inbound.length === 1);
    await a.settled();
    expect(fake.inbound.map((i) => i.chatId)).toEqual(['1001']);
  });

  it('passes a redelivered message with the same message id', async () => {
    const { peer: p, fake } = await running();
    p.push(p.textMessage(1001, 30, 'approved'));
    p.push(p.textMessage(1001, 30, 'approved'));
    await p.until(() => fake.inbound.length === 2);
    expect(fake.inbound[0]?.messageId).toBe('1001:30');
    expect(fake.inbound[1]?.messageId).toBe('1001:30');
  });
});

describe('buttons', () => {
  it('sends buttons as an inline keyboard and a press as the action, answering the callback', async () => {
    const { peer: p, fake } = await running((i) => i.action === undefined
      ? [{ text: 'Diarised SAH/R/2026/000001', buttons: [{ label: 'New file', command: '/receipt.newfile SAH/R/2026/000001' }] }]
      : [{ text: 'File EST-1/2026 opened' }]);
    p.push(p.textMessage(1001, 40, 'hi'));
    await p.until(() => p.sentTo(1001).length === 1);
    const offer = p.sentTo(1001)[0];
    expect(offer?.buttons).toEqual([{ text: 'New file', callback_data: '/receipt.newfile SAH/R/2026/000001' }]);
    p.push(p.buttonPress(1001, offer?.messageId ?? 0, offer?.buttons?.[0]?.callback_data ?? ''));
    await p.until(() => p.sentTo(1001).length === 2);
    expect(p.callsTo('answerCallbackQuery').map((c) => c.params.callback_query_id)).toEqual(['cbq-1']);
    expect(fake.inbound[1]).toEqual({
      channel: 'telegram', chatId: '1001', messageId: 'cb:cbq-1', action: '/receipt.newfile SAH/R/2026/000001',
      replyToMessageId: String(offer?.messageId), senderName: 'User',
    });
  });

  it('carries a command longer than 64 bytes through a token, and an unknown token as it is', async () => {
    const long = '/file.note EST-12/2026 स्वीकृत, भुगतान हेतु प्रस्तुत करें';
    const { peer: p, fake } = await running((i) => i.action === undefined ? [{ text: 'Note?', buttons: [{ label: 'Add note', command: long }] }] : []);
    p.push(p.textMessage(1001, 41, 'hi'));
    await p.until(() => p.sentTo(1001).length === 1);
    const data = p.sentTo(1001)[0]?.buttons?.[0]?.callback_data ?? '';
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    p.push(p.buttonPress(1001, 101, data));
    p.push(p.buttonPress(1001, 101, '/~forgotten-after-restart'));
    await p.until(() => fake.inbound.length === 3);
    expect(fake.inbound.map((i) => i.action)).toContain(long);
    expect(fake.inbound.map((i) => i.action)).toContain('/~forgotten-after-restart');
  });

  it('a long command\'s button still means it after a restart (or in another process): its token is kept with the chat', async () => {
    const long = '/file.note EST-12/2026 स्वीकृत, भुगतान हेतु प्रस्तुत करें, सभी संलग्नक सहित';
    const { peer: p, adapter: first, fake } = await running((i) => i.action === undefined ? [{ text: 'Note?', buttons: [{ label: 'Add note', command: long }] }] : []);
    p.push(p.textMessage(1001, 41, 'hi'));
    await p.until(() => p.sentTo(1001).length === 1);
    const data = p.sentTo(1001)[0]?.buttons?.[0]?.callback_data ?? '';
    expect(fake.buttons.get(`1001 ${data}`)).toBe(long);
    await first.stop();
    // A new process: nothing in memory, the same store behind the host.
    const second = new TelegramAdapter({ token: p.token, apiRoot: p.apiRoot, host: fake.host, limits: FAST, pollTimeoutSeconds: 5 });
    adapter = second;
    await second.start();
    p.push(p.buttonPress(1001, 101, data));
    await p.until(() => fake.inbound.length === 2);
    expect(fake.inbound[1]?.action).toBe(long);
    // Another chat cannot use the token: it was given to chat 1001 only.
    p.push(p.buttonPress(1002, 102, data));
    await p.until(() => fake.inbound.length === 3);
    expect(fake.inbound[2]?.action).toBe(data);
  });
});

describe('replies out', () => {
  it('splits a long reply at line boundaries, buttons on the last part, every part remembered', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `${i + 1}. EST-${i + 1}/2026 — लंबित पत्र, कृपया देखें`);
    const { peer: p, fake } = await running(() => [{ text: lines.join('\n'), buttons: [{ label: 'More', command: '/more' }], subject: { type: 'file', id: 'EST-1/2026' } }]);
    p.push(p.textMessage(1001, 50, 'my files'));
    await p.until(() => fake.remembered.length >= 2 && p.sentTo(1001).length === fake.remembered.length);
    const sent = p.sentTo(1001);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect(m.text?.length).toBeLessThanOrEqual(4096);
    expect(sent.map((m) => m.text).join('\n')).toBe(lines.join('\n'));
    expect(sent.map((m) => m.buttons !== undefined)).toEqual([...sent.slice(1).map(() => false), true]);
    expect(fake.remembered.map((r) => r.messageId)).toEqual(sent.map((m) => String(m.messageId)));
  });

  it('sends a document with sendDocument, the text as its caption and the buttons under it', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% note sheet\n');
    const { peer: p } = await running(() => [{
      text: 'Note sheet of EST-1/2026', document: { filename: 'EST-1_2026-notesheet.pdf', mime: 'application/pdf', base64: pdf.toString('base64') },
      buttons: [{ label: 'Approve', command: '/file.approve EST-1/2026' }],
    }]);
    p.push(p.textMessage(1001, 51, 'file EST-1/2026'));
    await p.until(() => p.sentTo(1001).length === 1);
    const [call] = p.callsTo('sendDocument');
    expect(call?.files.document?.filename).toBe('EST-1_2026-notesheet.pdf');
    expect(call?.files.document?.bytes.equals(pdf)).toBe(true);
    expect(call?.params.caption).toBe('Note sheet of EST-1/2026');
    expect(p.sentTo(1001)[0]?.buttons).toEqual([{ text: 'Approve', callback_data: '/file.approve EST-1/2026' }]);
    expect(p.callsTo('sendMessage')).toEqual([]);
  });

  it('sends a document, then the text, when the text is too long for a caption', async () => {
    const { peer: p } = await running(() => [{ text: 'x '.repeat(700), document: { filename: 'a.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-').toString('base64') } }]);
    p.push(p.textMessage(1001, 52, 'file'));
    await p.until(() => p.sentTo(1001).length === 2);
    expect(p.calls.filter((c) => c.method.startsWith('send')).map((c) => c.method)).toEqual(['sendDocument', 'sendMessage']);
    expect(p.callsTo('sendDocument')[0]?.params.caption).toBeUndefined();
  });

  it('waits out a 429 for retry_after seconds and sends again', async () => {
    const waits: number[] = [];
    const { peer: p, fake } = await running(undefined, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    p.rateLimitNext(2, 7);
    p.push(p.textMessage(1001, 53, 'hello'));
    await p.until(() => fake.remembered.length === 1);
    expect(p.callsTo('sendMessage')).toHaveLength(3);
    expect(p.sentTo(1001)).toHaveLength(1);
    expect(waits).toEqual([7000, 7000]);
    expect(fake.logs.filter((l) => l.includes('429'))).toHaveLength(2);
  });

  it('gives up after a few 429s and logs it', async () => {
    const { peer: p, adapter: a, fake } = await running(undefined, { retries: 2, sleep: async () => {} });
    p.rateLimitNext(5, 1);
    p.push(p.textMessage(1001, 54, 'hello'));
    await p.until(() => p.callsTo('sendMessage').length === 3);
    await a.settled();
    expect(p.sentTo(1001)).toEqual([]);
    expect(fake.logs.some((l) => l.startsWith('error Telegram: answering an update failed: 429'))).toBe(true);
  });

  it('delivers a notification, returning the id the dispatcher records and remembering the rest', async () => {
    const { peer: p, adapter: a, fake } = await running();
    expect(a.canReach(account('1001'))).toBe(true);
    expect(a.canReach({ ...account('1001'), channel: 'whatsapp' })).toBe(false);
    const long = Array.from({ length: 200 }, (_, i) => `line ${i} `.repeat(5)).join('\n');
    const result = await a.send(account('1001'), { text: long, subject: { type: 'file', id: 'EST-2/2026' } });
    const sent = p.sentTo(1001);
    expect(sent.length).toBe(3);
    expect(result).toEqual({ messageId: String(sent.at(-1)?.messageId) });
    expect(fake.remembered.map((r) => r.messageId)).toEqual(sent.slice(0, -1).map((m) => String(m.messageId)));
  });
});

describe('webhook mode', () => {
  async function freePort(): Promise<number> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  async function post(port: number, path: string, body: unknown, secret?: string): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    });
    return response.status;
  }

  it('sets the webhook with a secret and accepts only requests that carry it', async () => {
    const port = await freePort();
    const { peer: p, fake } = await running(undefined, {
      webhook: { url: 'https://daftar.saharsa.example.in/telegram/hook', secretToken: 'Saharsa_hook-secret', port, host: '127.0.0.1' },
    });
    const [set] = p.callsTo('setWebhook');
    expect(set?.params).toMatchObject({ url: 'https://daftar.saharsa.example.in/telegram/hook', secret_token: 'Saharsa_hook-secret', allowed_updates: ['message', 'callback_query'] });
    expect(p.callsTo('getUpdates')).toEqual([]);
    const update = { update_id: 1, ...p.textMessage(1001, 60, 'via webhook') };
    expect(await post(port, '/telegram/hook', update)).toBe(403);
    expect(await post(port, '/telegram/hook', update, 'wrong')).toBe(403);
    expect(await post(port, '/elsewhere', update, 'Saharsa_hook-secret')).toBe(403);
    expect(fake.inbound).toEqual([]);
    expect(await post(port, '/telegram/hook', update, 'Saharsa_hook-secret')).toBe(200);
    await p.until(() => p.sentTo(1001).length === 1);
    expect(fake.inbound.map((i) => i.text)).toEqual(['via webhook']);
  });

  it('answers bodies that are no update, or updates of shapes Telegram never sends, without acting and keeps serving', async () => {
    const port = await freePort();
    const secret = 'Saharsa_hook-secret';
    const { peer: p, fake } = await running(undefined, {
      webhook: { url: 'https://daftar.saharsa.example.in/telegram/hook', secretToken: secret, port, host: '127.0.0.1' },
    });
    const garbled: unknown[] = [
      null, 5, 'update', [],
      { update_id: 2, message: { message_id: 1, chat: { id: 1001, type: 'private' }, text: { $gt: '' } } },
      { update_id: 3, message: { message_id: 1, chat: { id: 1001, type: 'private' }, photo: 'not a list' } },
      { update_id: 4, message: { message_id: 1, chat: 'x' } },
      { update_id: 5, message: null },
      { update_id: 6, callback_query: { id: 'q', data: '/x', message: { message_id: 'a', chat: { id: 1001, type: 'private' } } } },
      { update_id: 7, message: { message_id: 1, chat: { id: 1001, type: 'private' }, document: { file_id: 7 } } },
    ];
    for (const body of garbled) expect([200, 400]).toContain(await post(port, '/telegram/hook', body, secret));
    expect(fake.inbound).toEqual([]);
    expect(fake.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    // Still serving.
    expect(await post(port, '/telegram/hook', { update_id: 9, ...p.textMessage(1001, 61, 'still here') }, secret)).toBe(200);
    expect(fake.inbound.map((i) => i.text)).toEqual(['still here']);
  });

  it('fails to start with a clear line when the webhook port is taken', async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      peer = await BotApiPeer.start();
      const a = new TelegramAdapter({ token: peer.token, apiRoot: peer.apiRoot, host: fakeHost().host, webhook: { url: 'https://daftar.example.in/tg', port, host: '127.0.0.1' } });
      const failure = await a.start().then(() => null, (e: unknown) => e);
      expect(failure).toBeInstanceOf(TelegramStartError);
      expect((failure as TelegramStartError).reason).toBe('webhook');
      expect((failure as Error).message).toBe(`Telegram: cannot listen for the webhook on 127.0.0.1:${port} (listen EADDRINUSE: address already in use 127.0.0.1:${port}) — check TELEGRAM_WEBHOOK_PORT`);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it('offers a handler to mount on another server when no port is given', async () => {
    const { adapter: a } = await running(undefined, { webhook: { url: 'https://daftar.saharsa.example.in/tg' } });
    expect(typeof a.webhookHandler).toBe('function');
    expect(peer?.callsTo('setWebhook')[0]?.params.secret_token).toMatch(/^[0-9a-f]{48}$/);
  });
});

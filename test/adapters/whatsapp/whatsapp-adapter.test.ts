// The WhatsApp adapter against a fake whatsapp-web.js client (WhatsApp's servers cannot run here).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import wwebjs from 'whatsapp-web.js';
import { WhatsAppAdapter, WhatsAppStartError, type WhatsAppAdapterOptions } from '../../../adapters/whatsapp/whatsapp-adapter.ts';
import { typedNumber } from '../../../adapters/whatsapp/numbered-options.ts';
import type { ChatAccount } from '../../../core/types.ts';
import type { Inbound, Reply } from '../../../bots/reply.ts';
import { fakeHost } from '../telegram/fake-host.ts';
import { FakeWhatsAppClient } from './fake-whatsapp.ts';

const PRIYA = '919000000021@c.us';
const scan = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));

let adapter: WhatsAppAdapter | null = null;
afterEach(async () => {
  await adapter?.stop();
  adapter = null;
});

async function running(answer?: (i: Inbound) => Reply[] | Promise<Reply[]>, options: Partial<WhatsAppAdapterOptions> = {}) {
  const clients: FakeWhatsAppClient[] = [];
  const fake = fakeHost(answer);
  const qrs: string[] = [];
  const a = new WhatsAppAdapter({
    host: fake.host,
    createClient: () => {
      const client = new FakeWhatsAppClient();
      clients.push(client);
      return client;
    },
    printQr: (qr) => qrs.push(qr),
    reconnectDelayMs: { first: 10, max: 40 },
    ...options,
  });
  adapter = a;
  await a.start();
  const client = clients[0];
  if (client === undefined) throw new Error('no client was created');
  client.link();
  return { adapter: a, client, clients, fake, qrs };
}

const account = (address: string): ChatAccount => ({ id: 1, channel: 'whatsapp', address, displayName: null, employeeId: 1, linkedAt: null, conversationRef: null });

describe('connecting', () => {
  it('prints the QR code with instructions, and is reachable once ready', async () => {
    const fake = fakeHost();
    const client = new FakeWhatsAppClient();
    const qrs: string[] = [];
    adapter = new WhatsAppAdapter({ host: fake.host, createClient: () => client, printQr: (qr) => qrs.push(qr) });
    await adapter.start();
    expect(client.initialized).toBe(true);
    expect(adapter.canReach(account(PRIYA))).toBe(false);
    client.link();
    expect(qrs).toEqual(['2@fakeQrRef,staticKey=,identityKey=,advSecret=,1']);
    expect(fake.logs).toContain('info WhatsApp: link this server — on the office phone open WhatsApp → Linked devices → Link a device, and scan this code:');
    expect(fake.logs).toContain('info WhatsApp: connected and receiving messages');
    expect(adapter.canReach(account(PRIYA))).toBe(true);
    expect(adapter.canReach({ ...account(PRIYA), channel: 'telegram' })).toBe(false);
  });

  it('rejects start with one clear line when the browser cannot start', async () => {
    const client = new FakeWhatsAppClient(new Error('Failed to launch the browser process! spawn /usr/bin/chromium ENOENT'));
    adapter = new WhatsAppAdapter({ host: fakeHost().host, createClient: () => client });
    const failure = await adapter.start().then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(WhatsAppStartError);
    expect((failure as Error).message).toBe('WhatsApp: the client could not start (Failed to launch the browser process! spawn /usr/bin/chromium ENOENT) — check WHATSAPP_CHROMIUM_PATH and that web.whatsapp.com is reachable');
    expect(client.destroyed).toBe(true);
  });

  it('replaces a disconnected client with a new one, backing off while reconnecting fails', async () => {
    const fake = fakeHost();
    const clients: FakeWhatsAppClient[] = [];
    const failing = [false, true, false];
    adapter = new WhatsAppAdapter({
      host: fake.host, printQr: () => {}, reconnectDelayMs: { first: 10, max: 1000 },
      createClient: () => {
        const client = new FakeWhatsAppClient(failing[clients.length] === true ? new Error('net::ERR_INTERNET_DISCONNECTED') : null);
        clients.push(client);
        return client;
      },
    });
    await adapter.start();
    clients[0]?.link();
    clients[0]?.emit('disconnected', 'CONFLICT');
    expect(adapter.canReach(account(PRIYA))).toBe(false);
    expect(clients[0]?.destroyed).toBe(true);
    await until(() => clients.length === 3 && clients[2]?.initialized === true);
    clients[2]?.link();
    expect(adapter.canReach(account(PRIYA))).toBe(true);
    expect(fake.logs).toEqual(expect.arrayContaining([
      'warn WhatsApp: disconnected (CONFLICT)',
      'info WhatsApp: reconnecting in 0 s (attempt 1)',
      'error WhatsApp: reconnecting failed: net::ERR_INTERNET_DISCONNECTED',
    ]));
    expect(fake.logs.filter((l) => l.includes('reconnecting in')).map((l) => /attempt (\d)/.exec(l)?.[1])).toEqual(['1', '2']);
    // An old client's late events change nothing.
    clients[0]?.emit('disconnected', 'CONFLICT');
    expect(adapter.canReach(account(PRIYA))).toBe(true);
  });

  it('says clearly when the phone logged the session out, and shows a new QR code', async () => {
    const { clients, fake, qrs } = await running();
    clients[0]?.emit('disconnected', 'LOGOUT');
    await until(() => clients[1]?.initialized === true);
    clients[1]?.link();
    expect(fake.logs).toContain('warn WhatsApp: the session was logged out from the phone; a new QR code will be shown — scan it to link again');
    expect(qrs).toHaveLength(2);
  });

  it('treats a refused session like a lost one', async () => {
    const { clients, fake } = await running();
    clients[0]?.emit('auth_failure', 'Unable to log in. Are the session details valid?');
    await until(() => clients.length === 2);
    expect(fake.logs[fake.logs.length - 2]).toContain('WhatsApp: the saved session was refused (Unable to log in. Are the session details valid?)');
  });

  it('does not reconnect after stop', async () => {
    const { adapter: a, clients } = await running();
    clients[0]?.emit('disconnected', 'NAVIGATION');
    await a.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(clients).toHaveLength(1);
  });
});

describe('messages in', () => {
  it('passes text with its ids and answers it, remembering the reply', async () => {
    const { adapter: a, client, fake } = await running();
    const message = client.receive(PRIYA, 'status EST-1/2026');
    await a.settled();
    expect(fake.inbound).toEqual([{ channel: 'whatsapp', chatId: PRIYA, messageId: message.id._serialized, text: 'status EST-1/2026', repliesViaOutbox: true }]);
    expect(client.sent.map((s) => [s.chatId, s.content])).toEqual([[PRIYA, 'echo: status EST-1/2026']]);
    expect(fake.remembered).toEqual([{ channel: 'whatsapp', chatId: PRIYA, messageId: client.sent[0]?.id._serialized, reply: { text: 'echo: status EST-1/2026' } }]);
  });

  it('ignores its own messages, status updates and groups (unless groups are allowed)', async () => {
    const { adapter: a, client, fake } = await running();
    client.receive(PRIYA, 'sent from the office phone', { fromMe: true });
    client.receive('status@broadcast', 'a status');
    client.receive('120363025246125486@g.us', 'hello group');
    await a.settled();
    expect(fake.inbound).toEqual([]);
    await a.stop();
    const open = await running(undefined, { allowGroups: true });
    open.client.receive('120363025246125486@g.us', 'hello group');
    await open.adapter.settled();
    expect(open.fake.inbound.map((i) => i.chatId)).toEqual(['120363025246125486@g.us']);
  });

  it('downloads a photo into an attachment, with its caption as text', async () => {
    const { adapter: a, client, fake } = await running();
    const message = client.receive(PRIYA, 'Letter from CO Kahara', { media: new wwebjs.MessageMedia('image/jpeg', scan.toString('base64'), null) });
    await a.settled();
    expect(message.downloads).toBe(1);
    const [got] = fake.inbound;
    expect(got?.text).toBe('Letter from CO Kahara');
    expect(got?.attachments?.[0]).toMatchObject({ filename: 'whatsapp-image.jpeg', mime: 'image/jpeg' });
    expect(Buffer.from(got?.attachments?.[0]?.bytes ?? []).equals(scan)).toBe(true);
  });

  it('keeps a PDF\'s file name, and does not fetch voice notes or videos', async () => {
    const { adapter: a, client, fake } = await running();
    client.receive(PRIYA, '', { type: 'document', media: new wwebjs.MessageMedia('application/pdf', Buffer.from('%PDF-1.4').toString('base64'), 'order.pdf') });
    const voice = client.receive(PRIYA, '', { type: 'ptt', media: new wwebjs.MessageMedia('audio/ogg; codecs=opus', 'AAAA', null) });
    await a.settled();
    expect(voice.downloads).toBe(0);
    // Handled concurrently: the voice note, fetching nothing, may be answered first.
    expect(fake.inbound.find((i) => i.attachments !== undefined)?.attachments?.[0]).toMatchObject({ filename: 'order.pdf', mime: 'application/pdf' });
    expect(fake.inbound.find((i) => i.attachments === undefined)).toEqual({ channel: 'whatsapp', chatId: PRIYA, messageId: voice.id._serialized, repliesViaOutbox: true });
  });

  it('asks for media again when WhatsApp no longer has it', async () => {
    const { adapter: a, client, fake } = await running();
    client.receive(PRIYA, '', { media: 'expired' });
    await a.settled();
    expect(fake.inbound).toEqual([]);
    expect(client.textOf(0)).toContain('Please send it again');
  });

  it('gives a quoted bot message as replyToMessageId', async () => {
    const { adapter: a, client, fake } = await running();
    const notified = await a.send(account(PRIYA), { text: 'File EST-1/2026 has come to you' });
    client.receive(PRIYA, 'approved', { quoted: { id: { _serialized: notified.messageId ?? '' } } });
    await a.settled();
    expect(fake.inbound[0]).toMatchObject({ text: 'approved', replyToMessageId: notified.messageId });
    expect(notified.messageId).toMatch(/^true_919000000021@c\.us_3EB0/);
  });
});

describe('numbered options', () => {
  const offer = (i: Inbound): Reply[] => i.text === 'show'
    ? [
      { text: 'File EST-1/2026 is with you.', buttons: [{ label: 'Approve', command: '/file.approve EST-1/2026' }, { label: 'Return', command: '/file.return EST-1/2026' }] },
      { text: 'Or open the note sheet:', buttons: [{ label: 'Note sheet', command: '/file.sheet EST-1/2026' }] },
    ]
    : [{ text: 'ok' }];

  it('shows buttons as numbered lines across the replies, and a typed number presses one', async () => {
    const { adapter: a, client, fake } = await running(offer);
    client.receive(PRIYA, 'show');
    await a.settled();
    expect(client.textOf(0)).toBe('File EST-1/2026 is with you.\n\n1. Approve\n2. Return');
    expect(client.textOf(1)).toBe('Or open the note sheet:\n\n3. Note sheet');
    client.receive(PRIYA, '2');
    await a.settled();
    expect(fake.inbound[1]).toMatchObject({ action: '/file.return EST-1/2026' });
    expect(fake.inbound[1]?.text).toBeUndefined();
  });

  it('reads Devanagari digits too, passes other numbers as text, and forgets options after a reply without them', async () => {
    const { adapter: a, client, fake } = await running(offer);
    client.receive(PRIYA, 'show');
    await a.settled();
    client.receive(PRIYA, '३');
    await a.settled();
    client.receive(PRIYA, 'show');
    await a.settled();
    client.receive(PRIYA, '7');
    await a.settled();
    client.receive(PRIYA, '1');
    await a.settled();
    expect(fake.inbound.map((i) => i.action ?? `text:${i.text}`)).toEqual(['text:show', '/file.sheet EST-1/2026', 'text:show', 'text:7', 'text:1']);
    // Another chat never presses this chat's buttons.
    client.receive('919000000010@c.us', '1');
    await a.settled();
    expect(fake.inbound.at(-1)).toMatchObject({ text: '1' });
  });

  it('understands the usual ways of typing a number', () => {
    expect(['1', ' 2 ', '3.', '(4)', '१', '१२', '12)'].map(typedNumber)).toEqual([1, 2, 3, 4, 1, 12, 12]);
    expect(['', 'one', '1 approve', '123', '1.5'].map(typedNumber)).toEqual([null, null, null, null, null]);
  });
});

describe('replies out', () => {
  it('sends a document as media with its file name, the text as caption', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% note sheet\n');
    const { adapter: a, client, fake } = await running(() => [{
      text: 'Note sheet of EST-1/2026', document: { filename: 'EST-1_2026-notesheet.pdf', mime: 'application/pdf', base64: pdf.toString('base64') },
      buttons: [{ label: 'Approve', command: '/file.approve EST-1/2026' }], subject: { type: 'file', id: 'EST-1/2026' },
    }]);
    client.receive(PRIYA, 'file EST-1/2026');
    await a.settled();
    const [sent] = client.sent;
    expect(sent?.content).toBeInstanceOf(wwebjs.MessageMedia);
    expect(sent?.content).toMatchObject({ mimetype: 'application/pdf', filename: 'EST-1_2026-notesheet.pdf', data: pdf.toString('base64') });
    expect(sent?.options).toEqual({ sendMediaAsDocument: true, caption: 'Note sheet of EST-1/2026\n\n1. Approve' });
    expect(fake.remembered.map((r) => r.messageId)).toEqual([sent?.id._serialized]);
  });

  it('delivers a notification, returning the id for the dispatcher and remembering any other message', async () => {
    const { adapter: a, client, fake } = await running();
    const result = await a.send(account(PRIYA), {
      text: 'x'.repeat(1500), document: { filename: 'a.pdf', mime: 'application/pdf', base64: 'JVBERi0=' },
      buttons: [{ label: 'Approve', command: '/file.approve EST-2/2026' }], subject: { type: 'file', id: 'EST-2/2026' },
    });
    expect(client.sent).toHaveLength(2);
    expect(client.sent[0]?.options).toEqual({ sendMediaAsDocument: true });
    expect(result).toEqual({ messageId: client.sent[1]?.id._serialized });
    expect(fake.remembered.map((r) => r.messageId)).toEqual([client.sent[0]?.id._serialized]);
    // The notification's options can be answered by number.
    client.receive(PRIYA, '1');
    await a.settled();
    expect(fake.inbound[0]?.action).toBe('/file.approve EST-2/2026');
  });
});

async function until(test: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

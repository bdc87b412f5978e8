// The WhatsApp adapter with the real assistant over an in-memory office; the client is the fake.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import wwebjs from 'whatsapp-web.js';
import { WhatsAppAdapter } from '../../../adapters/whatsapp/whatsapp-adapter.ts';
import { createChannelHost } from '../../../bots/channel.ts';
import { silentLogger } from '../../../bots/log.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';
import { FakeWhatsAppClient } from './fake-whatsapp.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';

const scan = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
const PRIYA = '919000000021@c.us';
const STRANGER = '919999999999@c.us';

let adapter: WhatsAppAdapter | null = null;
afterEach(async () => {
  await adapter?.stop();
  adapter = null;
});

/**
 * WhatsApp never hands a message over again, so every answer goes out through the outbox (and a
 * photo waits for the album window in case more pages follow: WhatsApp has no album ids). This waits
 * for the messages taken, lets the window pass, and runs the dispatcher as the running server would.
 */
async function answered(office: TestOffice, a: WhatsAppAdapter): Promise<void> {
  await a.settled();
  office.clock.advance(51);
  await office.assistant.closeAlbums();
  await new Dispatcher(office.store, office.clock, [a], silentLogger, office.blobs).runOnce();
}

async function connected(): Promise<{ office: TestOffice; client: FakeWhatsAppClient; adapter: WhatsAppAdapter }> {
  const office = await makeOffice({ albumWindowMs: 50 });
  await office.store.transaction(async (tx) => {
    const account = await tx.accounts.create({ channel: 'whatsapp', address: PRIYA, displayName: null });
    await tx.accounts.update(account.id, { employeeId: office.staff.clerkEn.id, linkedAt: office.clock.now() });
  });
  const client = new FakeWhatsAppClient();
  const a = new WhatsAppAdapter({ host: createChannelHost(office.store, office.clock, office.assistant, silentLogger), createClient: () => client, printQr: () => {} });
  adapter = a;
  await a.start();
  client.link();
  return { office, client, adapter: a };
}

describe('WhatsApp with the real assistant', () => {
  it('gives an unlinked number only the way to link, and does nothing else', async () => {
    const { office, client, adapter: a } = await connected();
    client.receive(STRANGER, 'my files');
    client.receive(STRANGER, 'Flood relief letter', { media: new wwebjs.MessageMedia('image/jpeg', scan.toString('base64'), null) });
    await answered(office, a);
    const toStranger = client.sent.filter((s) => s.chatId === STRANGER).map((s) => String(s.content));
    expect(toStranger.length).toBeGreaterThan(0);
    for (const text of toStranger) expect(text).toMatch(/link/i);
    expect(toStranger.join('\n')).not.toMatch(/SAH\/R\//);
    expect(await office.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'))).toBeNull();
  });

  it('diarises a photo, offers numbered options, and a typed number opens the file', async () => {
    const { office, client, adapter: a } = await connected();
    client.receive(PRIYA, 'Land acquisition letter from BDO Sonbarsa', { media: new wwebjs.MessageMedia('image/jpeg', scan.toString('base64'), null) });
    await answered(office, a);
    const offer = client.textOf(0);
    expect(offer).toContain('SAH/R/2026/000001');
    expect(offer).toMatch(/\n1\. .+\n2\. .+\n3\. .+$/);
    client.receive(PRIYA, '१');
    await answered(office, a);
    expect(client.textOf(1)).toContain('EST-1/2026');
    const file = await office.store.transaction((tx) => tx.files.byNumber('EST-1/2026'));
    expect(file?.holderId).toBe(office.staff.clerkEn.id);
  });

  it('ties a quoted reply to the bot\'s message about the file', async () => {
    const { office, client, adapter: a } = await connected();
    client.receive(PRIYA, 'Circular from Revenue Department', { media: new wwebjs.MessageMedia('image/jpeg', scan.toString('base64'), null) });
    await answered(office, a);
    client.receive(PRIYA, '1');
    await answered(office, a);
    const opened = client.sent.find((s) => String(s.content).includes('EST-1/2026'));
    // A second file becomes the chat's current one.
    client.receive(PRIYA, 'Survey report from Amin, Mahishi', { media: new wwebjs.MessageMedia('image/jpeg', scan.toString('base64'), null) });
    await answered(office, a);
    client.receive(PRIYA, '1');
    await answered(office, a);
    expect(client.sent.some((s) => String(s.content).includes('EST-2/2026'))).toBe(true);
    client.receive(PRIYA, 'send to SAH0010', { quoted: { id: { _serialized: opened?.id._serialized ?? '' } } });
    await answered(office, a);
    const [one, two] = await office.store.transaction(async (tx) => [await tx.files.byNumber('EST-1/2026'), await tx.files.byNumber('EST-2/2026')]);
    expect(one?.holderId).toBe(office.staff.so.id);
    expect(two?.holderId).toBe(office.staff.clerkEn.id);
  });
});

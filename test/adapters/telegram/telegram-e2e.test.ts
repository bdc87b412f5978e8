// End to end: the real assistant over an in-memory office, the real Telegram adapter and telegraf,
// and a loopback Bot API playing Telegram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TelegramAdapter } from '../../../adapters/telegram/telegram-adapter.ts';
import { createChannelHost } from '../../../bots/channel.ts';
import { silentLogger } from '../../../bots/log.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';
import type { Employee } from '../../../core/types.ts';
import { BotApiPeer, type PeerMessage } from '../../helpers/bot-api-peer.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';

const scan = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
const CLERK = 1021; // Priya Singh, clerk, English
const SO = 1010; // सुनीता देवी, section officer
const STRANGER = 4242;
const FAST = { overallPerSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000, marginMs: 0 };

let office: TestOffice;
let peer: BotApiPeer;
let adapter: TelegramAdapter;
let nextMessageId = 1;

async function linkTelegram(employee: Employee, chatId: number): Promise<void> {
  await office.store.transaction(async (tx) => {
    const account = await tx.accounts.create({ channel: 'telegram', address: String(chatId), displayName: employee.name });
    await tx.accounts.update(account.id, { employeeId: employee.id, linkedAt: office.clock.now() });
  });
}

/** Sends an update and waits until the bot has sent `count` more messages to that chat. */
async function exchange(chatId: number, update: Parameters<BotApiPeer['push']>[0], count = 1): Promise<PeerMessage[]> {
  const before = peer.sentTo(chatId).length;
  peer.push(update);
  await peer.until(() => peer.sentTo(chatId).length >= before + count);
  await adapter.settled();
  return peer.sentTo(chatId).slice(before);
}

const texts = (messages: PeerMessage[]) => messages.map((m) => m.text ?? m.caption ?? '').join('\n');
const receiptCount = () => office.store.transaction(async (tx) => (await tx.audit.page(1, 1000)).filter((e) => e.type === 'receipt.diarised').length);

beforeAll(async () => {
  office = await makeOffice({ albumWindowMs: 50 });
  await linkTelegram(office.staff.clerkEn, CLERK);
  await linkTelegram(office.staff.so, SO);
  peer = await BotApiPeer.start();
  const host = createChannelHost(office.store, office.clock, office.assistant, silentLogger);
  adapter = new TelegramAdapter({ token: peer.token, apiRoot: peer.apiRoot, host, limits: FAST, pollTimeoutSeconds: 5 });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await peer.close();
});

describe('Telegram with the real assistant', () => {
  let offer: PeerMessage | undefined;
  let fileOne: PeerMessage | undefined;

  it('answers a photo with a diary number and the next steps as an inline keyboard', async () => {
    const photo = peer.photoMessage(CLERK, nextMessageId++, peer.addFile(scan, 'photos/scan_1.jpg'), { caption: 'Flood relief letter from CO Kahara' });
    const replies = await exchange(CLERK, photo);
    offer = replies.find((m) => m.text?.includes('SAH/R/2026/000001'));
    expect(offer?.text).toContain('Receipt diarised: SAH/R/2026/000001');
    expect(offer?.buttons?.map((b) => b.callback_data)).toEqual([
      '/receipt.newfile SAH/R/2026/000001', '/receipt.attach SAH/R/2026/000001', '/receipt.forward SAH/R/2026/000001',
    ]);
    // The same update delivered again is answered again but not diarised again.
    const again = await exchange(CLERK, photo);
    expect(texts(again)).toContain('SAH/R/2026/000001');
    expect(await receiptCount()).toBe(1);
  });

  it('acts on a button press and answers the callback query', async () => {
    const pressed = await exchange(CLERK, peer.buttonPress(CLERK, offer?.messageId ?? 0, offer?.buttons?.[0]?.callback_data ?? ''));
    expect(peer.callsTo('answerCallbackQuery')).toHaveLength(1);
    fileOne = pressed.find((m) => m.text?.includes('New file opened'));
    expect(fileOne?.text).toContain('EST-1/2026');
  });

  it('ties a reply to the bot\'s message to that file, not the one the chat moved on to', async () => {
    // A second scan and file: the chat's current file is now EST-2/2026.
    const second = await exchange(CLERK, peer.photoMessage(CLERK, nextMessageId++, peer.addFile(scan, 'photos/scan_2.jpg'), { caption: 'Survey report from Amin, Mahishi' }));
    const offer2 = second.find((m) => m.buttons !== undefined);
    expect(texts(await exchange(CLERK, peer.buttonPress(CLERK, offer2?.messageId ?? 0, offer2?.buttons?.[0]?.callback_data ?? '')))).toContain('EST-2/2026');
    // Replying to the message about EST-1/2026 sends EST-1/2026.
    await exchange(CLERK, peer.textMessage(CLERK, nextMessageId++, 'send to SAH0010', { replyTo: fileOne?.messageId ?? 0 }));
    const [one, two] = await office.store.transaction(async (tx) => [await tx.files.byNumber('EST-1/2026'), await tx.files.byNumber('EST-2/2026')]);
    expect(one?.holderId).toBe(office.staff.so.id);
    expect(two?.holderId).toBe(office.staff.clerkEn.id);
  });

  it('delivers the notification through the dispatcher, and the reply to it decides the file', async () => {
    const dispatcher = new Dispatcher(office.store, office.clock, [adapter], silentLogger);
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1, failed: 0 });
    const notice = peer.sentTo(SO).at(-1);
    expect(notice?.text).toContain('EST-1/2026');
    const answer = await exchange(SO, peer.textMessage(SO, nextMessageId++, 'approved', { replyTo: notice?.messageId ?? 0 }));
    expect(texts(answer)).toContain('Priya Singh');
    expect((await office.store.transaction((tx) => tx.files.byNumber('EST-1/2026')))?.holderId).toBe(office.staff.clerkEn.id);
    // The clerk hears of it on Telegram too.
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });
    expect(peer.sentTo(CLERK).at(-1)?.text).toMatch(/approved/i);
  });

  it('sends the note sheet PDF with sendDocument, waiting out a 429 first', async () => {
    peer.rateLimitNext(1, 1, ['sendDocument']);
    const started = Date.now();
    const [sheet] = await exchange(CLERK, peer.textMessage(CLERK, nextMessageId++, 'file EST-1/2026'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(peer.callsTo('sendDocument')).toHaveLength(2);
    expect(sheet?.document?.filename).toBe('EST-1_2026-notesheet.pdf');
    expect(sheet?.document?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('sends a notification through send(account, reply)', async () => {
    const account = await office.store.transaction((tx) => tx.accounts.find('telegram', String(SO)));
    if (account === null) throw new Error('the section officer has no Telegram account');
    const sent = await adapter.send(account, { text: 'Reminder: 1 file pending with you', subject: { type: 'file', id: 'EST-2/2026' } });
    expect(sent.messageId).toBe(String(peer.sentTo(SO).at(-1)?.messageId));
  });

  it('gives an unlinked chat only the way to link', async () => {
    const replies = await exchange(STRANGER, peer.textMessage(STRANGER, nextMessageId++, 'approve EST-2/2026'), 2);
    expect(texts(replies)).toMatch(/link this chat/i);
    expect((await office.store.transaction((tx) => tx.files.byNumber('EST-2/2026')))?.holderId).toBe(office.staff.clerkEn.id);
  });
});

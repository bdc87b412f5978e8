// Nothing a user sent is lost or done twice (issue 14): a message's own scans are its receipt at
// once; an album's pages are kept as they come and closed into exactly their receipts; a message
// left half-handled by a process that died is taken up again; a command after a scan is a command.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { HOLD_MS } from '../../bots/assistant.ts';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';
import { pdfPages } from '../helpers/pdf-tools.ts';
import { createChannelHost } from '../../bots/channel.ts';
import { silentLogger } from '../../bots/log.ts';
import { notify } from '../../core/outbox/notify.ts';

const jpeg = (name = 'scan-portrait.jpg'): InboundAttachment => ({
  filename: name, mime: 'image/jpeg', bytes: readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url)),
});
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const PRIYA = 'SAH0021';
const WINDOW_MS = 5_000;

async function office(): Promise<TestOffice> {
  const o = await makeOffice({ albumWindowMs: WINDOW_MS });
  await o.linkAll();
  return o;
}

async function receipts(o: TestOffice): Promise<{ number: string; subject: string; pages: number }[]> {
  const all = await o.store.transaction(async (tx) => {
    const found = [];
    for (let n = 1; n <= 20; n++) {
      const r = await tx.receipts.byDiaryNumber(`SAH/R/2026/${String(n).padStart(6, '0')}`);
      if (r !== null) found.push({ number: r.diaryNumber, subject: r.subject, pages: r.pages, pdf: r.pdfBlob });
    }
    return found;
  });
  for (const r of all) expect(await pdfPages((await o.blobs.get(r.pdf)) ?? new Uint8Array())).toBe(r.pages);
  return all.map(({ number, subject, pages }) => ({ number, subject, pages }));
}

const waitingPages = (o: TestOffice) => o.store.transaction(async (tx) => {
  const account = await tx.accounts.find('test', PRIYA);
  return tx.uploads.list(account?.id ?? 0);
});

describe('scans: a message\'s own pages are its receipt, answered at once', () => {
  it('two photos sent a second apart, each with its caption, are two letters', async () => {
    const o = await office();
    const first = joined(await o.say(PRIYA, 'Flood relief claim from CO Kahara', { attachments: [jpeg()] }));
    o.clock.advance(1_000);
    const second = joined(await o.say(PRIYA, 'Survey report from Amin, Mahishi', { attachments: [jpeg('scan-landscape.jpg')] }));
    expect(first).toContain('SAH/R/2026/000001');
    expect(second).toContain('SAH/R/2026/000002');
    expect(await receipts(o)).toEqual([
      { number: 'SAH/R/2026/000001', subject: 'Flood relief claim from CO Kahara', pages: 1 },
      { number: 'SAH/R/2026/000002', subject: 'Survey report from Amin, Mahishi', pages: 1 },
    ]);
    expect(await waitingPages(o)).toEqual([]);
  });

  it('a caption-less scan asks for the subject, and "मेरी फाइलें" after it is a request, not the subject', async () => {
    const o = await office();
    expect(joined(await o.say(PRIYA, '', { attachments: [jpeg()] }))).toMatch(/subject/i);
    for (const command of ['मेरी फाइलें', 'my files', 'status']) {
      const answer = joined(await o.say(PRIYA, command));
      expect(answer).not.toMatch(/Subject recorded/);
    }
    expect((await receipts(o))[0]?.subject).not.toMatch(/फाइलें|files|status/);
  });

  it('a subject that merely resembles a request is still taken as the subject', async () => {
    const o = await office();
    await o.say(PRIYA, '', { attachments: [jpeg()] });
    expect(joined(await o.say(PRIYA, 'Flood relief claim from CO Kahara'))).toContain('Subject recorded');
    expect((await receipts(o))[0]?.subject).toBe('Flood relief claim from CO Kahara');
  });
});

describe('albums: grouped by the channel\'s album, kept as they come, closed into exactly their pages', () => {
  it('one album whose pages come 3.5 s apart is one receipt; nothing is made before it is quiet', async () => {
    const o = await office();
    for (const [i, page] of ['scan-portrait.jpg', 'scan-landscape.jpg', 'scan-portrait.jpg'].entries()) {
      if (i > 0) o.clock.advance(3_500);
      expect(await o.say(PRIYA, i === 0 ? 'Court notice in CWJC 1432 of 2026' : '', { attachments: [jpeg(page)], albumId: 'a1' })).toEqual([]);
      // Quiet for less than the window: still open.
      expect(await o.assistant.closeAlbums()).toBe(0);
    }
    expect(await o.closeAlbums()).toBe(1);
    expect(await receipts(o)).toEqual([{ number: 'SAH/R/2026/000001', subject: 'Court notice in CWJC 1432 of 2026', pages: 3 }]);
    const answer = o.channel.to(PRIYA).map((d) => d.reply);
    expect(answer.filter((r) => r.text.includes('SAH/R/2026/000001'))).toHaveLength(1);
    expect(answer[0]?.buttons?.[0]?.command).toBe('/receipt.newfile SAH/R/2026/000001');
    // The answer is remembered with its subject, so a reply to it finds the receipt.
    const sent = await o.store.transaction((tx) => tx.sentMessages.find('test', PRIYA, o.channel.to(PRIYA)[0]?.messageId ?? ''));
    expect(sent).toMatchObject({ subjectType: 'receipt', subjectId: 'SAH/R/2026/000001' });
    expect(await waitingPages(o)).toEqual([]);
  });

  it('in one album, a page with a caption of its own starts the next letter', async () => {
    const o = await office();
    const pages: [string, string][] = [['Flood relief claim', 'scan-portrait.jpg'], ['', 'scan-landscape.jpg'], ['Audit para reply', 'scan-portrait.jpg']];
    for (const [caption, page] of pages) await o.say(PRIYA, caption, { attachments: [jpeg(page)], albumId: 'a2' });
    expect(await o.closeAlbums()).toBe(1);
    expect(await receipts(o)).toEqual([
      { number: 'SAH/R/2026/000001', subject: 'Flood relief claim', pages: 2 },
      { number: 'SAH/R/2026/000002', subject: 'Audit para reply', pages: 1 },
    ]);
  });

  it('two albums and a single photo in between keep their own pages; another chat\'s album is its own', async () => {
    const o = await office();
    await o.say(PRIYA, 'Letter A', { attachments: [jpeg()], albumId: 'A' });
    await o.say('SAH0020', 'मनोज का पत्र', { attachments: [jpeg()], albumId: 'A' });
    await o.say(PRIYA, 'Letter B', { attachments: [jpeg()], albumId: 'B' });
    expect(joined(await o.say(PRIYA, 'Single letter C', { attachments: [jpeg('scan-landscape.jpg')] }))).toContain('SAH/R/2026/000001');
    await o.say(PRIYA, '', { attachments: [jpeg('scan-landscape.jpg')], albumId: 'A' });
    expect(await o.closeAlbums()).toBe(3);
    const made = await receipts(o);
    expect(made.map((r) => `${r.subject}:${r.pages}`).sort()).toEqual(['Letter A:2', 'Letter B:1', 'Single letter C:1', 'मनोज का पत्र:1']);
    expect(new Set(made.map((r) => r.number)).size).toBe(4);
  });

  it('an album left open by a process that died is closed at start-up into exactly its pages', async () => {
    const o = await office();
    await o.say(PRIYA, 'Budget allotment for anganwadi buildings', { attachments: [jpeg()], albumId: 'crash' });
    await o.say(PRIYA, '', { attachments: [jpeg('scan-landscape.jpg')], albumId: 'crash' });
    // The process died: its timer never ran. The next start's album sweep finds it quiet and closes it.
    o.clock.advance(60_000);
    expect(await o.assistant.recover({ releaseHolds: true })).toEqual({ released: 0, outbox: 0 });
    expect(await o.closeAlbums()).toBe(1);
    // A later upload is a letter of its own: no page of the earlier album is glued into it.
    expect(joined(await o.say(PRIYA, 'Complaint about the hand pump', { attachments: [jpeg()] }))).toContain('SAH/R/2026/000002');
    expect(await receipts(o)).toEqual([
      { number: 'SAH/R/2026/000001', subject: 'Budget allotment for anganwadi buildings', pages: 2 },
      { number: 'SAH/R/2026/000002', subject: 'Complaint about the hand pump', pages: 1 },
    ]);
    expect(o.channel.to(PRIYA).filter((d) => d.reply.text.includes('SAH/R/2026/000001'))).toHaveLength(1);
  });

  it('two closers at once make the album\'s receipt once', async () => {
    const o = await office();
    await o.say(PRIYA, 'Electoral roll revision schedule', { attachments: [jpeg()], albumId: 'twice' });
    o.clock.advance(WINDOW_MS + 1);
    const closed = await Promise.all([o.assistant.closeAlbums(), o.assistant.closeAlbums(), o.assistant.closeAlbums()]);
    expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
    await o.deliver();
    expect(await receipts(o)).toHaveLength(1);
    expect(o.channel.to(PRIYA)).toHaveLength(1);
  });

  it('WhatsApp-style pages without an album id: caption-less photos join the open album, a captioned one starts the next', async () => {
    const o = await office();
    const loose = { looseAlbums: true };
    await o.say(PRIYA, 'Letter one', { attachments: [jpeg()], ...loose });
    o.clock.advance(1_000);
    await o.say(PRIYA, '', { attachments: [jpeg('scan-landscape.jpg')], ...loose });
    o.clock.advance(1_000);
    await o.say(PRIYA, 'Letter two', { attachments: [jpeg()], ...loose });
    expect(await o.closeAlbums()).toBe(2);
    // After the window, a caption-less photo is an album of its own (asks for the subject).
    await o.say(PRIYA, '', { attachments: [jpeg()], ...loose });
    expect(await o.closeAlbums()).toBe(1);
    expect((await receipts(o)).map((r) => `${r.subject}:${r.pages}`)).toEqual(['Letter one:2', 'Letter two:1', expect.stringMatching(/:1$/)]);
    expect(joined(o.channel.to(PRIYA).map((d) => d.reply))).toMatch(/subject/i);
  });

  it('pages of a chat unlinked before the album closed become nobody\'s receipt', async () => {
    const o = await office();
    await o.say(PRIYA, 'Letter', { attachments: [jpeg()], albumId: 'gone' });
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.find('test', PRIYA);
      await tx.accounts.update(account?.id ?? 0, { employeeId: null });
    });
    expect(await o.closeAlbums()).toBe(1);
    expect(await receipts(o)).toEqual([]);
    expect(await waitingPages(o)).toEqual([]);
    expect(o.channel.to(PRIYA)).toEqual([]);
  });
});

describe('a message left half-handled by a process that died', () => {
  /** As the dead process left it: claimed, held, committed, never answered. */
  async function leftHeld(o: TestOffice, messageId: string): Promise<void> {
    await o.store.transaction(async (tx) => {
      await tx.inbound.claim({ channel: 'test', messageId, chatId: PRIYA, receivedAt: o.clock.now() });
      await tx.inbound.hold('test', messageId, new Date(o.clock.now().getTime() + HOLD_MS));
    });
  }

  it('is "in progress" while its hold runs, and acted on when redelivered after it', async () => {
    const o = await office();
    await leftHeld(o, 'm-1');
    const early = joined(await o.say(PRIYA, 'Flood relief claim', { messageId: 'm-1', attachments: [jpeg()] }));
    expect(early).toMatch(/still being handled/);
    expect(await receipts(o)).toEqual([]);
    o.clock.advance(HOLD_MS);
    expect(joined(await o.say(PRIYA, 'Flood relief claim', { messageId: 'm-1', attachments: [jpeg()] }))).toContain('SAH/R/2026/000001');
    // Done now: a further redelivery is answered from the record, not done again.
    expect(joined(await o.say(PRIYA, 'Flood relief claim', { messageId: 'm-1', attachments: [jpeg()] }))).toContain('SAH/R/2026/000001');
    expect(await receipts(o)).toHaveLength(1);
  });

  it('is acted on at once after a restart of the only process released the holds', async () => {
    const o = await office();
    await leftHeld(o, 'm-2');
    expect(await o.assistant.recover({ releaseHolds: true })).toEqual({ released: 1, outbox: 0 });
    expect(joined(await o.say(PRIYA, 'my files', { messageId: 'm-2' }))).not.toMatch(/still being handled/);
    const row = await o.store.transaction((tx) => tx.inbound.find('test', 'm-2'));
    expect(row).toMatchObject({ status: 'done', leaseUntil: null });
  });

  it('a notification a dead run had claimed goes out at once after a restart of the only process', async () => {
    const o = await office();
    await o.store.transaction((tx) => notify(tx, o.clock, { employeeId: o.staff.clerkEn.id, notification: { kind: 'dm', params: { from: 'x', text: 'hello' } } }));
    // The dead run claimed it (a lease of minutes) and never sent it.
    await o.store.transaction((tx) => tx.outbox.claimDue(o.clock.now(), 10, new Date(o.clock.now().getTime() + 120_000)));
    await o.deliver();
    expect(o.channel.to(PRIYA)).toHaveLength(0);
    expect(await o.assistant.recover({ releaseHolds: true })).toEqual({ released: 0, outbox: 1 });
    await o.deliver();
    expect(o.channel.to(PRIYA)).toHaveLength(1);
  });

  it('an OTP command holds its message only while its code is being sent', async () => {
    const o = await makeOffice({ albumWindowMs: WINDOW_MS });
    const replies = await o.say('new-chat', 'link SAH0021', { messageId: 'otp-1' });
    expect(joined(replies)).toMatch(/OTP has been sent/);
    const row = await o.store.transaction((tx) => tx.inbound.find('test', 'otp-1'));
    expect(row).toMatchObject({ status: 'done', leaseUntil: null });
  });
});

describe('a channel that never hands a message over again (WhatsApp)', () => {
  it('gets its answer through the outbox, written in the transaction that acted: a crash before sending delays it, never loses it', async () => {
    const o = await office();
    const viaOutbox = { repliesViaOutbox: true };
    // Acted on and committed; the process then "dies" before sending: nothing came back to send.
    expect(await o.say(PRIYA, 'Flood relief claim from CO Kahara', { attachments: [jpeg()], ...viaOutbox, messageId: 'wa-1' })).toEqual([]);
    expect(o.channel.to(PRIYA)).toEqual([]);
    // The next start's dispatcher sends what was queued, with its buttons and what it is about.
    await o.deliver();
    const [answer] = o.channel.to(PRIYA);
    expect(answer?.reply.text).toContain('SAH/R/2026/000001');
    expect(answer?.reply.buttons?.[0]?.command).toBe('/receipt.newfile SAH/R/2026/000001');
    const sent = await o.store.transaction((tx) => tx.sentMessages.find('test', PRIYA, answer?.messageId ?? ''));
    expect(sent).toMatchObject({ subjectType: 'receipt', subjectId: 'SAH/R/2026/000001' });
    // Its record is done, so a repeat of the same id (should one come) does nothing new.
    expect(await o.store.transaction((tx) => tx.inbound.find('test', 'wa-1'))).toMatchObject({ status: 'done' });
    await o.say(PRIYA, 'Flood relief claim from CO Kahara', { attachments: [jpeg()], ...viaOutbox, messageId: 'wa-1' });
    expect(await receipts(o)).toHaveLength(1);
  });

  it('a document in the answer goes out with its bytes', async () => {
    const o = await office();
    await o.say(PRIYA, 'Land acquisition letter', { attachments: [jpeg()] });
    const made = joined(await o.say(PRIYA, '', { action: '/receipt.newfile SAH/R/2026/000001' }));
    const number = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
    expect(await o.say(PRIYA, `file ${number}`, { repliesViaOutbox: true })).toEqual([]);
    await o.deliver();
    const doc = o.channel.to(PRIYA).find((d) => d.reply.document !== undefined)?.reply.document;
    expect(doc?.filename).toMatch(/notesheet\.pdf$/);
    expect(Buffer.from(doc?.base64 ?? '', 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('a button command too long for the channel', () => {
  it('is kept with its chat in the database, once, and found by that chat only', async () => {
    const o = await office();
    const host = createChannelHost(o.store, o.clock, o.assistant, silentLogger);
    const command = '/file.note EST-12/2026 स्वीकृत, भुगतान हेतु प्रस्तुत करें';
    await host.rememberButton('telegram', '1001', 't:abc', command);
    await host.rememberButton('telegram', '1001', 't:abc', command);
    expect(await host.recallButton('telegram', '1001', 't:abc')).toBe(command);
    expect(await host.recallButton('telegram', '1002', 't:abc')).toBeNull();
    expect(await host.recallButton('telegram', '1001', 't:other')).toBeNull();
  });
});

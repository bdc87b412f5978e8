// Circulars and notices through the assistant: sent by an officer, delivered by the outbox, acknowledged
// by button, by reply and bare, status for the sender, and the reminder at the ack-by time — on the
// in-memory store and on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import type { Store } from '../../core/ports.ts';
import type { Reply } from '../../bots/reply.ts';
import { runCircularReminders } from '../../bots/jobs/circular-reminders.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { createTestStore, type TestStore } from '../helpers/sqlite.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import { createChannelHost } from '../../bots/channel.ts';
import { silentLogger } from '../../bots/log.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const NUMBER = 'SAH/C/2026/0001';

let sqlite: TestStore | null = null;
afterEach(async () => {
  await sqlite?.cleanup();
  sqlite = null;
});

const stores: [string, () => Promise<Store | undefined>][] = [
  ['memory store', async () => undefined],
  ['SQLite store', async () => { sqlite = await createTestStore(); return sqlite.store; }],
];

async function outboxEvents(o: TestOffice) {
  return o.store.transaction((tx) => tx.audit.page(1, 500));
}

describe.each(stores)('a circular to a section, with acknowledgements (%s)', (_name, makeStore) => {
  it('delivers with the button, counts acknowledgements, and reminds only the non-ackers once', async () => {
    const o = await makeOffice({ store: await makeStore() });
    await o.linkAll();
    // 11:00 IST now; acknowledge by 17:00 IST today.
    const sent = await o.say('SAH0002', "circular to EST: Tomorrow's meeting is at 11 in the conference hall ack by 17:00");
    expect(joined(sent)).toContain(`परिपत्र ${NUMBER} 3 कर्मियों को भेजा गया`);
    expect(joined(sent)).toContain('25-11-2026 17:00 IST');
    expect(sent[0]?.subject).toEqual({ type: 'circular', id: NUMBER });
    await o.deliver();

    // The section's three get it, each with the ✓ button; the Collector (another section) does not.
    for (const code of ['SAH0010', 'SAH0020', 'SAH0021']) {
      const got = o.channel.lastTo(code).reply;
      expect(got.text).toContain("Tomorrow's meeting is at 11 in the conference hall");
      expect(got.buttons?.map((b) => b.command)).toEqual([`/circular.ack ${NUMBER}`]);
    }
    expect(o.channel.lastTo('SAH0020').reply.text).toContain('प्रेषक: Rakesh Kumar (उप विकास आयुक्त)');
    expect(o.channel.lastTo('SAH0021').reply.text).toContain('From: Rakesh Kumar (उप विकास आयुक्त)');
    expect(o.channel.to('SAH0001')).toHaveLength(0);

    const before = await o.text('SAH0002', 'circular status');
    expect(before).toContain('प्राप्तकर्ता: 3 • पहुँचा: 3 • पावती दी: 0');
    expect(before).toContain('पावती बाकी (3)');

    // One by the button, one by replying देखा to the circular itself.
    expect(await o.text('SAH0021', '', { action: `/circular.ack ${NUMBER}` })).toContain(`acknowledgement of circular ${NUMBER} is recorded`);
    const clerkCopy = o.channel.lastTo('SAH0020');
    expect(await o.text('SAH0020', 'देखा', { replyToMessageId: clerkCopy.messageId })).toContain(`परिपत्र ${NUMBER} की पावती दर्ज हुई`);
    // Twice is harmless.
    expect(await o.text('SAH0021', '', { action: `/circular.ack ${NUMBER}` })).toContain(`You already acknowledged circular ${NUMBER}`);

    const after = await o.text('SAH0002', `परिपत्र स्थिति ${NUMBER}`);
    expect(after).toContain('पावती दी: 2');
    expect(after).toContain('पावती बाकी (1):\n• सुनीता देवी (प्रशाखा पदाधिकारी)');
    expect(after).not.toContain('मनोज कुमार');
    expect(after).not.toContain('Priya Singh');

    // Before 17:00 nothing is due; after it, the one who has not acknowledged is reminded, once.
    expect((await runCircularReminders({ store: o.store, clock: o.clock })).reminded).toBe(0);
    o.clock.advanceMinutes(6 * 60 + 1);
    expect(await runCircularReminders({ store: o.store, clock: o.clock })).toEqual({ circulars: [NUMBER], reminded: 1 });
    expect(await runCircularReminders({ store: o.store, clock: o.clock })).toEqual({ circulars: [], reminded: 0 });
    const counts = Object.fromEntries(['SAH0010', 'SAH0020', 'SAH0021', 'SAH0002'].map((c) => [c, o.channel.to(c).length]));
    await o.deliver();
    expect(o.channel.to('SAH0010')).toHaveLength((counts.SAH0010 ?? 0) + 1);
    expect(o.channel.to('SAH0020')).toHaveLength(counts.SAH0020 ?? 0);
    expect(o.channel.to('SAH0021')).toHaveLength(counts.SAH0021 ?? 0);
    const reminder = o.channel.lastTo('SAH0010').reply;
    expect(reminder.text).toContain(`स्मरण: परिपत्र ${NUMBER}`);
    expect(reminder.buttons?.[0]?.command).toBe(`/circular.ack ${NUMBER}`);
    expect(o.channel.lastTo('SAH0002').reply.text).toContain(`परिपत्र ${NUMBER}: 3 में से 1 ने अभी तक पावती नहीं दी; 1 को स्मरण भेजा गया।`);

    // The sender's summary is a circular message too: a reply "status" to it gives the status.
    const summary = o.channel.lastTo('SAH0002');
    expect(await o.text('SAH0002', 'स्थिति', { replyToMessageId: summary.messageId })).toContain('स्मरण भेजा जा चुका है');

    const events = await outboxEvents(o);
    expect(events.filter((e) => e.type === 'circular.sent')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'circular.acknowledged')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'circular.reminded')).toHaveLength(1);
    const sentEvent = events.find((e) => e.type === 'circular.sent');
    expect(sentEvent?.data).toMatch(/"textSha256":"[0-9a-f]{64}"/);
    expect(events.map((e) => e.data).join(' ')).not.toContain('conference hall');
  });
});

describe('circulars through the assistant', () => {
  it('refuses a clerk in their own language and sends nothing', async () => {
    const o = await makeOffice();
    await o.linkAll();
    expect(await o.text('SAH0020', 'परिपत्र सभी को: कल कार्यालय बंद रहेगा')).toContain('परिपत्र/सूचना केवल अधिकृत पदाधिकारी');
    expect(await o.text('SAH0021', 'circular to all: office closed tomorrow')).toContain('Only authorised officers');
    expect(await o.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
    expect(await o.store.transaction((tx) => tx.circulars.byNumber(NUMBER))).toBeNull();
  });

  it('answers an unknown section with the list of sections, and reads section names as the office writes them', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const unknown = await o.text('SAH0002', 'सूचना भंडार शाखा को: स्टॉक की जाँच शुक्रवार को');
    expect(unknown).toContain('"भंडार शाखा" नाम का कोई कोषांग नहीं मिला');
    expect(unknown).toContain('EST — स्थापना');
    expect(unknown).toContain('GOP — जिला गोपनीय प्रशाखा');
    expect(await o.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);

    expect(await o.text('SAH0002', 'सूचना स्थापना शाखा को: उपस्थिति पंजी 10 बजे तक जमा करें')).toContain('सूचना SAH/C/2026/0001 3 कर्मियों को भेजा गया');
    expect(await o.text('SAH0002', 'notice to establishment section: attendance register by 10')).toContain('SAH/C/2026/0002 3 कर्मियों');
    await o.deliver();
    expect(o.channel.lastTo('SAH0020').reply.text).toContain('📢 सूचना SAH/C/2026/0002');
  });

  it('sends to posts, and to the whole office except the sender', async () => {
    const o = await makeOffice();
    await o.store.transaction(async (tx) => {
      const est = await tx.sections.byCode('EST');
      await tx.employees.create({
        code: 'SAH0030', name: 'Amit Verma', dob: '1985-02-01', post: 'अनुमंडल पदाधिकारी, सदर', postKey: 'SDO', mobile: '9000000030',
        email: null, sectionId: est?.id ?? 0, reportingOfficerId: null, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
      });
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0030', displayName: null });
      await tx.accounts.update(account.id, { employeeId: (await tx.employees.byCode('SAH0030'))?.id ?? 0, linkedAt: o.clock.now() });
    });
    await o.linkAll();
    expect(await o.text('SAH0001', 'सूचना सभी अनुमंडल पदाधिकारी को: कल 10 बजे वीडियो कॉन्फ्रेंस')).toContain('1 कर्मियों को भेजा गया');
    expect(await o.text('SAH0001', 'circular to posts SDO, DCLR: bring the land records')).toContain('1 कर्मियों को भेजा गया');
    expect(await o.text('SAH0001', 'परिपत्र सभी को: स्वच्छता अभियान शनिवार को')).toContain('5 कर्मियों को भेजा गया');
    await o.deliver();
    expect(o.channel.to('SAH0030')).toHaveLength(3);
    expect(o.channel.to('SAH0020')).toHaveLength(1);
    expect(o.channel.to('SAH0001')).toHaveLength(0);
  });

  it('sends a PDF with the circular to every recipient', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const pdf = await orderPdf('Order No. 42: office hours from 10 to 5');
    const sent = await o.text('SAH0002', 'notice to EST: the revised office hours are attached', {
      attachments: [{ filename: 'order.pdf', mime: 'application/pdf', bytes: pdf }],
    });
    expect(sent).toContain('(PDF सहित)');
    await o.deliver();
    for (const code of ['SAH0010', 'SAH0020', 'SAH0021']) {
      const doc = o.channel.lastTo(code).reply.document;
      expect(doc?.filename).toBe('SAH-C-2026-0001.pdf');
      expect(await pdfText(Buffer.from(doc?.base64 ?? '', 'base64'))).toContain('Order No. 42');
    }
    // Photos are not a circular's attachment; nothing is sent.
    const photo = await o.text('SAH0002', 'notice to EST: see photo', { attachments: [{ filename: 'a.jpg', mime: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) }] });
    expect(photo).toContain('केवल एक PDF');
  });

  it('lets no one but a recipient acknowledge', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0002', 'circular to EST: meeting at 4');
    expect(await o.text('SAH0001', '', { action: `/circular.ack ${NUMBER}` })).toContain(`परिपत्र ${NUMBER} आपको नहीं भेजा गया था`);
    expect(await o.text('SAH0001', 'देखा')).toContain('पावती के लिए कोई परिपत्र बाकी नहीं');
    const events = await outboxEvents(o);
    expect(events.filter((e) => e.type === 'circular.acknowledged')).toHaveLength(0);
  });

  it('acknowledges the newest with a bare "ack" and says how many are still open', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0002', 'circular to EST: first');
    await o.say('SAH0002', 'circular to EST: second');
    const mine = await o.say('SAH0021', 'my circulars');
    expect(joined(mine)).toContain('Circulars awaiting your acknowledgement (2)');
    expect(mine[0]?.buttons?.map((b) => b.command)).toEqual(['/circular.ack SAH/C/2026/0002', '/circular.ack SAH/C/2026/0001']);
    const acked = await o.text('SAH0021', 'ack');
    expect(acked).toContain('circular SAH/C/2026/0002 is recorded');
    expect(acked).toContain('1 more circulars await your acknowledgement: SAH/C/2026/0001');
    expect(await o.text('SAH0021', 'seen')).toContain('SAH/C/2026/0001 is recorded');
    expect(await o.text('SAH0021', 'ack')).toContain('No circular is waiting');
  });

  it('answers "status" (or "ok") in reply to the sender\'s confirmation with the status', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const [confirmation] = await o.say('SAH0002', 'notice to EST: audit team visits on Monday');
    if (confirmation === undefined) throw new Error('no confirmation');
    // What every channel adapter does with a reply it has sent: remember its id with its subject.
    await createChannelHost(o.store, o.clock, o.assistant, silentLogger).rememberSent('test', 'SAH0002', 'sent-1', confirmation);
    expect(await o.text('SAH0002', 'status', { replyToMessageId: 'sent-1' })).toContain('प्राप्तकर्ता: 3 • पहुँचा: 0 • पावती दी: 0');
    expect(await o.text('SAH0002', 'ok', { replyToMessageId: 'sent-1' })).toContain('पावती बाकी (3)');
  });

  it('leaves "देखा" in reply to another kind of message to that message', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0002', 'circular to EST: meeting at 4');
    await o.say('SAH0021', 'msg SAH0020: the register is on your table');
    await o.deliver();
    const message = o.channel.lastTo('SAH0020');
    expect(message.reply.subject?.type).toBe('message');
    await o.say('SAH0020', 'देखा', { replyToMessageId: message.messageId });
    await o.deliver();
    // It went back to the writer as a reply; the circular is still waiting for the clerk.
    expect(o.channel.lastTo('SAH0021').reply.text).toMatch(/देखा$/);
    expect(await o.store.transaction(async (tx) => (await tx.circulars.recipient(1, o.staff.clerk.id))?.ackAt ?? null)).toBeNull();
  });

  it('does not send a replayed message twice', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const inbound = { channel: 'test', chatId: 'SAH0002', messageId: 'tg-777', text: 'circular to all: fire drill at 3' };
    const first = await o.assistant.handle(inbound);
    const second = await o.assistant.handle(inbound);
    expect(joined(second)).toBe(joined(first));
    await o.deliver();
    expect(o.channel.delivered).toHaveLength(4);
    expect(await o.store.transaction((tx) => tx.circulars.byNumber('SAH/C/2026/0002'))).toBeNull();
  });

  it('reports recipients with no linked chat as not reachable, and reads the deadline forms', async () => {
    const o = await makeOffice();
    await o.store.transaction(async (tx) => {
      for (const e of [o.staff.ddc, o.staff.so]) {
        const account = await tx.accounts.create({ channel: 'test', address: e.code, displayName: null });
        await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: o.clock.now() });
      }
    });
    const sent = await o.text('SAH0002', 'परिपत्र स्थापना को: रोकड़ बही जमा करें देखा: कल सुबह 10 बजे तक');
    expect(sent).toContain('26-11-2026 10:00 IST');
    expect(sent).toContain('2 का कोई चैट जुड़ा नहीं है');
    await o.deliver();
    const status = await o.text('SAH0002', 'circular status');
    expect(status).toContain('प्राप्तकर्ता: 3 • पहुँचा: 1 • पावती दी: 0');
    expect(status).toContain('नहीं पहुँच सकता — चैट नहीं जुड़ा (2): मनोज कुमार (लिपिक), Priya Singh (Clerk)');
    expect(await o.text('SAH0002', 'circular to EST: x ack by tomorrow evening')).toContain('समय समझ नहीं आया');
    expect(await o.text('SAH0002', 'circular to EST: x ack by 01-01-2026 10:00')).toContain('बीत चुकी है');
    // Status is for the sender, the Collector and the DDC.
    expect(await o.text('SAH0010', `circular status ${NUMBER}`)).toContain('केवल भेजने वाले पदाधिकारी');
    expect(await o.text('SAH0002', 'circular: कल बैठक')).toContain('किसे भेजना है');
  });
});

async function orderPdf(line: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.fontSize(14).text(line);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

// eFile through the assistant, as users on a channel would drive it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfPages, pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';

const jpeg = (name: string): InboundAttachment => ({
  filename: name, mime: 'image/jpeg', bytes: readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url)),
});
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  await o.linkAll();
  return o;
}

async function auditTypes(o: TestOffice): Promise<string[]> {
  return o.store.transaction(async (tx) => (await tx.audit.page(1, 10_000)).map((e) => e.type));
}

/** The clerk diarises a one-page scan with a caption and opens a file from it. */
async function fileFromScan(o: TestOffice, caption = 'Land acquisition letter from BDO Sonbarsa'): Promise<string> {
  await o.say('SAH0021', caption, { attachments: [jpeg('scan-portrait.jpg')] });
  const made = joined(await o.say('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' }));
  const number = /EST-\d+\/2026/.exec(made)?.[0];
  if (number === undefined) throw new Error(`no file number in: ${made}`);
  return number;
}

describe('receipts from scans', () => {
  it('makes one receipt of three photos sent together, with a gap-free diary number and a 3-page PDF', async () => {
    const o = await office();
    const pages = ['scan-portrait.jpg', 'scan-landscape.jpg', 'scan-portrait.jpg'];
    // One album: three messages sharing the channel's album id, the caption on the first.
    const replies = await Promise.all(pages.map((p, i) =>
      o.say('SAH0021', i === 0 ? 'Flood relief letter from CO Kahara' : '', { attachments: [jpeg(p)], albumId: 'g1' })));
    // The pages are stored as they come; the receipt is made when the album has been quiet.
    expect(replies.flat()).toEqual([]);
    expect(await o.closeAlbums()).toBe(1);
    const all = o.channel.to('SAH0021').map((d) => d.reply);
    expect(all.filter((r) => r.text.includes('SAH/R/2026/000001'))).toHaveLength(1);
    expect(joined(all)).not.toContain('000002');
    const receipt = await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'));
    expect(receipt).toMatchObject({ pages: 3, subject: 'Flood relief letter from CO Kahara', status: 'open', holderId: o.staff.clerkEn.id });
    const pdf = await o.blobs.get(receipt?.pdfBlob ?? '');
    expect(pdf).not.toBeNull();
    expect(await pdfPages(pdf ?? new Uint8Array())).toBe(3);
    expect((await qpdfCheck(pdf ?? new Uint8Array())).ok).toBe(true);
    expect(await pdfText(pdf ?? new Uint8Array())).toContain('Receipt');
    // The same photo twice is stored once (content-addressed).
    const originals = await o.store.transaction((tx) => tx.receipts.originals(receipt?.id ?? 0));
    expect(originals).toHaveLength(3);
    expect(new Set(originals.map((x) => x.blob)).size).toBe(2);
    // The reply offers the next steps as buttons.
    const offer = all.find((r) => r.text.includes('SAH/R/2026/000001'));
    expect(offer?.buttons?.map((b) => b.command)).toEqual(['/receipt.newfile SAH/R/2026/000001', '/receipt.attach SAH/R/2026/000001', '/receipt.forward SAH/R/2026/000001']);
  });

  it('diarises a PDF as it is and asks for the subject when there is no caption', async () => {
    const o = await office();
    const sheet = await o.say('SAH0021', '', { attachments: [jpeg('scan-portrait.jpg')] });
    expect(joined(sheet)).toMatch(/Send the letter's subject/);
    expect(joined(await o.say('SAH0021', 'Survey report from Amin, Mahishi'))).toContain('Subject recorded');
    const receipt = await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'));
    expect(receipt?.subject).toBe('Survey report from Amin, Mahishi');
    const pdfBytes = await o.blobs.get(receipt?.pdfBlob ?? '');
    const again = await o.say('SAH0021', 'Circular from Revenue Department', { attachments: [{ filename: 'letter.pdf', mime: 'application/pdf', bytes: pdfBytes ?? new Uint8Array() }] });
    expect(joined(again)).toContain('SAH/R/2026/000002');
    const second = await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000002'));
    expect(second?.pdfBlob).toBe(receipt?.pdfBlob);
  });

  it.each([
    ['corrupt', { filename: 'broken.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)).subarray(0, 300) }, /cannot be opened/],
    ['not an image', { filename: 'notes.jpg', mime: 'image/jpeg', bytes: new TextEncoder().encode('just some text, not a photo') }, /not a supported type/],
    ['empty', { filename: 'empty.png', mime: 'image/png', bytes: new Uint8Array() }, /is empty/],
    ['too large', { filename: 'huge.pdf', mime: 'application/pdf', bytes: new Uint8Array(3 * 1024 * 1024).fill(37) }, /too large \(at most 2 MB\)/],
    ['a broken PDF', { filename: 'half.pdf', mime: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj <<') }, /cannot be opened/],
  ])('refuses a %s upload clearly and keeps nothing', async (_what, attachment, expected) => {
    const o = await office();
    expect(joined(await o.say('SAH0021', 'letter', { attachments: [attachment] }))).toMatch(expected);
    await new Promise((r) => setTimeout(r, 80));
    const state = await o.store.transaction(async (tx) => ({
      receipt: await tx.receipts.byDiaryNumber('SAH/R/2026/000001'),
      drafts: await tx.uploads.list((await tx.accounts.find('test', 'SAH0021'))?.id ?? 0),
    }));
    expect(state).toEqual({ receipt: null, drafts: [] });
    expect(o.blobs.blobs.size).toBe(0);
  });
});

describe('files moving up and down the hierarchy', () => {
  it('runs clerk → section officer → DDC → Collector and back down by replies, notifying and auditing each step', async () => {
    const o = await office();
    const number = await fileFromScan(o);
    expect(joined(await o.say('SAH0021', 'note: Letter received from BDO Sonbarsa regarding land acquisition. Put up for orders.'))).toContain('Note 1');
    expect(joined(await o.say('SAH0021', 'send to section officer'))).toContain('सुनीता देवी');
    await o.deliver();
    const toSo = o.channel.lastTo('SAH0010');
    expect(toSo.reply.text).toContain(number);
    expect(toSo.reply.text).toContain('Put up for orders');

    // The section officer replies to the notification: forward to the DDC, in Hindi.
    expect(joined(await o.say('SAH0010', 'उप विकास आयुक्त को भेजें', { replyToMessageId: toSo.messageId }))).toContain('Rakesh Kumar');
    await o.deliver();
    const toDdc = o.channel.lastTo('SAH0002');
    expect(toDdc.reply.text).toContain(number);
    // The DDC sends it on to the Collector by a Hinglish reply.
    await o.say('SAH0002', 'isko collector ko bhej do', { replyToMessageId: toDdc.messageId });
    await o.deliver();
    const toCollector = o.channel.lastTo('SAH0001');
    // The Collector approves by replying.
    expect(joined(await o.say('SAH0001', 'स्वीकृत', { replyToMessageId: toCollector.messageId }))).toContain('Rakesh Kumar');
    await o.deliver();
    const back = o.channel.lastTo('SAH0002');
    expect(back.reply.text).toMatch(/स्वीकृत होकर आपके पास लौटी/); // the DDC reads Hindi
    // DDC approves in English, the section officer in Hinglish: back down to the clerk.
    await o.say('SAH0002', 'approved', { replyToMessageId: back.messageId });
    await o.deliver();
    await o.say('SAH0010', 'theek hai', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toMatch(/approved by सुनीता देवी/);

    const file = await o.store.transaction((tx) => tx.files.byNumber(number));
    expect(file?.holderId).toBe(o.staff.clerkEn.id);
    const status = joined(await o.say('SAH0021', `status ${number}`));
    expect(status).toContain('Priya Singh');
    expect(status.match(/→/g)?.length).toBeGreaterThanOrEqual(7);
    const types = await auditTypes(o);
    expect(types.filter((t) => t === 'file.forwarded')).toHaveLength(3);
    expect(types.filter((t) => t === 'file.approved')).toHaveLength(3);
    expect(types).toContain('receipt.diarised');
    expect(types).toContain('receipt.attached');
  });

  it('returns a file with the remark, in English, Hindi and Hinglish', async () => {
    for (const [reply, remark] of [
      ['return — attach the survey report', 'attach the survey report'],
      ['वापस, जाँच रिपोर्ट लगाएँ', 'जाँच रिपोर्ट लगाएँ'],
      ['nahi, pehle jaanch karayein', 'pehle jaanch karayein'],
    ] as const) {
      const o = await office();
      const number = await fileFromScan(o);
      await o.say('SAH0021', 'send to SAH0010');
      await o.deliver();
      const answer = joined(await o.say('SAH0010', reply, { replyToMessageId: o.channel.lastTo('SAH0010').messageId }));
      expect(answer, reply).toMatch(/Priya Singh \(Clerk\) को वापस भेजी गई/); // the section officer reads Hindi
      await o.deliver();
      expect(o.channel.lastTo('SAH0021').reply.text, reply).toContain(remark);
      const notes = await o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(number))?.id ?? 0));
      expect(notes.at(-1)).toMatchObject({ decision: 'return' });
      expect(notes.at(-1)?.text).toContain(remark);
    }
  });

  it('refuses to act on a file that is not in your hands, and on an unknown number', async () => {
    const o = await office();
    const number = await fileFromScan(o);
    expect(joined(await o.say('SAH0010', `status ${number}`))).toContain('Priya Singh');
    expect(joined(await o.say('SAH0010', `note on ${number}: looks fine`))).toMatch(/not with you: it is with Priya Singh|अभी आपके पास नहीं/);
    expect(joined(await o.say('SAH0020', `${number} DDC ko bhej do`))).toMatch(/नहीं|not with you/);
    expect(joined(await o.say('SAH0021', 'status EST-999/2026'))).toMatch(/No file numbered EST-999\/2026/);
    const file = await o.store.transaction((tx) => tx.files.byNumber(number));
    expect(file?.holderId).toBe(o.staff.clerkEn.id);
  });

  it('asks back when the addressee is ambiguous, and a button settles it', async () => {
    const o = await office();
    const number = await fileFromScan(o);
    await o.say('SAH0021', 'send to SAH0010');
    const asked = await o.say('SAH0010', `${number} clerk ko bhejo`);
    const choice = asked.find((r) => (r.buttons?.length ?? 0) > 0);
    expect(choice?.buttons?.map((b) => b.label).sort()).toEqual(['Priya Singh, Clerk', 'मनोज कुमार, लिपिक']);
    const file = await o.store.transaction((tx) => tx.files.byNumber(number));
    expect(file?.holderId).toBe(o.staff.so.id);
    const pick = choice?.buttons?.find((b) => b.label.startsWith('मनोज'));
    await o.say('SAH0010', '', { action: pick?.command ?? '' });
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.clerk.id);
  });

  it('does a redelivered reply only once', async () => {
    const o = await office();
    const number = await fileFromScan(o);
    await o.say('SAH0021', 'send to SAH0010');
    await o.deliver();
    const message = { channel: 'test', chatId: 'SAH0010', messageId: 'tg-777', text: 'approved', replyToMessageId: o.channel.lastTo('SAH0010').messageId };
    const first = await o.assistant.handle(message);
    const second = await o.assistant.handle(message);
    expect(second).toEqual(first);
    expect((await auditTypes(o)).filter((t) => t === 'file.approved')).toHaveLength(1);
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.clerkEn.id);
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const o = await office();
    const number = await fileFromScan(o);
    await o.say('SAH0021', 'send to SAH0010');
    // The section officer's phone and office PC, at the same moment.
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0010-pc', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.so.id, linkedAt: o.clock.now() });
    });
    const [a, b] = await Promise.all([
      o.say('SAH0010', `approved ${number}`),
      o.say('SAH0010-pc', `${number} return: attach the khatiyan copy`),
    ]);
    const texts = [joined(a), joined(b)];
    expect(texts.filter((t) => /स्वीकृत कर .* को वापस भेजी गई|को वापस भेजी गई/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /अभी आपके पास नहीं|इसी बीच/.test(t))).toHaveLength(1);
    const types = await auditTypes(o);
    expect(types.filter((t) => t === 'file.approved' || t === 'file.returned')).toHaveLength(1);
  });

  it('gives the note sheet as a PDF with Hindi and English text', async () => {
    const o = await office();
    const number = await fileFromScan(o, 'भूमि अधिग्रहण — अंचल अधिकारी सोनबरसा का पत्र');
    await o.say('SAH0021', 'टिप्पणी: संचिका आदेशार्थ प्रस्तुत। Survey report is attached.');
    const replies = await o.say('SAH0021', `file ${number}`);
    const doc = replies.find((r) => r.document !== undefined)?.document;
    expect(doc?.mime).toBe('application/pdf');
    const bytes = Buffer.from(doc?.base64 ?? '', 'base64');
    expect((await qpdfCheck(bytes)).ok).toBe(true);
    const text = (await pdfText(bytes)).normalize('NFC');
    expect(text).toContain(number);
    expect(text).toContain('आदेशार्थ प्रस्तुत');
    expect(text).toContain('Survey report is attached');
    expect(text).toContain('SAH/R/2026/000001');
  });

  it('lists my files oldest first, what I sent, and finds by words', async () => {
    const o = await office();
    const first = await fileFromScan(o, 'Road repair Sonbarsa');
    o.clock.advanceMinutes(60 * 24 * 3);
    await o.say('SAH0021', 'Flood relief Kahara', { attachments: [jpeg('scan-landscape.jpg')] });
    const mine = joined(await o.say('SAH0021', 'my files'));
    expect(mine.indexOf(first)).toBeLessThan(mine.indexOf('SAH/R/2026/000002'));
    expect(mine).toContain('3 day(s)');
    await o.say('SAH0021', `send ${first} to SAH0010`);
    expect(joined(await o.say('SAH0021', 'sent'))).toContain('सुनीता देवी');
    expect(joined(await o.say('SAH0021', 'find road sonbarsa'))).toContain(first);
    expect(joined(await o.say('SAH0021', 'find kahara'))).toContain('SAH/R/2026/000002');
  });

  it('keeps a file\'s contents from staff outside its section and path', async () => {
    const o = await office();
    const number = await fileFromScan(o, 'Confidential inquiry report');
    await o.store.transaction(async (tx) => {
      const gop = await tx.sections.byCode('GOP');
      const outsider = await tx.employees.create({
        code: 'SAH0099', name: 'Ramesh Paswan', dob: '1985-02-02', post: 'Clerk', postKey: 'CLERK', mobile: '9000000099', email: null,
        sectionId: gop?.id ?? 0, reportingOfficerId: null, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
      });
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0099', displayName: null });
      await tx.accounts.update(account.id, { employeeId: outsider.id, linkedAt: o.clock.now() });
    });
    expect(joined(await o.say('SAH0099', `status ${number}`))).toMatch(/is with Priya Singh \(Clerk\)\. Its contents are open only/);
    expect(joined(await o.say('SAH0099', `status ${number}`))).not.toContain('Confidential');
    const sheet = await o.say('SAH0099', `file ${number}`);
    expect(sheet.some((r) => r.document !== undefined)).toBe(false);
    expect(joined(await o.say('SAH0099', 'find confidential inquiry'))).toMatch(/Nothing found/);
    // The section officer of that section, and the Collector, can read it.
    expect(joined(await o.say('SAH0010', 'find confidential inquiry'))).toContain(number);
    expect((await o.say('SAH0001', `file ${number}`)).some((r) => r.document !== undefined)).toBe(true);
  });
});

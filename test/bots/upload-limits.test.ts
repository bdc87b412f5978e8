// Uploads that must not be kept, through the real assistant: images declaring more pixels than the
// limit (refused from their header, before any decoder), PDFs that could act when opened, and file
// names that try to climb out of a folder or hide what they are. Nothing refused leaves a trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { hugeJpeg, hugePng, keywordsAsTextPdf, launchPdf, openActionJsPdf } from '../helpers/hostile-files.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const scan = (filename = 'scan.jpg'): InboundAttachment => ({
  filename, mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)),
});

async function office(options: Parameters<typeof makeOffice>[0] = {}): Promise<TestOffice> {
  const o = await makeOffice(options);
  await o.linkAll();
  return o;
}

/** Nothing of the upload anywhere: no blob, no receipt, no page waiting for its album. */
async function expectNothingKept(o: TestOffice, chatId: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 80));
  const state = await o.store.transaction(async (tx) => ({
    receipt: await tx.receipts.byDiaryNumber('SAH/R/2026/000001'),
    drafts: await tx.uploads.list((await tx.accounts.find('test', chatId))?.id ?? 0),
  }));
  expect(state).toEqual({ receipt: null, drafts: [] });
  expect(o.blobs.blobs.size).toBe(0);
}

describe('images over the pixel limit', () => {
  it.each([
    ['a PNG', () => ({ filename: 'page.png', mime: 'image/png', bytes: hugePng(30000, 30000) })],
    ['a JPEG', () => ({ filename: 'page.jpg', mime: 'image/jpeg', bytes: hugeJpeg(30000, 30000) })],
  ])('%s declaring 30000 × 30000 pixels is refused in both languages and nothing is kept', async (_what, file) => {
    const o = await office();
    const en = joined(await o.say(o.staff.clerkEn.code, 'letter from CO', { attachments: [file()] }));
    expect(en).toMatch(/is 30,000 × 30,000 pixels \(900 megapixels\); at most 40 megapixels are accepted\. .*Nothing was saved\./);
    await expectNothingKept(o, o.staff.clerkEn.code);
    const hi = joined(await o.say(o.staff.clerk.code, 'पत्र', { attachments: [file()] }));
    expect(hi).toMatch(/30,000 × 30,000 पिक्सेल \(900 मेगापिक्सेल\) की है; अधिकतम 40 मेगापिक्सेल स्वीकार्य है।.*कुछ भी सहेजा नहीं गया।/);
    await expectNothingKept(o, o.staff.clerk.code);
  });

  it('follows the configured limit, and a page within it still becomes a receipt', async () => {
    const o = await office({ maxImageMegapixels: 4 });
    expect(joined(await o.say(o.staff.clerkEn.code, 'letter', { attachments: [{ ...scan(), bytes: hugeJpeg(2500, 2000) }] })))
      .toMatch(/2,500 × 2,000 pixels \(5 megapixels\); at most 4 megapixels/);
    await expectNothingKept(o, o.staff.clerkEn.code);
    expect(joined(await o.say(o.staff.clerkEn.code, 'letter', { attachments: [scan()] }))).toContain('SAH/R/2026/000001');
  });
});

describe('PDFs that could act when opened', () => {
  it.each([
    ['JavaScript on opening', () => openActionJsPdf({ objectStreams: false }), /contains JavaScript, which an office document must not carry/, /में JavaScript \(चलने वाला कोड\) है/],
    ['JavaScript inside compressed object streams', () => openActionJsPdf({ objectStreams: true }), /contains JavaScript/, /JavaScript/],
    ['a launch action', () => launchPdf(), /contains an action that starts a program \(Launch\)/, /प्रोग्राम चलाने का निर्देश/],
  ])('are refused with the reason: %s', async (_what, make, english, hindi) => {
    const o = await office();
    const bytes = await make();
    const en = joined(await o.say(o.staff.clerkEn.code, 'circular from revenue', { attachments: [{ filename: 'order.pdf', mime: 'application/pdf', bytes }] }));
    expect(en).toMatch(english);
    expect(en).toMatch(/"order\.pdf" .*Print to PDF.*Nothing was saved\./);
    const hi = joined(await o.say(o.staff.clerk.code, 'पत्र', { attachments: [{ filename: 'order.pdf', mime: 'application/pdf', bytes }] }));
    expect(hi).toMatch(hindi);
    expect(hi).toContain('कुछ भी सहेजा नहीं गया');
    await expectNothingKept(o, o.staff.clerkEn.code);
  });

  it('are refused as a circular\'s PDF too, and nothing is sent', async () => {
    const o = await office();
    const bytes = await openActionJsPdf({ objectStreams: true });
    const reply = joined(await o.say(o.staff.collector.code, 'circular to all: review meeting at 11', { attachments: [{ filename: 'c.pdf', mime: 'application/pdf', bytes }] }));
    expect(reply).toMatch(/JavaScript \(चलने वाला कोड\)/);
    expect(o.blobs.blobs.size).toBe(0);
    expect(await o.store.transaction((tx) => tx.outbox.due(new Date('2100-01-01'), 10))).toEqual([]);
  });

  it('a PDF that only mentions the words is diarised as usual', async () => {
    const o = await office();
    const bytes = await keywordsAsTextPdf({ compressed: false });
    expect(joined(await o.say(o.staff.clerkEn.code, 'note on PDF security', { attachments: [{ filename: 'note.pdf', mime: 'application/pdf', bytes }] })))
      .toContain('SAH/R/2026/000001');
  });
});

describe('file names', () => {
  it('are kept as safe base names on a receipt\'s originals and on the pages waiting for their album', async () => {
    const o = await office({ albumWindowMs: 1500 });
    const pdf = await keywordsAsTextPdf({ compressed: true });
    await o.say(o.staff.clerkEn.code, 'letter', { attachments: [{ filename: '../../../../tmp/x.pdf', mime: 'application/pdf', bytes: pdf }] });
    const first = await o.store.transaction(async (tx) => tx.receipts.originals((await tx.receipts.byDiaryNumber('SAH/R/2026/000001'))?.id ?? 0));
    expect(first.map((x) => x.filename)).toEqual(['x.pdf']);

    // Two pages of one album: watched while they wait, then on the receipt they become.
    const account = await o.store.transaction((tx) => tx.accounts.find('test', o.staff.clerkEn.code));
    const names = ['C:\\Users\\clerk\\..\\..\\Windows\\scan\u0007\u001b[2J\u202egpj.exe', '\u0000 .. '];
    for (const [i, filename] of names.entries()) {
      await o.say(o.staff.clerkEn.code, i === 0 ? 'letter' : '', { attachments: [scan(filename)], albumId: 'names' });
    }
    const waiting = (await o.store.transaction((tx) => tx.uploads.list(account?.id ?? 0))).map((d) => d.filename).sort();
    expect(waiting).toEqual(['scan.jpg', 'scan[2Jgpj.exe']);
    expect(await o.closeAlbums()).toBe(1);
    const second = await o.store.transaction(async (tx) => tx.receipts.originals((await tx.receipts.byDiaryNumber('SAH/R/2026/000002'))?.id ?? 0));
    expect(second.map((x) => x.filename).sort()).toEqual(['scan.jpg', 'scan[2Jgpj.exe']);
  });

  it('are cut to 120 characters, keeping the extension, and a refusal names the file by its safe name', async () => {
    const o = await office();
    await o.say(o.staff.clerkEn.code, 'letter', { attachments: [scan(`${'प'.repeat(200)}.jpeg`)] });
    const originals = await o.store.transaction(async (tx) => tx.receipts.originals((await tx.receipts.byDiaryNumber('SAH/R/2026/000001'))?.id ?? 0));
    expect(originals[0]?.filename).toBe(`${'प'.repeat(115)}.jpeg`);
    const refused = joined(await o.say(o.staff.clerkEn.code, 'letter', { attachments: [{ filename: '../../etc/passwd.png', mime: 'image/png', bytes: hugePng(30000, 30000) }] }));
    expect(refused).toMatch(/^"passwd\.png" is 30,000 × 30,000 pixels/);
  });
});

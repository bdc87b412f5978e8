// The office's PDFs, judged by poppler (pdftotext, pdfinfo) and qpdf rather than by pdfkit itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { officeFonts, sfntFromWoff } from '../../../adapters/pdf/fonts.ts';
import { layoutText, splitRuns } from '../../../adapters/pdf/text-runs.ts';
import type { NoteSheet, NoteSheetNote } from '../../../core/efile/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPageSizes, pdfPages, pdfText, qpdfCheck, qpdfEncrypt } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/images/${name}`, import.meta.url)));
const portraitJpeg = fixture('scan-portrait.jpg');
const landscapeJpeg = fixture('scan-landscape.jpg');

/** A real PNG, written here: signature, IHDR, one IDAT of deflated rows (filter 0), IEND. */
function png(width: number, height: number, options: { alpha?: boolean; rows?: number } = {}): Uint8Array {
  const channels = options.alpha ? 4 : 3;
  const stride = 1 + width * channels;
  // `rows` below `height` writes too little image data: a PNG whose chunks are fine but whose picture is not.
  const raw = Buffer.alloc((options.rows ?? height) * stride);
  for (let y = 0; y < (options.rows ?? height); y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + 1 + x * channels;
      raw[at] = (x * 255) / width;
      raw[at + 1] = (y * 255) / height;
      raw[at + 2] = 160;
      if (options.alpha) raw[at + 3] = 200;
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = options.alpha ? 6 : 2; // RGBA or RGB
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]));
}

const image = (bytes: Uint8Array, mime = 'image/png') => ({ bytes, mime });

describe('checkImages', () => {
  it('accepts JPEG and PNG by their bytes, whatever they were declared as', async () => {
    const result = await renderer.checkImages([
      image(png(40, 60)), image(png(30, 20, { alpha: true })), image(portraitJpeg, 'image/jpeg'),
      image(landscapeJpeg, 'application/octet-stream'), image(png(10, 10), 'image/jpeg'),
    ]);
    expect(result).toEqual({ ok: true });
  });

  it.each([
    ['zero bytes', new Uint8Array(0), { reason: 'empty' }],
    ['random bytes named .jpg', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 251)), { reason: 'unsupported_type' }],
    ['a GIF', new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b]), { reason: 'unsupported_type' }],
    ['a PDF sent as a photo', new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')), { reason: 'unsupported_type' }],
    ['a truncated PNG', png(40, 60).subarray(0, 80), { reason: 'corrupt_image' }],
    ['a PNG with a damaged chunk (CRC)', (() => { const b = png(40, 60); b[40] = (b[40] ?? 0) ^ 0xff; return b; })(), { reason: 'corrupt_image' }],
    ['a PNG whose image data stops short', png(40, 60, { rows: 30 }), { reason: 'corrupt_image' }],
    ['a PNG with only a signature', png(4, 4).subarray(0, 8), { reason: 'corrupt_image' }],
    ['a truncated JPEG', portraitJpeg.subarray(0, Math.floor(portraitJpeg.length / 2)), { reason: 'corrupt_image' }],
    ['a JPEG header and then noise', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]), { reason: 'corrupt_image' }],
  ])('%s', async (_name, bytes, expected) => {
    const result = await renderer.checkImages([image(png(8, 8)), image(bytes, 'image/jpeg')]);
    expect(result).toEqual({ ok: false, index: 1, ...expected });
  });

  it('names the first bad image', async () => {
    const result = await renderer.checkImages([image(portraitJpeg), image(new Uint8Array(0)), image(new Uint8Array([1, 2, 3]))]);
    expect(result).toEqual({ ok: false, reason: 'empty', index: 1 });
  });
});

describe('receiptFromImages', () => {
  const images = [image(png(300, 420)), image(landscapeJpeg, 'image/jpeg'), image(png(200, 280, { alpha: true }))];

  it('makes one checked A4 page per image, landscape for a landscape scan, with header and page numbers', async () => {
    const pdf = await renderer.receiptFromImages(images, 'SAH/2026/00123');
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(3);
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.map((s) => [Math.round(s.width), Math.round(s.height)])).toEqual([[595, 842], [842, 595], [595, 842]]);
    const text = await pdfText(pdf);
    expect(text.match(/SAH\/2026\/00123 · प्राप्ति \/ Receipt/g)?.length).toBe(3);
    for (const n of [1, 2, 3]) expect(text).toContain(`Page ${n} of 3 / पृष्ठ ${n} / 3`);
    expect(await renderer.checkPdf(pdf)).toEqual({ ok: true, pages: 3 });
  });

  it('gives the same bytes for the same images at the same time', async () => {
    const a = await renderer.receiptFromImages(images, 'SAH/2026/00123');
    const b = await new PdfRenderer(new FakeClock()).receiptFromImages(images, 'SAH/2026/00123');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses an image that does not pass checkImages', async () => {
    await expect(renderer.receiptFromImages([image(png(8, 8)), image(new Uint8Array([0xff, 0xd8, 0xff]))], 'SAH/2026/00124'))
      .rejects.toThrow('receiptFromImages: image 1 is corrupt_image; call checkImages first');
  });
});

describe('checkPdf', () => {
  async function pdfWithPages(pages: number): Promise<Uint8Array> {
    const doc = await PdfLibDocument.create();
    for (let i = 0; i < pages; i++) doc.addPage();
    return doc.save({ addDefaultPage: false });
  }

  it('counts the pages of a good PDF', async () => {
    expect(await renderer.checkPdf(await pdfWithPages(4))).toEqual({ ok: true, pages: 4 });
  });

  it('finds a PDF cut short corrupt', async () => {
    const whole = await renderer.receiptFromImages([image(png(50, 50)), image(portraitJpeg)], 'SAH/2026/00125');
    for (const keep of [0.3, 0.6, 0.97]) {
      expect(await renderer.checkPdf(whole.subarray(0, Math.floor(whole.length * keep)))).toEqual({ ok: false, reason: 'corrupt' });
    }
  });

  it('finds an encrypted PDF encrypted, with or without a password to open it', async () => {
    const plain = await pdfWithPages(2);
    expect(await renderer.checkPdf(await qpdfEncrypt(plain, 'secret'))).toEqual({ ok: false, reason: 'encrypted' });
    expect(await renderer.checkPdf(await qpdfEncrypt(plain, ''))).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('finds garbage, a bare header and nothing at all for what they are', async () => {
    const garbage = new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 104729 + 7) % 256));
    expect(await renderer.checkPdf(garbage)).toEqual({ ok: false, reason: 'corrupt' });
    expect(await renderer.checkPdf(new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await renderer.checkPdf(portraitJpeg)).toEqual({ ok: false, reason: 'corrupt' });
    expect(await renderer.checkPdf(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('finds a PDF without pages empty', async () => {
    expect(await renderer.checkPdf(await pdfWithPages(0))).toEqual({ ok: false, reason: 'empty' });
  });
});

const HINDI = ['संचिका', 'कोषांग', 'समाहरणालय', 'प्रपत्र', 'स्वीकृत', 'उप विकास आयुक्त', 'निर्देशानुसार', 'कार्यालय'];
const LONG =
  'इस संचिका में कोषांग से प्राप्त प्रपत्र की जाँच की गई। समाहरणालय के निर्देशानुसार प्रस्ताव उप विकास आयुक्त को भेजा जाता है। ' +
  'The estimate of ₹ 4,50,000 (EST-12/2026) is within the sanctioned limit — see receipt SAH/2026/00123. ';

function note(number: number): NoteSheetNote {
  const texts = [
    LONG.repeat(2),
    'Put up for approval. The proposal is in order and may kindly be approved.',
    'कृपया अवलोकन करें। संचिका स्वीकृत हेतु प्रस्तुत है।',
    'कार्यालय भवन की मरम्मत हेतु प्रपत्र संलग्न है; Executive Engineer का प्राक्कलन देखें।\nदूसरा अनुच्छेद: क्ष र्क कि।',
  ];
  return {
    number,
    author: number % 2 ? 'Rakesh Kumar' : 'सुनीता देवी',
    post: number % 2 ? 'Section Officer, Establishment' : 'उप विकास आयुक्त',
    at: `${String(10 + number).padStart(2, '0')}-11-2026 1${number % 10}:05 IST`,
    text: number === 7 ? LONG.repeat(30) : texts[number % texts.length] ?? '', // note 7 alone is longer than a page
    ...(number % 4 === 0 ? { decision: 'Approved / स्वीकृत' } : {}),
  };
}

const sheet: NoteSheet = {
  office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' },
  fileNumber: 'EST-12/2026',
  subject: 'कार्यालय भवन की मरम्मत / Repair of office building',
  section: 'स्थापना शाखा / Establishment',
  status: 'In progress / प्रक्रियाधीन',
  notes: Array.from({ length: 12 }, (_, i) => note(i + 1)),
  annexures: [
    { diaryNumber: 'SAH/2026/00123', subject: 'मरम्मत का प्राक्कलन / Repair estimate', from: 'Executive Engineer, Building Division', receivedOn: '20-11-2026', pages: 3 },
    { diaryNumber: 'SAH/2026/00131', subject: 'Budget allotment letter', from: 'वित्त विभाग, पटना', receivedOn: '22-11-2026', pages: 1 },
  ],
  movements: [
    { at: '21-11-2026 10:00 IST', from: 'Dealing Assistant', to: 'Section Officer', action: 'forwarded / अग्रसारित', remark: 'शीघ्र' },
    { at: '22-11-2026 11:30 IST', from: 'Section Officer', to: 'उप विकास आयुक्त', action: 'forwarded / अग्रसारित' },
    { at: '23-11-2026 16:45 IST', from: 'उप विकास आयुक्त', to: 'Section Officer', action: 'approved / स्वीकृत', remark: 'Issue the work order' },
  ],
  generatedAt: '25-11-2026 14:05 IST',
};

describe('noteSheet', () => {
  it('lays out the file over several checked pages, Hindi and English both readable back', async () => {
    const pdf = await renderer.noteSheet(sheet);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    const text = await pdfText(pdf);
    for (const word of [...HINDI, 'समाहरणालय, सहरसा / Collectorate, Saharsa', 'Repair of office building', 'EST-12/2026',
      'Rakesh Kumar', 'Section Officer, Establishment', 'Approved / स्वीकृत', 'दूसरा अनुच्छेद: क्ष र्क कि।', 'Annexures / संलग्नक',
      'Movement / संचलन', 'Issue the work order', 'वित्त विभाग, पटना', '₹ 4,50,000', '25-11-2026 14:05 IST']) {
      expect(text, word).toContain(word);
    }
    const numbers = [...text.matchAll(/Note (\d+) \/ टिप्पणी (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, i + 1]));
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages} / पृष्ठ ${n} / ${pages}`);
    // The long note 7 runs on over a page and is whole: its 30 repetitions all come back.
    const note7 = text.slice(text.indexOf('Note 7 / टिप्पणी 7'), text.indexOf('Note 8 / टिप्पणी 8'));
    expect(note7.match(/SAH\/2026\/00123/g)?.length).toBe(30);
    expect(await renderer.checkPdf(pdf)).toEqual({ ok: true, pages });
  });

  it('gives the same bytes for the same sheet, though fonts and widths are shared between documents', async () => {
    const first = await renderer.noteSheet(sheet);
    await renderer.noteSheet({ ...sheet, subject: 'कुछ और / something else' });
    const again = await renderer.noteSheet(sheet);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('says so when a file has no notes, annexures or movements yet', async () => {
    const pdf = await renderer.noteSheet({ ...sheet, notes: [], annexures: [], movements: [] });
    expect(await pdfPages(pdf)).toBe(1);
    const text = await pdfText(pdf);
    expect(text).toContain('No notes yet / अभी कोई टिप्पणी नहीं');
    expect(text.match(/None \/ कोई नहीं/g)?.length).toBe(2);
  });
});

describe('text runs', () => {
  const fonts = officeFonts();

  it('unwraps a WOFF font into the TrueType font it carries', () => {
    const woff = readFileSync(new URL('../../../node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff', import.meta.url));
    const sfnt = sfntFromWoff(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavor: 0x00010000 for TrueType
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12)); // same number of tables
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // WOFF records the size of the font it wraps
    expect(() => sfntFromWoff(Buffer.from('not a font'))).toThrow('sfntFromWoff: not a WOFF 1.0 file');
  });

  it('keeps Devanagari words and the spaces between them in one run, Latin and punctuation in another', () => {
    expect(splitRuns('उप विकास आयुक्त', fonts)).toEqual([{ face: 'deva', text: 'उप विकास आयुक्त' }]);
    expect(splitRuns('संचिका EST-12/2026 की स्थिति, ठीक।', fonts)).toEqual([
      { face: 'deva', text: 'संचिका ' },
      { face: 'latin', text: 'EST-12/2026 ' },
      { face: 'deva', text: 'की स्थिति' },
      { face: 'latin', text: ', ' },
      { face: 'deva', text: 'ठीक।' },
    ]);
    expect(splitRuns('₹ 500 — ā', fonts)).toEqual([{ face: 'latinExt', text: '₹ ' }, { face: 'latin', text: '500 — ' }, { face: 'latinExt', text: 'ā' }]);
    // No font has an arrow: it is spelled out rather than drawn as an empty box.
    expect(splitRuns('A → B', fonts)).toEqual([{ face: 'latin', text: 'A -> B' }]);
  });

  it('wraps mixed text within the width, at spaces, losing nothing', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    fonts.register(doc);
    const text = LONG.repeat(3).trim();
    const lines = layoutText(doc, fonts, text, { size: 11 }, 200);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200.5);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ')).toBe(text);
    // A word longer than the line is cut between letters, never inside a conjunct.
    const cut = layoutText(doc, fonts, 'क्षक्षक्षक्षक्षक्षक्षक्षक्षक्षक्षक्ष', { size: 11 }, 40);
    expect(cut.length).toBeGreaterThan(1);
    for (const line of cut) expect(line.runs.map((r) => r.text).join('')).toMatch(/^(क्ष)+$/);
  });
});

// The office's PDFs: receipts made from scanned pages, the note sheet of a file, and the checks
// run on uploads before anything is stored.
//
// Output is deterministic for a given clock reading: pdfkit stamps a CreationDate (in the Info
// dictionary and, always, in the XMP metadata, so it cannot be left out) and derives the file /ID
// from it and the title. The date comes from the injected Clock, never from the system time here.
import { crc32, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import type { Clock, DocumentRenderer } from '../../core/ports.ts';
import type { ImagesCheck, NoteSheet, PdfCheck } from '../../core/efile/documents.ts';
import { officeFonts, type OfficeFonts } from './fonts.ts';
import { drawLine, drawText, heightOfText, layoutText, lineHeight, type TextStyle } from './text-runs.ts';

type Doc = InstanceType<typeof PDFDocument>;
type Image = { bytes: Uint8Array; mime: string };

const MARGIN = 50;
const FOOTER = 28;
const BODY: TextStyle = { size: 10.5 };
const SMALL: TextStyle = { size: 8.5 };
const BOLD: TextStyle = { size: 10.5, weight: 'bold' };
const BOLD_SMALL: TextStyle = { size: 8.5, weight: 'bold' };
const GREY = '#555555';

function newDocument(fonts: OfficeFonts, title: string, created: Date): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: MARGIN,
    // pdfkit copies the title into the XMP metadata without escaping it.
    info: { Title: title.replace(/[<>&]/g, ' '), Creator: 'Daftar', Producer: 'Daftar (pdfkit)', CreationDate: created },
  });
  fonts.register(doc);
  return doc;
}

async function finish(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** "Page x of n" at the foot of every page, drawn once the page count is known. */
function footers(doc: Doc, fonts: OfficeFonts, left: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 8;
    const width = doc.page.width - 2 * MARGIN;
    const n = i - start + 1;
    drawText(doc, fonts, left, { x: MARGIN, y, width, style: SMALL });
    drawText(doc, fonts, `Page ${n} of ${count} / पृष्ठ ${n} / ${count}`, { x: MARGIN, y, width, style: SMALL, align: 'right' });
  }
}

type ImageProblem = 'corrupt_image' | 'unsupported_type' | 'empty';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * What is wrong with an uploaded page image, judged by its bytes: the declared mime type and file
 * name come from the sender's phone and are not trusted. Only JPEG and PNG are accepted.
 */
function imageProblem(bytes: Uint8Array): ImageProblem | undefined {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegIsWhole(bytes) ? undefined : 'corrupt_image';
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngIsWhole(bytes) ? undefined : 'corrupt_image';
  return 'unsupported_type';
}

/** Bytes per row of each interlace pass (Adam7) or of the one pass, plus the filter byte. */
function pngRawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const passes = interlaced
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  let size = 0;
  for (const [x0, y0, dx, dy] of passes as Array<[number, number, number, number]>) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) size += h * (1 + Math.ceil((w * bitsPerPixel) / 8));
  }
  return size;
}

/** Chunk structure and CRCs, a sane IHDR, and image data that inflates to the full picture. */
function pngIsWhole(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = false;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return false; // cut off before IEND
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return false;
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (header === undefined && (type !== 'IHDR' || length !== 13)) return false;
    if (type === 'IHDR') {
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: data[8] ?? 0, colour: data[9] ?? 0, interlace: data[12] ?? 0 };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (header === undefined || header.width === 0 || header.height === 0 || header.interlace > 1 || idat.length === 0) return false;
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const allowedDepths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  const n = channels[header.colour];
  if (n === undefined || !(allowedDepths[header.colour] ?? []).includes(header.depth)) return false;
  if (header.colour === 3 && !palette) return false;
  const expected = pngRawSize(header.width, header.height, n * header.depth, header.interlace === 1);
  try {
    // Stop once the whole picture is there: a huge scan is not inflated past what we need to know.
    return inflateSync(Buffer.concat(idat), { maxOutputLength: expected }).length >= expected;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}

/** Markers in order up to a frame header with a size, then scan data that reaches an end marker. */
function jpegIsWhole(bytes: Uint8Array): boolean {
  let frame = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === undefined) return false;
    if (marker === 0xd9) return frame; // end of image
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (at + 2 > bytes.length) return false;
    const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    if (length < 2 || at + length > bytes.length) return false;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = ((bytes[at + 3] ?? 0) << 8) | (bytes[at + 4] ?? 0);
      const width = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const components = bytes[at + 7] ?? 0;
      if (length < 8 || height === 0 || width === 0 || ![1, 3, 4].includes(components)) return false;
      frame = true;
    }
    at += length;
    if (marker === 0xda) {
      if (!frame) return false;
      // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker until the next marker.
      while (at < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !((bytes[at + 1] ?? 0) >= 0xd0 && (bytes[at + 1] ?? 0) <= 0xd7))) at++;
    }
  }
  return false; // ran out before the end-of-image marker: truncated
}

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

/** pdfkit's image parser; typed here because @types/pdfkit leaves openImage out. */
function openImage(doc: Doc, bytes: Uint8Array): OpenedImage {
  return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(Buffer.from(bytes));
}

/** pdfkit's own parser as a second opinion: what it cannot open it cannot embed either. */
function pdfkitProblem(scratch: Doc, bytes: Uint8Array): 'corrupt_image' | undefined {
  try {
    openImage(scratch, bytes);
    return undefined;
  } catch {
    return 'corrupt_image';
  }
}

export class PdfRenderer implements DocumentRenderer {
  private readonly fonts = officeFonts();

  /** The clock only dates the PDF's metadata; what the office sees printed comes from the core. */
  constructor(private readonly clock: Clock) {}

  /** The declared mime type is not consulted: the bytes say what an image is (see imageProblem). */
  async checkImages(images: ReadonlyArray<Image>): Promise<ImagesCheck> {
    const scratch = new PDFDocument({ autoFirstPage: false });
    for (const [index, image] of images.entries()) {
      const reason = imageProblem(image.bytes) ?? pdfkitProblem(scratch, image.bytes);
      if (reason !== undefined) return { ok: false, reason, index };
    }
    return { ok: true };
  }

  async receiptFromImages(images: ReadonlyArray<Image>, header: string): Promise<Uint8Array> {
    const check = await this.checkImages(images);
    if (!check.ok) throw new Error(`receiptFromImages: image ${check.index} is ${check.reason}; call checkImages first`);
    if (images.length === 0) throw new Error('receiptFromImages: no images; a receipt needs at least one page');
    const doc = newDocument(this.fonts, `${header} — प्राप्ति / Receipt`, this.clock.now());
    for (const image of images) {
      const opened = openImage(doc, image.bytes);
      // pdfkit turns JPEGs by their EXIF orientation; 5–8 swap width and height.
      const turned = (opened.orientation ?? 1) > 4;
      const [w, h] = turned ? [opened.height, opened.width] : [opened.width, opened.height];
      doc.addPage({ size: 'A4', layout: w > h ? 'landscape' : 'portrait', margin: MARGIN });
      const width = doc.page.width - 2 * MARGIN;
      drawText(doc, this.fonts, `${header}   ·   प्राप्ति / Receipt`, { x: MARGIN, y: MARGIN - 30, width, style: SMALL });
      const top = MARGIN;
      const height = doc.page.height - 2 * MARGIN;
      doc.image(Buffer.from(image.bytes), MARGIN, top, { fit: [width, height], align: 'center', valign: 'center' });
    }
    footers(doc, this.fonts, header);
    return finish(doc);
  }

  async checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
    if (bytes.length === 0) return { ok: false, reason: 'empty' };
    const text = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    // A reader accepts the header anywhere in the first 1 KB and %%EOF in the last; an upload cut
    // short loses its %%EOF, which pdf-lib's tolerant parser would not always notice.
    if (!text.includes('%PDF-') || !tail.includes('%%EOF')) return { ok: false, reason: 'corrupt' };
    try {
      const pdf = await PdfLibDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
      const pages = pdf.getPageCount();
      return pages === 0 ? { ok: false, reason: 'empty' } : { ok: true, pages };
    } catch {
      // pdf-lib's EncryptedPDFError does not survive instanceof, so ask again without the refusal.
      try {
        const pdf = await PdfLibDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
        if (pdf.isEncrypted) return { ok: false, reason: 'encrypted' };
      } catch {
        // not even that: corrupt
      }
      return { ok: false, reason: 'corrupt' };
    }
  }

  async noteSheet(sheet: NoteSheet): Promise<Uint8Array> {
    const doc = newDocument(this.fonts, `${sheet.fileNumber} — टिप्पणी / Note sheet`, this.clock.now());
    const layout = new NoteSheetLayout(doc, this.fonts, sheet.fileNumber);
    layout.header(sheet);
    layout.notes(sheet.notes);
    layout.annexures(sheet.annexures);
    layout.movements(sheet.movements);
    if (sheet.signature !== undefined) layout.signature(sheet.signature);
    footers(doc, this.fonts, `${sheet.fileNumber}   ·   ${sheet.generatedAt}`);
    return finish(doc);
  }
}

interface Column {
  title: string;
  /** Of the text width. */
  share: number;
}

/** Lays the note sheet out top to bottom, starting a new page whenever the next piece would not fit. */
class NoteSheetLayout {
  private y = MARGIN;
  private readonly width: number;

  constructor(private readonly doc: Doc, private readonly fonts: OfficeFonts, private readonly fileNumber: string) {
    this.newPage(false);
    this.width = doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  private newPage(continued = true): void {
    this.doc.addPage({ size: 'A4', margin: MARGIN });
    this.y = MARGIN;
    if (continued) {
      const width = this.doc.page.width - 2 * MARGIN;
      this.doc.fillColor(GREY);
      drawText(this.doc, this.fonts, `${this.fileNumber} — टिप्पणी / Note sheet (contd.)`, { x: MARGIN, y: MARGIN - 30, width, style: SMALL, align: 'right' });
      this.doc.fillColor('black');
    }
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  private rule(weight = 0.6): void {
    this.doc.moveTo(MARGIN, this.y).lineTo(MARGIN + this.width, this.y).lineWidth(weight).strokeColor('#333333').stroke();
  }

  /** Text that may run over pages, one line at a time. */
  private flow(text: string, style: TextStyle, indent = 0, align: 'left' | 'right' = 'left'): void {
    for (const line of layoutText(this.doc, this.fonts, text, style, this.width - indent)) {
      this.ensure(lineHeight(style));
      drawLine(this.doc, this.fonts, line, MARGIN + indent, this.y, style, align, this.width - indent);
      this.y += lineHeight(style);
    }
  }

  private heading(text: string): void {
    this.ensure(lineHeight(BOLD) * 2 + 80); // with room for a table's header row and first row
    this.y += 8;
    this.flow(text, { size: 12, weight: 'bold' });
    this.rule();
    this.y += 6;
  }

  header(sheet: NoteSheet): void {
    const office = `${sheet.office.hi} / ${sheet.office.en}`;
    this.y += drawText(this.doc, this.fonts, office, { x: MARGIN, y: this.y, width: this.width, style: { size: 15, weight: 'bold' }, align: 'center' });
    this.y += drawText(this.doc, this.fonts, 'टिप्पणी पृष्ठ / Note sheet', { x: MARGIN, y: this.y, width: this.width, style: BODY, align: 'center' });
    this.y += 6;
    this.rule(1.2);
    this.y += 8;
    const fields: Array<[string, string]> = [
      ['File No. / संचिका संख्या', sheet.fileNumber],
      ['Subject / विषय', sheet.subject],
      ['Section / शाखा', sheet.section],
      ['Status / स्थिति', sheet.status],
      ['Generated / निर्मित', sheet.generatedAt],
    ];
    const label = 150;
    for (const [name, value] of fields) {
      const valueHeight = drawText(this.doc, this.fonts, value, { x: MARGIN + label, y: this.y, width: this.width - label, style: BODY });
      const nameHeight = drawText(this.doc, this.fonts, name, { x: MARGIN, y: this.y, width: label - 8, style: BOLD });
      this.y += Math.max(valueHeight, nameHeight);
    }
    this.y += 4;
    this.rule(1.2);
    this.y += 6;
  }

  notes(notes: NoteSheet['notes']): void {
    for (const note of notes) {
      this.ensure(lineHeight(BOLD) * 3);
      this.y += 6;
      this.flow(`Note ${note.number} / टिप्पणी ${note.number}`, BOLD);
      this.flow(note.text, BODY, 12);
      if (note.decision !== undefined && note.decision !== '') this.flow(note.decision, BOLD, 12);
      // The signature block is not split from itself: author, post and time stay together.
      const signature = [note.author, note.post, note.at];
      this.ensure(signature.length * lineHeight(SMALL) + 4);
      this.y += 4;
      for (const line of signature) this.flow(line, { ...SMALL, weight: line === note.author ? 'bold' : 'regular' }, 0, 'right');
      this.y += 4;
      this.doc.moveTo(MARGIN + this.width * 0.6, this.y).lineTo(MARGIN + this.width, this.y).lineWidth(0.3).strokeColor('#999999').stroke();
    }
    if (notes.length === 0) this.flow('No notes yet / अभी कोई टिप्पणी नहीं', BODY);
  }

  annexures(annexures: NoteSheet['annexures']): void {
    this.heading('Annexures / संलग्नक');
    this.table(
      [
        { title: 'Diary No. / डायरी सं.', share: 0.2 },
        { title: 'Subject / विषय', share: 0.33 },
        { title: 'From / प्रेषक', share: 0.2 },
        { title: 'Received / प्राप्ति', share: 0.15 },
        { title: 'Pages / पृष्ठ', share: 0.12 },
      ],
      annexures.map((a) => [a.diaryNumber, a.subject, a.from, a.receivedOn, String(a.pages)]),
    );
  }

  movements(movements: NoteSheet['movements']): void {
    // No office font has an arrow glyph, so "from → to" is two columns.
    this.heading('Movement / संचलन');
    this.table(
      [
        { title: 'At / समय', share: 0.2 },
        { title: 'From / से', share: 0.2 },
        { title: 'To / को', share: 0.2 },
        { title: 'Action / कार्रवाई', share: 0.18 },
        { title: 'Remark / अभ्युक्ति', share: 0.22 },
      ],
      movements.map((m) => [m.at, m.from, m.to, m.action, m.remark ?? '']),
    );
  }

  /** The visible half of a digital signature; the cryptographic half is embedded by the signer. */
  signature(sig: NonNullable<NoteSheet['signature']>): void {
    const lines = [
      'Digitally signed / डिजिटल हस्ताक्षरित',
      `${sig.name} — ${sig.post} (${sig.code})`,
      sig.at,
      sig.what,
      sig.via,
      `SHA-256: ${sig.documentHash}`,
    ];
    this.ensure(lines.length * lineHeight(SMALL) + 30);
    this.y += 14;
    const top = this.y;
    this.y += 6;
    for (const [i, line] of lines.entries()) this.flow(line, { ...SMALL, weight: i < 2 ? 'bold' : 'regular' }, 8);
    this.y += 6;
    this.doc.rect(MARGIN, top, this.width, this.y - top).lineWidth(0.8).strokeColor('#1a5e20').stroke();
  }

  /** A ruled table whose rows never split across pages; the header row repeats on a new page. */
  private table(columns: Column[], rows: string[][]): void {
    const pad = 4;
    const widths = columns.map((c) => c.share * this.width);
    const row = (cells: string[], style: TextStyle): void => {
      const height = Math.max(...cells.map((cell, i) => heightOfText(this.doc, this.fonts, cell, style, (widths[i] ?? 0) - 2 * pad))) + 2 * pad;
      if (this.y + height > this.bottom) {
        this.newPage();
        if (style !== BOLD_SMALL) row(columns.map((c) => c.title), BOLD_SMALL);
      }
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        drawText(this.doc, this.fonts, cell, { x: x + pad, y: this.y + pad, width: w - 2 * pad, style });
        this.doc.rect(x, this.y, w, height).lineWidth(0.5).strokeColor('#333333').stroke();
        x += w;
      });
      this.y += height;
    };
    row(columns.map((c) => c.title), BOLD_SMALL);
    for (const cells of rows) row(cells, SMALL);
    if (rows.length === 0) this.flow('None / कोई नहीं', SMALL);
  }
}

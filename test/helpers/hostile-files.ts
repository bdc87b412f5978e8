// Real files that a hostile (or careless) sender might upload, made here byte by byte: images whose
// headers declare enormous sizes, PDFs that run JavaScript, launch programs or carry files, and
// harmless PDFs that merely mention those words.
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(4 + body.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * A PNG whose chunks and CRCs are all valid and whose IHDR declares `width` × `height` RGB pixels,
 * with a tiny IDAT: a few hundred bytes that a decoder would try to turn into width × height × 3.
 */
export function hugePng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1024))), pngChunk('IEND', Buffer.alloc(0)),
  ]));
}

/** The test scan (a real, whole JPEG) with its frame header changed to declare `width` × `height`. */
export function hugeJpeg(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)));
  for (let at = 2; at < bytes.length;) {
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      bytes.set([height >> 8, height & 0xff, width >> 8, width & 0xff], at + 5);
      return bytes;
    }
    at += 2 + length;
  }
  throw new Error('the fixture has no frame header');
}

/** A one-page PDF that runs JavaScript when opened (the catalog's /OpenAction). */
export async function openActionJsPdf(options: { objectStreams: boolean }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of("app.launchURL('http://example.invalid/', true);") });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  return doc.save({ useObjectStreams: options.objectStreams });
}

/** A PDF with a link on its page that launches a program. */
export async function launchPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const launch = doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe'), NewWindow: true });
  const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, 50, 300, 100], Border: [0, 0, 0], A: launch });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  return doc.save();
}

/** A PDF carrying a file inside it (the names tree's /EmbeddedFiles). */
export async function embeddedFilePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(Buffer.from('MZ not really a program'), 'update.exe', { mimeType: 'application/octet-stream', description: 'open me' });
  return doc.save();
}

/**
 * A harmless PDF whose page text, title and subject are the very words the check looks for: in a
 * plain content stream (`compressed: false`, no object streams) or a deflated one in object streams.
 */
export async function keywordsAsTextPdf(options: { compressed: boolean }): Promise<Uint8Array> {
  const words = '/JavaScript /JS /Launch /EmbeddedFile /EmbeddedFiles /OpenAction /S /JavaScript';
  const doc = await PDFDocument.create();
  doc.setTitle(words);
  doc.setSubject(`${words} — a note about PDF security`);
  const page = doc.addPage();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const key = page.node.newFontDictionary('F1', font.ref);
  const text = `BT ${key.asString()} 12 Tf 50 700 Td (${words.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const stream = options.compressed ? doc.context.flateStream(text) : doc.context.stream(text);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save({ useObjectStreams: options.compressed });
}

/**
 * Written by hand: an /OpenAction whose names are spelt with lower-case #xx escapes
 * (`/#4aava#53cript` is /JavaScript, `/#4a#53` is /JS), which every PDF reader decodes.
 */
export function escapedNamesJsPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Type /Action /#53 /#4aava#53cript /#4a#53 (app.alert\\(1\\)) >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

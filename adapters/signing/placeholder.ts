// The signature placeholder, added by @signpdf/placeholder-plain as an incremental update, with the
// flaws of its 3.3 release mended before anything is signed:
// - it writes the dictionary's strings through Buffer.from(string) (UTF-8), so a Hindi /Name or
//   /Reason, already turned into UTF-16 bytes, is mangled. Such a string goes in as an ASCII
//   stand-in of the same length and its correct bytes are put in its place afterwards: equal
//   lengths keep every offset in the new xref section right.
// - its `startxref` points one byte early, at the newline before `xref`, and on a second signature
//   its trailer's /Size counts the rewritten AcroForm as a new object. qpdf warns about both.
import { randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';

// @signpdf/utils' SUBFILTER_ETSI_CADES_DETACHED, spelled out: utils is not a direct dependency.
const ETSI_CADES_DETACHED = 'ETSI.CAdES.detached';

export interface PlaceholderOptions {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** Bytes reserved for the CMS (the hex in /Contents is twice as long). */
  signatureLength: number;
}

/** The PDF with an empty signature field, its dictionary's /ByteRange and /Contents to be filled. */
export function addSignaturePlaceholder(pdf: Buffer, options: PlaceholderOptions): Buffer {
  const texts = { reason: options.reason, name: options.name, location: options.location, contactInfo: options.contactInfo };
  const standIns = new Map<string, Buffer>();
  for (const [key, text] of Object.entries(texts) as Array<[keyof typeof texts, string]>) {
    if (/^[\x20-\x7e]*$/.test(text)) continue; // printable ASCII goes through unharmed
    const bytes = literalStringBody(text);
    const standIn = randomBytes(bytes.length).toString('hex').slice(0, bytes.length);
    standIns.set(standIn, bytes);
    texts[key] = standIn;
  }
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    ...texts,
    signingTime: options.signingTime,
    signatureLength: options.signatureLength,
    subFilter: ETSI_CADES_DETACHED,
    appName: 'Daftar',
  });
  for (const [standIn, bytes] of standIns) {
    // Only in what was appended: the original document is never touched.
    const at = prepared.indexOf(`(${standIn})`, Math.max(0, pdf.length - 2));
    if (at < 0 || prepared.indexOf(`(${standIn})`, at + 1) >= 0) throw new Error('signature placeholder: text stand-in not found exactly once');
    bytes.copy(prepared, at + 1);
  }
  return correctSize(correctStartXref(prepared), pdf.length);
}

/** The bytes between the parentheses of a PDF literal string: UTF-16BE with a BOM, escaped. */
function literalStringBody(text: string): Buffer {
  const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const escaped: number[] = [];
  for (const byte of utf16) {
    // Backslash and parentheses are escaped; CR and LF too, since a reader turns them into LF.
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) escaped.push(0x5c, byte);
    else if (byte === 0x0d) escaped.push(0x5c, 0x72);
    else if (byte === 0x0a) escaped.push(0x5c, 0x6e);
    else escaped.push(byte);
  }
  return Buffer.from(escaped);
}

/** Points the last `startxref` at the `xref` keyword when it points at whitespace just before it. */
function correctStartXref(pdf: Buffer): Buffer {
  const at = pdf.lastIndexOf('startxref');
  const tail = at < 0 ? null : /^startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1', at));
  if (tail?.[1] === undefined) return pdf;
  const offset = Number(tail[1]);
  const skip = pdf.toString('latin1', offset, offset + 8).search(/\S/);
  if (skip <= 0 || pdf.toString('latin1', offset + skip, offset + skip + 4) !== 'xref') return pdf;
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(`startxref\n${offset + skip}\n%%EOF`)]);
}

/** Sets the new trailer's /Size to one more than the highest object number, old or appended. */
function correctSize(pdf: Buffer, originalLength: number): Buffer {
  const before = [...pdf.toString('latin1', 0, originalLength).matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1];
  const appended = pdf.toString('latin1', originalLength);
  const size = /\/Size (\d+)/.exec(appended.slice(appended.lastIndexOf('trailer')));
  if (before === undefined || size?.[1] === undefined) return pdf;
  // Each appended xref subsection is "<object number> 1" followed by its one entry.
  const added = [...appended.matchAll(/^(\d+) 1\r?\n\d{10} \d{5} n/gm)].map((m) => Number(m[1]) + 1);
  const right = Math.max(Number(before), ...added);
  if (right === Number(size[1])) return pdf;
  const at = originalLength + appended.lastIndexOf('trailer') + size.index;
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(`/Size ${right}`), pdf.subarray(at + size[0].length)]);
}

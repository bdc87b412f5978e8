// Finds the last signature in a PDF by its bytes: the /ByteRange, the /Contents it leaves out, and
// the strings of its signature dictionary. Byte-level on purpose: a verifier must look at exactly
// the bytes that were hashed, and must not be fooled by a parser that repairs broken files.

export interface FoundSignature {
  /** [start1, length1, start2, length2] as written in the file. */
  byteRange: [number, number, number, number];
  /** The CMS container, hex-decoded (padding zeros included). */
  contents: Buffer;
  /** /Contents sits exactly in the gap the byte ranges leave, delimiters included. */
  gapIsContents: boolean;
  reason: string | null;
  /** The signature dictionary's /M, the time the signing application claims. */
  modified: Date | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** The most recent signature (the last /ByteRange in the file), or null if none can be read. */
export function findLastSignature(pdf: Buffer): FoundSignature | null {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const last = [...text.matchAll(BYTE_RANGE)].at(-1);
  if (last === undefined) return null;
  const byteRange = [1, 2, 3, 4].map((i) => Number(last[i])) as FoundSignature['byteRange'];
  const [start1, length1, start2, length2] = byteRange;
  if (start1 !== 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > pdf.length) return null;

  const dictionary = enclosingObject(text, last.index);
  const contents = /\/Contents\s*<([0-9A-Fa-f\s]*)>/.exec(dictionary.body);
  if (contents?.[1] === undefined) return null;
  const contentsAt = dictionary.start + contents.index + contents[0].indexOf('<');
  const contentsEnd = dictionary.start + contents.index + contents[0].length;
  return {
    byteRange,
    contents: Buffer.from(contents[1].replace(/\s+/g, ''), 'hex'),
    gapIsContents: contentsAt === length1 && contentsEnd === start2,
    reason: stringAfter(dictionary.body, '/Reason'),
    modified: pdfDate(stringAfter(dictionary.body, '/M')),
  };
}

/** The text of the indirect object around `at` (from "n g obj" to "endobj"). */
function enclosingObject(text: string, at: number): { start: number; body: string } {
  const head = text.lastIndexOf(' obj', at);
  const start = head < 0 ? 0 : head;
  const end = text.indexOf('endobj', at);
  return { start, body: text.slice(start, end < 0 ? text.length : end) };
}

/** A PDF string value after `key` (a literal `(...)` or hex `<...>`), decoded to text. */
function stringAfter(body: string, key: string): string | null {
  const keyAt = new RegExp(`${key.replace('/', '\\/')}(?![A-Za-z])\\s*`).exec(body);
  if (keyAt === null) return null;
  const from = keyAt.index + keyAt[0].length;
  if (body[from] === '<') {
    const end = body.indexOf('>', from);
    return end < 0 ? null : decodeTextString(Buffer.from(body.slice(from + 1, end).replace(/\s+/g, ''), 'hex'));
  }
  if (body[from] !== '(') return null;
  const bytes: number[] = [];
  let depth = 1;
  for (let i = from + 1; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    if (c === 0x5c) {
      i += 1;
      const e = body[i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(body.slice(i, i + 3));
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length - 1;
      } else if (e === '\r' || e === '\n') {
        if (e === '\r' && body[i + 1] === '\n') i += 1; // an escaped line break continues the string
      } else {
        bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[e] ?? body.charCodeAt(i));
      }
      continue;
    }
    if (c === 0x28) depth += 1;
    if (c === 0x29 && --depth === 0) return decodeTextString(Buffer.from(bytes));
    bytes.push(c);
  }
  return null;
}

/** A PDF text string: UTF-16BE or UTF-8 behind a byte-order mark, else PDFDocEncoding (~latin1). */
function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const utf16 = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1))); // a copy: swap16 works in place
    return utf16.swap16().toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** "D:YYYYMMDDHHmmSS" with an optional Z or ±HH'mm' offset (PDF 32000 §7.9.4). */
function pdfDate(value: string | null): Date | null {
  const m = value === null ? null : /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  const zone = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

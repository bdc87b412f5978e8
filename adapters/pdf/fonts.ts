// The office's typefaces: Noto Sans Devanagari for Hindi, Noto Sans for everything else.
//
// The @fontsource packages ship each face cut into unicode-range subsets (for browsers), so no
// single file covers a mixed Hindi/English line: the Devanagari subset has the letters, marks,
// danda, Devanagari digits, ₹ and the space, but no Latin letters, digits or ASCII punctuation;
// the Noto Sans "latin" subset has ASCII, Latin-1 and general punctuation (– — ‘ ’ “ ” • …);
// "latin-ext" adds ā ī ū ṇ … and ₹. None has an arrow (→). text-runs.ts picks a face per character.
//
// pdfkit reads fonts through fontkit, which opens WOFF (and WOFF2) directly, so the .woff files
// work as they are. But fontkit inflates WOFF tables with a pure-JavaScript inflater, again on every
// table read, and subsetting reads 'glyf' once per glyph: about 1.3 s of CPU for one note sheet.
// So each file is unwrapped once per process (sfntFromWoff: the same tables, byte for byte, inflated
// by node:zlib, in the plain TrueType container WOFF wraps) and opened once with fontkit; pdfkit
// gets the opened font. Nothing about the font changes; WOFF 1.0 rather than WOFF2 because WOFF 1.0
// is only zlib around the tables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

export type Face = 'deva' | 'latin' | 'latinExt';
export type Weight = 'regular' | 'bold';

export const FACES: readonly Face[] = ['deva', 'latin', 'latinExt'];

const FILES: Record<Face, Record<Weight, string>> = {
  deva: {
    regular: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff',
    bold: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff',
  },
  latin: {
    regular: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
    bold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
  },
  latinExt: {
    regular: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff',
    bold: '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff',
  },
};

/** The part of fontkit we use; fontkit ships no type declarations. */
interface FontkitFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont;
}

/**
 * The fontkit that pdfkit itself depends on, resolved from pdfkit's own location so that we read
 * glyph coverage with exactly the parser that will embed the font, wherever npm placed it.
 */
function pdfkitsFontkit(): Fontkit {
  return createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
}

export interface OfficeFonts {
  /** Whether both weights of the face have a glyph for the code point. */
  has(face: Face, codePoint: number): boolean;
  /** The name the face is registered under in a pdfkit document (see registerOfficeFonts). */
  name(face: Face, weight: Weight): string;
  /** Registers all six files with a document, so `doc.font(fonts.name(…))` works. */
  register(doc: InstanceType<typeof PDFDocument>): void;
}

/**
 * Makes fontkit's glyph object for every character the font maps, lowest code point first, before
 * anything is drawn. fontkit keeps one glyph object per glyph id with the characters it was first
 * made for, and pdfkit writes a PDF's ToUnicode map (what copying, search, pdftotext and screen
 * readers read) from those characters. A glyph first made as a component of another — Noto Sans
 * draws "·" from the full stop — had none, and since the fonts are opened once per process, every
 * later document's full stops came out of the PDF as nothing ("File No :", "is enclosed") once a
 * receipt's "·" had been drawn. Named here, each keeps the character that is really its own.
 */
function nameEveryGlyph(font: FontkitFont): void {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
}

/** The sfnt (TrueType/OpenType) font inside a WOFF 1.0 file: header, table records, tables. */
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('sfntFromWoff: not a WOFF 1.0 file');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`sfntFromWoff: table ${woff.toString('latin1', at, at + 4)} has the wrong length`);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data };
  });
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  woff.copy(header, 0, 4, 8); // the flavor is the sfnt version
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(16 * numTables - 16 * 2 ** log2, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    table.tag.copy(header, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let loaded: OfficeFonts | undefined;

/**
 * pdfkit (0.16 and later) also takes an already opened fontkit font, which it recognises by its
 * `layout` method; @types/pdfkit does not list that form, hence the cast. Handing every document
 * the same parsed font saves re-reading the OpenType tables (cmap, GSUB, GPOS) for each one; each
 * document still makes its own subset.
 */
function registerOpened(doc: InstanceType<typeof PDFDocument>, name: string, font: FontkitFont): void {
  (doc.registerFont as (name: string, src: unknown) => unknown).call(doc, name, font);
}

/** Opens the font files once per process; every document after that reuses the parsed fonts. */
export function officeFonts(): OfficeFonts {
  if (loaded !== undefined) return loaded;
  const fontkit = pdfkitsFontkit();
  const opened = new Map<string, FontkitFont>();
  const coverage = new Map<Face, Set<number>>();
  for (const face of FACES) {
    let covered: Set<number> | undefined;
    for (const weight of ['regular', 'bold'] as const) {
      const font = fontkit.create(sfntFromWoff(readFileSync(require.resolve(FILES[face][weight]))));
      nameEveryGlyph(font);
      opened.set(`${face}-${weight}`, font);
      const set = new Set(font.characterSet);
      covered = covered === undefined ? set : new Set([...covered].filter((cp) => set.has(cp)));
    }
    coverage.set(face, covered ?? new Set());
  }
  const fonts: OfficeFonts = {
    has: (face, codePoint) => coverage.get(face)?.has(codePoint) ?? false,
    name: (face, weight) => `${face}-${weight}`,
    register(doc) {
      for (const [name, font] of opened) registerOpened(doc, name, font);
    },
  };
  loaded = fonts;
  return fonts;
}

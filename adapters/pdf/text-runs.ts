// Mixed Hindi/English text for pdfkit: which font draws which characters, where lines break, and
// how Devanagari is made to come back out of the PDF as the Unicode that went in.
//
// Why not pdfkit's own wrapping with `continued: true`: (1) every Devanagari run is wrapped in an
// ActualText span (below), which must hold exactly the characters of the glyphs inside it, but
// pdfkit's wrapper splits a continued segment into fragments we never see; (2) pdfkit places each
// fragment by its own font's ascender, and Noto Sans (1069) and Noto Sans Devanagari (896) differ,
// so runs on one line would not share a baseline. So lines are measured and broken here, and each
// run is drawn at an explicit position on a common baseline with `lineBreak: false`; pdfkit (through
// fontkit) still shapes every run: conjuncts, matras, reph.
import type PDFDocument from 'pdfkit';
import { type Face, type OfficeFonts, type Weight } from './fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

export interface Run {
  face: Face;
  text: string;
}

export interface TextStyle {
  size: number;
  weight?: Weight;
}

export interface Line {
  runs: Run[];
  width: number;
}

/** What to draw for a character none of the office's fonts has, rather than an empty box. */
const SUBSTITUTES: Record<string, string> = { '→': '->', '←': '<-', '⇒': '=>', '✓': 'v', '✔': 'v', '✗': 'x' };

function isDevanagari(cp: number): boolean {
  return (cp >= 0x0900 && cp <= 0x097f) || (cp >= 0x1cd0 && cp <= 0x1cff) || (cp >= 0xa8e0 && cp <= 0xa8ff);
}

/**
 * Characters of no particular script. They stay in the run they sit in when its font has them, so
 * "उप विकास आयुक्त" is one Devanagari run (its font has the space) and is shaped as a whole.
 */
function isCommon(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || cp === 0x200c || cp === 0x200d || cp === 0x20b9 || (cp >= 0x0300 && cp <= 0x036f);
}

/** Latin first: a character outside the Devanagari block is drawn in Noto Sans when it can be. */
const FALLBACK: readonly Face[] = ['latin', 'latinExt', 'deva'];

function firstFaceWith(fonts: OfficeFonts, cp: number): Face | undefined {
  return FALLBACK.find((face) => fonts.has(face, cp));
}

interface Placed {
  ch: string;
  face: Face;
}

/** Every character of `text` (NFC) with the face that will draw it. */
export function placeCharacters(text: string, fonts: OfficeFonts): Placed[] {
  const chars: Array<{ ch: string; face: Face | undefined }> = [];
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || isCommon(cp)) chars.push({ ch, face: undefined });
    else if (isDevanagari(cp)) chars.push({ ch, face: 'deva' });
    else {
      const face = firstFaceWith(fonts, cp);
      if (face !== undefined) chars.push({ ch, face });
      else {
        const substitute = SUBSTITUTES[ch] ?? (fonts.has('latin', 0xfffd) ? '\ufffd' : '?');
        for (const s of substitute) chars.push({ ch: s, face: firstFaceWith(fonts, s.codePointAt(0) ?? 0) ?? 'latin' });
      }
    }
  }
  // Common characters take the face before them, else the one after, else any face that has them.
  const placed: Placed[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.face !== undefined) {
      placed.push({ ch: c.ch, face: c.face });
      continue;
    }
    if (c.ch === '\n') {
      placed.push({ ch: c.ch, face: placed.at(-1)?.face ?? 'latin' });
      continue;
    }
    const cp = c.ch.codePointAt(0) ?? 0;
    const before = placed.at(-1)?.face;
    let after: Face | undefined;
    for (let j = i + 1; j < chars.length && after === undefined; j++) after = chars[j]?.face;
    const face = [before, after].find((f): f is Face => f !== undefined && fonts.has(f, cp)) ?? firstFaceWith(fonts, cp);
    if (face !== undefined) placed.push({ ch: c.ch, face }); // else a joiner no font has: dropped
  }
  return placed;
}

function toRuns(placed: readonly Placed[]): Run[] {
  const runs: Run[] = [];
  for (const { ch, face } of placed) {
    const last = runs.at(-1);
    if (last !== undefined && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

/** `text` cut into runs, each drawable by one face. */
export function splitRuns(text: string, fonts: OfficeFonts): Run[] {
  return toRuns(placeCharacters(text, fonts));
}

export function lineHeight(style: TextStyle): number {
  return style.size * 1.55;
}

/** Distance from the top of a line to its baseline: room for Noto Sans' ascender (1.069 em). */
function baselineOffset(style: TextStyle): number {
  return style.size * 1.12;
}

/**
 * Advance widths at 1 pt, per font and text. Shaping a run (fontkit) is most of the cost of laying
 * out a sheet, the same words recur from sheet to sheet, and widths scale with the size exactly.
 * Bounded: emptied when full rather than tracking use, which is plenty for office vocabulary.
 */
const unitWidths = new Map<string, number>();
const UNIT_WIDTHS_MAX = 20_000;

function measureRun(doc: Doc, fonts: OfficeFonts, run: Run, style: TextStyle): number {
  const name = fonts.name(run.face, style.weight ?? 'regular');
  const key = `${name}\u0000${run.text}`;
  let unit = unitWidths.get(key);
  if (unit === undefined) {
    unit = doc.font(name).fontSize(1).widthOfString(run.text);
    if (unitWidths.size >= UNIT_WIDTHS_MAX) unitWidths.clear();
    unitWidths.set(key, unit);
  }
  return unit * style.size;
}

function measure(doc: Doc, fonts: OfficeFonts, placed: readonly Placed[], style: TextStyle): number {
  return toRuns(placed).reduce((sum, run) => sum + measureRun(doc, fonts, run, style), 0);
}

const graphemes = new Intl.Segmenter('hi', { granularity: 'grapheme' });

/** A word wider than the line, cut between grapheme clusters (never inside a conjunct). */
function cutWord(doc: Doc, fonts: OfficeFonts, word: Placed[], style: TextStyle, width: number): Placed[][] {
  const clusters: Placed[][] = [];
  let index = 0;
  for (const { segment } of graphemes.segment(word.map((p) => p.ch).join(''))) {
    const n = Array.from(segment).length;
    clusters.push(word.slice(index, index + n));
    index += n;
  }
  const pieces: Placed[][] = [];
  let current: Placed[] = [];
  for (const cluster of clusters) {
    if (current.length > 0 && measure(doc, fonts, [...current, ...cluster], style) > width) {
      pieces.push(current);
      current = [];
    }
    current = [...current, ...cluster];
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Breaks `text` into lines no wider than `width`, at spaces; `\n` starts a new line. */
export function layoutText(doc: Doc, fonts: OfficeFonts, text: string, style: TextStyle, width: number): Line[] {
  const placed = placeCharacters(text, fonts);
  const lines: Placed[][] = [];
  const paragraphs: Placed[][] = [[]];
  for (const p of placed) {
    if (p.ch === '\n') paragraphs.push([]);
    else paragraphs.at(-1)!.push(p);
  }
  for (const paragraph of paragraphs) {
    // Each word with the space before it, kept in the face placeCharacters gave it.
    const words: Array<{ gap: Placed | undefined; word: Placed[] }> = [];
    let gap: Placed | undefined;
    let word: Placed[] = [];
    for (const p of paragraph) {
      if (p.ch === ' ') {
        if (word.length > 0) words.push({ gap, word });
        if (word.length > 0 || gap === undefined) gap = p;
        word = [];
      } else word.push(p);
    }
    if (word.length > 0) words.push({ gap, word });
    let line: Placed[] = [];
    let lineWidth = 0;
    for (const { gap: before, word: w } of words) {
      const space: Placed = before ?? { ch: ' ', face: 'latin' };
      const candidate = line.length === 0 ? w : [...line, space, ...w];
      const candidateWidth = line.length === 0 ? measure(doc, fonts, w, style) : lineWidth + measure(doc, fonts, [space, ...w], style);
      if (candidateWidth <= width) {
        line = candidate;
        lineWidth = candidateWidth;
        continue;
      }
      if (line.length > 0) lines.push(line);
      const pieces = measure(doc, fonts, w, style) > width ? cutWord(doc, fonts, w, style, width) : [w];
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? [];
      lineWidth = measure(doc, fonts, line, style);
    }
    lines.push(line); // an empty paragraph keeps its blank line
  }
  return lines.map((l) => {
    const runs = toRuns(l);
    return { runs, width: runs.reduce((sum, run) => sum + measureRun(doc, fonts, run, style), 0) };
  });
}

/** UTF-16BE with a byte-order mark, as a PDF hex string: how PDF text strings carry non-Latin text. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Draws with an ActualText span around the text object. Shaped Devanagari is stored in visual
 * order (the ि matra before its consonant, the reph after the cluster), so without this a text
 * extractor reads "संिचका" for "संचिका". pdfkit's own markContent() opens the span outside the
 * q…Q in which text() flips the coordinate system, and poppler then puts the text at the wrong
 * height (lines come out in reverse order); so the span is opened just before BT and closed just
 * after ET, inside that q…Q, by intercepting addContent for this one call.
 */
function withActualText(doc: Doc, actual: string, draw: () => void): void {
  const original = doc.addContent;
  doc.addContent = function (this: Doc, data: unknown) {
    if (data === 'BT') original.call(this, `/Span <</ActualText ${pdfTextString(actual)}>> BDC`);
    original.call(this, data);
    if (data === 'ET') original.call(this, 'EMC');
    return this;
  };
  try {
    draw();
  } finally {
    doc.addContent = original;
  }
}

export type Align = 'left' | 'right' | 'center';

/** Draws one laid-out line with its top at `top`, aligned within [x, x + width]. */
export function drawLine(
  doc: Doc, fonts: OfficeFonts, line: Line, x: number, top: number, style: TextStyle,
  align: Align = 'left', width = line.width,
): void {
  let cursor = align === 'right' ? x + width - line.width : align === 'center' ? x + (width - line.width) / 2 : x;
  const baseline = top + baselineOffset(style);
  for (const run of line.runs) {
    const advance = measureRun(doc, fonts, run, style);
    doc.font(fonts.name(run.face, style.weight ?? 'regular')).fontSize(style.size);
    const options = { lineBreak: false, baseline: 'alphabetic' } as const;
    if (run.face === 'deva') withActualText(doc, run.text, () => doc.text(run.text, cursor, baseline, options));
    else doc.text(run.text, cursor, baseline, options);
    cursor += advance;
  }
}

/** Lays out and draws a block with no page breaks (headers, table cells); returns its height. */
export function drawText(
  doc: Doc, fonts: OfficeFonts, text: string,
  box: { x: number; y: number; width: number; style: TextStyle; align?: Align },
): number {
  const lines = layoutText(doc, fonts, text, box.style, box.width);
  lines.forEach((line, i) => drawLine(doc, fonts, line, box.x, box.y + i * lineHeight(box.style), box.style, box.align, box.width));
  return lines.length * lineHeight(box.style);
}

/** The height drawText would use. */
export function heightOfText(doc: Doc, fonts: OfficeFonts, text: string, style: TextStyle, width: number): number {
  return layoutText(doc, fonts, text, style, width).length * lineHeight(style);
}

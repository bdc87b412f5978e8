// What every office PDF shares: the A4 document with its metadata, the byte stream at the end,
// "Page x of n" footers, and a top-to-bottom flow that starts a new page when the next piece would
// not fit, with ruled tables whose header row repeats on each page.
//
// Output is deterministic for a given clock reading: pdfkit stamps a CreationDate (in the Info
// dictionary and, always, in the XMP metadata, so it cannot be left out) and derives the file /ID
// from it and the title. The date comes from the injected Clock, never from the system time here.
import PDFDocument from 'pdfkit';
import type { OfficeFonts } from './fonts.ts';
import { drawLine, drawText, layoutText, lineHeight, type Align, type Line, type TextStyle } from './text-runs.ts';

export type Doc = InstanceType<typeof PDFDocument>;

export const MARGIN = 50;
export const FOOTER = 28;
export const BODY: TextStyle = { size: 10.5 };
export const SMALL: TextStyle = { size: 8.5 };
export const BOLD: TextStyle = { size: 10.5, weight: 'bold' };
export const BOLD_SMALL: TextStyle = { size: 8.5, weight: 'bold' };
export const GREY = '#555555';

export function newDocument(fonts: OfficeFonts, title: string, created: Date): Doc {
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

export async function finish(doc: Doc): Promise<Uint8Array> {
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
export function footers(doc: Doc, fonts: OfficeFonts, left: string): void {
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

export interface Column {
  title: string;
  /** Of the text width. */
  share: number;
  align?: Align;
}

export interface TableOptions {
  /** A last row in bold, e.g. the totals. */
  footer?: string[];
  /** Light shading on every other row, for long tables of figures. */
  zebra?: boolean;
  /** Drawn (bold, small) on every page the table continues on, above the repeated header row. */
  caption?: string;
}

/**
 * Lays a document out top to bottom on A4 pages; `continued` heads every page after the first.
 * Orientation and the running head are the only things a document chooses.
 */
export class PageFlow {
  y = MARGIN;
  readonly width: number;

  constructor(readonly doc: Doc, readonly fonts: OfficeFonts, private readonly continued: string, private readonly layout: 'portrait' | 'landscape' = 'portrait') {
    this.newPage(false);
    this.width = doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  get left(): number {
    return MARGIN;
  }

  newPage(continued = true): void {
    this.doc.addPage({ size: 'A4', layout: this.layout, margin: MARGIN });
    this.y = MARGIN;
    if (continued) {
      const width = this.doc.page.width - 2 * MARGIN;
      this.doc.fillColor(GREY);
      drawText(this.doc, this.fonts, this.continued, { x: MARGIN, y: MARGIN - 30, width, style: SMALL, align: 'right' });
      this.doc.fillColor('black');
    }
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  rule(weight = 0.6): void {
    this.doc.moveTo(MARGIN, this.y).lineTo(MARGIN + this.width, this.y).lineWidth(weight).strokeColor('#333333').stroke();
  }

  /** Text that may run over pages, one line at a time. */
  flow(text: string, style: TextStyle, indent = 0, align: Align = 'left'): void {
    for (const line of layoutText(this.doc, this.fonts, text, style, this.width - indent)) {
      this.ensure(lineHeight(style));
      drawLine(this.doc, this.fonts, line, MARGIN + indent, this.y, style, align, this.width - indent);
      this.y += lineHeight(style);
    }
  }

  /** A block that is not split: moved whole to the next page when it does not fit here. */
  block(text: string, style: TextStyle, indent = 0, align: Align = 'left'): void {
    const lines = layoutText(this.doc, this.fonts, text, style, this.width - indent);
    this.ensure(lines.length * lineHeight(style));
    for (const line of lines) {
      drawLine(this.doc, this.fonts, line, MARGIN + indent, this.y, style, align, this.width - indent);
      this.y += lineHeight(style);
    }
  }

  /** One line with `left` at the left margin and `right` at the right, e.g. a number and a date. */
  split(left: string, right: string, style: TextStyle, share = 0.62): void {
    const l = layoutText(this.doc, this.fonts, left, style, this.width * share);
    const r = layoutText(this.doc, this.fonts, right, style, this.width * (1 - share));
    const height = Math.max(l.length, r.length) * lineHeight(style);
    this.ensure(height);
    l.forEach((line, i) => drawLine(this.doc, this.fonts, line, MARGIN, this.y + i * lineHeight(style), style));
    r.forEach((line, i) => drawLine(this.doc, this.fonts, line, MARGIN + this.width * share, this.y + i * lineHeight(style), style, 'right', this.width * (1 - share)));
    this.y += height;
  }

  /** A section heading kept with at least `keep` points of what follows it. */
  heading(text: string, keep = 80): void {
    this.ensure(lineHeight(BOLD) * 2 + keep);
    this.y += 8;
    this.flow(text, { size: 12, weight: 'bold' });
    this.rule();
    this.y += 6;
  }

  /** Label and value pairs, the labels in bold in a column of their own. */
  fields(fields: ReadonlyArray<readonly [string, string]>, labelWidth = 160, style: TextStyle = BODY): void {
    for (const [name, value] of fields) {
      const bold = { ...style, weight: 'bold' } as const;
      const valueLines = layoutText(this.doc, this.fonts, value, style, this.width - labelWidth);
      const nameLines = layoutText(this.doc, this.fonts, name, bold, labelWidth - 8);
      const height = Math.max(valueLines.length, nameLines.length) * lineHeight(style);
      this.ensure(height);
      valueLines.forEach((line, i) => drawLine(this.doc, this.fonts, line, MARGIN + labelWidth, this.y + i * lineHeight(style), style));
      nameLines.forEach((line, i) => drawLine(this.doc, this.fonts, line, MARGIN, this.y + i * lineHeight(style), bold));
      this.y += height;
    }
  }

  /**
   * A ruled table whose rows never split across pages; the header row (and caption) repeat on a
   * new page. Each cell is laid out once and drawn from that layout: long tables (thousands of
   * rows) spend their time shaping text, so nothing is measured twice.
   */
  table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): void {
    const pad = 3.5;
    const widths = columns.map((c) => c.share * this.width);
    const header = columns.map((c) => c.title);
    const row = (cells: readonly string[], style: TextStyle, kind: 'header' | 'body' | 'footer', index = 0): void => {
      const laid: Line[][] = cells.map((cell, i) => layoutText(this.doc, this.fonts, cell, style, (widths[i] ?? 0) - 2 * pad));
      const height = Math.max(1, ...laid.map((lines) => lines.length)) * lineHeight(style) + 2 * pad;
      // A header row is kept with room for the first row under it.
      if (this.y + height * (kind === 'header' ? 2 : 1) > this.bottom) {
        this.newPage();
        if (kind !== 'header') {
          if (options.caption !== undefined) this.flow(options.caption, BOLD_SMALL);
          row(header, BOLD_SMALL, 'header');
        }
      }
      if (kind === 'header' || kind === 'footer' || (options.zebra === true && index % 2 === 1)) {
        this.doc.rect(MARGIN, this.y, this.width, height).fillColor(kind === 'body' ? '#f3f3f3' : '#e4e4e4').fill();
        this.doc.fillColor('black');
      }
      let x = MARGIN;
      laid.forEach((lines, i) => {
        const w = widths[i] ?? 0;
        const align = columns[i]?.align ?? 'left';
        lines.forEach((line, n) => drawLine(this.doc, this.fonts, line, x + pad, this.y + pad + n * lineHeight(style), style, align, w - 2 * pad));
        this.doc.rect(x, this.y, w, height).lineWidth(0.5).strokeColor('#333333').stroke();
        x += w;
      });
      this.y += height;
    };
    row(header, BOLD_SMALL, 'header');
    rows.forEach((cells, i) => row(cells, SMALL, 'body', i));
    if (options.footer !== undefined) row(options.footer, BOLD_SMALL, 'footer');
    if (rows.length === 0) this.flow('None / कोई नहीं', SMALL);
  }
}

/** Indian digit grouping (4,50,000), as the office writes amounts and counts. */
export function indianNumber(n: number, decimals = 0): string {
  return n.toLocaleString('en-IN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Days as the office writes them: whole days plain, a half day as .5. */
export function days(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "day" for one day or part of one, else "days" (0 days, 1.5 days). */
export function dayWord(n: number): string {
  return n === 1 || (n > 0 && n < 1) ? 'day' : 'days';
}

/** The foot every office order ends with: memo number and date, the copy list, and page footers. */
export async function closeOrder(doc: Doc, fonts: OfficeFonts, page: PageFlow, order: { number: string; date: string; copyTo: string[] }): Promise<Uint8Array> {
  page.y += 14;
  page.rule(0.4);
  page.y += 8;
  page.split(`ज्ञापांक / Memo No.: ${order.number}`, `दिनांक / Date: ${order.date}`, BODY);
  page.y += 4;
  page.block('प्रतिलिपि / Copy to:', BOLD);
  order.copyTo.forEach((to, i) => page.flow(`${i + 1}. ${to}`, BODY, 14));
  if (order.copyTo.length === 0) page.flow('—', BODY, 14);
  footers(doc, fonts, `${order.number}   ·   ${order.date}`);
  return finish(doc);
}

// The office's PDFs: receipts made from scanned pages, the note sheet of a file, leave orders, TA
// bills (signed or not), tour approval orders, outgoing letters and the pendency report, and the checks run on uploads before anything is stored.
// Deterministic for a given clock reading (see layout.ts).
import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import type { Clock, DocumentRenderer } from '../../core/ports.ts';
import type { ImagesCheck, NoteSheet, PdfCheck } from '../../core/efile/documents.ts';
import type { LeaveOrder, PendencyReport, TaBill } from '../../core/leave/documents.ts';
import type { VisibleSignature } from '../../core/efile/documents.ts';
import type { LetterDocument, TourOrder } from '../../core/signing/documents.ts';
import { drawSignatureBox, renderTourOrder, signatureBoxHeight } from './tour-order.ts';
import { renderLetter } from './letter.ts';
import { officeFonts, type OfficeFonts } from './fonts.ts';
import { checkPages, receiptPdf } from './receipt-pdf.ts';
import { activeContent } from './active-content.ts';
import { BODY, BOLD, BOLD_SMALL, finish, FOOTER, footers, GREY, MARGIN, newDocument, SMALL, type Doc } from './layout.ts';
import { renderLeaveOrder } from './leave-order.ts';
import { renderPendencyReport } from './pendency-report.ts';
import { renderTaBill } from './ta-bill.ts';
import { drawLine, drawText, heightOfText, layoutText, lineHeight, type Line, type TextStyle } from './text-runs.ts';

type Image = { bytes: Uint8Array; mime: string };

export class PdfRenderer implements DocumentRenderer {
  private readonly fonts = officeFonts();
  private scratch: InstanceType<typeof PDFDocument> | null = null;

  /** The clock only dates the PDF's metadata; what the office sees printed comes from the core. */
  constructor(private readonly clock: Clock) {}

  /** The declared mime type is not consulted: the bytes say what an image is (see receipt-pdf.ts). */
  async checkImages(images: ReadonlyArray<Image>): Promise<ImagesCheck> {
    // One scratch document for every check: making a PDFDocument loads its standard font each time
    // (a few ms a receipt), and opening an image from bytes registers nothing in it.
    return checkPages((this.scratch ??= new PDFDocument({ autoFirstPage: false })), images);
  }

  /** Checks and embeds each page once (receipt-pdf.ts); a page that fails the check is refused as before. */
  async receiptFromImages(images: ReadonlyArray<Image>, header: string): Promise<Uint8Array> {
    if (images.length === 0) throw new Error('receiptFromImages: no images; a receipt needs at least one page');
    const made = await receiptPdf(this.fonts, this.clock.now(), images, header);
    if (!made.ok) throw new Error(`receiptFromImages: image ${made.index} is ${made.reason}; call checkImages first`);
    return made.pdf;
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
      if (pages === 0) return { ok: false, reason: 'empty' };
      // Refused rather than cleaned: see active-content.ts.
      const found = activeContent(pdf);
      return found === null ? { ok: true, pages } : { ok: false, reason: 'active_content', found };
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
    // The visible signature goes under the notes it signs, not after the tables.
    layout.notes(sheet.notes, sheet.signature);
    layout.annexures(sheet.annexures);
    layout.movements(sheet.movements);
    footers(doc, this.fonts, `${sheet.fileNumber}   ·   ${sheet.generatedAt}`);
    return finish(doc);
  }

  async leaveOrder(order: LeaveOrder): Promise<Uint8Array> {
    return renderLeaveOrder(this.fonts, this.clock.now(), order);
  }

  async taBill(bill: TaBill): Promise<Uint8Array> {
    return renderTaBill(this.fonts, this.clock.now(), bill);
  }

  /**
   * The TA bill with the visible signature box on its last page, at the bottom left: ta-bill.ts
   * puts the approving officer's block at the right (230 pt wide) and nothing under the
   * certificate at the left, so the box beside it never covers a figure of the bill.
   */
  async signedTaBill(bill: TaBill, signature: VisibleSignature): Promise<Uint8Array> {
    const bytes = await renderTaBill(this.fonts, this.clock.now(), bill);
    const width = 250;
    const stampDoc = newDocument(this.fonts, `${bill.number} — signature`, this.clock.now());
    const height = signatureBoxHeight(stampDoc, this.fonts, signature, width) + 2;
    stampDoc.addPage({ size: [width + 2, height + 2], margin: 0 });
    drawSignatureBox(stampDoc, this.fonts, signature, 1, 1, width);
    const stampBytes = await finish(stampDoc);
    const pdf = await PdfLibDocument.load(bytes, { updateMetadata: false });
    const [stamp] = await pdf.embedPdf(stampBytes);
    const last = pdf.getPage(pdf.getPageCount() - 1);
    if (stamp === undefined) throw new Error('signedTaBill: the signature box did not render');
    last.drawPage(stamp, { x: MARGIN, y: MARGIN + FOOTER + 4 });
    // The signer needs a classic cross-reference table (see adapters/signing/pdf-signer.ts).
    return pdf.save({ useObjectStreams: false });
  }

  async tourOrder(order: TourOrder): Promise<Uint8Array> {
    return renderTourOrder(this.fonts, this.clock.now(), order);
  }

  async outgoingLetter(letter: LetterDocument): Promise<Uint8Array> {
    return renderLetter(this.fonts, this.clock.now(), letter);
  }

  async pendencyReport(report: PendencyReport): Promise<Uint8Array> {
    return renderPendencyReport(this.fonts, this.clock.now(), report);
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

  /**
   * The notes in order, and under the last one the visible digital signature when the sheet is
   * signed. A note's end never starts a page by itself: its last lines, its decision, the author's
   * block (name, post, time) and the signature box under it go to the next page together.
   */
  notes(notes: NoteSheet['notes'], signature?: VisibleSignature): void {
    for (const [index, note] of notes.entries()) {
      this.ensure(lineHeight(BOLD) * 3);
      this.y += 6;
      // Where a reference to this note ("see note 2") links to.
      this.doc.addNamedDestination(`note-${note.number}`, 'XYZ', MARGIN, this.y, null);
      this.flow(`Note ${note.number} / टिप्पणी ${note.number}`, BOLD);
      const text = note.text === '' ? [] : layoutText(this.doc, this.fonts, note.text, BODY, this.width - 12);
      const decision = note.decision === undefined || note.decision === '' ? [] : layoutText(this.doc, this.fonts, note.decision, BOLD, this.width - 12);
      const references = (note.references ?? []).map((r) => ({ target: r.target, lines: layoutText(this.doc, this.fonts, `See / देखें: ${r.label}`, SMALL, this.width - 12) }));
      const referenceLines = references.reduce((n, r) => n + r.lines.length, 0);
      const author = [note.author, note.post, note.at];
      const signed = signature !== undefined && index === notes.length - 1 ? signature : undefined;
      // With a decision, the decision is what the author's block stands under; without, the note's last two lines.
      const kept = Math.min(text.length, decision.length > 0 ? 1 : 2);
      for (const line of text.slice(0, text.length - kept)) this.line(line, BODY, 12);
      this.ensure(kept * lineHeight(BODY) + decision.length * lineHeight(BOLD) + referenceLines * lineHeight(SMALL) + 8 + author.length * lineHeight(SMALL)
        + (signed === undefined ? 0 : this.signatureHeight(signed)));
      for (const line of text.slice(text.length - kept)) this.line(line, BODY, 12);
      for (const line of decision) this.line(line, BOLD, 12);
      // Each reference under the note, a link to the letter's row in the annexures or to the note.
      for (const reference of references) {
        for (const line of reference.lines) {
          this.ensure(lineHeight(SMALL));
          this.doc.fillColor('#1a4f8b');
          this.doc.goTo(MARGIN + 12, this.y, line.width, lineHeight(SMALL), reference.target);
          this.line(line, SMALL, 12);
          this.doc.fillColor('black');
        }
      }
      this.y += 4;
      for (const line of author) this.flow(line, { ...SMALL, weight: line === note.author ? 'bold' : 'regular' }, 0, 'right');
      this.y += 4;
      this.doc.moveTo(MARGIN + this.width * 0.6, this.y).lineTo(MARGIN + this.width, this.y).lineWidth(0.3).strokeColor('#999999').stroke();
      if (signed !== undefined) this.signature(signed);
    }
    if (notes.length === 0) this.flow('No notes yet / अभी कोई टिप्पणी नहीं', BODY);
    // A sheet is only signed under a note; should one come without, the box still shows.
    if (notes.length === 0 && signature !== undefined) this.signature(signature);
  }

  /** One laid-out line, on a new page when it does not fit. */
  private line(line: Line, style: TextStyle, indent: number): void {
    this.ensure(lineHeight(style));
    drawLine(this.doc, this.fonts, line, MARGIN + indent, this.y, style, 'left', this.width - indent);
    this.y += lineHeight(style);
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
      annexures.map((a) => [a.place === undefined ? a.diaryNumber : `C/${a.place}  ${a.diaryNumber}`, a.subject, a.from, a.receivedOn, String(a.pages)]),
      // Where a reference to the letter ("see C/3") links to: its row.
      annexures.map((a, i) => `letter-${a.place ?? i + 1}`),
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

  private signatureLines(sig: VisibleSignature): string[] {
    return [
      'Digitally signed / डिजिटल हस्ताक्षरित',
      `${sig.name} — ${sig.post} (${sig.code})`,
      sig.at,
      sig.what,
      sig.via,
      `SHA-256: ${sig.documentHash}`,
    ];
  }

  /** The signature box's height with the space above it, as signature() draws it. */
  private signatureHeight(sig: VisibleSignature): number {
    const lines = this.signatureLines(sig).map((line, i) => layoutText(this.doc, this.fonts, line, { ...SMALL, weight: i < 2 ? 'bold' : 'regular' }, this.width - 8).length);
    return 14 + 6 + lines.reduce((a, b) => a + b, 0) * lineHeight(SMALL) + 6;
  }

  /** The visible half of a digital signature; the cryptographic half is embedded by the signer. */
  signature(sig: VisibleSignature): void {
    const lines = this.signatureLines(sig);
    this.ensure(this.signatureHeight(sig));
    this.y += 14;
    const top = this.y;
    this.y += 6;
    for (const [i, line] of lines.entries()) this.flow(line, { ...SMALL, weight: i < 2 ? 'bold' : 'regular' }, 8);
    this.y += 6;
    this.doc.rect(MARGIN, top, this.width, this.y - top).lineWidth(0.8).strokeColor('#1a5e20').stroke();
  }

  /** A ruled table whose rows never split across pages; the header row repeats on a new page. */
  private table(columns: Column[], rows: string[][], destinations: string[] = []): void {
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
    for (const [i, cells] of rows.entries()) {
      const destination = destinations[i];
      if (destination !== undefined) {
        // Named where the row will be drawn: row() moves to a new page first when it does not fit.
        const height = Math.max(...cells.map((cell, c) => heightOfText(this.doc, this.fonts, cell, SMALL, (widths[c] ?? 0) - 2 * pad))) + 2 * pad;
        if (this.y + height > this.bottom) {
          this.newPage();
          row(columns.map((c) => c.title), BOLD_SMALL);
        }
        this.doc.addNamedDestination(destination, 'XYZ', MARGIN, this.y, null);
      }
      row(cells, SMALL);
    }
    if (rows.length === 0) this.flow('None / कोई नहीं', SMALL);
  }
}

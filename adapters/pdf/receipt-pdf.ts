// A receipt's PDF from its scanned pages, in one pass: each page is checked and opened once, on the
// document it goes into, and embedded without being decoded — a JPEG as it came (DCTDecode), a PNG
// as png-embed.ts says. Before, checkImages opened every page on a scratch document, then
// receiptFromImages checked them again, opened them again and pdfkit opened them a third time in
// doc.image(): for a JPEG a few marker walks, for a PNG three byte-by-byte copies of its image data.
//
// The header (pixel size) of every page was read on the message thread before it came here
// (bots/commands/upload-check.ts), so no page over the pixel limit reaches any decoder.
import type { ImagesCheck } from '../../core/efile/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import { imageProblem, openImage, readPng, type ImageProblem } from './image-check.ts';
import { finish, footers, MARGIN, newDocument, SMALL, type Doc } from './layout.ts';
import { embeddable, keepRowsFor, PngPage } from './png-embed.ts';
import { drawText } from './text-runs.ts';

export type PageImage = { bytes: Uint8Array; mime: string };

/** What doc.image() places: pdfkit's own JPEG/PNG image, or a PngPage. */
interface Placeable {
  width: number;
  height: number;
  /** EXIF orientation of a JPEG (pdfkit turns the image by it; 5–8 swap width and height). */
  orientation?: number;
}

export type OpenedPage = { ok: true; image: Placeable } | { ok: false; reason: ImageProblem };

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/**
 * Checks one page by its bytes (the declared mime type is not trusted) and opens it on `doc`.
 * `embedding`: the page goes into this document, so a PNG that must be decoded keeps its inflated
 * rows for png-embed; for a check alone nothing is kept.
 */
export function openPage(doc: Doc, bytes: Uint8Array, label: string, embedding: boolean): OpenedPage {
  if (bytes.length > 0 && isPng(bytes)) {
    const png = readPng(bytes, { keepRows: embedding ? keepRowsFor : false });
    if (png === null) return { ok: false, reason: 'corrupt_image' };
    if (embeddable(png)) return { ok: true, image: new PngPage(png, label) };
    // Interlaced: pdfkit's reader embeds it, so it also judges it (below).
  } else {
    const problem = imageProblem(bytes);
    if (problem !== undefined) return { ok: false, reason: problem };
  }
  try {
    // pdfkit's parser as a second opinion on a JPEG: what it cannot open it cannot embed either.
    return { ok: true, image: openImage(doc, bytes) };
  } catch {
    return { ok: false, reason: 'corrupt_image' };
  }
}

/** checkImages: every page checked as receiptPdf would check it, nothing embedded. */
export function checkPages(scratch: Doc, images: ReadonlyArray<PageImage>): ImagesCheck {
  for (const [index, image] of images.entries()) {
    const opened = openPage(scratch, image.bytes, `Pg${index + 1}`, false);
    if (!opened.ok) return { ok: false, reason: opened.reason, index };
  }
  return { ok: true };
}

export type ReceiptResult = { ok: true; pdf: Uint8Array } | { ok: false; reason: ImageProblem; index: number };

/** One A4 page per image (landscape for a landscape scan), the header above each, page numbers below. */
export async function receiptPdf(fonts: OfficeFonts, now: Date, images: ReadonlyArray<PageImage>, header: string): Promise<ReceiptResult> {
  const doc = newDocument(fonts, `${header} — प्राप्ति / Receipt`, now);
  const opened: Placeable[] = [];
  for (const [index, image] of images.entries()) {
    const page = openPage(doc, image.bytes, `Pg${index + 1}`, true);
    if (!page.ok) return { ok: false, reason: page.reason, index };
    opened.push(page.image);
  }
  for (const image of opened) {
    const turned = (image.orientation ?? 1) > 4;
    const [w, h] = turned ? [image.height, image.width] : [image.width, image.height];
    doc.addPage({ size: 'A4', layout: w > h ? 'landscape' : 'portrait', margin: MARGIN });
    const width = doc.page.width - 2 * MARGIN;
    drawText(doc, fonts, `${header}   ·   प्राप्ति / Receipt`, { x: MARGIN, y: MARGIN - 30, width, style: SMALL });
    const height = doc.page.height - 2 * MARGIN;
    // pdfkit places an already opened image as it is (doc.image takes an object with a width and height).
    doc.image(image as unknown as Buffer, MARGIN, MARGIN, { fit: [width, height], align: 'center', valign: 'center' });
  }
  footers(doc, fonts, header);
  return { ok: true, pdf: await finish(doc) };
}

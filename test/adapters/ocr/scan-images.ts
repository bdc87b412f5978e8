// Scans made in the test: lines of Hindi and English drawn with the app's own fonts on a small page
// (pdfkit, adapters/pdf/fonts.ts), and that page rasterised to a PNG with poppler, as a scanner would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { officeFonts } from '../../../adapters/pdf/fonts.ts';
import { drawText } from '../../../adapters/pdf/text-runs.ts';

/** A one-page PDF, just big enough for the lines, with real text in it. */
export function letterPdf(lines: readonly string[]): Promise<Uint8Array> {
  const fonts = officeFonts();
  const doc = new PDFDocument({ size: [460, 40 + 34 * lines.length], margin: 0 });
  fonts.register(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  lines.forEach((line, i) => drawText(doc, fonts, line, { x: 20, y: 20 + 34 * i, width: 420, style: { size: 20 } }));
  doc.end();
  return done;
}

/** The PDF's first page as a PNG at `dpi`: an image scan with no text layer. */
export function pngOf(pdf: Uint8Array, dpi = 300): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-scan-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    return new Uint8Array(readFileSync(path.join(dir, 'out.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// PDFs that could act when opened are refused by checkPdf with what they carry; PDFs that only
// mention the words are not. The files are real PDFs (pdf-lib and by hand), judged by qpdf as well.
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { qpdfCheck } from '../../helpers/pdf-tools.ts';
import {
  embeddedFilePdf, escapedNamesJsPdf, keywordsAsTextPdf, launchPdf, openActionJsPdf,
} from '../../helpers/hostile-files.ts';

const renderer = new PdfRenderer(new FakeClock());
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

describe('checkPdf and active content', () => {
  it('refuses JavaScript run on opening, in a plain file and in one whose objects are in compressed object streams', async () => {
    const plain = await openActionJsPdf({ objectStreams: false });
    const packed = await openActionJsPdf({ objectStreams: true });
    // The second hides every keyword from a byte scan: the catalog and the action are deflated.
    expect(has(plain, '/JavaScript')).toBe(true);
    expect(has(packed, '/JavaScript')).toBe(false);
    expect(has(packed, '/ObjStm')).toBe(true);
    for (const pdf of [plain, packed]) {
      expect((await qpdfCheck(pdf)).ok).toBe(true);
      expect(await renderer.checkPdf(pdf)).toEqual({ ok: false, reason: 'active_content', found: 'javascript' });
    }
  });

  it('refuses a launch action on a link and an embedded file', async () => {
    expect(await renderer.checkPdf(await launchPdf())).toEqual({ ok: false, reason: 'active_content', found: 'launch' });
    expect(await renderer.checkPdf(await embeddedFilePdf())).toEqual({ ok: false, reason: 'active_content', found: 'embedded_file' });
  });

  it('reads names as a PDF reader does, lower-case #xx escapes included', async () => {
    const pdf = escapedNamesJsPdf();
    expect(has(pdf, 'JavaScript')).toBe(false);
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    expect(await renderer.checkPdf(pdf)).toEqual({ ok: false, reason: 'active_content', found: 'javascript' });
  });

  it('accepts a PDF that only has the words as text, in a plain or a compressed content stream', async () => {
    const plain = await keywordsAsTextPdf({ compressed: false });
    const packed = await keywordsAsTextPdf({ compressed: true });
    expect(has(plain, '(/JavaScript /JS /Launch /EmbeddedFile /EmbeddedFiles /OpenAction')).toBe(true);
    for (const pdf of [plain, packed]) {
      expect((await qpdfCheck(pdf)).ok).toBe(true);
      expect(await renderer.checkPdf(pdf)).toEqual({ ok: true, pages: 1 });
    }
  });
});

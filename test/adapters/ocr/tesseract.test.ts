// The system's tesseract (hin+eng) reading scans made in the test: a line of Hindi and a line of
// English drawn with the app's fonts, as a PNG image and as a PDF.
import { describe, expect, it } from 'vitest';
import { OcrError, TesseractOcr, tidyOcrText } from '../../../adapters/ocr/tesseract.ts';
import { letterPdf, pngOf } from './scan-images.ts';

const ocr = new TesseractOcr({ command: 'tesseract', languages: 'hin+eng', timeoutMs: 60_000 });

describe('TesseractOcr', () => {
  it('finds tesseract and its Hindi and English languages', async () => {
    expect(await ocr.check()).toMatchObject({ ok: true, languages: ['hin', 'eng'], version: expect.stringMatching(/^tesseract \d/) });
  });

  it('says when the command is not installed or a language is missing', async () => {
    expect(await new TesseractOcr({ command: 'no-such-tesseract', languages: 'hin+eng' }).check())
      .toEqual({ ok: false, reason: 'not_installed', missing: ['hin', 'eng'] });
    expect(await new TesseractOcr({ command: 'tesseract', languages: 'hin+eng+xyz' }).check())
      .toEqual({ ok: false, reason: 'missing_languages', missing: ['xyz'] });
  });

  it('reads Hindi and English from an image scan and from a PDF', async () => {
    const pdf = await letterPdf(['बाढ़ राहत वितरण की समीक्षा', 'Flood relief review, Saharsa']);
    const fromImage = await ocr.read(pngOf(pdf, 300));
    expect(fromImage).toContain('राहत');
    expect(fromImage).toContain('वितरण');
    expect(fromImage).toContain('Flood relief review');
    const fromPdf = await ocr.read(pdf);
    expect(fromPdf).toContain('समीक्षा');
    expect(fromPdf).toContain('Saharsa');
  }, 60_000);

  it('fails with OcrError on bytes that are not a picture', async () => {
    await expect(ocr.read(new TextEncoder().encode('not an image at all'))).rejects.toBeInstanceOf(OcrError);
    await expect(ocr.read(new TextEncoder().encode('%PDF-1.4 cut short'))).rejects.toBeInstanceOf(OcrError);
  });

  it('tidies the text: one space between words, no blank lines', () => {
    expect(tidyOcrText('  Flood   relief \n\n\n राहत\u00a0 वितरण \n\f')).toBe('Flood relief\nराहत वितरण');
  });
});

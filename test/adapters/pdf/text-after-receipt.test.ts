// What a PDF says when copied, searched or read aloud (pdftotext reads the same ToUnicode map) must
// not depend on what the same process drew before. The fonts are opened once per process, and a
// receipt's "·" (which Noto Sans draws from the full stop) once left every later letter and note
// sheet without its full stops: "File No :", "is enclosed".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { LetterDocument } from '../../../core/signing/documents.ts';
import { pdfText } from '../../helpers/pdf-tools.ts';

const scan = readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));

const letter: LetterDocument = {
  office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा', district: { en: 'Saharsa', hi: 'सहरसा' } },
  number: 'SAH/D/2026/000001', date: '07-12-2026', fileNumber: 'GOP-1/2026',
  addressee: 'The Secretary, Revenue Dept, Patna', subject: 'Flood relief distribution in Sonbarsa',
  body: 'The report on flood relief distribution is enclosed. Kindly see p. 3, para 2.',
  from: { name: 'Rakesh Kumar', post: 'DDC', code: 'SAH0002', section: 'GOP' },
};

describe('text in a PDF made after a receipt, by the same process', () => {
  it('keeps every full stop and the receipt keeps its middle dot', async () => {
    const renderer = new PdfRenderer({ now: () => new Date('2026-12-07T10:00:00Z') });
    const receipt = await renderer.receiptFromImages([{ bytes: scan, mime: 'image/jpeg' }], 'SAH/R/2026/000001');
    expect(await pdfText(receipt)).toContain('SAH/R/2026/000001 · प्राप्ति / Receipt');
    const text = (await pdfText(await renderer.outgoingLetter(letter))).replace(/\s+/g, ' ');
    expect(text).toContain('File No.: GOP-1/2026');
    expect(text).toContain('The report on flood relief distribution is enclosed. Kindly see p. 3, para 2.');
  });
});

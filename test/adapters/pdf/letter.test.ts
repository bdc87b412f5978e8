// The outgoing letter on the collectorate's letterhead, judged by qpdf and poppler.
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { LetterDocument } from '../../../core/signing/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPages, pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());
const flat = (text: string) => text.replace(/\s+/g, ' ');

const letter: LetterDocument = {
  office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa', district: { hi: 'सहरसा, बिहार', en: 'Saharsa, Bihar' } },
  number: 'SAH/D/2026/000001', date: '02-03-2026', fileNumber: 'EST-12/2026',
  addressee: 'सचिव, राजस्व एवं भूमि सुधार विभाग, बिहार, पटना / The Secretary, Revenue and Land Reforms Dept, Patna',
  subject: 'भूमि अभिलेखों का अद्यतन / Updating land records',
  body: 'उपर्युक्त विषय में प्रतिवेदन संलग्न है।\nThe report on the above subject is enclosed for kind perusal.',
  from: { name: 'आनंद शर्मा', post: 'जिलाधिकारी', code: 'SAH0001', section: 'जिला गोपनीय प्रशाखा' },
};

describe('outgoingLetter', () => {
  it('puts the letterhead, letter number and date, addressee, subject, body and sender on a checked page', async () => {
    const pdf = await renderer.outgoingLetter(letter);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(1);
    const text = flat(await pdfText(pdf));
    for (const t of ['समाहरणालय, सहरसा', 'Collectorate, Saharsa', 'पत्रांक', 'SAH/D/2026/000001', '02-03-2026', 'EST-12/2026', 'सेवा में', 'The Secretary, Revenue and Land Reforms Dept, Patna', 'विषय', 'Updating land records', 'प्रतिवेदन संलग्न है', 'kind perusal', 'आनंद शर्मा', 'जिलाधिकारी']) {
      expect(text).toContain(t);
    }
    expect(text).not.toContain('Digitally signed');
  });

  it('runs a long letter over pages, keeping the sender block and the signature whole', async () => {
    const long = { ...letter, body: Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: the figures of panchayat ${i + 1} are enclosed.`).join('\n') };
    const pdf = await renderer.outgoingLetter({ ...long, signature: { name: 'आनंद शर्मा', post: 'जिलाधिकारी', code: 'SAH0001', at: '02-03-2026 11:00 IST', via: 'signed via OTP to ••••0001', what: 'x', documentHash: 'f'.repeat(64) } });
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBeGreaterThan(1);
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Paragraph 60');
    expect(text).toMatch(/Digitally signed[\s\S]*signed via OTP to ••••0001[\s\S]*आनंद शर्मा/);
  });
});

// The tour approval order and the signed TA bill, judged by qpdf and poppler: checked A4 pages whose
// Hindi and English come back out as written, with the visible signature block when signed.
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { VisibleSignature } from '../../../core/efile/documents.ts';
import type { TaBill } from '../../../core/leave/documents.ts';
import type { TourOrder } from '../../../core/signing/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPages, pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());
const flat = (text: string) => text.replace(/\s+/g, ' ');

const signature: VisibleSignature = {
  name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', code: 'SAH0002', at: '02-03-2026 11:00 IST', via: 'signed via OTP to ••••0002',
  what: 'Approval of tour TR/2026/000003', documentHash: 'ab12'.repeat(16),
};
const so = { name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', code: 'SAH0010', section: 'स्थापना' };
const ddc = { name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', code: 'SAH0002', section: 'जिला गोपनीय प्रशाखा' };

const order: TourOrder = {
  office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' },
  number: 'TR/2026/000003', date: '02-03-2026', officer: so, destinations: ['Patna', 'गया'], from: '10-03-2026', to: '11-03-2026',
  purpose: 'राजस्व बैठक / revenue meeting', mode: 'bus', chargeTo: null, approvedBy: ddc,
  copyTo: ['स्थापना शाखा / Establishment Section', 'कोषागार पदाधिकारी, सहरसा / Treasury Officer, Saharsa'],
};

describe('tourOrder', () => {
  it('is one checked A4 page with the programme, both languages, and no signature block unless signed', async () => {
    const pdf = await renderer.tourOrder(order);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(1);
    const text = flat(await pdfText(pdf));
    for (const t of ['समाहरणालय, सहरसा', 'भ्रमण स्वीकृति आदेश', 'Tour Approval Order', 'TR/2026/000003', 'Patna, गया', '10-03-2026', 'revenue meeting', 'bus', 'is approved', 'स्वीकृत किया जाता है', 'Treasury Officer']) {
      expect(text).toContain(t);
    }
    expect(text).not.toContain('Digitally signed');
  });

  it('carries the visible signature block when signed', async () => {
    const text = flat(await pdfText(await renderer.tourOrder({ ...order, signature })));
    for (const t of ['Digitally signed', 'डिजिटल हस्ताक्षरित', 'Rakesh Kumar — उप विकास आयुक्त (SAH0002)', '02-03-2026 11:00 IST', 'signed via OTP to ••••0002', 'ab12ab12']) expect(text).toContain(t);
  });
});

describe('signedTaBill', () => {
  const bill: TaBill = {
    office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' }, number: 'TA/2026/000001', date: '20-03-2026',
    employee: { ...so, payLevel: 6 }, tour: { number: 'TR/2026/000003', purpose: 'revenue meeting', destinations: ['Patna'], from: '10-03-2026', to: '11-03-2026' },
    journeys: [{ date: '10-03-2026', from: 'Saharsa', to: 'Patna', mode: 'bus', fare: 850 }], daDays: 2, daRate: 300, daAmount: 600, fares: 850, total: 1450,
    totalInWords: { en: 'Rupees one thousand four hundred fifty only', hi: 'एक हजार चार सौ पचास रुपये मात्र' }, approvedBy: ddc,
  };

  it('is the TA bill with the signature block on its last page, checked by qpdf, with a classic xref for the signer', async () => {
    const pdf = await renderer.signedTaBill(bill, { ...signature, what: 'Approval of TA claim TA/2026/000001' });
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(await pdfPages(await renderer.taBill(bill)));
    const text = flat(await pdfText(pdf));
    for (const t of ['TA/2026/000001', '850.00', '1,450.00', 'Digitally signed', 'signed via OTP to ••••0002', 'SAH0002']) expect(text).toContain(t);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\nxref\n/);
  });
});

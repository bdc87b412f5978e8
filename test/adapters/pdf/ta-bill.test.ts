// The TA bill, judged by qpdf and poppler: the journeys, the DA and the totals come back out as
// figures, with the rupee sign drawn (not a missing-glyph box) and read back as ₹.
import { describe, expect, it } from 'vitest';
import { officeFonts } from '../../../adapters/pdf/fonts.ts';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { rupees } from '../../../adapters/pdf/ta-bill.ts';
import { splitRuns } from '../../../adapters/pdf/text-runs.ts';
import type { TaBill, TaBillLine } from '../../../core/leave/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPages, pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());
const flat = (text: string) => text.replace(/\s+/g, ' ');

const journeys: TaBillLine[] = [
  { date: '17-11-2026', from: 'Saharsa', to: 'Simri Bakhtiyarpur', mode: 'Bus', fare: 85 },
  { date: '18-11-2026', from: 'Simri Bakhtiyarpur', to: 'महिषी', mode: 'Auto', fare: 120.5 },
  { date: '19-11-2026', from: 'महिषी', to: 'Saharsa', mode: 'Train (Sleeper)', fare: 1245 },
];

const bill: TaBill = {
  office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' },
  number: 'TA/2026/000031',
  date: '24-11-2026',
  employee: { name: 'Rakesh Kumar', post: 'Circle Officer', code: 'SAH-0388', section: 'Revenue Section', payLevel: 9 },
  tour: { number: 'TP/2026/000044', purpose: 'बाढ़ राहत निरीक्षण / Flood relief inspection', destinations: ['Simri Bakhtiyarpur', 'महिषी'], from: '17-11-2026', to: '19-11-2026' },
  journeys,
  daDays: 3,
  daRate: 500,
  daAmount: 1500,
  fares: 1450.5,
  total: 2950.5,
  totalInWords: { en: 'Rupees two thousand nine hundred fifty and paise fifty only', hi: 'दो हजार नौ सौ पचास रुपये पचास पैसे मात्र' },
  approvedBy: { name: 'अमित कुमार', post: 'अपर समाहर्ता / Additional Collector', code: 'SAH-0001', section: 'स्थापना शाखा' },
};

describe('taBill', () => {
  it('is a checked page with the bill number, the employee, the tour, every journey and the totals', async () => {
    const pdf = await renderer.taBill(bill);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(1);
    const text = flat(await pdfText(pdf));
    for (const phrase of [
      'समाहरणालय, सहरसा / Collectorate, Saharsa',
      'यात्रा भत्ता विपत्र / Travelling Allowance Bill',
      'विपत्र संख्या / Bill No.: TA/2026/000031',
      'दिनांक / Date: 24-11-2026',
      'Rakesh Kumar, Circle Officer (SAH-0388)',
      'वेतन स्तर / Pay level Level 9 / स्तर 9',
      'भ्रमण संख्या / Tour No. TP/2026/000044',
      'बाढ़ राहत निरीक्षण / Flood relief inspection',
      'Simri Bakhtiyarpur, महिषी',
      '17-11-2026 – 19-11-2026',
      'यात्रा विवरण / Journeys',
      'किराया / Fare (₹)',
      '3 दिन / days × ₹ 500.00 = ₹ 1,500.00',
      'किराया योग / Fares total ₹ 1,450.50',
      'कुल देय / Grand total ₹ 2,950.50',
      'दो हजार नौ सौ पचास रुपये पचास पैसे मात्र',
      'Rupees two thousand nine hundred fifty and paise fifty only',
      'पारित / Approved by',
      'अमित कुमार',
      'अपर समाहर्ता / Additional Collector',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    // Each journey is one row of the table: read with the layout kept, its cells share a line.
    const rows = (await pdfText(pdf, { layout: true })).split('\n');
    for (const j of journeys) {
      const row = rows.find((line) => line.includes(j.date) && line.includes(j.mode));
      expect(row, j.date).toBeDefined();
      expect(row).toContain(j.from);
      expect(row).toContain(j.to);
      expect(row).toContain(j.fare.toLocaleString('en-IN', { minimumFractionDigits: 2 }));
    }
    expect(rows.find((line) => line.includes('योग / Total'))).toContain('1,450.50');
  });

  it('draws the rupee sign from a font that has it', async () => {
    const fonts = officeFonts();
    expect(fonts.has('latinExt', 0x20b9)).toBe(true);
    expect(splitRuns('₹ 1,450.50', fonts)[0]).toEqual({ face: 'latinExt', text: '₹ ' });
    expect(rupees(1234567.5)).toBe('₹ 12,34,567.50');
    // Read back as U+20B9: the fare column's heading, the DA rate and amount, fares and grand total.
    const text = await pdfText(await renderer.taBill(bill));
    expect(text.match(/₹/g)?.length).toBe(5);
    expect(text).not.toContain('\ufffd');
  });

  it('carries a long journey table over pages with the header row repeated, and says so when a pay level is not known', async () => {
    const many = Array.from({ length: 60 }, (_, i): TaBillLine => ({
      date: `${String((i % 28) + 1).padStart(2, '0')}-10-2026`, from: `Halt ${i}`, to: `Halt ${i + 1}`, mode: i % 2 ? 'Bus' : 'जीप / Jeep', fare: 10 * (i + 1),
    }));
    const fares = many.reduce((sum, j) => sum + j.fare, 0);
    const pdf = await renderer.taBill({ ...bill, journeys: many, fares, total: fares + 1500, employee: { ...bill.employee, payLevel: null } });
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(pdf, { layout: true });
    expect(text.match(/साधन \/ Mode/g)?.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < many.length; i++) expect(text, `journey ${i}`).toMatch(new RegExp(`Halt ${i}\\s+Halt ${i + 1}\\s`));
    expect(flat(text)).toContain(`Fares total ${rupees(fares)}`);
    expect(flat(text)).toContain('वेतन स्तर / Pay level —');
    expect(flat(text)).toContain('TA/2026/000031 — यात्रा भत्ता विपत्र / TA bill (contd.)');
  });
});

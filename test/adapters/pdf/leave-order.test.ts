// The leave sanction order, judged by qpdf and poppler: one checked A4 page whose Hindi and English
// come back out as written, with the figures of the sanction in it.
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { sanctionSentences } from '../../../adapters/pdf/leave-order.ts';
import type { LeaveOrder } from '../../../core/leave/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPageSizes, pdfPages, pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());

/** pdftotext breaks lines where the page does; the assertions are about words, not lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const order: LeaveOrder = {
  office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' },
  number: 'LV/2026/000012',
  date: '25-11-2026',
  employee: { name: 'सुनीता कुमारी', post: 'निम्न वर्गीय लिपिक', code: 'SAH-0412', section: 'राजस्व शाखा' },
  leaveType: { code: 'EL', en: 'Earned leave', hi: 'अर्जित अवकाश' },
  from: '01-12-2026',
  to: '05-12-2026',
  days: 5,
  halfDay: null,
  reason: 'पारिवारिक विवाह / Family wedding at Darbhanga',
  chargeTo: { name: 'Rakesh Kumar', post: 'Upper Division Clerk', code: 'SAH-0388', section: 'Revenue Section' },
  sanctionedBy: { name: 'अमित कुमार', post: 'अपर समाहर्ता / Additional Collector', code: 'SAH-0001', section: 'स्थापना शाखा' },
  balanceAfter: 27,
  copyTo: ['स्थापना शाखा / Establishment Section', 'कोषागार पदाधिकारी, सहरसा / Treasury Officer, Saharsa', 'संबंधित कर्मचारी / The employee concerned'],
};

describe('leaveOrder', () => {
  it('is one checked A4 page with the office, the number, the bilingual sanction and the figures', async () => {
    const pdf = await renderer.leaveOrder(order);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(1);
    const [size] = await pdfPageSizes(pdf);
    expect(size?.width).toBeCloseTo(595.28, 0);
    expect(size?.height).toBeCloseTo(841.89, 0);
    const text = flat(await pdfText(pdf));
    for (const phrase of [
      'समाहरणालय, सहरसा / Collectorate, Saharsa',
      '(स्थापना शाखा / Establishment Section)',
      'कार्यालय आदेश / Office Order',
      'आदेश संख्या / Order No.: LV/2026/000012',
      'दिनांक / Date: 25-11-2026',
      'श्री/श्रीमती सुनीता कुमारी, निम्न वर्गीय लिपिक (SAH-0412), राजस्व शाखा को दिनांक 01-12-2026 से 05-12-2026 तक (5 दिन) का अर्जित अवकाश स्वीकृत किया जाता है।',
      'Earned leave for 5 days from 01-12-2026 to 05-12-2026 is sanctioned to Shri/Smt. सुनीता कुमारी',
      'कारण / Reason: पारिवारिक विवाह / Family wedding at Darbhanga',
      'इस अवधि में प्रभार: श्री/श्रीमती Rakesh Kumar, Upper Division Clerk (SAH-0388), Revenue Section',
      'Charge during the period: Shri/Smt. Rakesh Kumar',
      'शेष अर्जित अवकाश: 27 दिन',
      'Balance of Earned leave after this sanction: 27 days',
      'अमित कुमार',
      'अपर समाहर्ता / Additional Collector',
      'प्रतिलिपि / Copy to:',
      '1. स्थापना शाखा / Establishment Section',
      '2. कोषागार पदाधिकारी, सहरसा / Treasury Officer, Saharsa',
      '3. संबंधित कर्मचारी / The employee concerned',
      'Page 1 of 1',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('leaves the room for the signature block between the order and the officer\'s name', async () => {
    const text = await pdfText(await renderer.leaveOrder(order), { layout: true });
    const lines = text.split('\n');
    const balance = lines.findIndex((l) => l.includes('Balance of Earned leave'));
    const officer = lines.findIndex((l) => l.includes('अमित कुमार'));
    expect(balance).toBeGreaterThan(0);
    // pdftotext -layout keeps vertical gaps as blank lines: 72 pt is several lines of nothing.
    expect(lines.slice(balance + 1, officer).every((l) => l.trim() === '')).toBe(true);
    expect(officer - balance).toBeGreaterThanOrEqual(5);
    // And the officer's block sits at the right half of the page.
    expect(lines[officer]!.indexOf('अमित कुमार')).toBeGreaterThan(lines[officer]!.length / 2);
  });

  it('says half a day and which half, and that there is no charge arrangement', async () => {
    const half: LeaveOrder = {
      ...order, leaveType: { code: 'CL', en: 'Casual leave', hi: 'आकस्मिक अवकाश' },
      from: '26-11-2026', to: '26-11-2026', days: 0.5, halfDay: 'second', chargeTo: null, balanceAfter: 1, copyTo: [],
    };
    expect(sanctionSentences(half).hi).toContain('(0.5 दिन, अपराह्न) का आकस्मिक अवकाश स्वीकृत किया जाता है।');
    const pdf = await renderer.leaveOrder(half);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const text = flat(await pdfText(pdf));
    for (const phrase of [
      'से 26-11-2026 तक (0.5 दिन, अपराह्न) का आकस्मिक अवकाश स्वीकृत किया जाता है।',
      'Casual leave for 0.5 day, afternoon from 26-11-2026 to 26-11-2026 is sanctioned to',
      'इस अवधि में प्रभार: कोई प्रभार व्यवस्था नहीं / Charge during the period: no charge arrangement',
      'शेष आकस्मिक अवकाश: 1 दिन',
      'after this sanction: 1 day',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('gives the same bytes for the same order', async () => {
    const first = await renderer.leaveOrder(order);
    await renderer.leaveOrder({ ...order, number: 'LV/2026/000013' });
    expect(Buffer.from(await renderer.leaveOrder(order)).equals(Buffer.from(first))).toBe(true);
  });

  it('runs on to a second page, headed and numbered, when the reason is very long', async () => {
    const long = { ...order, reason: Array.from({ length: 60 }, (_, i) => `चिकित्सा उपचार ${i + 1} / medical treatment ${i + 1}`).join(', ') };
    const pdf = await renderer.leaveOrder(long);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(2);
    const text = flat(await pdfText(pdf));
    expect(text).toContain('medical treatment 60');
    expect(text).toContain('LV/2026/000012 — कार्यालय आदेश / Office order (contd.)');
    expect(text).toContain('Page 2 of 2 / पृष्ठ 2 / 2');
  });
});

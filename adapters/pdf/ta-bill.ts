// यात्रा भत्ता विपत्र: the TA bill for an approved tour claim. Every figure is the core's: the
// renderer prints the fares, DA and totals it is given and adds nothing up itself, so the bill
// cannot disagree with the claim it was made from.
import type { TaBill } from '../../core/leave/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import { BODY, BOLD, days, finish, footers, indianNumber, newDocument, PageFlow } from './layout.ts';
import { drawText, heightOfText } from './text-runs.ts';

/** An amount in rupees as the bill writes it: "₹ 1,250.00". */
export function rupees(amount: number): string {
  return `₹ ${indianNumber(amount, 2)}`;
}

const APPROVER_WIDTH = 230;
const SIGNATURE_ROOM = 60;

export async function renderTaBill(fonts: OfficeFonts, created: Date, bill: TaBill): Promise<Uint8Array> {
  const doc = newDocument(fonts, `${bill.number} — यात्रा भत्ता विपत्र / TA bill`, created);
  const page = new PageFlow(doc, fonts, `${bill.number} — यात्रा भत्ता विपत्र / TA bill (contd.)`);
  const { left, width } = page;

  page.block(`${bill.office.hi} / ${bill.office.en}`, { size: 15, weight: 'bold' }, 0, 'center');
  page.block('यात्रा भत्ता विपत्र / Travelling Allowance Bill', { size: 13, weight: 'bold' }, 0, 'center');
  page.y += 6;
  page.rule(1.2);
  page.y += 8;
  page.split(`विपत्र संख्या / Bill No.: ${bill.number}`, `दिनांक / Date: ${bill.date}`, BOLD);
  page.y += 8;

  const e = bill.employee;
  page.fields([
    ['कर्मचारी / Employee', `${e.name}, ${e.post} (${e.code})`],
    ['शाखा / Section', e.section],
    ['वेतन स्तर / Pay level', e.payLevel === null ? '—' : `Level ${e.payLevel} / स्तर ${e.payLevel}`],
    ['भ्रमण संख्या / Tour No.', bill.tour.number],
    ['प्रयोजन / Purpose', bill.tour.purpose],
    ['गंतव्य / Destinations', bill.tour.destinations.join(', ')],
    ['भ्रमण अवधि / Tour period', `${bill.tour.from} – ${bill.tour.to}`],
  ], 150);

  page.heading('यात्रा विवरण / Journeys', 60);
  page.table(
    [
      { title: 'दिनांक / Date', share: 0.15 },
      { title: 'से / From', share: 0.24 },
      { title: 'तक / To', share: 0.24 },
      { title: 'साधन / Mode', share: 0.17 },
      { title: 'किराया / Fare (₹)', share: 0.2, align: 'right' },
    ],
    bill.journeys.map((j) => [j.date, j.from, j.to, j.mode, indianNumber(j.fare, 2)]),
    { footer: ['', '', '', 'योग / Total', indianNumber(bill.fares, 2)] },
  );

  page.heading('गणना / Computation', 90);
  page.fields([
    ['दैनिक भत्ता / Daily allowance', `${days(bill.daDays)} दिन / days × ${rupees(bill.daRate)} = ${rupees(bill.daAmount)}`],
    ['किराया योग / Fares total', rupees(bill.fares)],
  ], 190);
  page.fields([['कुल देय / Grand total', rupees(bill.total)]], 190, { size: 11.5, weight: 'bold' });
  page.fields([
    ['शब्दों में / In words', `${bill.totalInWords.hi}\n${bill.totalInWords.en}`],
  ], 190);
  page.y += 10;
  page.block('प्रमाणित किया जाता है कि उपर्युक्त यात्राएँ सरकारी कार्य से की गईं। / Certified that the journeys above were made on government duty.', BODY);

  // The approving officer at the right, with room above the name for the signature block.
  const approver = ['पारित / Approved by', bill.approvedBy.name, bill.approvedBy.post, `${bill.office.hi} / ${bill.office.en}`];
  const x = left + width - APPROVER_WIDTH;
  const style = (i: number) => (i === 1 ? BOLD : BODY);
  const height = approver.reduce((sum, line, i) => sum + heightOfText(doc, fonts, line, style(i), APPROVER_WIDTH), 0);
  page.ensure(20 + SIGNATURE_ROOM + height);
  page.y += 20;
  approver.forEach((line, i) => {
    page.y += drawText(doc, fonts, line, { x, y: page.y, width: APPROVER_WIDTH, style: style(i), align: 'center' });
    if (i === 0) page.y += SIGNATURE_ROOM;
  });

  footers(doc, fonts, `${bill.number}   ·   ${bill.date}`);
  return finish(doc);
}

// भ्रमण स्वीकृति आदेश: the approval order of a tour programme, one A4 page like the leave order,
// Hindi then English. Also the visible signature box that signed orders and letters share: the
// cryptographic half is embedded by the signer; this is what a reader of the printout sees.
import type { VisibleSignature } from '../../core/efile/documents.ts';
import type { OrderParty } from '../../core/leave/documents.ts';
import type { TourOrder } from '../../core/signing/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import { BODY, BOLD, closeOrder, newDocument, PageFlow, type Doc } from './layout.ts';
import { drawText, heightOfText, type TextStyle } from './text-runs.ts';

/** Width of the officer's block at the right of an order or letter, in points. */
export const OFFICER_WIDTH = 240;

const STAMP: TextStyle = { size: 7.5 };

function signatureLines(sig: VisibleSignature): string[] {
  return [
    'Digitally signed / डिजिटल हस्ताक्षरित',
    `${sig.name} — ${sig.post} (${sig.code})`,
    sig.at,
    sig.via,
    `SHA-256: ${sig.documentHash}`,
  ];
}

/** Height the signature box takes at `width`. */
export function signatureBoxHeight(doc: Doc, fonts: OfficeFonts, sig: VisibleSignature, width: number): number {
  return signatureLines(sig).reduce((sum, line, i) => sum + heightOfText(doc, fonts, line, i < 2 ? { ...STAMP, weight: 'bold' } : STAMP, width - 8), 0) + 8;
}

/** Draws the box at (x, y); returns its height. */
export function drawSignatureBox(doc: Doc, fonts: OfficeFonts, sig: VisibleSignature, x: number, y: number, width: number): number {
  let at = y + 4;
  for (const [i, line] of signatureLines(sig).entries()) {
    at += drawText(doc, fonts, line, { x: x + 4, y: at, width: width - 8, style: i < 2 ? { ...STAMP, weight: 'bold' } : STAMP, align: 'center' });
  }
  const height = at - y + 4;
  doc.rect(x, y, width, height).lineWidth(0.8).strokeColor('#1a5e20').stroke();
  return height;
}

/** The officer's name, post and office at the right, with the signature box (or blank room) above. */
export function officerBlock(page: PageFlow, lines: string[], sig: VisibleSignature | undefined): void {
  const { doc, fonts } = page;
  const x = page.left + page.width - OFFICER_WIDTH;
  const room = sig === undefined ? 48 : signatureBoxHeight(doc, fonts, sig, OFFICER_WIDTH) + 6;
  const height = lines.reduce((sum, line, i) => sum + heightOfText(doc, fonts, line, i === 0 ? BOLD : BODY, OFFICER_WIDTH), 0);
  page.ensure(20 + room + height);
  page.y += 20;
  if (sig !== undefined) drawSignatureBox(doc, fonts, sig, x, page.y, OFFICER_WIDTH);
  page.y += room;
  lines.forEach((line, i) => {
    page.y += drawText(doc, fonts, line, { x, y: page.y, width: OFFICER_WIDTH, style: i === 0 ? BOLD : BODY, align: 'center' });
  });
}

const party = (p: OrderParty): string => `${p.name}, ${p.post} (${p.code}), ${p.section}`;

export async function renderTourOrder(fonts: OfficeFonts, created: Date, order: TourOrder): Promise<Uint8Array> {
  const title = `${order.number} — भ्रमण स्वीकृति आदेश / Tour approval order`;
  const doc = newDocument(fonts, title, created);
  const page = new PageFlow(doc, fonts, `${title} (contd.)`);

  page.block(`${order.office.hi} / ${order.office.en}`, { size: 15, weight: 'bold' }, 0, 'center');
  page.y += 6;
  page.rule(1.2);
  page.y += 10;
  page.block('भ्रमण स्वीकृति आदेश / Tour Approval Order', { size: 13, weight: 'bold' }, 0, 'center');
  page.y += 6;
  page.split(`भ्रमण कार्यक्रम संख्या / Programme No.: ${order.number}`, `दिनांक / Date: ${order.date}`, BOLD);
  page.y += 12;

  const places = order.destinations.join(', ');
  page.flow(`श्री/श्रीमती ${party(order.officer)} का दिनांक ${order.from} से ${order.to} तक ${places} का भ्रमण कार्यक्रम, प्रयोजन "${order.purpose}" हेतु, स्वीकृत किया जाता है।`, { size: 11 });
  page.y += 6;
  page.flow(`The tour programme of Shri/Smt. ${party(order.officer)} to ${places} from ${order.from} to ${order.to}, for "${order.purpose}", is approved.`, BODY);
  page.y += 12;
  page.fields([
    ['कर्मी / Officer', `${order.officer.name}, ${order.officer.post} (${order.officer.code})`],
    ['गंतव्य / Destinations', places],
    ['अवधि / Period', `${order.from} – ${order.to}`],
    ['प्रयोजन / Purpose', order.purpose],
    ['यात्रा साधन / Mode of travel', order.mode ?? '—'],
    ['प्रभार / Charge during the tour', order.chargeTo === null ? 'कोई नहीं / none' : party(order.chargeTo)],
    ['स्वीकृतकर्ता / Approved by', `${order.approvedBy.name}, ${order.approvedBy.post} (${order.approvedBy.code})`],
  ], 170);

  officerBlock(page, [order.approvedBy.name, order.approvedBy.post, `${order.office.hi} / ${order.office.en}`], order.signature);

  return closeOrder(doc, fonts, page, order);
}

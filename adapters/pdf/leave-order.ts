// कार्यालय आदेश: the leave sanction order, one A4 page in the collectorate's usual form. The body
// is said twice, in Hindi and then in English, because the order is read by both the employee and
// the treasury. Space is left above the sanctioning officer's name for the visible signature
// block, which the signer draws on the finished page; nothing here pretends to be a signature.
import type { LeaveOrder, OrderParty } from '../../core/leave/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import { BODY, BOLD, days, dayWord, closeOrder, newDocument, PageFlow } from './layout.ts';
import { drawText, heightOfText } from './text-runs.ts';

/** Height and width of the blank room above the sanctioning officer's name, in points. */
export const SIGNATURE_ROOM = { width: 230, height: 72 } as const;

const HALF_DAY = {
  first: { hi: 'पूर्वाह्न', en: 'forenoon' },
  second: { hi: 'अपराह्न', en: 'afternoon' },
} as const;

function party(p: OrderParty): string {
  return `${p.name}, ${p.post} (${p.code}), ${p.section}`;
}

/** The operative sentence, Hindi first. */
export function sanctionSentences(order: LeaveOrder): { hi: string; en: string } {
  const n = days(order.days);
  const half = order.halfDay === null ? undefined : HALF_DAY[order.halfDay];
  const hiDays = `${n} दिन${half === undefined ? '' : `, ${half.hi}`}`;
  const enDays = `${n} ${dayWord(order.days)}${half === undefined ? '' : `, ${half.en}`}`;
  return {
    hi: `श्री/श्रीमती ${party(order.employee)} को दिनांक ${order.from} से ${order.to} तक (${hiDays}) का ${order.leaveType.hi} स्वीकृत किया जाता है।`,
    en: `${order.leaveType.en} for ${enDays} from ${order.from} to ${order.to} is sanctioned to Shri/Smt. ${party(order.employee)}.`,
  };
}

export async function renderLeaveOrder(fonts: OfficeFonts, created: Date, order: LeaveOrder): Promise<Uint8Array> {
  const doc = newDocument(fonts, `${order.number} — कार्यालय आदेश / Office order`, created);
  const page = new PageFlow(doc, fonts, `${order.number} — कार्यालय आदेश / Office order (contd.)`);
  const { left, width } = page;

  page.block(`${order.office.hi} / ${order.office.en}`, { size: 15, weight: 'bold' }, 0, 'center');
  page.block('(स्थापना शाखा / Establishment Section)', BODY, 0, 'center');
  page.y += 6;
  page.rule(1.2);
  page.y += 10;
  page.block('कार्यालय आदेश / Office Order', { size: 13, weight: 'bold' }, 0, 'center');
  page.y += 6;

  page.split(`आदेश संख्या / Order No.: ${order.number}`, `दिनांक / Date: ${order.date}`, BOLD);
  page.y += 12;

  const body = sanctionSentences(order);
  page.flow(body.hi, { size: 11 });
  page.y += 6;
  page.flow(body.en, BODY);
  page.y += 12;

  const charge = order.chargeTo === null
    ? { hi: 'कोई प्रभार व्यवस्था नहीं', en: 'no charge arrangement' }
    : { hi: `श्री/श्रीमती ${party(order.chargeTo)}`, en: `Shri/Smt. ${party(order.chargeTo)}` };
  const balance = days(order.balanceAfter);
  for (const line of [
    `कारण / Reason: ${order.reason}`,
    `इस अवधि में प्रभार: ${charge.hi} / Charge during the period: ${charge.en}`,
    `इस स्वीकृति के पश्चात् शेष ${order.leaveType.hi}: ${balance} दिन / Balance of ${order.leaveType.en} after this sanction: ${balance} ${dayWord(order.balanceAfter)}`,
  ]) {
    page.flow(line, BODY);
    page.y += 4;
  }

  // The officer's block at the right, kept whole on one page with the room above it.
  const officer = [order.sanctionedBy.name, order.sanctionedBy.post, `${order.office.hi} / ${order.office.en}`];
  const blockX = left + width - SIGNATURE_ROOM.width;
  const officerHeight = officer.reduce((sum, line, i) => sum + heightOfText(doc, fonts, line, i === 0 ? BOLD : BODY, SIGNATURE_ROOM.width), 0);
  page.ensure(24 + SIGNATURE_ROOM.height + officerHeight);
  page.y += 24;
  if (order.signature !== undefined) {
    // The visible half of the digital signature, in the room left for it above the officer's name.
    const sig = order.signature;
    const lines = ['Digitally signed / डिजिटल हस्ताक्षरित', `${sig.name} (${sig.code})`, sig.at, sig.via];
    let y = page.y + 2;
    for (const [i, line] of lines.entries()) y += drawText(doc, fonts, line, { x: blockX + 4, y, width: SIGNATURE_ROOM.width - 8, style: { size: 7.5, ...(i === 0 ? { weight: 'bold' as const } : {}) }, align: 'center' });
    doc.rect(blockX, page.y, SIGNATURE_ROOM.width, SIGNATURE_ROOM.height - 4).lineWidth(0.8).strokeColor('#1a5e20').stroke();
  }
  page.y += SIGNATURE_ROOM.height;
  officer.forEach((line, i) => {
    page.y += drawText(doc, fonts, line, { x: blockX, y: page.y, width: SIGNATURE_ROOM.width, style: i === 0 ? BOLD : BODY, align: 'center' });
  });

  return closeOrder(doc, fonts, page, order);
}

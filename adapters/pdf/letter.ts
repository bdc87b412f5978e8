// पत्र: an outgoing letter on the collectorate's letterhead — office, पत्रांक and date, सेवा में,
// विषय, the body as written, and the sender's block with the visible signature when signed.
import type { LetterDocument } from '../../core/signing/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import { BODY, BOLD, finish, footers, newDocument, PageFlow } from './layout.ts';
import { officerBlock } from './tour-order.ts';

export async function renderLetter(fonts: OfficeFonts, created: Date, letter: LetterDocument): Promise<Uint8Array> {
  const title = `${letter.number} — पत्र / Letter`;
  const doc = newDocument(fonts, title, created);
  const page = new PageFlow(doc, fonts, `${title} (contd.)`);

  // Letterhead.
  page.block(letter.office.hi, { size: 16, weight: 'bold' }, 0, 'center');
  page.block(letter.office.en, { size: 12, weight: 'bold' }, 0, 'center');
  page.block(`(${letter.office.district.hi} / ${letter.office.district.en})`, BODY, 0, 'center');
  page.y += 6;
  page.rule(1.4);
  page.y += 10;
  page.split(`पत्रांक / Letter No.: ${letter.number}`, `दिनांक / Date: ${letter.date}`, BOLD);
  page.flow(`संचिका संख्या / File No.: ${letter.fileNumber}`, BODY);
  page.y += 12;

  page.block('सेवा में / To,', BOLD);
  page.flow(letter.addressee, BODY, 24);
  page.y += 10;
  page.fields([['विषय / Subject:', letter.subject]], 90, BOLD);
  page.y += 10;
  page.block('महाशय / Sir/Madam,', BODY);
  page.y += 4;
  for (const paragraph of letter.body.split(/\n+/)) {
    page.flow(paragraph.trim(), BODY, 24);
    page.y += 6;
  }

  page.y += 4;
  page.block('विश्वासभाजन / Yours faithfully,', BODY, 0, 'right');
  officerBlock(page, [letter.from.name, letter.from.post, `${letter.office.hi} / ${letter.office.en}`], letter.signature);

  footers(doc, fonts, `${letter.number}   ·   ${letter.date}`);
  return finish(doc);
}

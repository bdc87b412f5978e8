// The documents signed decisions produce, built from core data: the tour approval order and the
// outgoing letter on the configured office's letterhead; and the one default decision text.
import { describe, expect, test } from 'vitest';
import { decideFile } from '../../../core/efile/files.ts';
import { applyForTour } from '../../../core/tour/apply-for-tour.ts';
import { decideTour } from '../../../core/tour/decide-tour.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { decisionText, DEFAULT_DECISION_TEXT } from '../../../core/signing/decision-text.ts';
import { draftLetter } from '../../../core/signing/draft-letter.ts';
import { letterDocumentOf, letterRef, parseLetterRef } from '../../../core/signing/letter-document.ts';
import { tourOrderOf } from '../../../core/signing/tour-order.ts';
import { signingOffice, value } from './signing-office.ts';

const PURNIA = { name: { en: 'Collectorate, Purnia', hi: 'समाहरणालय, पूर्णिया' }, place: { en: 'Purnia, Bihar', hi: 'पूर्णिया, बिहार' } };

describe('the default decision text', () => {
  test('is the remark when one is given, else the decision in both languages — and is what an unsigned decision notes too', async () => {
    expect(decisionText('approve', null)).toBe('Approved. / स्वीकृत।');
    expect(decisionText('return', '   ')).toBe('Returned. / वापस।');
    expect(decisionText('approve', ' in order ')).toBe('in order');
    const o = await signingOffice();
    const file = await o.fileAtDdc();
    value(await o.run((tx) => decideFile(tx, o.clock, { actor: o.staff.ddc, file, decision: 'return', remark: null })));
    expect((await o.run((tx) => tx.notes.listByFile(file.id))).map((n) => n.text)).toEqual([DEFAULT_DECISION_TEXT.return]);
  });
});

describe('the tour approval order', () => {
  test('exists once the programme is approved, dated that day, on the office given', async () => {
    const o = await signingOffice();
    const tour = value(await o.run((tx) => applyForTour(tx, o.clock, {
      employee: o.staff.clerk, destinations: ['Patna'], startDate: '2026-12-10', endDate: '2026-12-11', purpose: 'meeting', travelMode: null, chargeTo: o.staff.clerkEn, rules: DEFAULT_TOUR_RULES,
    })));
    expect(await o.run((tx) => tourOrderOf(tx, { tour, office: PURNIA }))).toBeNull();
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.so, tour, decision: 'approve', remark: null })));
    expect(await o.run((tx) => tourOrderOf(tx, { tour: approved, office: PURNIA }))).toEqual({
      office: PURNIA.name, number: tour.number, date: '25-11-2026',
      officer: { name: 'मनोज कुमार', post: 'लिपिक', code: 'SAH0020', section: 'स्थापना' },
      destinations: ['Patna'], from: '10-12-2026', to: '11-12-2026', purpose: 'meeting', mode: null,
      chargeTo: { name: 'Priya Singh', post: 'Clerk', code: 'SAH0021', section: 'स्थापना' },
      approvedBy: { name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', code: 'SAH0010', section: 'स्थापना' },
      copyTo: ['मनोज कुमार, लिपिक', 'स्थापना शाखा / Establishment Section', 'कोषागार पदाधिकारी, पूर्णिया / Treasury Officer, Purnia'],
    });
  });

  test('is signed for by whoever approved it: the link officer holding the sanctioning officer\'s charge', async () => {
    const o = await signingOffice();
    const tour = value(await o.run((tx) => applyForTour(tx, o.clock, {
      employee: o.staff.clerk, destinations: ['Patna'], startDate: '2026-12-10', endDate: '2026-12-11', purpose: 'meeting', travelMode: null, chargeTo: null, rules: DEFAULT_TOUR_RULES,
    })));
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.so, tour, decision: 'approve', remark: null })));
    const order = await o.run((tx) => tourOrderOf(tx, { tour: approved, office: PURNIA, decidedBy: o.staff.clerkEn }));
    expect(order?.approvedBy).toEqual({ name: 'Priya Singh', post: 'Clerk', code: 'SAH0021', section: 'स्थापना' });
  });
});

describe('the outgoing letter', () => {
  test('is laid out on the office given, with its number and date, from its sender', async () => {
    const o = await signingOffice();
    const file = await o.fileAtDdc('Survey');
    const letter = value(await o.run((tx) => draftLetter(tx, o.clock, { actor: o.staff.ddc, file, addressee: 'DM, Madhepura', subject: 'Survey', body: 'Text.' })));
    expect(await o.run((tx) => letterDocumentOf(tx, { letter, file, number: 'PUR/D/2026/000004', sender: o.staff.ddc, at: o.clock.now(), office: PURNIA }))).toEqual({
      office: { ...PURNIA.name, district: PURNIA.place }, number: 'PUR/D/2026/000004', date: '25-11-2026', fileNumber: file.fileNumber,
      addressee: 'DM, Madhepura', subject: 'Survey', body: 'Text.',
      from: { name: 'Rakesh Kumar', post: 'उप विकास आयुक्त', code: 'SAH0002', section: 'जिला गोपनीय प्रशाखा' },
    });
  });

  test('a draft waiting for a signed dispatch is named by its file and id', () => {
    expect(letterRef('EST-12/2026', 7)).toBe('EST-12/2026#7');
    expect(parseLetterRef('EST-12/2026#7')).toEqual({ file: 'EST-12/2026', id: 7 });
  });
});

// What the assistant says about tours and TA claims, in Hindi and English; and the eTour failure codes.
import type { TourFailureCode } from '../../core/tour/tour-failures.ts';
import type { UiLanguage } from '../../core/types.ts';
import { sentences, type P, type Say } from './say.ts';
const d = (iso: string | number | undefined) => String(iso ?? '').split('-').reverse().join('-');

export const TOUR_TEXT = sentences({
  askTourDates: { hi: (p) => `${p.places} का दौरा किस तारीख़ को? जैसे: 12 दिसंबर, या 10-12 दिसंबर`, en: (p) => `On which date(s) is the tour to ${p.places}? e.g.: 12 Dec, or 10-12 Dec` },
  askTourPlaces: { hi: () => 'दौरा कहाँ का है? स्थान लिखें, जैसे: पटना', en: () => 'Where is the tour to? Name the place(s), e.g.: Patna' },
  askTour: { hi: () => 'दौरे का विवरण लिखें, जैसे: 12 दिसंबर को पटना दौरा, राजस्व बैठक, बस से', en: () => 'Describe the tour, e.g.: tour to Patna 10-12 Dec for revenue meeting by bus' },
  preview: {
    hi: (p) => `दौरा कार्यक्रम: ${p.places}\n${d(p.from)} से ${d(p.to)}\nप्रयोजन: ${p.purpose}${p.mode ? `\nसाधन: ${p.mode}` : ''}\nभेजें?`,
    en: (p) => `Tour programme: ${p.places}\n${d(p.from)} to ${d(p.to)}\nPurpose: ${p.purpose}${p.mode ? `\nMode: ${p.mode}` : ''}\nSubmit?`,
  },
  submitted: { hi: (p) => `दौरा कार्यक्रम ${p.number} ${p.to} को स्वीकृति हेतु भेजा गया।`, en: (p) => `Tour programme ${p.number} sent to ${p.to} for approval.` },
  decided: { hi: (p) => `${p.number} (${p.employee}): ${p.hi}।`, en: (p) => `${p.number} (${p.employee}): ${p.en}.` },
  askReason: { hi: (p) => `${p.number} पर कारण/निर्देश लिखें।`, en: (p) => `Write the reason or instruction for ${p.number}.` },
  noTour: { hi: () => 'कोई स्वीकृत दौरा नहीं मिला।', en: () => 'No approved tour found.' },
  diaryAdded: { hi: (p) => `${p.number} की दैनिकी (${d(p.date)}) दर्ज।`, en: (p) => `Diary entry for ${p.number} (${d(p.date)}) recorded.` },
  claimSubmitted: { hi: (p) => `यात्रा भत्ता दावा ${p.number}: किराया ₹${p.fares} + दैनिक भत्ता ${p.daDays} × ₹${p.daRate} = ₹${p.total}; स्वीकृति हेतु भेजा गया।`, en: (p) => `TA claim ${p.number}: fares ₹${p.fares} + DA ${p.daDays} × ₹${p.daRate} = ₹${p.total}; sent for approval.` },
  claimNeedsAmount: { hi: () => 'किराया राशि लिखें, जैसे: TA claim 850 bus fare Patna', en: () => 'Give the fare, e.g.: TA claim 850 bus fare Patna' },
  billCaption: { hi: (p) => `यात्रा भत्ता विपत्र ${p.number}`, en: (p) => `TA bill ${p.number}` },
  btnApprove: { hi: () => 'स्वीकृत', en: () => 'Approve' },
  btnRefuse: { hi: () => 'अस्वीकृत', en: () => 'Refuse' },
  applied: {
    hi: (p) => `🚗 दौरा कार्यक्रम ${p.number}: ${p.employee} (${p.employeePost}) — ${p.destinations}, ${d(p.from)} से ${d(p.to)}\nप्रयोजन: ${p.purpose}\nउत्तर में: "स्वीकृत" या "अस्वीकृत: कारण"`,
    en: (p) => `🚗 Tour programme ${p.number}: ${p.employee} (${p.employeePost}) — ${p.destinations}, ${d(p.from)} to ${d(p.to)}\nPurpose: ${p.purpose}\nReply: "approved" or "refused: reason"`,
  },
  approvedNote: { hi: (p) => `✅ आपका दौरा ${p.number} (${p.destinations}) स्वीकृत हुआ।`, en: (p) => `✅ Your tour ${p.number} (${p.destinations}) was approved.` },
  refusedNote: { hi: (p) => `❌ आपका दौरा ${p.number} अस्वीकृत हुआ।${p.remark ? ` कारण: ${p.remark}` : ''}`, en: (p) => `❌ Your tour ${p.number} was refused.${p.remark ? ` Reason: ${p.remark}` : ''}` },
  returnedNote: { hi: (p) => `↩️ आपका दौरा ${p.number} लौटाया गया।${p.remark ? ` ${p.remark}` : ''}`, en: (p) => `↩️ Your tour ${p.number} was returned.${p.remark ? ` ${p.remark}` : ''}` },
  cancelledNote: {
    hi: (p) => `दौरा कार्यक्रम ${p.number} (${p.employee}) रद्द किया गया।${p.reason ? ` कारण: ${p.reason}` : ''}`,
    en: (p) => `Tour programme ${p.number} (${p.employee}) was cancelled.${p.reason ? ` Reason: ${p.reason}` : ''}`,
  },
  chargeNote: {
    hi: (p) => `${p.employee} के दौरे (${p.destinations}, ${d(p.from)}–${d(p.to)}) में उनका प्रभार आपके पास रहेगा।`,
    en: (p) => `You hold charge for ${p.employee} during their tour (${p.destinations}, ${d(p.from)}–${d(p.to)}).`,
  },
  claimNote: { hi: (p) => `💰 यात्रा भत्ता दावा ${p.number}: ${p.employee} — ₹${p.total}\nउत्तर में: "स्वीकृत" या "अस्वीकृत: कारण"`, en: (p) => `💰 TA claim ${p.number}: ${p.employee} — ₹${p.total}\nReply: "approved" or "refused: reason"` },
  claimDecidedNote: { hi: (p) => `यात्रा भत्ता दावा ${p.number}: ${p.status}${p.remark ? ` — ${p.remark}` : ''}`, en: (p) => `TA claim ${p.number}: ${p.status}${p.remark ? ` — ${p.remark}` : ''}` },
});

export type TourTextKey = keyof typeof TOUR_TEXT;

export function ttext(key: TourTextKey, lang: UiLanguage, params: P = {}): string {
  return TOUR_TEXT[key][lang](params);
}

/**
 * The eTour and TA claim failure codes (core/tour/tour-failures.ts), said in each language: a code
 * without its sentence does not compile. Spread into FAILURE_TEXT.
 */
export const TOUR_FAILURE_TEXT: Readonly<Record<TourFailureCode, Say>> = {
  'TOUR.BAD_DATE': { hi: (p) => `${p.date} मान्य तिथि नहीं है।`, en: (p) => `${p.date} is not a valid date.` },
  'TOUR.END_BEFORE_START': { hi: () => 'दौरे की समाप्ति आरंभ से पहले है।', en: () => 'The tour ends before it starts.' },
  'TOUR.TOO_FAR_BACK': { hi: () => 'इतनी पुरानी तारीख का दौरा आवेदन नहीं हो सकता।', en: () => 'A tour cannot be applied for that far back.' },
  'TOUR.NO_DESTINATION': { hi: () => 'कम से कम एक स्थान बताएँ।', en: () => 'Name at least one place.' },
  'TOUR.NO_PURPOSE': { hi: () => 'भ्रमण का प्रयोजन लिखें।', en: () => 'State the purpose of the tour.' },
  'TOUR.OVERLAP': { hi: (p) => `ये तिथियाँ ${p.number} से टकराती हैं।`, en: (p) => `These dates overlap ${p.number}.` },
  'TOUR.NO_SANCTIONER': { hi: () => 'स्वीकृति देने वाला पदाधिकारी नहीं मिला।', en: () => 'No officer can approve this.' },
  'TOUR.NOT_FOUND': { hi: (p) => `दौरा ${p.number ?? ''} नहीं मिला।`, en: (p) => `No tour ${p.number ?? ''}.` },
  'TOUR.NOT_IN_YOUR_HANDS': { hi: (p) => `${p.number} ${p.holder} के पास है।`, en: (p) => `${p.number} is with ${p.holder}, not you.` },
  'TOUR.WRONG_STATUS': { hi: (p) => `${p.number} की स्थिति ${p.status} है; यह अभी संभव नहीं।`, en: (p) => `${p.number} is ${p.status}; that cannot be done now.` },
  'TOUR.REASON_REQUIRED': { hi: () => 'कृपया कारण लिखें।', en: () => 'Please give a reason.' },
  'TOUR.NOT_YOURS': { hi: (p) => `${p.number} आपका नहीं है।`, en: (p) => `${p.number} is not yours.` },
  'TOUR.NOT_STARTED': { hi: (p) => `भ्रमण ${d(p.from)} से है; दैनिकी तभी से लिखी जा सकेगी।`, en: (p) => `The tour starts on ${d(p.from)}; the diary opens then.` },
  'TOUR.DIARY_DATE_OUTSIDE': { hi: (p) => `${d(p.date)} भ्रमण के दिनों में नहीं है।`, en: (p) => `${d(p.date)} is not a tour day.` },
  'TOUR.EMPTY_DIARY': { hi: () => 'दैनिकी प्रविष्टि खाली है।', en: () => 'The diary entry is empty.' },
  'TOUR.NOT_OVER': { hi: (p) => `यात्रा भत्ता दावा ${d(p.to)} को भ्रमण समाप्ति के बाद करें।`, en: (p) => `Claim TA once the tour ends on ${d(p.to)}.` },
  'TOUR.CLAIM_EXISTS': { hi: (p) => `इस दौरे का दावा ${p.number} पहले से है।`, en: (p) => `Claim ${p.number} for this tour already exists.` },
  'TOUR.BAD_JOURNEY': { hi: (p) => `यात्रा ${p.row} में त्रुटि (${p.why})।`, en: (p) => `Journey ${p.row} is wrong (${p.why}).` },
  'TOUR.NO_DA_RATE': { hi: () => 'दैनिक भत्ता दर नहीं मिली।', en: () => 'No DA rate is configured for this.' },
  'TOUR.CLAIM_NOT_FOUND': { hi: (p) => `यात्रा भत्ता दावा ${p.number ?? ''} नहीं मिला।`, en: (p) => `No TA claim ${p.number ?? ''}.` },
  'TOUR.CHANGED_MEANWHILE': { hi: (p) => `${p.number} इसी बीच बदल गया; कृपया फिर देखें।`, en: (p) => `${p.number} was changed meanwhile; please look again.` },
  'TOUR.BAD_CHARGE': { hi: (p) => `${p.name} को प्रभार नहीं दिया जा सकता।`, en: (p) => `${p.name} cannot be given charge.` },
  'TOUR.ALREADY_STARTED': { hi: (p) => `${p.number} आरंभ हो चुका है।`, en: (p) => `${p.number} has already started.` },
};

// What the assistant says about leave, in Hindi and English; and the eLeave failure codes.
import type { LeaveFailureCode } from '../../core/leave/leave-failures.ts';
import type { LeaveStatus } from '../../core/leave/types.ts';
import type { ClaimStatus, TourStatus } from '../../core/tour/types.ts';
import type { UiLanguage } from '../../core/types.ts';
import { sentences, type P, type Say } from './say.ts';

const d = (iso: string | number | undefined) => String(iso ?? '').split('-').reverse().join('-');

export const LEAVE_TEXT = sentences({
  askType: { hi: () => 'कौन-सी छुट्टी? आकस्मिक (CL), अर्जित (EL) या अर्धवेतन (HPL) — जैसे: CL 2 दिन 3 दिसंबर से, पारिवारिक कार्य', en: () => 'Which leave? CL, EL or HPL — e.g.: CL 2 days from 3 Dec, family function' },
  askDates: { hi: () => 'किस तारीख से? जैसे: 3 दिसंबर से 2 दिन आकस्मिक अवकाश', en: () => 'From which date? e.g.: CL 2 days from 3 Dec' },
  preview: {
    hi: (p) => `आवेदन: ${p.typeHi} (${p.type})\n${d(p.from)} से ${d(p.to)} — ${p.days} दिन${p.halfDay ? ' (आधा दिन)' : ''}\nकारण: ${p.reason}\nस्वीकृति: ${p.sanctioner}\n${p.balanceAfter === '' ? '' : `इसके बाद शेष: ${p.balanceAfter} दिन\n`}भेजें?`,
    en: (p) => `Application: ${p.typeEn} (${p.type})\n${d(p.from)} to ${d(p.to)} — ${p.days} day(s)${p.halfDay ? ' (half day)' : ''}\nReason: ${p.reason}\nSanctioning officer: ${p.sanctioner}\n${p.balanceAfter === '' ? '' : `Balance after: ${p.balanceAfter} day(s)\n`}Submit?`,
  },
  chargeLine: { hi: (p) => `प्रभार: ${p.name}`, en: (p) => `Charge: ${p.name}` },
  btnSubmit: { hi: () => 'भेजें', en: () => 'Submit' },
  btnDiscard: { hi: () => 'रद्द', en: () => 'Discard' },
  btnSanction: { hi: () => 'स्वीकृत', en: () => 'Sanction' },
  btnRefuse: { hi: () => 'अस्वीकृत', en: () => 'Refuse' },
  btnReturnLeave: { hi: () => 'स्पष्टीकरण हेतु वापस', en: () => 'Return for clarification' },
  submitted: { hi: (p) => `छुट्टी का आवेदन ${p.number} ${p.sanctioner} को भेजा गया।`, en: (p) => `Leave application ${p.number} sent to ${p.sanctioner}.` },
  discarded: { hi: () => 'आवेदन नहीं भेजा गया।', en: () => 'The application was not sent.' },
  nothingToSubmit: { hi: () => 'भेजने के लिए कोई आवेदन तैयार नहीं है।', en: () => 'There is no application waiting to be sent.' },
  decided: {
    hi: (p) => `${p.number} (${p.applicant}): ${p.decisionHi}।`,
    en: (p) => `${p.number} (${p.applicant}): ${p.decisionEn}.`,
  },
  askLeaveReason: { hi: (p) => `${p.number} पर कारण/निर्देश लिखें।`, en: (p) => `Write the reason or instruction for ${p.number}.` },
  balancesHeader: { hi: (p) => `${p.year} की छुट्टियाँ (शेष / उपलब्ध):`, en: (p) => `Leave for ${p.year} (balance / available):` },
  balanceLine: { hi: (p) => `• ${p.hi} (${p.type}): ${p.balance} / ${p.available}`, en: (p) => `• ${p.en} (${p.type}): ${p.balance} / ${p.available}` },
  toursHeader: { hi: () => 'दौरे:', en: () => 'Tours:' },
  applicationsHeader: { hi: () => 'आवेदन:', en: () => 'Applications:' },
  applicationLine: { hi: (p) => `• ${p.number} ${p.type} ${d(p.from)}–${d(p.to)} (${p.days}) — ${p.status}`, en: (p) => `• ${p.number} ${p.type} ${d(p.from)}–${d(p.to)} (${p.days}) — ${p.status}` },
  nobodyOut: { hi: (p) => `${d(p.date)} को कोई छुट्टी या दौरे पर नहीं है।`, en: (p) => `Nobody is on leave or tour on ${d(p.date)}.` },
  outHeader: { hi: (p) => `${d(p.date)} को बाहर (${p.count}):`, en: (p) => `Out on ${d(p.date)} (${p.count}):` },
  outLine: { hi: (p) => `• ${p.name} (${p.post}) — ${p.what}${p.charge ? `; प्रभार: ${p.charge}` : ''}`, en: (p) => `• ${p.name} (${p.post}) — ${p.what}${p.charge ? `; in charge: ${p.charge}` : ''}` },
  cancelled: { hi: (p) => `छुट्टी ${p.number} रद्द की गई; शेष बहाल।`, en: (p) => `Leave ${p.number} cancelled; the balance is restored.` },
  curtailed: { hi: (p) => `छुट्टी ${p.number} ${d(p.to)} को समाप्त मानी गई; ${p.credited} दिन शेष में लौटाए गए।`, en: (p) => `Leave ${p.number} now ends on ${d(p.to)}; ${p.credited} day(s) returned to the balance.` },
  noLeaveToCancel: { hi: () => 'रद्द करने योग्य कोई छुट्टी नहीं मिली। संख्या लिखें, जैसे: cancel LV/2026/000012', en: () => 'No leave found to cancel. Give its number, e.g.: cancel LV/2026/000012' },
  awaitingHeader: { hi: (p) => `आपके निर्णय हेतु (${p.count}):`, en: (p) => `Awaiting your decision (${p.count}):` },
  awaitingLine: { hi: (p) => `• ${p.number} — ${p.who} — ${p.what}`, en: (p) => `• ${p.number} — ${p.who} — ${p.what}` },
  orderCaption: { hi: (p) => `स्वीकृति आदेश ${p.number}`, en: (p) => `Sanction order ${p.number}` },
  // Notifications
  applied: {
    hi: (p) => `🗓️ छुट्टी का आवेदन ${p.number}: ${p.applicant} (${p.applicantPost}) — ${p.typeHi}, ${d(p.from)} से ${d(p.to)} (${p.days} दिन)\nइस संदेश के उत्तर में: "स्वीकृत", "अस्वीकृत: कारण" या "वापस: प्रश्न"`,
    en: (p) => `🗓️ Leave application ${p.number}: ${p.applicant} (${p.applicantPost}) — ${p.typeEn}, ${d(p.from)} to ${d(p.to)} (${p.days} day(s))\nReply to this message: "sanctioned", "refused: reason" or "return: question"`,
  },
  sanctionedNote: { hi: (p) => `✅ आपकी छुट्टी ${p.number} (${p.typeHi}, ${d(p.from)}–${d(p.to)}) स्वीकृत हुई।`, en: (p) => `✅ Your leave ${p.number} (${p.typeEn}, ${d(p.from)}–${d(p.to)}) has been sanctioned.` },
  refusedNote: { hi: (p) => `❌ आपकी छुट्टी ${p.number} अस्वीकृत हुई।${p.remark ? ` कारण: ${p.remark}` : ''}`, en: (p) => `❌ Your leave ${p.number} was refused.${p.remark ? ` Reason: ${p.remark}` : ''}` },
  returnedNote: { hi: (p) => `↩️ आपकी छुट्टी ${p.number} स्पष्टीकरण हेतु लौटाई गई।${p.remark ? ` ${p.remark}` : ''}`, en: (p) => `↩️ Your leave ${p.number} was returned for clarification.${p.remark ? ` ${p.remark}` : ''}` },
  cancelledNote: { hi: (p) => `छुट्टी ${p.number} (${p.applicant}) रद्द की गई।`, en: (p) => `Leave ${p.number} (${p.applicant}) was cancelled.` },
  curtailedNote: { hi: (p) => `छुट्टी ${p.number} (${p.applicant}) ${d(p.to)} को समाप्त की गई।`, en: (p) => `Leave ${p.number} (${p.applicant}) was cut short to end on ${d(p.to)}.` },
  chargeNote: { hi: (p) => `${p.applicant} की छुट्टी (${d(p.from)}–${d(p.to)}) में उनका प्रभार आपके पास रहेगा।`, en: (p) => `You hold charge for ${p.applicant} during their leave (${d(p.from)}–${d(p.to)}).` },
  routedToChargeNote: {
    hi: (p) => `सूचना: ${p.applicant || p.employee} का आवेदन ${p.number} आपकी अनुपस्थिति में ${p.inCharge} (${p.inChargePost}) के पास निर्णय हेतु गया, जिनके पास आपका प्रभार है।`,
    en: (p) => `For your information: ${p.applicant || p.employee}'s application ${p.number} went to ${p.inCharge} (${p.inChargePost}), who holds your charge while you are away, for a decision.`,
  },
  inChargeOf: { hi: (p) => `${p.name} के प्रभार में (वे ${d(p.until)} तक बाहर हैं)`, en: (p) => `in charge of ${p.name}, away until ${d(p.until)}` },
  onBehalfOf: { hi: (p) => `(${p.name} की अनुपस्थिति में, उनके प्रभार में आपके निर्णय हेतु)`, en: (p) => `(for your decision in charge of ${p.name}, who is away)` },
  onBehalfOfFrom: {
    hi: (p) => `(${p.name} के प्रभार में: वे ${d(p.from)}–${d(p.until)} बाहर रहेंगे; तब इस पर आप निर्णय ले सकते हैं)`,
    en: (p) => `(in charge of ${p.name}: away ${d(p.from)}–${d(p.until)}; you may decide it then)`,
  },
  orderSent: {
    hi: (p) => `📄 ${p.kind === 'ta' ? `आपका यात्रा भत्ता विपत्र ${p.number}` : p.kind === 'tour' ? `आपके दौरे ${p.number} का स्वीकृति आदेश` : `आपकी छुट्टी ${p.number} का स्वीकृति आदेश`}${Number(p.signed) === 1 ? ' (डिजिटल हस्ताक्षरित; "verify" उत्तर में लिखकर जाँचें)' : ''}`,
    en: (p) => `📄 ${p.kind === 'ta' ? `Your TA bill ${p.number}` : p.kind === 'tour' ? `The approval order of your tour ${p.number}` : `The sanction order of your leave ${p.number}`}${Number(p.signed) === 1 ? ' (digitally signed; reply "verify" to check it)' : ''}`,
  },
  askKind: {
    hi: (p) => `कौन-सी छुट्टी? ${Number(p.buttons) === 0 ? 'लिखें' : 'नीचे से चुनें या लिखें'}${p.kinds ? ` (${p.kinds})` : ''}।`,
    en: (p) => `Which leave? ${Number(p.buttons) === 0 ? 'Type it' : 'Choose below or type it'}${p.kinds ? ` (${p.kinds})` : ''}.`,
  },
  noKindOpen: {
    hi: (p) => `इन तारीख़ों के लिए आपकी कोई छुट्टी उपलब्ध नहीं है (${p.why})।`,
    en: (p) => `No leave of yours fits these dates (${p.why}).`,
  },
  noReasonGiven: { hi: () => 'कोई कारण नहीं दिया गया', en: () => 'no reason given' },
  btnToday: { hi: () => 'आज', en: () => 'Today' },
  btnTomorrow: { hi: () => 'कल', en: () => 'Tomorrow' },
  resubmittedNote: { hi: (p) => `🗓️ छुट्टी का आवेदन ${p.number} (${p.applicant}) स्पष्टीकरण के बाद फिर भेजा गया।`, en: (p) => `🗓️ Leave application ${p.number} (${p.applicant}) was sent again after clarification.` },
});

export type LeaveTextKey = keyof typeof LEAVE_TEXT;

export function ltext(key: LeaveTextKey, lang: UiLanguage, params: P = {}): string {
  return LEAVE_TEXT[key][lang](params);
}

/**
 * The eLeave failure codes (core/leave/leave-failures.ts), said in each language: a code without
 * its sentence does not compile. FAILURE_TEXT (failures.ts) spreads them, so failureText says every
 * code.
 */
export const LEAVE_FAILURE_TEXT: Readonly<Record<LeaveFailureCode, Say>> = {
  'LEAVE.UNKNOWN_TYPE': { hi: (p) => `"${p.type}" छुट्टी का प्रकार नहीं है। उपलब्ध: ${p.known}`, en: (p) => `"${p.type}" is not a leave type. Known: ${p.known}` },
  'LEAVE.BAD_DATE': { hi: (p) => `तारीख "${p.date}" सही नहीं है।`, en: (p) => `The date "${p.date}" is not a real date.` },
  'LEAVE.END_BEFORE_START': { hi: (p) => `अंतिम तिथि ${d(p.to)} आरंभ ${d(p.from)} से पहले है।`, en: (p) => `The end ${d(p.to)} is before the start ${d(p.from)}.` },
  'LEAVE.TOO_FAR_BACK': { hi: (p) => `इतनी पुरानी तारीख (${d(p.date ?? p.from ?? '')}) के लिए आवेदन नहीं हो सकता।`, en: (p) => `Leave cannot be applied for that far back (${d(p.date ?? p.from ?? '')}).` },
  'LEAVE.SPANS_YEARS': { hi: () => 'एक आवेदन दो वर्षों में नहीं फैल सकता; दो आवेदन दें।', en: () => 'One application cannot span two years; apply twice.' },
  'LEAVE.NO_WORKING_DAYS': { hi: () => 'इन तारीखों में कोई कार्य दिवस नहीं है (रविवार/अवकाश)।', en: () => 'Those dates contain no working day (Sundays or holidays).' },
  'LEAVE.TOO_LONG': { hi: (p) => `इस छुट्टी की एक बार में अधिकतम अवधि ${p.max ?? ''} दिन है।`, en: (p) => `This leave can be taken for at most ${p.max ?? ''} days at a time.` },
  'LEAVE.HALF_DAY_NOT_ALLOWED': { hi: () => 'इस छुट्टी में आधा दिन नहीं लिया जा सकता।', en: () => 'This leave cannot be taken for half a day.' },
  'LEAVE.HALF_DAY_ONE_DAY': { hi: () => 'आधे दिन की छुट्टी एक ही दिन की होती है।', en: () => 'A half day is a single day.' },
  'LEAVE.OVERLAP': { hi: (p) => `इन तारीखों में पहले से ${p.number ?? 'एक आवेदन/दौरा'} है।`, en: (p) => `Those dates overlap ${p.number ?? 'another application or tour'}.` },
  'LEAVE.INSUFFICIENT_BALANCE': { hi: (p) => `पर्याप्त शेष नहीं: उपलब्ध ${p.available ?? ''}, आवश्यक ${p.days ?? ''} दिन।`, en: (p) => `Not enough balance: ${p.available ?? ''} available, ${p.days ?? ''} needed.` },
  'LEAVE.NO_SANCTIONER': { hi: () => 'स्वीकृति देने वाले पदाधिकारी का पता नहीं चला; स्थापना शाखा से संपर्क करें।', en: () => 'No sanctioning officer could be found; please contact the establishment section.' },
  'LEAVE.BAD_CHARGE': { hi: (p) => `${p.name} को प्रभार नहीं दिया जा सकता।`, en: (p) => `${p.name} cannot be given charge.` },
  'LEAVE.NOT_FOUND': { hi: (p) => `छुट्टी ${p.number ?? ''} नहीं मिली।`, en: (p) => `No leave ${p.number ?? ''} found.` },
  'LEAVE.NOT_IN_YOUR_HANDS': { hi: (p) => `${p.number} पर ${p.holder} ही निर्णय ले सकते हैं।`, en: (p) => `Only ${p.holder} can decide ${p.number}.` },
  'LEAVE.WRONG_STATUS': { hi: (p) => `${p.number} अब "${p.status}" है; यह कार्रवाई नहीं हो सकती।`, en: (p) => `${p.number} is now "${p.status}"; that cannot be done.` },
  'LEAVE.REASON_REQUIRED': { hi: (p) => `${p.number} के लिए कारण भी लिखें।`, en: (p) => `Please give a reason for ${p.number}.` },
  'LEAVE.NOT_YOURS': { hi: () => 'यह आपकी छुट्टी नहीं है।', en: () => 'That is not your leave.' },
  'LEAVE.ALREADY_STARTED': { hi: (p) => `${p.number ?? 'छुट्टी'} शुरू हो चुकी है; रद्द नहीं, समय से पहले समाप्त की जा सकती है।`, en: (p) => `${p.number ?? 'The leave'} has already started; it can be cut short, not cancelled.` },
  'LEAVE.NOT_STARTED': { hi: () => 'छुट्टी अभी शुरू नहीं हुई।', en: () => 'The leave has not started yet.' },
  'LEAVE.CURTAIL_OUTSIDE': { hi: () => 'समाप्ति की तारीख छुट्टी की अवधि के भीतर होनी चाहिए।', en: () => 'The last day must fall within the leave.' },
  'LEAVE.CHANGED_MEANWHILE': { hi: (p) => `${p.number} पर इसी बीच कार्रवाई हो चुकी है।`, en: (p) => `${p.number} was acted on just now by someone else.` },
  'LEAVE.NOT_ALLOWED': { hi: () => 'यह कार्रवाई आपके लिए अनुमत नहीं है।', en: () => 'You are not allowed to do that.' },
};

const STATUS_WORDS: Record<LeaveStatus | TourStatus | ClaimStatus, [string, string]> = {
  pending: ['लंबित', 'pending'], sanctioned: ['स्वीकृत', 'sanctioned'], approved: ['स्वीकृत', 'approved'],
  refused: ['अस्वीकृत', 'refused'], returned: ['वापस', 'returned'], cancelled: ['रद्द', 'cancelled'], curtailed: ['घटाया गया', 'curtailed'],
};

/** A leave, tour or claim status in the reader's language. */
export function statusText(status: string, lang: 'hi' | 'en'): string {
  const words: Partial<Record<string, [string, string]>> = STATUS_WORDS;
  return words[status]?.[lang === 'hi' ? 0 : 1] ?? status;
}

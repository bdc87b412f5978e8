// What the signing conversation says about tours, TA claims and outgoing letters (files and leave
// keep theirs in efile-texts.ts SIGN_TEXT), in Hindi and English; and the wording of what the core
// signing use cases return (core/signing/sign-types.ts): the summary shown before consent, the
// answer once signed, the cancellation, the OTP's context line.
import { parseLetterRef } from '../../core/signing/letter-document.ts';
import type { SignedFacts, SignPreview, SignRequest } from '../../core/signing/sign-types.ts';
import type { Employee, UiLanguage } from '../../core/types.ts';
import { stext } from './efile-texts.ts';

type P = Record<string, string | number>;
type Say = Record<UiLanguage, (p: P) => string>;

const AGREE = {
  hi: 'सहमति हो तो "हाँ" भेजें — OTP आपके पंजीकृत मोबाइल/ई-मेल पर जाएगा। रद्द करने के लिए "रद्द"।',
  en: 'If you agree, send "yes" — an OTP will go to your registered mobile/e-mail. Send "cancel" to stop.',
};

export const SIGN_MORE_TEXT = {
  tourSummary: {
    hi: (p) => `इस दौरा स्वीकृति पर हस्ताक्षर आवश्यक है। आप यह हस्ताक्षरित करेंगे:\nभ्रमण स्वीकृति आदेश: ${p.number}\nकर्मी: ${p.officer}\nगंतव्य: ${p.places}\n${p.from} से ${p.to}\nप्रयोजन: ${p.purpose}${p.mode ? `\nसाधन: ${p.mode}` : ''}\nSHA-256: ${p.hash}\n${AGREE.hi}`,
    en: (p) => `This tour approval needs your signature. You are signing:\nTour approval order: ${p.number}\nOfficer: ${p.officer}\nDestinations: ${p.places}\n${p.from} to ${p.to}\nPurpose: ${p.purpose}${p.mode ? `\nMode: ${p.mode}` : ''}\nSHA-256: ${p.hash}\n${AGREE.en}`,
  },
  taSummary: {
    hi: (p) => `इस यात्रा भत्ता स्वीकृति पर हस्ताक्षर आवश्यक है। आप यह हस्ताक्षरित करेंगे:\nयात्रा भत्ता विपत्र: ${p.number} (दौरा ${p.tour})\nकर्मी: ${p.officer}\nकिराया ₹${p.fares} + दैनिक भत्ता ${p.daDays} × ₹${p.daRate} = ₹${p.total}\nSHA-256: ${p.hash}\n${AGREE.hi}`,
    en: (p) => `This TA approval needs your signature. You are signing:\nTA bill: ${p.number} (tour ${p.tour})\nOfficer: ${p.officer}\nFares ₹${p.fares} + DA ${p.daDays} × ₹${p.daRate} = ₹${p.total}\nSHA-256: ${p.hash}\n${AGREE.en}`,
  },
  letterSummary: {
    hi: (p) => `इस पत्र के प्रेषण पर हस्ताक्षर आवश्यक है। आप यह हस्ताक्षरित करेंगे:\nसंचिका: ${p.file}\nसेवा में: ${p.addressee}\nविषय: ${p.subject}\nपाठ: ${p.body}\nSHA-256: ${p.hash}\nपत्रांक हस्ताक्षर के बाद दिया जाएगा। ${AGREE.hi}`,
    en: (p) => `Dispatching this letter needs your signature. You are signing:\nFile: ${p.file}\nTo: ${p.addressee}\nSubject: ${p.subject}\nText: ${p.body}\nSHA-256: ${p.hash}\nThe letter number is given once it is signed. ${AGREE.en}`,
  },
  tourSigned: {
    hi: (p) => `✍️ हस्ताक्षरित: दौरा ${p.number} (${p.officer}) स्वीकृत। हस्ताक्षरित भ्रमण स्वीकृति आदेश संलग्न है।`,
    en: (p) => `✍️ Signed: tour ${p.number} (${p.officer}) approved. The signed tour approval order is attached.`,
  },
  taSigned: {
    hi: (p) => `✍️ हस्ताक्षरित: यात्रा भत्ता दावा ${p.number} (${p.officer}) ₹${p.total} स्वीकृत। हस्ताक्षरित विपत्र संलग्न है।`,
    en: (p) => `✍️ Signed: TA claim ${p.number} (${p.officer}) for ₹${p.total} approved. The signed bill is attached.`,
  },
  letterSigned: {
    hi: (p) => `✍️ हस्ताक्षरित एवं प्रेषित: पत्रांक ${p.number}, सेवा में ${p.addressee}। संचिका ${p.file} पर टिप्पणी ${p.note} दर्ज। हस्ताक्षरित पत्र संलग्न है; फिर से पाने के लिए: पत्र ${p.number}`,
    en: (p) => `✍️ Signed and dispatched: letter no. ${p.number} to ${p.addressee}. Note ${p.note} added on file ${p.file}. The signed letter is attached; to get it again: letter ${p.number}`,
  },
  cancelledPending: {
    hi: (p) => `हस्ताक्षर रद्द; ${p.number} पर निर्णय लंबित है और आपके पास है।`,
    en: (p) => `Signing cancelled; the decision on ${p.number} is still pending with you.`,
  },
  cancelledLetter: {
    hi: (p) => `हस्ताक्षर रद्द; पत्र (${p.number}) प्रेषित नहीं हुआ, प्रारूप बना हुआ है।`,
    en: (p) => `Signing cancelled; the letter (${p.number}) was not dispatched and stays a draft.`,
  },
  letterLabel: {
    hi: (p) => `संचिका ${p.file} का पत्र प्रारूप #${p.id}`,
    en: (p) => `draft letter #${p.id} on ${p.file}`,
  },
  otpContext: {
    hi: (p) => `Daftar: ${p.label} पर हस्ताक्षर हेतु`,
    en: (p) => `Daftar: to sign ${p.label}`,
  },
} satisfies Record<string, Say>;

export function sgtext(key: keyof typeof SIGN_MORE_TEXT, lang: UiLanguage, params: P = {}): string {
  return (SIGN_MORE_TEXT[key] as Say)[lang](params);
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');
const who = (e: Employee | null) => (e === null ? '' : `${e.name} (${e.code})`);
const decisionWord = (d: 'approve' | 'return', lang: UiLanguage) => stext(d === 'approve' ? 'decisionApprove' : 'decisionReturn', lang);

/** How replies name what is being signed: its number, or the draft letter on its file. */
export function signLabel(request: Pick<SignRequest, 'subject' | 'number'>, lang: UiLanguage): string {
  return request.subject === 'letter' ? sgtext('letterLabel', lang, parseLetterRef(request.number)) : request.number;
}

/** Where the OTP will go, as the file summary says it. */
function channelHint(kinds: ReadonlyArray<'sms' | 'email'>, lang: UiLanguage): string {
  if (kinds[0] === 'email') return 'e-mail';
  return lang === 'hi' ? 'मोबाइल/ई-मेल' : 'mobile/e-mail';
}

/** What the signer is shown before consenting. */
export function signSummaryText(preview: SignPreview, hash: string, lang: UiLanguage, otpKinds: ReadonlyArray<'sms' | 'email'>): string {
  switch (preview.kind) {
    case 'file':
      return stext('summary', lang, {
        number: preview.number, note: preview.noteNumber, decision: decisionWord(preview.decision, lang), text: preview.text, hash, channelHint: channelHint(otpKinds, lang),
      });
    case 'leave':
      return stext('leaveSummary', lang, {
        number: preview.number, applicant: who(preview.applicant), type: preview.type, from: ddmmyyyy(preview.from), to: ddmmyyyy(preview.to), days: preview.days, hash,
      });
    case 'tour':
      return sgtext('tourSummary', lang, {
        number: preview.number, officer: who(preview.officer), places: preview.destinations.join(', '),
        from: ddmmyyyy(preview.from), to: ddmmyyyy(preview.to), purpose: preview.purpose, mode: preview.mode ?? '', hash,
      });
    case 'ta':
      return sgtext('taSummary', lang, {
        number: preview.number, tour: preview.tour, officer: who(preview.officer), fares: preview.fares, daDays: preview.daDays, daRate: preview.daRate, total: preview.total, hash,
      });
    case 'letter':
      return sgtext('letterSummary', lang, { file: preview.file, addressee: preview.addressee, subject: preview.subject, body: preview.body, hash });
  }
}

/** The answer once the decision is signed. */
export function signedText(done: SignedFacts, lang: UiLanguage): string {
  switch (done.kind) {
    case 'file':
      return stext('signed', lang, { number: done.number, note: done.note, decision: decisionWord(done.decision, lang), to: `${done.to.name} (${done.to.post})` });
    case 'leave':
      return stext('leaveSigned', lang, { number: done.number, applicant: done.applicant });
    case 'tour':
      return sgtext('tourSigned', lang, { number: done.number, officer: done.officer });
    case 'ta':
      return sgtext('taSigned', lang, { number: done.number, officer: done.officer, total: done.total });
    case 'letter':
      return sgtext('letterSigned', lang, { number: done.number, addressee: done.addressee, file: done.file, note: done.note });
  }
}

/** Signing stopped; the decision stays pending (or the letter a draft). */
export function signCancelledText(request: Pick<SignRequest, 'subject' | 'number'>, lang: UiLanguage): string {
  switch (request.subject) {
    case 'file':
      return stext('cancelled', lang, { number: request.number });
    case 'letter':
      return sgtext('cancelledLetter', lang, { number: signLabel(request, lang) });
    default:
      return sgtext('cancelledPending', lang, { number: request.number });
  }
}

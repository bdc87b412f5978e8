// Texts for outgoing letters and their dispatch (पत्र / प्रेषण), in Hindi and English.
import type { Notification } from '../../core/outbox/notify.ts';
import type { UiLanguage } from '../../core/types.ts';
import type { Reply } from '../reply.ts';
import { sentences, type P } from './say.ts';

const EXAMPLE = {
  hi: 'जैसे:\nपत्र EST-12/2026 सेवा में: सचिव, राजस्व एवं भूमि सुधार विभाग, पटना विषय: भूमि अभिलेख का अद्यतन पाठ: उपर्युक्त विषय में प्रतिवेदन संलग्न है।\nया चरणों में: पत्र EST-12/2026',
  en: 'e.g.:\nletter on EST-12/2026 to The Secretary, Revenue and Land Reforms Dept, Patna: subject: Updating land records text: The report on the above subject is enclosed.\nor step by step: letter on EST-12/2026',
};

export const LETTER_TEXT = sentences({
  example: { hi: () => `पत्र पढ़ा नहीं जा सका; कुछ भी सहेजा नहीं गया। ${EXAMPLE.hi}`, en: () => `The letter could not be read; nothing was saved. ${EXAMPLE.en}` },
  whichFile: { hi: () => `किस संचिका पर पत्र? ${EXAMPLE.hi}`, en: () => `Which file is the letter on? ${EXAMPLE.en}` },
  askAddressee: { hi: (p) => `संचिका ${p.file} पर पत्र। सेवा में: किसे भेजना है? (पद, कार्यालय, स्थान)\nछोड़ने के लिए "रद्द"।`, en: (p) => `Letter on file ${p.file}. To whom? (post, office, place)\nSend "cancel" to stop.` },
  askSubject: { hi: () => 'विषय लिखें।', en: () => 'Write the subject.' },
  askBody: { hi: () => 'पत्र का पाठ लिखें।', en: () => 'Write the text of the letter.' },
  stepsCancelled: { hi: () => 'पत्र का प्रारूप छोड़ दिया गया; कुछ भी सहेजा नहीं गया।', en: () => 'The letter was dropped; nothing was saved.' },
  draft: {
    hi: (p) => `पत्र प्रारूप #${p.id} (संचिका ${p.file})\nसेवा में: ${p.addressee}\nविषय: ${p.subject}\n\n${p.body}\n\n${p.signed ? 'प्रेषण पर आपका OTP से हस्ताक्षर होगा।' : 'आपके पद हेतु हस्ताक्षर आवश्यक नहीं: प्रेषण पर पत्रांक मिलेगा, हस्ताक्षर नहीं।'}`,
    en: (p) => `Draft letter #${p.id} (file ${p.file})\nTo: ${p.addressee}\nSubject: ${p.subject}\n\n${p.body}\n\n${p.signed ? 'Dispatch will be signed by you with an OTP.' : 'Your post does not sign under the policy: dispatch gives a letter number, no signature.'}`,
  },
  btnDispatch: { hi: () => 'प्रेषित करें', en: () => 'Dispatch' },
  btnCancel: { hi: () => 'रद्द करें', en: () => 'Cancel' },
  dispatchedUnsigned: {
    hi: (p) => `📨 प्रेषित (बिना डिजिटल हस्ताक्षर, पत्रांक सहित): पत्रांक ${p.number}, सेवा में ${p.addressee}। संचिका ${p.file} पर टिप्पणी ${p.note} दर्ज। पत्र संलग्न है; फिर से पाने के लिए: पत्र ${p.number}`,
    en: (p) => `📨 Dispatched unsigned (numbered, no digital signature): letter no. ${p.number} to ${p.addressee}. Note ${p.note} added on file ${p.file}. The letter is attached; to get it again: letter ${p.number}`,
  },
  cancelled: { hi: (p) => `पत्र प्रारूप #${p.id} रद्द किया गया।`, en: (p) => `Draft letter #${p.id} was cancelled.` },
  copy: {
    hi: (p) => `पत्रांक ${p.number} (संचिका ${p.file}), ${p.at} को प्रेषित${p.signed ? ', हस्ताक्षरित' : ', बिना हस्ताक्षर'}।`,
    en: (p) => `Letter no. ${p.number} (file ${p.file}), dispatched ${p.at}${p.signed ? ', signed' : ', unsigned'}.`,
  },
});

export type LetterTextKey = keyof typeof LETTER_TEXT;

export function lttext(key: LetterTextKey, lang: UiLanguage, params: P = {}): string {
  return LETTER_TEXT[key][lang](params);
}

/** Renders a notification of this feature, or null when the kind is not one of ours. */
export function renderLetterNotification(_notification: Notification, _lang: UiLanguage): Reply | null {
  return null;
}

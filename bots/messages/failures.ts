// Every failure code the core can return (core/errors.ts: one list, eLeave and eTour included),
// said in Hindi and in English. The Record type makes a code without a sentence a compile error, so
// failureText finds every code's sentence and never falls back to the raw code.
import type { FailureCode } from '../../core/errors.ts';
import type { UiLanguage } from '../../core/types.ts';

import { CIRCULAR_FAILURE_TEXT } from './circular-failures.ts';
import { TRAINING_FAILURE_TEXT } from './training-failures.ts';
import { LETTER_FAILURE_TEXT } from './letter-failures.ts';
import { INTAKE_FAILURE_TEXT } from './intake-failures.ts';
import { LEAVE_FAILURE_TEXT } from './leave-texts.ts';
import { TOUR_FAILURE_TEXT } from './tour-texts.ts';
import { DEADLINE_FAILURE_TEXT } from './deadline-texts.ts';
import { EFILE_DEPTH_FAILURE_TEXT } from './efile-depth-failures.ts';

export type { P, Say } from './say.ts';
import type { P, Say } from './say.ts';

export const FAILURE_TEXT: Record<FailureCode, Say> = {
  'ACCOUNT.NOT_LINKED': {
    hi: () => 'यह खाता अभी किसी कर्मी से नहीं जुड़ा है। जोड़ने के लिए लिखें: जोड़ें <कर्मी कोड>',
    en: () => 'This chat is not linked to an employee yet. To link it, send: link <employee code>',
  },
  'ACCOUNT.ALREADY_LINKED': {
    hi: (p) => `यह खाता पहले से कर्मी कोड ${p.code} से जुड़ा है। बदलना हो तो जिला सूचना विज्ञान पदाधिकारी से संपर्क करें।`,
    en: (p) => `This chat is already linked to employee ${p.code}. To change it, ask the District Informatics Officer.`,
  },
  'ACCOUNT.EMPLOYEE_INACTIVE': {
    hi: (p) => `कर्मी कोड ${p.code} निष्क्रिय है। स्थापना शाखा या जिला सूचना विज्ञान पदाधिकारी से संपर्क करें।`,
    en: (p) => `Employee ${p.code} is not active. Please contact the establishment section or the District Informatics Officer.`,
  },
  'STAFF.UNKNOWN_CODE': {
    hi: (p) => `कर्मी कोड "${p.code}" मास्टर रोल में नहीं मिला। कोड जाँच कर फिर भेजें, जैसे: जोड़ें SAH0042`,
    en: (p) => `Employee code "${p.code}" is not on the master roll. Check the code and send it again, e.g.: link SAH0042`,
  },
  'STAFF.NO_CONTACT': {
    hi: (p) => `कर्मी कोड ${p.code} के लिए रोल में ऐसा मोबाइल या ई-मेल नहीं है जिस पर OTP भेजा जा सके। स्थापना शाखा से रोल ठीक कराएँ।`,
    en: (p) => `The roll has no mobile or e-mail for ${p.code} that an OTP can be sent to. Ask the establishment section to correct the roll.`,
  },
  'OTP.NO_PENDING': {
    hi: () => 'अभी कोई OTP प्रतीक्षित नहीं है। नया OTP पाने के लिए फिर से अनुरोध करें (जैसे: जोड़ें <कर्मी कोड>)।',
    en: () => 'No OTP is awaited right now. Ask for a new one first (e.g. link <employee code>).',
  },
  'OTP.WRONG_CODE': {
    hi: (p) => `OTP गलत है। ${p.left} प्रयास बाकी हैं।`,
    en: (p) => `That OTP is not right. ${p.left} ${p.left === 1 ? 'try' : 'tries'} left.`,
  },
  'OTP.EXPIRED': {
    hi: (p) => `OTP की ${p.minutes} मिनट की अवधि समाप्त हो गई। नया OTP मँगाएँ।`,
    en: (p) => `That OTP has expired (codes live ${p.minutes} minutes). Ask for a new one.`,
  },
  'OTP.LOCKED': {
    hi: () => 'बहुत बार गलत OTP डाला गया, यह OTP बंद कर दिया गया है। नया OTP मँगाएँ।',
    en: () => 'Too many wrong tries: this OTP is now blocked. Ask for a new one.',
  },
  'OTP.RATE_LIMITED': {
    hi: (p) => `एक घंटे में ${p.perHour} से अधिक OTP नहीं भेजे जाते। कुछ देर बाद प्रयास करें।`,
    en: (p) => `At most ${p.perHour} OTPs are sent per hour. Please try again later.`,
  },
  'OTP.LINK_CEILING': {
    hi: (p) => `पिछले एक घंटे में कर्मी कोड ${p.code} के लिए कई चैट से ${p.perHour} बार OTP माँगा गया, इसलिए अभी और नहीं भेजा जाएगा। कुछ देर बाद प्रयास करें; यदि ये अनुरोध आपके नहीं थे, तो जिला सूचना विज्ञान पदाधिकारी को बताएँ।`,
    en: (p) => `Codes for ${p.code} were asked for ${p.perHour} times in the last hour from several chats, so no more are sent for now. Please try again later; if those requests were not yours, tell the District Informatics Officer.`,
  },
  'OTP.NOT_SENT': {
    hi: () => 'OTP भेजा नहीं जा सका (SMS/ई-मेल सेवा ने उत्तर नहीं दिया)। कुछ देर बाद फिर प्रयास करें।',
    en: () => 'The OTP could not be sent (the SMS/e-mail service did not accept it). Please try again shortly.',
  },
  'OTP.MALFORMED': {
    hi: () => 'OTP 6 अंकों का होता है, जैसे 482913।',
    en: () => 'An OTP is 6 digits, e.g. 482913.',
  },
  'ADMIN.NOT_ALLOWED': {
    hi: () => 'यह काम केवल व्यवस्थापक कर सकते हैं।',
    en: () => 'Only an administrator can do that.',
  },
  'RECEIPT.NOT_FOUND': {
    hi: (p) => `प्राप्ति संख्या ${p.number} नहीं मिली। संख्या जाँचें, जैसे SAH/R/2026/000123।`,
    en: (p) => `No receipt numbered ${p.number}. Check the number, e.g. SAH/R/2026/000123.`,
  },
  'RECEIPT.ALREADY_FILED': {
    hi: (p) => `प्राप्ति ${p.number} पहले से संचिका ${p.file} में है।`,
    en: (p) => `Receipt ${p.number} is already in file ${p.file}.`,
  },
  'FILE.NOT_FOUND': {
    hi: (p) => `संचिका संख्या ${p.number} नहीं मिली। संख्या जाँचें, जैसे EST-12/2026।`,
    en: (p) => `No file numbered ${p.number}. Check the number, e.g. EST-12/2026.`,
  },
  'FILE.NOT_IN_YOUR_HANDS': {
    hi: (p) => `${p.number} अभी आपके पास नहीं, ${p.holder} के पास है; इस पर केवल वही कार्रवाई कर सकते हैं।`,
    en: (p) => `${p.number} is not with you: it is with ${p.holder}, and only they can act on it.`,
  },
  'FILE.CLOSED': {
    hi: (p) => `संचिका ${p.number} बंद है। उसकी शाखा इसे फिर खोल सकती है: "reopen ${p.number}"।`,
    en: (p) => `File ${p.number} is closed. Its section can reopen it: "reopen ${p.number}".`,
  },
  'FILE.NOT_CLOSED': {
    hi: (p) => `संचिका ${p.number} बंद नहीं है।`,
    en: (p) => `File ${p.number} is not closed.`,
  },
  'FILE.CHANGED_MEANWHILE': {
    hi: (p) => `${p.number} पर इसी बीच किसी और ने कार्रवाई कर दी; आपकी कार्रवाई दर्ज नहीं हुई। स्थिति देखें: status ${p.number}`,
    en: (p) => `Someone else acted on ${p.number} just now; your action was not recorded. See: status ${p.number}`,
  },
  'FILE.NOTHING_TO_RETURN_TO': {
    hi: (p) => `${p.number} किसी से आपके पास नहीं आई है, इसलिए लौटाने/स्वीकृत कर वापस भेजने के लिए कोई नहीं है। आगे भेजें: "send to <पद या नाम>"।`,
    en: (p) => `${p.number} did not come to you from anyone, so there is no one to send it back to. Forward it instead: "send to <post or name>".`,
  },
  'FILE.EMPTY_NOTE': {
    hi: () => 'टिप्पणी खाली है। लिखें, जैसे: टिप्पणी: आदेशार्थ प्रस्तुत।',
    en: () => 'The note is empty. Write, e.g.: note: put up for orders.',
  },
  'FILE.SELF_FORWARD': {
    hi: () => 'यह पहले से आपके पास है; किसी और को भेजें।',
    en: () => 'It is already with you; send it to someone else.',
  },
  'FILE.NOT_YOUR_SECTION': {
    hi: (p) => `संचिका ${p.number} को केवल ${p.section} के कर्मी फिर खोल सकते हैं।`,
    en: (p) => `Only staff of ${p.section} can reopen file ${p.number}.`,
  },
  'FILE.NOT_VISIBLE': {
    hi: (p) => `${p.number} अभी ${p.holder} के पास है। इसका विवरण केवल संबंधित शाखा और जिनके पास से यह गुज़री है, वही देख सकते हैं।`,
    en: (p) => `${p.number} is with ${p.holder}. Its contents are open only to its section and to those it has passed through.`,
  },
  'STAFF.ADDRESSEE_INACTIVE': {
    hi: (p) => `${p.name} निष्क्रिय हैं; उन्हें नहीं भेजा जा सकता।`,
    en: (p) => `${p.name} is not active; nothing can be sent to them.`,
  },
  'STAFF.NO_SUCH_ADDRESSEE': {
    hi: (p) => `"${p.name}" नाम/पद का कोई कर्मी नहीं मिला। पद (जैसे DDC, ADM), नाम या कर्मी कोड लिखें।`,
    en: (p) => `No one found for "${p.name}". Write a post (e.g. DDC, ADM), a name or an employee code.`,
  },
  'UPLOAD.UNSUPPORTED_TYPE': {
    hi: (p) => `"${p.name}" स्वीकार्य प्रकार नहीं है। फोटो (JPEG/PNG) या PDF भेजें। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" is not a supported type. Send photos (JPEG/PNG) or a PDF. Nothing was saved.`,
  },
  'UPLOAD.TOO_LARGE': {
    hi: (p) => `"${p.name}" बहुत बड़ी है (अधिकतम ${p.maxMb} MB)। कम रिज़ॉल्यूशन में स्कैन करके भेजें। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" is too large (at most ${p.maxMb} MB). Scan at a lower resolution and send again. Nothing was saved.`,
  },
  'UPLOAD.CORRUPT': {
    hi: (p) => `"${p.name}" खुल नहीं रही (फ़ाइल खराब या अधूरी है)। फिर से स्कैन करके भेजें। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" cannot be opened (damaged or incomplete). Scan and send it again. Nothing was saved.`,
  },
  'UPLOAD.EMPTY': {
    hi: (p) => `"${p.name}" खाली है। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" is empty. Nothing was saved.`,
  },
  'UPLOAD.ENCRYPTED': {
    hi: (p) => `"${p.name}" पासवर्ड से सुरक्षित PDF है; बिना पासवर्ड वाली प्रति भेजें। कुछ भी सहेजा नहीं गया।`,
    en: (p) => `"${p.name}" is a password-protected PDF; send an unprotected copy. Nothing was saved.`,
  },
  'MESSAGE.EMPTY': { hi: () => 'संदेश खाली है। जैसे: msg DDC: 4 बजे बैठक', en: () => 'The message is empty. e.g.: msg DDC: meeting at 4' },
  'MESSAGE.TO_SELF': { hi: () => 'अपने आप को संदेश नहीं भेजा जा सकता।', en: () => 'You cannot message yourself.' },
  'MESSAGE.NOT_REACHABLE': {
    hi: (p) => `${p.name} का कोई चैट खाता जुड़ा नहीं है या वे निष्क्रिय हैं; संदेश नहीं भेजा गया।`,
    en: (p) => `${p.name} has no linked chat or is not active; the message was not sent.`,
  },
  'SIGN.DOCUMENT_CHANGED': {
    hi: (p) => `${p.number} में इसी बीच बदलाव हुआ है, इसलिए यह हस्ताक्षर अस्वीकार किया गया; निर्णय लंबित है। स्थिति देखकर फिर से निर्णय दें।`,
    en: (p) => `${p.number} changed in the meantime, so this signature was refused; the decision is still pending. Check it and decide again.`,
  },
  'SIGN.NOTHING_TO_SIGN': {
    hi: () => 'हस्ताक्षर के लिए कुछ प्रतीक्षित नहीं है।',
    en: () => 'Nothing is waiting for your signature.',
  },
  ...CIRCULAR_FAILURE_TEXT,
  ...TRAINING_FAILURE_TEXT,
  ...LETTER_FAILURE_TEXT,
  ...INTAKE_FAILURE_TEXT,
  ...LEAVE_FAILURE_TEXT,
  ...TOUR_FAILURE_TEXT,
  ...DEADLINE_FAILURE_TEXT,
  ...EFILE_DEPTH_FAILURE_TEXT,
};

export function failureText(code: FailureCode, params: P, lang: UiLanguage): string {
  return FAILURE_TEXT[code][lang](params);
}

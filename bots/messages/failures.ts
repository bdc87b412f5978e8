// Every failure code the core can return, said in Hindi and in English. The Record type makes a
// code without a sentence a compile error.
import type { FailureCode } from '../../core/errors.ts';
import type { UiLanguage } from '../../core/types.ts';

type P = Record<string, string | number>;
type Say = Record<UiLanguage, (p: P) => string>;

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
};

export function failureText(code: FailureCode, params: P, lang: UiLanguage): string {
  return FAILURE_TEXT[code][lang](params);
}

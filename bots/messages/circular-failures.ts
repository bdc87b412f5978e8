// Circular failure codes said in Hindi and English.
import type { CIRCULAR_FAILURES } from '../../core/messaging/circular-failures.ts';
import type { Say } from './say.ts';

export const CIRCULAR_FAILURE_TEXT: Record<(typeof CIRCULAR_FAILURES)[number], Say> = {
  'CIRCULAR.NOT_FOUND': {
    hi: (p) => `परिपत्र ${p.number} नहीं मिला।`,
    en: (p) => `Circular ${p.number} was not found.`,
  },
  'CIRCULAR.NOT_ALLOWED': {
    hi: () => 'परिपत्र/सूचना केवल अधिकृत पदाधिकारी (जैसे जिलाधिकारी, उप विकास आयुक्त, अपर समाहर्ता) भेज सकते हैं। कुछ भी नहीं भेजा गया। अपने पदाधिकारी से अनुरोध करें।',
    en: () => 'Only authorised officers (e.g. the Collector, DDC, ADM) can send a circular or notice. Nothing was sent. Please ask your officer.',
  },
  'CIRCULAR.EMPTY': {
    hi: () => 'परिपत्र का पाठ खाली है। जैसे: परिपत्र सभी को: कल 11 बजे सभाकक्ष में बैठक है',
    en: () => "The circular has no text. e.g.: circular to all: Tomorrow's meeting is at 11 in the conference hall",
  },
  'CIRCULAR.TOO_LONG': {
    hi: (p) => `परिपत्र बहुत लंबा है (${p.length} अक्षर, अधिकतम ${p.max})। लंबा आदेश PDF के रूप में भेजें, संदेश में एक पंक्ति लिखें। कुछ भी नहीं भेजा गया।`,
    en: (p) => `The circular is too long (${p.length} characters, at most ${p.max}). Send a long order as a PDF with one line as its caption. Nothing was sent.`,
  },
  'CIRCULAR.NO_AUDIENCE': {
    hi: () => 'किसे भेजना है, यह भी लिखें। जैसे:\n• परिपत्र सभी को: …\n• सूचना स्थापना शाखा को: …\n• सूचना सभी अनुमंडल पदाधिकारी को: …',
    en: () => 'Please say to whom. e.g.:\n• circular to all: …\n• notice to EST, ACC: …\n• circular to posts SDO, DCLR: …',
  },
  'CIRCULAR.NO_RECIPIENTS': {
    hi: () => 'इन कोषांगों/पदों में आपके सिवा कोई सक्रिय कर्मी नहीं है। कुछ भी नहीं भेजा गया।',
    en: () => 'No active employee besides you is in those sections or posts. Nothing was sent.',
  },
  'CIRCULAR.UNKNOWN_SECTION': {
    hi: (p) => `"${p.name}" नाम का कोई कोषांग नहीं मिला। कुछ भी नहीं भेजा गया। कोषांग (कोड — नाम):\n${p.sections}`,
    en: (p) => `No section called "${p.name}". Nothing was sent. The sections (code — name):\n${p.sections}`,
  },
  'CIRCULAR.UNKNOWN_POST': {
    hi: (p) => `"${p.name}" कोई ज्ञात पद नहीं है। पद ऐसे लिखें: SDO, DCLR, CO, BDO, अनुमंडल पदाधिकारी। कुछ भी नहीं भेजा गया।`,
    en: (p) => `"${p.name}" is not a known post. Write posts like: SDO, DCLR, CO, BDO. Nothing was sent.`,
  },
  'CIRCULAR.BAD_DEADLINE': {
    hi: (p) => `"${p.given}" समय समझ नहीं आया। ऐसे लिखें: देखा: शाम 5 बजे तक, या: ack by 27-11-2026 17:00। कुछ भी नहीं भेजा गया।`,
    en: (p) => `Could not read the time in "${p.given}". Write e.g.: ack by 17:00, or: ack by 27-11-2026 17:00. Nothing was sent.`,
  },
  'CIRCULAR.PAST_DEADLINE': {
    hi: (p) => `देखने की समय-सीमा (${p.at}) बीत चुकी है; आगे का समय दें। कुछ भी नहीं भेजा गया।`,
    en: (p) => `The acknowledgement time (${p.at}) has already passed; give a later one. Nothing was sent.`,
  },
  'CIRCULAR.ONLY_ONE_PDF': {
    hi: () => 'परिपत्र के साथ केवल एक PDF भेजी जा सकती है (फोटो नहीं)। कुछ भी नहीं भेजा गया।',
    en: () => 'A circular can carry one PDF only (no photos). Nothing was sent.',
  },
  'CIRCULAR.NOT_A_RECIPIENT': {
    hi: (p) => `परिपत्र ${p.number} आपको नहीं भेजा गया था, इसलिए आप इसकी पावती नहीं दे सकते।`,
    en: (p) => `Circular ${p.number} was not sent to you, so you cannot acknowledge it.`,
  },
  'CIRCULAR.ALREADY_ACKNOWLEDGED': {
    hi: (p) => `परिपत्र ${p.number} की पावती आप पहले ही दे चुके हैं।`,
    en: (p) => `You have already acknowledged circular ${p.number}.`,
  },
  'CIRCULAR.NOT_YOURS': {
    hi: (p) => `परिपत्र ${p.number} की स्थिति केवल भेजने वाले पदाधिकारी, जिलाधिकारी और उप विकास आयुक्त देख सकते हैं।`,
    en: (p) => `Only the sender, the Collector and the DDC can see the status of circular ${p.number}.`,
  },
  'CIRCULAR.NONE_SENT': {
    hi: () => 'आपने अभी तक कोई परिपत्र नहीं भेजा है।',
    en: () => 'You have not sent any circular yet.',
  },
};

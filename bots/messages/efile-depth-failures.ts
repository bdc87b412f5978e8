// Pull back, yellow (draft) note and note-reference failure codes said in Hindi and English.
import type { EFILE_DEPTH_FAILURES } from '../../core/efile/depth-failures.ts';
import type { P, Say } from './say.ts';

/** What the recipient did (core/efile/acted.ts), in words. */
const ACTS: Record<string, [string, string]> = {
  noted: ['टिप्पणी लिखी', 'wrote a note on it'], forwarded: ['आगे भेज दिया', 'sent it on'], approved: ['स्वीकृत कर दिया', 'approved it'],
  returned: ['वापस कर दिया', 'returned it'], parked: ['रोक दिया', 'parked it'], closed: ['बंद कर दिया', 'closed it'],
  attached: ['संचिका में रखा', 'put it into a file'], reopened: ['फिर खोला', 'reopened it'], pulled_back: ['वापस ले लिया', 'pulled it back'],
};
const act = (p: P, i: 0 | 1) => ACTS[String(p.act)]?.[i] ?? String(p.act);
/** What the file does have, so that the writer can correct the reference. */
const have = (p: P, lang: 'hi' | 'en'): string => {
  if (p.kind === 'diary') return lang === 'hi' ? `यह डायरी संख्या ${p.number} में रखी नहीं गई है` : `that diary number is not in ${p.number}`;
  if (p.kind === 'note') return lang === 'hi' ? `${p.number} में अभी ${p.count} टिप्पणी हैं` : `${p.number} has ${p.count} note(s) so far`;
  return lang === 'hi' ? `${p.number} के पत्राचार में ${p.count} पत्र हैं` : `${p.number} has ${p.count} letter(s) in its correspondence`;
};

export const EFILE_DEPTH_FAILURE_TEXT: Record<(typeof EFILE_DEPTH_FAILURES)[number], Say> = {
  'PULLBACK.NOT_SENDER': {
    hi: (p) => `${p.number} आपने नहीं भेजी थी, इसलिए आप इसे वापस नहीं ले सकते। यह अभी ${p.holder} के पास है।`,
    en: (p) => `You did not send ${p.number}, so you cannot pull it back. It is with ${p.holder}.`,
  },
  'PULLBACK.ALREADY_ACTED': {
    hi: (p) => `${p.number} अब वापस नहीं ली जा सकती: ${p.by} ने ${p.at} पर इसे ${act(p, 0)}। उनसे बात करें।`,
    en: (p) => `${p.number} can no longer be pulled back: ${p.by} ${act(p, 1)} at ${p.at}. Please speak to them.`,
  },
  'DRAFT.NOT_FOUND': {
    hi: (p) => `मसौदा टिप्पणी #${p.id} नहीं मिली।`,
    en: (p) => `Draft note #${p.id} was not found.`,
  },
  'DRAFT.NOT_ALLOWED': {
    hi: (p) => `${p.number} पर मसौदा टिप्पणी वही लिख सकता है जिसके पास संचिका है, या जिसने इसे अभी-अभी अपने नियंत्री पदाधिकारी को भेजा है। यह ${p.holder} के पास है।`,
    en: (p) => `A draft note on ${p.number} can be written only by its holder, or by whoever has just sent it to their reporting officer. It is with ${p.holder}.`,
  },
  'DRAFT.NOT_HOLDER': {
    hi: (p) => `मसौदा टिप्पणी #${p.id} (${p.number}) को संशोधित या पुष्ट केवल संचिका धारक ${p.holder} कर सकते हैं।`,
    en: (p) => `Only the file's holder, ${p.holder}, can edit or confirm draft note #${p.id} on ${p.number}.`,
  },
  'DRAFT.NOT_OPEN': {
    hi: (p) => `मसौदा टिप्पणी #${p.id} पहले ही ${p.status === 'confirmed' ? 'पुष्ट हो चुकी है (हरी टिप्पणी बन चुकी है)' : 'हटाई जा चुकी है'}।`,
    en: (p) => `Draft note #${p.id} has already been ${p.status === 'confirmed' ? 'confirmed (it is a green note now)' : 'discarded'}.`,
  },
  'DRAFT.EMPTY': {
    hi: () => 'मसौदा खाली है। जैसे: मसौदा टिप्पणी: आदेशार्थ प्रस्तुत।',
    en: () => 'The draft is empty. e.g.: draft: Submitted for orders.',
  },
  'NOTE.BAD_REFERENCE': {
    hi: (p) => `संदर्भ "${p.ref}" किसी पत्र या टिप्पणी को नहीं दर्शाता: ${have(p, 'hi')}। टिप्पणी नहीं लिखी गई; संदर्भ ठीक कर फिर भेजें।`,
    en: (p) => `The reference "${p.ref}" points to nothing: ${have(p, 'en')}. The note was not written; correct the reference and send it again.`,
  },
};

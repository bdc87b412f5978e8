// Outgoing-letter failure codes said in Hindi and English.
import type { LETTER_FAILURES } from '../../core/signing/letter-failures.ts';
import type { Say } from './say.ts';

const PART = { addressee: ['सेवा में (प्रापक)', 'addressee'], subject: ['विषय', 'subject'], body: ['पाठ', 'text'] } as Record<string, [string, string]>;
const part = (p: Record<string, string | number>, i: 0 | 1) => PART[String(p.part)]?.[i] ?? String(p.part);

export const LETTER_FAILURE_TEXT: Record<(typeof LETTER_FAILURES)[number], Say> = {
  'LETTER.NOT_FOUND': {
    hi: (p) => `पत्र ${p.number} नहीं मिला।`,
    en: (p) => `Letter ${p.number} was not found.`,
  },
  'LETTER.EMPTY_PART': {
    hi: (p) => `पत्र का ${part(p, 0)} खाली है; कुछ भी सहेजा नहीं गया।`,
    en: (p) => `The letter's ${part(p, 1)} is empty; nothing was saved.`,
  },
  'LETTER.TOO_LONG': {
    hi: (p) => `पत्र का ${part(p, 0)} बहुत लंबा है (अधिकतम ${p.max} अक्षर); कुछ भी सहेजा नहीं गया।`,
    en: (p) => `The letter's ${part(p, 1)} is too long (at most ${p.max} characters); nothing was saved.`,
  },
  'LETTER.NOT_DRAFT': {
    hi: (p) => `पत्र ${p.number} अब प्रारूप नहीं है (${p.status === 'dispatched' ? 'प्रेषित' : 'रद्द'}); यह अभी संभव नहीं।`,
    en: (p) => `Letter ${p.number} is no longer a draft (${p.status}); that cannot be done now.`,
  },
  'LETTER.CHANGED_MEANWHILE': {
    hi: (p) => `पत्र ${p.number} इसी बीच बदल गया; कृपया फिर देखें।`,
    en: (p) => `Letter ${p.number} was changed meanwhile; please look again.`,
  },
};

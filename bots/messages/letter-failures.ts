// Outgoing-letter failure codes said in Hindi and English.
import type { LETTER_FAILURES } from '../../core/signing/letter-failures.ts';
import type { Say } from './failures.ts';

export const LETTER_FAILURE_TEXT: Record<(typeof LETTER_FAILURES)[number], Say> = {
  'LETTER.NOT_FOUND': {
    hi: (p) => `पत्र ${p.number} नहीं मिला।`,
    en: (p) => `Letter ${p.number} was not found.`,
  },
};

// Circular failure codes said in Hindi and English.
import type { CIRCULAR_FAILURES } from '../../core/messaging/circular-failures.ts';
import type { Say } from './failures.ts';

export const CIRCULAR_FAILURE_TEXT: Record<(typeof CIRCULAR_FAILURES)[number], Say> = {
  'CIRCULAR.NOT_FOUND': {
    hi: (p) => `परिपत्र ${p.number} नहीं मिला।`,
    en: (p) => `Circular ${p.number} was not found.`,
  },
};

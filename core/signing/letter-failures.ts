// Failure codes of outgoing letters and their dispatch (said in bots/messages/letter-failures.ts).
export const LETTER_FAILURES = [
  'LETTER.NOT_FOUND',
  'LETTER.EMPTY_PART',
  'LETTER.TOO_LONG',
  'LETTER.NOT_DRAFT',
  'LETTER.CHANGED_MEANWHILE',
] as const;

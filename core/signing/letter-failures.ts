// Failure codes of outgoing letters and their dispatch (said in bots/messages/letter-failures.ts).
export const LETTER_FAILURES = [
  'LETTER.NOT_FOUND',
] as const;

// Failure codes of circulars and notices (said in bots/messages/circular-failures.ts).
export const CIRCULAR_FAILURES = [
  'CIRCULAR.NOT_FOUND',
] as const;

// Failure codes of pull back, yellow (draft) notes and references between notes and letters
// (issue 20), said in bots/messages/efile-depth-failures.ts.
export const EFILE_DEPTH_FAILURES = [
  'PULLBACK.NOT_SENDER',
  'PULLBACK.ALREADY_ACTED',
  'DRAFT.NOT_FOUND',
  'DRAFT.NOT_ALLOWED',
  'DRAFT.NOT_HOLDER',
  'DRAFT.NOT_OPEN',
  'DRAFT.EMPTY',
  'NOTE.BAD_REFERENCE',
] as const;

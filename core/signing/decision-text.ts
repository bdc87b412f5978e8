// The text of a file decision taken without a remark. It is written as the decision's note and it
// is part of the document the signer's OTP is bound to, so it is defined once: a second spelling
// would make the signed hash and the note disagree.
import type { Decision } from '../efile/types.ts';

export const DEFAULT_DECISION_TEXT: Readonly<Record<Decision, string>> = {
  approve: 'Approved. / स्वीकृत।',
  return: 'Returned. / वापस।',
};

/** The decision's note: the remark given, or the default text of the decision. */
export function decisionText(decision: Decision, remark: string | null | undefined): string {
  return remark?.trim() || DEFAULT_DECISION_TEXT[decision];
}

/**
 * Approve, return and refuse must never be mistaken for one another. These rules say what in a
 * reply speaks for each decision, and when a reply is plainly one decision.
 */
import { codeKind } from './codes.ts';
import type { Intent } from './intents.ts';
import type { Token } from './normalize.ts';
import { wordSet } from './phrases.ts';
import { DECISION_WORDS } from './remarks.ts';

/** Multiplier for a reply that is plainly one decision (same weight as the explicit-prefix rules). */
const HEAD_BOOST = 50;
export const NEGATION = wordSet(['nahi', 'not', 'no', 'नहीं', 'na', 'mat', 'मत', 'cannot', "can't", 'never']);
// "ok", "theek" are too weak to carry a decision when negated ("not ok" returns a file).
const WEAK_APPROVAL = wordSet(['ok', 'fine', 'go', 'alright', 'thik', 'ठीक', 'pass']);

/**
 * A reply made only of one decision's words ("seen, approved", "GOP-0045/2026 wapas karo"), or
 * opening with such a clause before a remark ("approved, send a copy to DDC"), is that decision.
 * A bare "nahi" is left to the classifier: it may be a return, a refusal or just "no".
 */
export function decisionHead(tokens: Token[]): Partial<Record<Intent, number>> {
  const sep = tokens.findIndex((t) => t.kind === 'punct' && t.text !== "'" && t.text !== '?');
  const out: Partial<Record<Intent, number>> = {};
  for (const intent of ['approve', 'return', 'refuse'] as const) {
    const words = DECISION_WORDS[intent];
    if (!words) continue;
    const ok = (t: Token): boolean => t.kind === 'punct' || t.emoji || words.filler.has(t.norm) || isId(t);
    const strongCore = (t: Token): boolean => words.core.has(t.norm) && !NEGATION.has(t.norm);
    const whole = tokens.every(ok) && tokens.some(strongCore);
    const head = sep > 0 ? tokens.slice(0, sep) : [];
    const opening = head.length > 0 && head.every(ok) && head.some(strongCore);
    if (whole || opening) out[intent] = HEAD_BOOST;
  }
  return Object.keys(out).length === 1 ? out : {};
}
function isId(t: Token): boolean {
  const k = codeKind(t);
  return k === 'file' || k === 'diary';
}

export interface DecisionEvidence {
  approve: boolean;
  return: boolean;
  refuse: boolean;
  /** Explicit words of two different decisions ("approved, but return the original"). */
  conflict: boolean;
}

const APPLICATION_WORDS = wordSet(['leave', 'chhutti', 'छुट्टी', 'अवकाश', 'cl', 'el', 'hpl', 'rh', 'scl', 'tour', 'daura',
  'दौरा', 'दौरे', 'ta', 'टीए', 'claim', 'दावा', 'application', 'आवेदन', 'request', 'permission', 'अनुमति', 'station',
  'मुख्यालय', 'भत्ता', 'bill', 'विपत्र', 'मांग']);
const GRANT_WORDS = wordSet(['granted', 'allowed', 'permitted', 'possible', 'sambhav', 'संभव', 'milegi', 'milega',
  'मिलेगी', 'मिलेगा', 'sakte', 'सकता', 'सकती', 'banta', 'hoga', 'दी', 'दिया']);
const FIRST_WORDS = wordSet(['pehle', 'पहले', 'first']);

/**
 * What in the text speaks for each decision. Refusing needs a refusal word, or a "no" about an
 * application (leave, tour, TA) or a grant ("nahi milegi"); a bare "nahi, pehle ..." about a file
 * is a return. An approval word next to a negation ("manjoor nahi") speaks for refusal.
 */
export function decisionEvidence(tokens: Token[]): DecisionEvidence {
  const approveCore = DECISION_WORDS.approve?.core ?? new Set<string>();
  const returnCore = DECISION_WORDS.return?.core ?? new Set<string>();
  const refuseCore = DECISION_WORDS.refuse?.core ?? new Set<string>();
  const negated = (i: number): boolean => [-2, -1, 1, 2].some((d) => NEGATION.has(tokens[i + d]?.norm ?? ''));
  const hasNegation = tokens.some((t) => NEGATION.has(t.norm));
  const application = tokens.some((t) => APPLICATION_WORDS.has(t.norm));
  const clauseEnd = tokens.findIndex((t) => t.kind === 'punct' && t.text !== "'" && t.text !== '?');
  const words = { approve: false, strongApprove: false, negatedApproval: false, return: false, refuse: false };
  const inHead = { ...words };
  tokens.forEach((t, i) => {
    const n = t.norm;
    const found = { ...words };
    if (approveCore.has(n)) {
      if (!negated(i)) found.approve = true;
      if (!negated(i) && !WEAK_APPROVAL.has(n)) found.strongApprove = true;
      if (negated(i) && !WEAK_APPROVAL.has(n)) found.negatedApproval = true;
    }
    if (returnCore.has(n) && !NEGATION.has(n)) found.return = true;
    if (refuseCore.has(n) && !NEGATION.has(n)) found.refuse = true;
    for (const k of Object.keys(words) as (keyof typeof words)[]) {
      if (found[k]) {
        words[k] = true;
        if (clauseEnd < 0 || i < clauseEnd) inHead[k] = true;
      }
    }
  });
  const grant = tokens.some((t) => GRANT_WORDS.has(t.norm));
  const refuse = words.refuse || words.negatedApproval || (hasNegation && (application || grant));
  const ret = words.return || tokens.some((t) => FIRST_WORDS.has(t.norm)) || (hasNegation && !application && !words.negatedApproval);
  // Two decisions named in the deciding clause, or anywhere in a short reply, are a real conflict;
  // a remark may mention another decision word ("लौटाएँ, वित्तीय सहमति प्राप्त करें").
  const scope = tokens.filter((t) => t.kind === 'word').length <= 5 ? words : inHead;
  const explicit = [scope.strongApprove, scope.return, scope.refuse || scope.negatedApproval].filter(Boolean).length;
  return { approve: words.approve, return: ret, refuse, conflict: explicit > 1 };
}

/**
 * Approve, return and refuse must never be mistaken for one another. These rules say what in a
 * reply speaks for each decision, and when a reply is plainly one decision.
 */
import { codeKind } from './codes.ts';
import type { Intent } from './intents.ts';
import type { Token } from './normalize.ts';
import { wordSet } from './phrases.ts';
import { notingIdioms } from './noting.ts';
import { DECISION_WORDS } from './remarks.ts';

/** A reply of at most this many words is short: two decisions anywhere in it are a conflict. */
export const SHORT_REPLY = 5;
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
  if (Object.keys(out).length === 1) return out;
  if (Object.keys(out).length > 1) return {};
  // "Approved for Rs 2.5 lakh", "Rejected as per rule 10": a reply that opens with a decided word.
  const first = tokens.find((t) => t.kind === 'word' && !OPENING_COURTESY.has(t.norm));
  const decided = first && DECIDED[first.norm];
  const listing = tokens.some((t) => LISTING.has(t.norm) || t.text === '?');
  return decided && !listing ? { [decided]: LEAD_BOOST } : {};
}
/** Multiplier for a reply whose first word is a decision already taken ("Approved for …"). */
const LEAD_BOOST = 10;
const OPENING_COURTESY = wordSet(['ok', 'sir', 'ji', 'yes', 'haan', 'please', 'जी', 'सर', 'हां', 'seen', 'देखा']);
// Past participles that can only be a decision when they open a reply.
const DECIDED: Record<string, Intent> = Object.fromEntries([
  ...[...wordSet(['approved', 'sanctioned', 'स्वीकृत', 'अनुमोदित', 'मंजूर', 'manjur', 'swikrit', 'anumodit', 'agreed'])]
    .map((w) => [w, 'approve']),
  ...[...wordSet(['rejected', 'refused', 'declined', 'अस्वीकृत', 'नामंजूर', 'namanjur', 'asvikrit'])].map((w) => [w, 'refuse']),
  ...[...wordSet(['returned', 'reverted', 'लौटाया', 'वापस', 'wapas'])].map((w) => [w, 'return']),
]) as Record<string, Intent>;
// "approved files dikhao", "rejected leave list": asking to see decided things, not deciding.
const LISTING = wordSet(['show', 'list', 'dikhao', 'दिखाएं', 'दिखाओ', 'batao', 'बताएं', 'kitne', 'कितने', 'kitni', 'कितनी',
  'how', 'which', 'kaun', 'कौन', 'where', 'kahan', 'कहां', 'status', 'my', 'mera', 'मेरे', 'मेरी']);
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
  'मिलेगी', 'मिलेगा', 'sakte', 'सकता', 'सकती', 'banta', 'hoga', 'दी', 'दिया', 'admissible', 'देय', 'ग्राह्य', 'grahya',
  'acceded', 'given', 'diya', 'diye', 'दिए']);
const FIRST_WORDS = wordSet(['pehle', 'पहले', 'first']);
// "for approval", "अनुमोदन हेतु", "swikriti ke liye": an approval asked for, not given.
const FOR_WORDS = wordSet(['for', 'seeking', 'awaiting', 'await', 'pending', 'requested', 'request']);
// "स्वीकृत करने की कृपा की जाए", "approve karne ki kripa karein": asked to approve (an infinitive).
const PURPOSE_WORDS = wordSet(['हेतु', 'hetu', 'liye', 'लिए', 'arth', 'वास्ते', 'waste', 'करने', 'karne']);

/** The approval word at `i` is asked for ("for kind approval", "स्वीकृति हेतु"), not given. */
function askedFor(tokens: Token[], i: number): boolean {
  const before = [tokens[i - 1], tokens[i - 2]].map((t) => t?.norm ?? '');
  const after = [tokens[i + 1], tokens[i + 2]].map((t) => t?.norm ?? '');
  // "may kindly be approved": how a file is put up for approval ("may kindly be seen" sends it on too).
  const mayBe = before[0] === 'be' && [2, 3, 4].some((d) => tokens[i - d]?.norm === 'may');
  return mayBe || before.some((w) => FOR_WORDS.has(w)) || after.some((w) => PURPOSE_WORDS.has(w));
}

/** An explicit approval (not asked for) or refusal word: the reply decides something itself. */
export function explicitDecision(tokens: Token[]): boolean {
  const approveCore = DECISION_WORDS.approve?.core ?? new Set<string>();
  const refuseCore = DECISION_WORDS.refuse?.core ?? new Set<string>();
  return tokens.some((t, i) => (approveCore.has(t.norm) && !WEAK_APPROVAL.has(t.norm) && !askedFor(tokens, i)) ||
    (refuseCore.has(t.norm) && !NEGATION.has(t.norm)));
}

const OR = wordSet(['ki', 'ya', 'or', 'कि', 'या']);
const PASSIVE = wordSet(['hua', 'hui', 'हुआ', 'हुई', 'gaya', 'gayi', 'गया', 'गई', 'ho', 'हो', 'or', 'ki', 'ya', 'या']);
const QUESTION = wordSet(['kya', 'क्या', 'kyaa']);
/** A yes/no question: "?", "kya …", "… ki nahi", "… or not". */
function isQuestion(tokens: Token[]): boolean {
  return tokens.some((t, i) => (t.kind === 'punct' && t.text === '?') || QUESTION.has(t.norm) ||
    (NEGATION.has(t.norm) && OR.has(tokens[i - 1]?.norm ?? '')));
}

// First-person verb forms: "nahi aa paunga", "नहीं आ सकूंगा", "can't come", "won't be able".
export const MY_DOING = wordSet(['rahunga', 'rahungi', 'रहूंगा', 'रहूंगी', 'paunga', 'paungi', 'paaunga', 'paaungi',
  'aaunga', 'aaungi', 'aunga', 'aungi', 'sakunga', 'sakungi', 'sakoonga', 'पाऊंगा', 'पाऊंगी', 'आऊंगा', 'आऊंगी', 'सकूंगा', 'सकूंगी', 'पाएंगे', 'आएंगे', 'payenge',
  'aayenge', 'come', 'attend', 'hoon', 'हूं', 'hun', 'reach', 'pahunch', 'पहुंच']);
// "तबीयत ठीक नहीं है", "health not good": the writer is unwell, nothing is refused.
const HEALTH = wordSet(['tabiyat', 'तबीयत', 'health', 'sehat', 'सेहत', 'mann', 'मन', 'feeling']);
function aboutMe(tokens: Token[], i: number): boolean {
  return [1, 2, 3].some((d) => MY_DOING.has(tokens[i + d]?.norm ?? '')) ||
    [1, 2, 3].some((d) => HEALTH.has(tokens[i - d]?.norm ?? ''));
}

/**
 * What in the text speaks for each decision. Refusing needs a refusal word, or a "no" about an
 * application (leave, tour, TA) or a grant ("nahi milegi"); a bare "nahi, pehle ..." about a file
 * is a return. An approval word next to a negation ("manjoor nahi") speaks for refusal.
 */
export function decisionEvidence(tokens: Token[]): DecisionEvidence {
  const approveCore = DECISION_WORDS.approve?.core ?? new Set<string>();
  const returnCore = DECISION_WORDS.return?.core ?? new Set<string>();
  const refuseCore = DECISION_WORDS.refuse?.core ?? new Set<string>();
  // "approve hua ki nahi": the "nahi" of "… or not?" asks; it refuses nothing.
  const asking = (j: number): boolean => OR.has(tokens[j - 1]?.norm ?? '');
  const question = isQuestion(tokens);
  const idioms = notingIdioms(tokens);
  const assent = new Set([...idioms.approve, ...idioms.nothing]);
  // A "no" next to the word, in the same clause ("approved, no changes" negates nothing).
  const negated = (i: number): boolean => [-2, -1, 1, 2].some((d) => {
    const j = i + d;
    const between = tokens.slice(Math.min(i, j) + 1, Math.max(i, j));
    return NEGATION.has(tokens[j]?.norm ?? '') && !asking(j) && !assent.has(j) &&
      !between.some((t) => t.kind === 'punct' && t.text !== "'");
  });
  // "aaj nahi aa paunga": a "no" about the writer's own doing is not a "no" to anything asked, nor
  // is the "no" of "no objection" / "कोई आपत्ति नहीं".
  const hasNegation = tokens.some((t, i) => NEGATION.has(t.norm) && !aboutMe(tokens, i) && !assent.has(i) && !asking(i));
  const application = tokens.some((t) => APPLICATION_WORDS.has(t.norm));
  const clauseEnd = tokens.findIndex((t) => t.kind === 'punct' && t.text !== "'" && t.text !== '?');
  const words = { approve: false, strongApprove: false, negatedApproval: false, return: false, refuse: false };
  const inHead = { ...words };
  const sendBack = new Set(idioms.return);
  tokens.forEach((t, i) => {
    const n = t.norm;
    const found = { ...words };
    // "tour approve hua kya?", "is my leave sanctioned?": asked about, not decided.
    if (question && PASSIVE.has(tokens[i + 1]?.norm ?? '')) return;
    if (sendBack.has(i)) found.return = true;
    if (assent.has(i)) { found.approve = true; found.strongApprove = true; }
    if (approveCore.has(n) && !askedFor(tokens, i)) {
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
  const refuse = words.refuse || words.negatedApproval || idioms.withheld || (hasNegation && (application || grant));
  const ret = words.return || tokens.some((t) => FIRST_WORDS.has(t.norm)) || (hasNegation && !application && !words.negatedApproval);
  // Two decisions named in the deciding clause, or anywhere in a short reply, are a real conflict;
  // a remark may mention another decision word ("लौटाएँ, वित्तीय सहमति प्राप्त करें").
  const scope = tokens.filter((t) => t.kind === 'word').length <= SHORT_REPLY ? words : inHead;
  const explicit = [scope.strongApprove, scope.return, scope.refuse || scope.negatedApproval].filter(Boolean).length;
  return { approve: words.approve, return: ret, refuse, conflict: explicit > 1 };
}

/**
 * Classifier features of a message: canonical words and their stems, word pairs, and shape
 * symbols that generalise over values (#file for any file number, #post for any post, #date).
 */
import { codeKind } from './codes.ts';
import { CONCEPTS } from './concepts.ts';
import { MONTHS, WEEKDAYS } from './lexicon.ts';
import { notingIdioms } from './noting.ts';
import type { Token } from './normalize.ts';
import { wordSet } from './phrases.ts';
import { longestAliasIn, MAX_ALIAS_WORDS } from './posts.ts';
import { destinations } from './travel.ts';

/** Intent lives at the start of a message; a long note's text would only add noise. */
const MAX_TOKENS = 16;
// Short aliases that are also ordinary words count as a post only in capitals (SO, CO, PA).
const AMBIGUOUS_POSTS = wordSet(['so', 'co', 'pa', 'pro', 'operator', 'assistant', 'superintendent', 'dm', 'steno']);
const NEGATIONS = wordSet(['nahi', 'not', 'no', 'नहीं', 'mat', 'मत', 'na', 'cannot', "can't", "don't", 'never', 'न']);
const KO = wordSet(['ko', 'को', 'to']);

/** One symbol per token (or per multi-word post/place); punctuation other than ':' '?' '-' drops. */
export function symbols(tokens: Token[]): string[] {
  const out: string[] = [];
  const places = destinations(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const place = places.find((p) => p.from === i);
    if (place) { out.push('#place'); i = place.to - 1; continue; }
    const post = postAt(tokens, i);
    if (post) { out.push('#post'); i += post - 1; continue; }
    out.push(...symbolOf(t, tokens[i + 1]));
  }
  return out;
}

function postAt(tokens: Token[], i: number): number {
  const words = tokens.slice(i, i + MAX_ALIAS_WORDS).map((t) => t.norm);
  for (let len = words.length; len >= 1; len--) {
    const hit = longestAliasIn(words.slice(0, len));
    if (hit && hit.start === 0 && hit.length === len) {
      const t = tokens[i] as Token;
      if (len === 1 && AMBIGUOUS_POSTS.has(t.norm) && !t.upper) return 0;
      return len;
    }
  }
  return 0;
}

function symbolOf(t: Token, next: Token | undefined): string[] {
  if (t.kind === 'punct') {
    if (t.text === ':') return ['#colon'];
    if (t.text === '?') return ['#q'];
    if (t.text === '-') return ['#dash'];
    return [];
  }
  if (t.kind === 'code') {
    const k = codeKind(t);
    return [k === 'employee' ? '#emp' : k === 'file' ? '#file' : k === 'diary' ? '#diary' : k === 'date' ? '#date' : '#code'];
  }
  if (t.kind === 'num') {
    if (/^\d{6}$/.test(t.text)) return ['#six'];
    if (/^\d{5,10}$/.test(t.text)) return ['#longnum'];
    if (next && MONTHS[next.norm] !== undefined) return ['#day'];
    return ['#num'];
  }
  if (MONTHS[t.norm] !== undefined && t.norm !== 'may') return ['#month'];
  if (WEEKDAYS[t.norm] !== undefined && t.norm.length > 3) return ['#weekday', t.norm];
  return [t.norm];
}

/** Concepts named by the words of a message (@approve, @leave, ...). */
export function conceptsOf(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const s of symbols(tokens)) for (const c of CONCEPTS.get(s) ?? []) out.add(c);
  return out;
}

/** Feature strings for the Bayes classifier (deduplicated). */
export function features(tokens: Token[]): string[] {
  const syms = symbols(tokens).slice(0, MAX_TOKENS);
  const out = new Set<string>(syms);
  const words = syms.filter((s) => !s.startsWith('#') || s === '#post' || s === '#file' || s === '#emp');
  // Word pairs, stems and first/last-word markers were tried and cost accuracy in cross-validation:
  // with naive Bayes they count the same evidence twice. Concepts and their co-occurrence generalise better.
  // Concepts, and which concepts occur together ("@remind+@off" in any order or register).
  const concepts = new Set<string>();
  for (const s of syms) for (const c of CONCEPTS.get(s) ?? []) concepts.add(c);
  if (syms.some((s) => s === '#date' || s === '#day' || s === '#weekday')) concepts.add('@when');
  if (syms.includes('#file') || syms.includes('#diary')) concepts.add('@fileno');
  // Noting idioms as concepts of their own: "अवलोकनार्थ" and "for kind perusal" teach each other.
  const idioms = notingIdioms(tokens);
  if (idioms.forward.length) concepts.add('@onward');
  if (idioms.return.length) concepts.add('@back');
  if (idioms.approve.length) concepts.add('@assent');
  // The "no" of "no objection" / "कोई आपत्ति नहीं" is assent, not a negation.
  const assent = new Set([...idioms.approve, ...idioms.nothing]);
  if (assent.size) for (const c of ['@neg', '@no']) if (!tokens.some((t, i) => !assent.has(i) && CONCEPTS.get(t.norm)?.includes(c))) concepts.delete(c);
  const sorted = [...concepts].sort();
  for (const c of sorted) out.add(c);
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.add(`${sorted[i]}+${sorted[j]}`);
  // The first clause decides a reply ("approved, send a copy to DDC" is an approval).
  const firstClause = tokens.findIndex((t) => t.kind === 'punct' && t.text !== "'" && t.text !== '?');
  if (firstClause > 0 && firstClause < tokens.length - 1) {
    for (const s of symbols(tokens.slice(0, firstClause))) for (const c of CONCEPTS.get(s) ?? []) out.add(`1${c}`);
  }
  // Word beginnings catch inflections and typos ("approvd", "sanctn", "forwarding").
  for (const s of syms) if (/^[a-z]{6,}$/.test(s)) out.add(`<${s.slice(0, 5)}`);
  const n = words.length;
  out.add(n <= 1 ? '#len1' : n === 2 ? '#len2' : n <= 4 ? '#len3' : n <= 8 ? '#len5' : '#len9');
  if (tokens.some((t, i) => NEGATIONS.has(t.norm) && !assent.has(i))) out.add('#neg');
  // "X ko", "to X" where X is a post, a code or a capitalised name: something is sent to someone.
  for (let i = 0; i + 1 < syms.length; i++) {
    const a = syms[i] as string;
    const b = syms[i + 1] as string;
    if ((a === '#post' || a === '#emp') && KO.has(b)) out.add('#addr');
    if (KO.has(a) && (b === '#post' || b === '#emp')) out.add('#addr');
  }
  return [...out];
}

/**
 * Leave types, travel modes and destinations: phrase look-ups over the tokens, each returning the
 * token span it used so the purpose extractor can leave it out.
 */
import { LEAVE_TYPES, PLACES, TRAVEL_MODES } from './lexicon.ts';
import type { Token } from './normalize.ts';
import { findPhrases, phraseList, wordSet } from './phrases.ts';

export interface Span<T> { from: number; to: number; value: T }

// Abbreviations are matched on the typed letters, not the folded spelling: "pl" folds to
// "please". PL and ML count only in capitals.
const ABBREVIATIONS: Record<string, string> = { cl: 'CL', el: 'EL', rh: 'RH', hpl: 'HPL', scl: 'SCL', ml: 'ML', pl: 'PL' };
const CAPITALS_ONLY = new Set(['ml', 'pl']);
const LEAVE = phraseList(LEAVE_TYPES.filter(([p]) => !(p.length === 1 && ABBREVIATIONS[p[0] ?? ''])));

export function leaveTypes(tokens: Token[]): Span<string>[] {
  const hits: Span<string>[] = findPhrases(tokens, LEAVE);
  tokens.forEach((t, i) => {
    const abbr = ABBREVIATIONS[t.text];
    if (abbr && t.kind === 'word' && (!CAPITALS_ONLY.has(t.text) || t.upper)) hits.push({ from: i, to: i + 1, value: abbr });
  });
  return hits.sort((a, b) => a.from - b.from);
}

const MODES = phraseList(TRAVEL_MODES);
export function travelModes(tokens: Token[]): Span<string>[] {
  return findPhrases(tokens, MODES);
}

const PLACE_LIST = phraseList(
  Object.entries(PLACES).flatMap(([name, spellings]) => spellings.map((s): [string, string] => [s, name])),
);
// "Mahishi block", "कहरा प्रखंड", "सोनबरसा क्षेत्र" name the same place.
const PLACE_SUFFIX = wordSet(['block', 'prakhand', 'प्रखंड', 'anchal', 'अंचल', 'kshetra', 'क्षेत्र', 'district', 'jila', 'जिला']);
// गया/gaya is also the past tense of जाना ("ho gaya"); it names the town only beside a travel word.
const TRAVEL_WORDS = wordSet(['tour', 'daura', 'दौरा', 'दौरे', 'trip', 'visit', 'यात्रा', 'भ्रमण', 'jana', 'जाना', 'to', 'ta', 'टीए']);

export function destinations(tokens: Token[]): Span<string>[] {
  const out: Span<string>[] = [];
  for (const hit of findPhrases(tokens, PLACE_LIST)) {
    if (hit.value === 'Gaya') {
      const near = [tokens[hit.from - 1], tokens[hit.to]].some((t) => t && TRAVEL_WORDS.has(t.norm));
      if (!near && !tokens[hit.from]?.capital) continue;
    }
    let to = hit.to;
    while (tokens[to] && PLACE_SUFFIX.has((tokens[to] as Token).norm)) to++;
    if (!out.some((o) => o.value === hit.value)) out.push({ from: hit.from, to, value: hit.value });
  }
  return out;
}

// Places the gazetteer does not know (a village, a panchayat, a block of another district) are
// still places: the word or two right after a tour word ("tour to Banmankhi …", "दौरा: बनमनखी …"),
// or right before it ("बनमनखी दौरा", "बनमनखी का दौरा"). Latin words must be capitalised, so that
// "tour to inspect schools" names no place. Used only when the gazetteer found none.
const TOUR_WORDS = wordSet(['tour', 'daura', 'दौरा', 'दौरे', 'bhraman', 'भ्रमण', 'visit', 'trip']);
const PLACE_LINKS = wordSet(['to', 'of', 'ka', 'का', 'ke', 'के', 'me', 'mein', 'में', 'par', 'पर', 'at', 'in']);
const NOT_PLACES = wordSet([
  'programme', 'program', 'कार्यक्रम', 'for', 'on', 'from', 'by', 'till', 'until', 'hetu', 'हेतु', 'ke', 'के', 'liye',
  'लिए', 'tomorrow', 'today', 'kal', 'कल', 'aaj', 'आज', 'parso', 'परसों', 'apply', 'please', 'plan', 'duty', 'field',
  'official', 'inspection', 'निरीक्षण', 'meeting', 'बैठक', 'se', 'से', 'tak', 'तक', 'hai', 'है', 'jana', 'जाना',
  'jaunga', 'जाऊंगा', 'karna', 'करना', 'hoga', 'होगा', 'mera', 'मेरा', 'my', 'the', 'a', 'an', 'district', 'block',
]);

export function unknownDestinations(tokens: Token[], source: string, used: ReadonlySet<number>): Span<string>[] {
  const placeLike = (i: number): boolean => {
    const t = tokens[i];
    if (t === undefined || used.has(i) || t.kind !== 'word' || t.emoji || NOT_PLACES.has(t.norm) || TOUR_WORDS.has(t.norm) || PLACE_LINKS.has(t.norm)) return false;
    if (t.script === 'latin') return /^\p{Lu}/u.test(source.slice(t.start, t.end)) && !t.upper;
    return t.script === 'deva';
  };
  const span = (from: number, to: number): Span<string> => ({ from, to, value: source.slice(tokens[from]!.start, tokens[to - 1]!.end) });
  for (let i = 0; i < tokens.length; i++) {
    if (!TOUR_WORDS.has(tokens[i]!.norm)) continue;
    // After: "tour to X Y", "दौरा: X".
    let a = i + 1;
    while (a < tokens.length && (PLACE_LINKS.has(tokens[a]!.norm) || (tokens[a]!.kind === 'punct' && tokens[a]!.text === ':'))) a++;
    let b = a;
    while (b < tokens.length && b - a < 2 && placeLike(b)) b++;
    if (b > a) return [span(a, b)];
    // Before: "X दौरा", "X का दौरा", "X में दौरा".
    let z = i - 1;
    while (z >= 0 && PLACE_LINKS.has(tokens[z]!.norm)) z--;
    if (z >= 0 && placeLike(z)) return [span(z, z + 1)];
  }
  return [];
}

/**
 * Normalisation and tokenisation shared by the classifier and the entity extractors.
 *
 * Every token keeps the offsets of its source text, so extractors can hand back a remark or a
 * purpose verbatim (as the user wrote it) while matching on the folded spelling.
 */
import { ROMAN_VARIANTS, DEVANAGARI_VARIANTS, ROMAN_HINDI_WORDS, SKELETON_KEYWORDS } from './lexicon.ts';

export type TokenKind = 'word' | 'num' | 'code' | 'punct';
export interface Token {
  /** Folded surface form: lower case, nukta-free, ASCII digits. */
  text: string;
  /** Canonical spelling (Roman/Devanagari variants folded), used for matching and features. */
  norm: string;
  kind: TokenKind;
  script: 'latin' | 'deva' | 'none';
  /** Offsets into the NFC form of the original text. */
  start: number;
  end: number;
  /** Written in capitals (DDC, CL, ADM): an acronym, not an English word. */
  upper: boolean;
  /** Stands for an emoji (👍 -> ok), so it says nothing about the language. */
  emoji: boolean;
  /** Written with a capital first letter (a name: "Gaya" the town, not "gaya" went). */
  capital: boolean;
}
export interface Analysis {
  /** The NFC form of the input; token offsets point into it. */
  source: string;
  tokens: Token[];
}

const NUKTA_BASE: Record<string, string> = {
  '\u0958': '\u0915', '\u0959': '\u0916', '\u095A': '\u0917', '\u095B': '\u091C',
  '\u095C': '\u0921', '\u095D': '\u0922', '\u095E': '\u092B', '\u095F': '\u092F',
};
// Emoji that mean "approved" in a reply; 🙏 is courtesy and carries no meaning.
const APPROVAL_EMOJI = new Set(['👍', '👌', '✅', '✔', '☑', '🆗']);
const NEGATIVE_EMOJI = new Set(['👎', '❌', '✖']);
const DROP = new Set(['\u200B', '\u200C', '\u200D', '\uFEFF', '\uFE0F', '\uFE0E', '\u00AD']);
const PICTOGRAPHIC = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]/u;

/** Characters of `source` folded one by one; `map[i]` is the source offset of folded char i. */
function fold(source: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  const push = (s: string, at: number): void => {
    for (const ch of s) { folded += ch; map.push(at); }
  };
  let i = 0;
  for (const ch of source) {
    const at = i;
    i += ch.length;
    if (DROP.has(ch) || ch === '\u093C') continue; // invisible joiners, nukta sign
    if (NUKTA_BASE[ch]) { push(NUKTA_BASE[ch], at); continue; }
    if (ch === '\u0901') { push('\u0902', at); continue; } // chandrabindu -> anusvara
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x966 && cp <= 0x96f) { push(String(cp - 0x966), at); continue; }
    if (ch === '\u0964' || ch === '\u0965') { push('.', at); continue; } // danda ends a sentence
    if (ch === '\u2018' || ch === '\u2019' || ch === '`') { push("'", at); continue; }
    if (ch === '\u201C' || ch === '\u201D') { push('"', at); continue; }
    if (ch === '\u2013' || ch === '\u2014' || ch === '\u2015') { push(' - ', at); continue; }
    if (ch === '\u20B9') { push(' rs ', at); continue; }
    if (APPROVAL_EMOJI.has(ch)) { push(' ok ', at); continue; }
    if (NEGATIVE_EMOJI.has(ch)) { push(' no ', at); continue; }
    if (PICTOGRAPHIC.test(ch)) { push(' ', at); continue; }
    push(ch.toLowerCase(), at);
  }
  return { folded: foldNasals(folded), map };
}

// Panchamakshar: a nasal consonant + virama before a consonant of its own class is written
// either way (हिन्दी/हिंदी, दिसम्बर/दिसंबर). Replacing it with the anusvara keeps the length (2 -> 2
// code units would not hold), so it is done on the folded string with a same-length filler.
const NASAL_CLASS: Record<string, RegExp> = {
  '\u0919': /[\u0915-\u0918]/, '\u091E': /[\u091A-\u091D]/, '\u0923': /[\u091F-\u0922]/,
  '\u0928': /[\u0924-\u0927]/, '\u092E': /[\u092A-\u092D]/,
};
function foldNasals(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 2];
    const cls = NASAL_CLASS[c];
    if (cls && s[i + 1] === '\u094D' && next && cls.test(next)) {
      out += '\u0902\u200B'; // anusvara + a placeholder removed below, keeping offsets aligned
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`\d{1,3}(?:,\d{2,3})+(?![\d,])`, // 1,250 / 1,25,000
    String.raw`[a-z](?:\.[a-z])+\.(?![a-z0-9])`, // P.U.C., D.D.C.: the closing dot belongs to the abbreviation
    String.raw`[a-z0-9]+(?:[-/.][a-z0-9]+)+`, // EST-12/2026, 3/12, 07.12.2026, 5-6, e-office
    String.raw`[a-z]+'[a-z]+`, // don't, daughter's
    String.raw`[a-z0-9]+`,
    String.raw`[\u0900-\u0963\u0970-\u097F\u200B]+(?:-[\u0900-\u0963\u0970-\u097F]+)*`,
    String.raw`[,.;:!?()\-/|"'&+@#%*=<>\[\]{}]`,
  ].join('|'),
  'gu',
);

export function analyze(text: string): Analysis {
  const source = text.normalize('NFC');
  const { folded, map } = fold(source);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(TOKEN_RE)) {
    const raw = m[0].replace(/\u200B/g, '');
    const from = m.index ?? 0;
    const startAt = map[from] ?? 0;
    const lastAt = map[from + m[0].length - 1] ?? startAt;
    const end = lastAt + ((source.codePointAt(lastAt) ?? 0) > 0xffff ? 2 : 1);
    const surface = source.slice(startAt, end);
    tokens.push(makeToken(raw, startAt, Math.max(end, startAt + 1), surface));
  }
  return { source, tokens };
}

function makeToken(raw: string, start: number, end: number, surface: string): Token {
  const deva = /[\u0900-\u097F]/.test(raw);
  const hasDigit = /\d/.test(raw);
  const hasLetter = /[a-z]/.test(raw);
  let kind: TokenKind;
  if (/^[,.;:!?()\-/|"'&+@#%*=<>[\]{}]$/.test(raw)) kind = 'punct';
  else if (hasDigit && !hasLetter && /^[\d,]+$/.test(raw)) kind = 'num';
  else if (hasDigit) kind = 'code';
  else kind = 'word';
  const text = kind === 'num' ? raw.replace(/,/g, '') : raw;
  const upper = /^[A-Z][A-Z.]*[A-Z]\.?$/.test(surface) && surface.length <= 9;
  return {
    text,
    norm: kind === 'word' ? canonicalSpelling(text) : text,
    kind,
    script: deva ? 'deva' : hasLetter ? 'latin' : 'none',
    start,
    end,
    upper,
    emoji: !/[\p{L}\p{N}]/u.test(surface),
    capital: /^[A-Z]/.test(surface),
  };
}

/** Folds spelling variants of one word (manzoor -> manjur, फाईल -> फाइल); hyphens in words go. */
export function canonicalSpelling(word: string): string {
  // D.D.C. and d.d.c are the acronym ddc.
  // Reduplication ("कौन-कौन", "kya-kya") means the same as the word once.
  const halves = word.split('-');
  if (halves.length === 2 && halves[0] === halves[1]) return canonicalSpelling(halves[0] ?? '');
  const w = /^(?:[a-z]\.)+[a-z]\.?$/.test(word) ? word.replace(/\./g, '') : word.replace(/-/g, '');
  if (/[\u0900-\u097F]/.test(w)) return DEVANAGARI_VARIANTS[w] ?? misspeltKeyword(w) ?? w;
  // Chat stretching ("okkkk", "pleeease") carries no meaning.
  const squeezed = w.replace(/([a-z])\1{2,}/g, '$1$1');
  return ROMAN_VARIANTS[squeezed] ?? misspeltKeyword(squeezed) ?? squeezed;
}

/** A word's consonants: Devanagari without vowel signs, virama, anusvara, visarga; Roman without vowels. */
function consonants(word: string): string {
  if (/[\u0900-\u097F]/.test(word)) {
    return word.replace(/[\u0900-\u0903\u093A-\u094F\u0955-\u0957\u0962\u0963]/g, '')
      .replace(/[आ]/g, 'अ').replace(/[ई]/g, 'इ').replace(/[ऊ]/g, 'उ').replace(/[ऐ]/g, 'ए').replace(/[औ]/g, 'ओ');
  }
  return (word[0] ?? '') + word.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}
// Long and short vowel signs are confused as often as they are dropped (स्विकृत, अनुमोदीत).
const VOWEL_PAIRS: Record<string, string> = { '\u0940': '\u093F', '\u0942': '\u0941', '\u0948': '\u0947', '\u094C': '\u094B' };
const shortVowels = (w: string): string => [...w].map((c) => VOWEL_PAIRS[c] ?? c).join('');
/** Is `typed` the word `full` with some letters left out? */
function isSubsequence(typed: string, full: string): boolean {
  const a = [...typed];
  let j = 0;
  for (const c of full) if (a[j] === c) j++;
  return j === a.length;
}
/** At most this many letters left out, and at most one consonant. */
const MAX_DROPPED = 3;
const KEYWORDS_BY_START: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const k of SKELETON_KEYWORDS) {
    const start = [...k][0] ?? '';
    out.set(start, [...(out.get(start) ?? []), k]);
  }
  return out;
})();

/**
 * The keyword a misspelt word stands for: the keyword with a few letters left out — vowels and
 * matras above all ("apprvd", "सशोधित", "namste"), at most one consonant ("appoved", "rjct") —
 * and the same first letter. Never a word that merely shares consonants (प्रपत्र is not
 * परिपत्र). The shortest keyword that fits, when only one is that short.
 */
function misspeltKeyword(word: string): string | undefined {
  const typed = shortVowels(word);
  const length = [...typed].length;
  // Short words are too often other words ("aged" is not "agreed", सका is not संचिका).
  if (length < (/[a-z]/.test(word) ? 5 : 4)) return undefined;
  const keywords = KEYWORDS_BY_START.get([...word][0] ?? '') ?? [];
  if (keywords.includes(word)) return undefined;
  const fits = keywords.filter((k) => {
    const full = shortVowels(k);
    const dropped = [...full].length - length;
    // A beginning of the keyword is another form of it ("sanction", "प्रस्ताव"), not a typo.
    return dropped >= 0 && dropped <= MAX_DROPPED && !full.startsWith(typed) && isSubsequence(typed, full) &&
      consonants(full).length - consonants(typed).length <= 1;
  }).sort((a, b) => a.length - b.length);
  const [best, next] = fits;
  return best !== undefined && (next === undefined || next.length > best.length) ? best : undefined;
}
/** The text the classifier sees: canonical spellings, no punctuation except '?', codes kept. */
export function normalize(text: string): string {
  return normalizedText(analyze(text));
}
export function normalizedText(analysis: Analysis): string {
  return analysis.tokens
    .filter((t) => t.kind !== 'punct' || t.text === '?')
    .map((t) => t.norm)
    .join(' ');
}

/**
 * 'hi' when Devanagari dominates; 'mixed' when Devanagari and Latin words are both present or
 * when Latin words include Roman Hindi; 'en' otherwise. Codes, numbers and capitalised acronyms
 * (DDC, CL, EST-12/2026) are names, not language, and are not counted. Roman Hindi on its own is
 * reported as 'mixed' because office Hinglish always borrows English words.
 */
export function detectLanguage(analysis: Analysis): 'hi' | 'en' | 'mixed' {
  let deva = 0;
  let latin = 0;
  let romanHindi = 0;
  for (const t of analysis.tokens) {
    if (t.kind !== 'word' || t.upper || t.emoji) continue;
    if (t.script === 'deva') deva++;
    else if (t.script === 'latin') {
      latin++;
      if (ROMAN_HINDI_WORDS.has(t.norm)) romanHindi++;
    }
  }
  if (deva > 0 && latin === 0) return 'hi';
  if (deva > 0) return deva >= 3 * latin ? 'hi' : 'mixed';
  if (romanHindi > 0) return 'mixed';
  return 'en';
}

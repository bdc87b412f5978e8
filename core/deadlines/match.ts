// Finding the words of the deadline rules in a letter's subject, caption and scan text — text that
// is typed in Hindi, English or both, and scan text that tesseract read with its usual faults:
// matras dropped (सचना for सूचना), words broken or run together (अधि कार, सूचनाका), ी read as ि,
// ब for व, l or 1 for I (RTl), "0" written for the abbreviation dot (सी0डब्लू0जे0सी0, Bihar's style).
//
// How: a text is cut into tokens (runs of letters or digits of one script), each kept in two forms:
//   light     — the letters as written, folded where spelling or OCR varies without changing the
//               word: nukta dropped, ी→ि, ू→ु, ँ→ं, ई→इ, ऊ→उ; Latin lower case, l/1→i, vv→w, rn→m;
//   skeleton  — light without vowel signs, anusvara, visarga and virama, with व→ब, ष/श→स, ण/ङ/ञ→न
//               and long independent vowels folded (आ→अ, ऐ→ए, औ→ओ).
// A phrase is found when its letters, spaces ignored, run from the start of one token to the end of
// the same or a later one, so broken and run-together spacing do not matter. The light form is
// always tried; the skeleton only for phrases whose skeleton has at least FUZZY_MIN letters, because
// a short skeleton says too little: संसद (Parliament) and सांसद (MP) share theirs, as do विधायक and
// विधायिका. A match may end inside a token only before Hindi inflection (विधायक|ों, सांसद|ों) or
// an English plural s (MLA|s). Starting at a token's start is what keeps short names apart from
// longer words: R.T.I. and "RT I" are RTI, "Part I" is not; सी0डब्लू0जे0सी0 is CWJC.
// Pure: no I/O, no state.

export type Source = 'subject' | 'caption' | 'scan';

export interface Token {
  light: string;
  skeleton: string;
  /** Offsets in the source text, end exclusive. */
  start: number;
  end: number;
}

/** A phrase found: which tokens, and the text as written there. */
export interface Found {
  source: Source;
  text: string;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

/** Skeletons shorter than this are not matched loosely (see the header). */
export const FUZZY_MIN = 6;

const isJoiner = (c: string): boolean => c === '\u200C' || c === '\u200D';

type Script = 'latin' | 'deva' | 'digit';
/**
 * Latin letters; digits (ASCII and Devanagari); Devanagari letters, vowel signs and other marks —
 * not the danda (।॥) nor the abbreviation sign ॰, which part words. Anything else parts words.
 */
function scriptOf(code: number): Script | null {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'latin';
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x966 && code <= 0x96f)) return 'digit';
  if ((code >= 0x900 && code <= 0x963) || (code >= 0x971 && code <= 0x97f)) return 'deva';
  return null;
}

const DEVA_DIGITS = '०१२३४५६७८९';
/** Devanagari digits as ASCII, one character for one, so offsets are kept. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F]/g, (d) => String(DEVA_DIGITS.indexOf(d)));
}

const LIGHT_DEVA: Record<string, string> = {
  '\u0901': '\u0902', // ँ → ं
  '\u0940': '\u093F', // ी → ि
  '\u0942': '\u0941', // ू → ु
  '\u0908': '\u0907', // ई → इ
  '\u090A': '\u0909', // ऊ → उ
  '\u0949': '\u094B', // ॉ → ो
  '\u0911': '\u0913', // ऑ → ओ
};

function lightDeva(word: string): string {
  let out = '';
  for (const c of word.normalize('NFD')) {
    if (c === '\u093C' || isJoiner(c)) continue; // nukta, joiners
    out += LIGHT_DEVA[c] ?? c;
  }
  return out;
}

function lightLatin(word: string): string {
  let w = word.toLowerCase();
  // A lone 0 or 1 read for a letter (RT1, R0AD); longer digit runs are numbers and stay.
  w = w.replace(/(?<=[a-z])([01])(?![0-9])|(?<![0-9])([01])(?=[a-z])/g, (d) => (d === '0' ? 'o' : 'i'));
  return w.replace(/vv/g, 'w').replace(/rn/g, 'm').replace(/l/g, 'i');
}

const SKELETON_DROP = /[\u0900-\u0903\u093A-\u094F\u0955-\u0957\u0962\u0963]/g;
const SKELETON_FOLD: Record<string, string> = {
  'व': 'ब', 'ष': 'स', 'श': 'स', 'ण': 'न', 'ङ': 'न', 'ञ': 'न', 'आ': 'अ', 'ऐ': 'ए', 'औ': 'ओ',
};

function skeletonOf(light: string): string {
  return light.replace(SKELETON_DROP, '').replace(/[वषशणङञआऐऔ]/g, (c) => SKELETON_FOLD[c] ?? c);
}

/**
 * The tokens of a text. A token is a run of one script (Latin letters, with digits; Devanagari;
 * digits); a "0" right after Devanagari is Bihar's abbreviation dot (सं0, सी0डब्लू0), not a digit.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Words repeat (Zipf): each distinct one is normalised once.
  const forms = new Map<string, { light: string; skeleton: string }>();
  let start = -1;
  let script: Script | null = null;
  const close = (end: number): void => {
    if (start < 0) return;
    const raw = text.slice(start, end);
    let form = forms.get(raw);
    if (form === undefined) {
      const ascii = asciiDigits(raw);
      const light = script === 'deva' ? lightDeva(ascii) : script === 'latin' ? lightLatin(ascii) : ascii;
      form = { light, skeleton: script === 'deva' ? skeletonOf(light) : light };
      forms.set(raw, form);
    }
    if (form.light !== '') tokens.push({ light: form.light, skeleton: form.skeleton, start, end });
    start = -1;
    script = null;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let s = scriptOf(code);
    if ((code === 0x200c || code === 0x200d) && script === 'deva') s = 'deva';
    if (code === 0x30 && script === 'deva') s = null; // सं0 → सं .
    // Digits go with Latin letters (RT1, CWJC1234); Devanagari and digits part (धारा6 → धारा 6).
    const joins = s !== null && script !== null && (s === script || (s === 'digit' && script === 'latin') || (s === 'latin' && script === 'digit'));
    if (joins) {
      if (s === 'latin') script = 'latin';
      continue;
    }
    close(i);
    if (s !== null) {
      start = i;
      script = s;
    }
  }
  close(text.length);
  return tokens;
}

/** A phrase of the rules, prepared once. */
export interface Phrase {
  /** As written in the rules. */
  words: string;
  light: string;
  skeleton: string;
  /** The phrase is Latin only (inflections differ). */
  latin: boolean;
}

export function preparePhrase(words: string): Phrase {
  const tokens = tokenize(words);
  return {
    words,
    light: tokens.map((t) => t.light).join(''),
    skeleton: tokens.map((t) => t.skeleton).join(''),
    latin: /^[a-z0-9]+$/.test(tokens.map((t) => t.light).join('')),
  };
}

/** One source cut into tokens, with both compact forms ready for searching. */
export interface Prepared {
  source: Source;
  text: string;
  tokens: Token[];
  light: Compact;
  skeleton: Compact;
}

interface Compact {
  text: string;
  /** For each character of `text`, the token it comes from. */
  tokenAt: number[];
  /** For each token, where it starts in `text`. */
  startOf: number[];
}

function compact(tokens: Token[], form: 'light' | 'skeleton'): Compact {
  const parts: string[] = [];
  const tokenAt: number[] = [];
  const startOf: number[] = [];
  tokens.forEach((t, i) => {
    startOf.push(tokenAt.length);
    parts.push(t[form]);
    for (let k = 0; k < t[form].length; k++) tokenAt.push(i);
  });
  return { text: parts.join(''), tokenAt, startOf };
}

export function prepare(source: Source, text: string): Prepared {
  const tokens = tokenize(text);
  return { source, text, tokens, light: compact(tokens, 'light'), skeleton: compact(tokens, 'skeleton') };
}

/** What may follow a phrase inside its last token: Hindi inflection (vowel signs, anusvara) or a plural s. */
function inflection(rest: string, phrase: Phrase, form: 'light' | 'skeleton'): boolean {
  if (rest === '') return true;
  // CWJC1234: OCR that lost the space before a number.
  if (phrase.latin) return rest === 's' || rest === 'es' || (phrase.light.length >= 3 && /^[0-9]+$/.test(rest));
  return form === 'light' && /^[\u0900-\u0903\u093E-\u094C]+$/.test(rest);
}

function findIn(p: Prepared, phrase: Phrase, form: 'light' | 'skeleton'): Found[] {
  const needle = phrase[form];
  const hay = p[form];
  const out: Found[] = [];
  if (needle === '') return out;
  for (let at = hay.text.indexOf(needle); at >= 0; at = hay.text.indexOf(needle, at + 1)) {
    const first = hay.tokenAt[at] ?? -1;
    if (hay.startOf[first] !== at) continue; // must start where a token starts
    const endAt = at + needle.length;
    const last = hay.tokenAt[endAt - 1] ?? -1;
    const lastToken = p.tokens[last];
    if (lastToken === undefined) continue;
    const rest = lastToken[form].slice(endAt - (hay.startOf[last] ?? 0));
    if (!inflection(rest, phrase, form)) continue;
    const start = p.tokens[first]?.start ?? 0;
    let end = lastToken.end;
    // "धारा 19(1)": the closing bracket is punctuation, but it belongs to what was found.
    const opened = (p.text.slice(start, end).match(/\(/g) ?? []).length - (p.text.slice(start, end).match(/\)/g) ?? []).length;
    if (opened > 0 && p.text[end] === ')') end++;
    out.push({ source: p.source, text: p.text.slice(start, end), start, end, firstToken: first, lastToken: last });
  }
  return out;
}

/** Every place the phrase is found in the source, in order, each place once. */
export function findPhrase(p: Prepared, phrase: Phrase): Found[] {
  const found = findIn(p, phrase, 'light');
  if (phrase.skeleton.length >= FUZZY_MIN) {
    for (const f of findIn(p, phrase, 'skeleton')) {
      if (!found.some((g) => g.firstToken === f.firstToken)) found.push(f);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

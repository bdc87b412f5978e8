// Roman ↔ Devanagari spellings of a word, for searching across scripts: a subject written
// "सोनबरसा" is found by `find sonbarsa`, and "Sonbarsa" by `find सोनबरसा`. Names and places of the
// district are written both ways, and neither way has one spelling: Roman "a" is a short or a long
// vowel or nothing, "t" is त or ट, "s" is स or श, a consonant pair is a conjunct or two letters.
// So a word gives its likeliest few spellings in the other script (a small search over the choices,
// each choice with a cost, cheapest first), not one. Pure: no I/O, no state.

/** One way of writing a piece of the word, and how unlikely it is (0: the usual way). */
type Choice = readonly [text: string, cost: number];

const HALANT = '\u094D';
const NUKTA = '\u093C';
const ANUSVARA = '\u0902';

// ---- Roman → Devanagari ----

/** Roman consonants (longest first when read) and their letters. */
const CONSONANTS: Record<string, Choice[]> = {
  ksh: [['क्ष', 0]], chh: [['छ', 0]], kh: [['ख', 0]], gh: [['घ', 0]], ch: [['च', 0], ['छ', 1]], jh: [['झ', 0]],
  th: [['थ', 0], ['ठ', 0.6]], dh: [['ध', 0], ['ढ', 0.9], ['ढ़', 0.9]], ngh: [['ंह', 0], ['ंघ', 0.4]], ph: [['फ', 0]], bh: [['भ', 0]], sh: [['श', 0], ['ष', 0.6]], rh: [['ढ़', 0.8]],
  k: [['क', 0]], g: [['ग', 0]], c: [['क', 0.5], ['स', 1]], j: [['ज', 0]], t: [['त', 0], ['ट', 0.8]], d: [['द', 0], ['ड', 0.8]],
  n: [['न', 0], ['ण', 1.5]], p: [['प', 0]], f: [['फ़', 0], ['फ', 0.5]], b: [['ब', 0]], m: [['म', 0]], y: [['य', 0]], r: [['र', 0], ['ड़', 1.5]],
  l: [['ल', 0]], v: [['व', 0]], w: [['व', 0]], s: [['स', 0], ['श', 0.9]], h: [['ह', 0]], z: [['ज़', 0], ['ज', 0.5]], q: [['क़', 0.5], ['क', 0]],
  x: [['क्स', 0]],
};

/** A doubled consonant is one geminate: "tt" त्त, "dd" द्द, "ll" ल्ल. */
const GEMINATES: Record<string, Choice[]> = {
  tt: [['त्त', 0], ['ट्ट', 0.4]], dd: [['द्द', 0], ['ड्ड', 0.4]], kk: [['क्क', 0]], gg: [['ग्ग', 0]], jj: [['ज्ज', 0]], pp: [['प्प', 0]],
  bb: [['ब्ब', 0]], mm: [['म्म', 0]], nn: [['न्न', 0]], ll: [['ल्ल', 0]], ss: [['स्स', 0], ['स', 0.5]], cch: [['च्छ', 0]], chch: [['च्च', 0]],
};

/** Vowels after a consonant (signs; '' is the consonant's own "a") and on their own. */
const VOWELS: Record<string, { sign: Choice[]; letter: Choice[]; final?: Choice[] }> = {
  aa: { sign: [['ा', 0]], letter: [['आ', 0]] },
  ai: { sign: [['ै', 0], ['ाइ', 1]], letter: [['ऐ', 0], ['आई', 1]], final: [['ाय', 0], ['ै', 0.2], ['ाई', 0.5]] },
  au: { sign: [['ौ', 0], ['ाउ', 1]], letter: [['औ', 0]] },
  ee: { sign: [['ी', 0]], letter: [['ई', 0]] },
  ii: { sign: [['ी', 0]], letter: [['ई', 0]] },
  oo: { sign: [['ू', 0]], letter: [['ऊ', 0]] },
  uu: { sign: [['ू', 0]], letter: [['ऊ', 0]] },
  ou: { sign: [['ौ', 0]], letter: [['औ', 0]] },
  ey: { sign: [['े', 0], ['ेय', 0.5]], letter: [['ए', 0]] },
  ay: { sign: [['े', 0.5], ['य', 0.5], ['ाय', 0.8]], letter: [['ए', 0.5]] },
  a: { sign: [['', 0], ['ा', 0.5]], letter: [['अ', 0], ['आ', 0.5]], final: [['ा', 0], ['', 0.6]] },
  i: { sign: [['ि', 0], ['ी', 0.6]], letter: [['इ', 0], ['ई', 0.6]], final: [['ी', 0], ['ि', 0.6]] },
  u: { sign: [['ु', 0], ['ू', 0.6]], letter: [['उ', 0], ['ऊ', 0.8]], final: [['ू', 0.3], ['ु', 0]] },
  e: { sign: [['े', 0], ['', 0.9], ['ी', 1.2]], letter: [['ए', 0]] },
  o: { sign: [['ो', 0], ['ौ', 1]], letter: [['ओ', 0]] },
};

const byLength = (keys: string[]) => keys.sort((a, b) => b.length - a.length);
const CONSONANT_KEYS = byLength([...Object.keys(CONSONANTS), ...Object.keys(GEMINATES)]);
const VOWEL_KEYS = byLength(Object.keys(VOWELS));

type Unit = { kind: 'consonant'; roman: string; choices: Choice[] } | { kind: 'vowel'; roman: string };

/** Every way of cutting the word into units: "sh" is one letter or s+h, at a small cost. */
function cuts(word: string, at = 0): { units: Unit[]; cost: number }[] {
  if (at >= word.length) return [{ units: [], cost: 0 }];
  const out: { units: Unit[]; cost: number }[] = [];
  // A final "y" after a consonant is the vowel ī: "Chaudhary" चौधरी.
  if (at === word.length - 1 && at > 0 && word[at] === 'y' && !'aeiou'.includes(word[at - 1] ?? '')) return [{ units: [{ kind: 'vowel', roman: 'i' }], cost: 0 }];
  const vowel = VOWEL_KEYS.find((v) => word.startsWith(v, at));
  const starts = vowel === undefined
    ? CONSONANT_KEYS.filter((c) => word.startsWith(c, at))
    : [vowel, ...VOWEL_KEYS.filter((v) => v !== vowel && v.length < vowel.length && word.startsWith(v, at))];
  for (const [rank, piece] of starts.entries()) {
    const unit: Unit = piece in VOWELS ? { kind: 'vowel', roman: piece } : { kind: 'consonant', roman: piece, choices: GEMINATES[piece] ?? CONSONANTS[piece] ?? [] };
    for (const rest of cuts(word, at + piece.length)) out.push({ units: [unit, ...rest.units], cost: rest.cost + rank * 0.7 });
    if (out.length > 64) break;
  }
  return out;
}

interface Partial {
  text: string;
  cost: number;
}

function keepBest(list: Partial[], width: number): Partial[] {
  const best = new Map<string, Partial>();
  for (const p of list) {
    const seen = best.get(p.text);
    if (seen === undefined || p.cost < seen.cost) best.set(p.text, p);
  }
  return [...best.values()].sort((a, b) => a.cost - b.cost || a.text.localeCompare(b.text)).slice(0, width);
}

/** The likeliest Devanagari spellings of a Roman word (lower case a–z), cheapest first. */
export function toDevanagari(roman: string, limit = 24): string[] {
  const word = roman.toLowerCase();
  if (!/^[a-z]+$/.test(word)) return [];
  let all: Partial[] = [];
  for (const cut of cuts(word)) all.push(...spell(cut.units, cut.cost));
  all = keepBest(all, limit * 4);
  return withPrecomposedNukta(all.map((p) => p.text)).slice(0, limit);
}

/** Devanagari for one cutting of the word: a beam over each unit's choices. */
function spell(units: Unit[], base: number): Partial[] {
  let beam: Partial[] = [{ text: '', cost: base }];
  for (const [i, unit] of units.entries()) {
    const prev = units[i - 1];
    const next = units[i + 1];
    const options: Choice[] = [];
    if (unit.kind === 'vowel') {
      const v = VOWELS[unit.roman];
      if (v === undefined) return [];
      const afterConsonant = prev?.kind === 'consonant';
      options.push(...(afterConsonant ? (next === undefined && v.final ? v.final : v.sign) : v.letter));
    } else {
      // A nasal before another consonant is often the anusvara: "Singh" सिंह, "Mandal" मंडल.
      const nasalBefore = (unit.roman === 'n' || unit.roman === 'm') && i > 0 && next?.kind === 'consonant';
      const letters = nasalBefore ? [[ANUSVARA, 0.1] as Choice, ...unit.choices] : unit.choices;
      // What follows the letter when no vowel does: word end (nothing), or another consonant — a
      // conjunct (halant) or, as often in names, two letters ("Sonbarsa" सोनबरसा, "Saharsa" सहरसा).
      const joins: Choice[] = next === undefined || next.kind === 'vowel' ? [['', 0]]
        : i === 0 ? [[HALANT, 0]] : [['', 0.45], [HALANT, 0.5]];
      for (const [letter, cost] of letters) {
        if (letter === ANUSVARA) options.push([letter, cost]);
        else for (const [join, joinCost] of joins) options.push([letter + join, cost + joinCost]);
      }
    }
    beam = keepBest(beam.flatMap((p) => options.map(([text, cost]) => ({ text: p.text + text, cost: p.cost + cost }))), 48);
  }
  return beam;
}

/** Letters with a nukta are typed both ways: ज + ़ and the one code point ज़. */
const PRECOMPOSED: Record<string, string> = {
  'क\u093C': '\u0958', 'ख\u093C': '\u0959', 'ग\u093C': '\u095A', 'ज\u093C': '\u095B', 'ड\u093C': '\u095C', 'ढ\u093C': '\u095D', 'फ\u093C': '\u095E', 'य\u093C': '\u095F',
};

function withPrecomposedNukta(spellings: string[]): string[] {
  const out: string[] = [];
  for (const s of spellings) {
    out.push(s);
    if (s.includes(NUKTA)) out.push(s.replace(/.\u093C/g, (pair) => PRECOMPOSED[pair] ?? pair));
  }
  return [...new Set(out)];
}

// ---- Devanagari → Roman ----

const ROMAN_OF_CONSONANT: Record<string, Choice[]> = {
  'क': [['k', 0]], 'ख': [['kh', 0]], 'ग': [['g', 0]], 'घ': [['gh', 0]], 'ङ': [['n', 0]],
  'च': [['ch', 0]], 'छ': [['chh', 0], ['ch', 0.3]], 'ज': [['j', 0], ['z', 1]], 'झ': [['jh', 0]], 'ञ': [['n', 0]],
  'ट': [['t', 0]], 'ठ': [['th', 0]], 'ड': [['d', 0]], 'ढ': [['dh', 0]], 'ण': [['n', 0]],
  'त': [['t', 0]], 'थ': [['th', 0]], 'द': [['d', 0]], 'ध': [['dh', 0]], 'न': [['n', 0]],
  'प': [['p', 0]], 'फ': [['ph', 0], ['f', 0.3]], 'ब': [['b', 0]], 'भ': [['bh', 0]], 'म': [['m', 0]],
  'य': [['y', 0]], 'र': [['r', 0]], 'ल': [['l', 0]], 'व': [['v', 0], ['w', 0.2]],
  'श': [['sh', 0], ['s', 0.5]], 'ष': [['sh', 0], ['s', 0.5]], 'स': [['s', 0]], 'ह': [['h', 0]],
  'क\u093C': [['q', 0], ['k', 0.2]], 'ख\u093C': [['kh', 0]], 'ग\u093C': [['g', 0]], 'ज\u093C': [['z', 0], ['j', 0.3]],
  'ड\u093C': [['r', 0], ['d', 0.5]], 'ढ\u093C': [['rh', 0], ['dh', 0.5]], 'फ\u093C': [['f', 0], ['ph', 0.3]], 'य\u093C': [['y', 0]],
};

const ROMAN_OF_SIGN: Record<string, Choice[]> = {
  'ा': [['a', 0], ['aa', 0.5]], 'ि': [['i', 0]], 'ी': [['i', 0], ['ee', 0.5]], 'ु': [['u', 0]], 'ू': [['u', 0], ['oo', 0.5]],
  'ृ': [['ri', 0]], 'े': [['e', 0]], 'ै': [['ai', 0]], 'ो': [['o', 0]], 'ौ': [['au', 0], ['ou', 0.3]], 'ॉ': [['o', 0]], 'ॅ': [['e', 0]],
};

const ROMAN_OF_LETTER: Record<string, Choice[]> = {
  'अ': [['a', 0]], 'आ': [['a', 0], ['aa', 0.5]], 'इ': [['i', 0]], 'ई': [['i', 0], ['ee', 0.5]], 'उ': [['u', 0]], 'ऊ': [['u', 0], ['oo', 0.5]],
  'ऋ': [['ri', 0]], 'ए': [['e', 0]], 'ऐ': [['ai', 0]], 'ओ': [['o', 0]], 'औ': [['au', 0], ['ou', 0.5]], 'ऑ': [['o', 0]],
};

/** One syllable-ish piece: a consonant with its vowel (sign, own "a", or none), or a vowel letter. */
interface Akshara {
  consonant?: string;
  /** The vowel sign; '' for the consonant's own "a"; HALANT for none. */
  sign: string;
  letter?: string;
  /** Anusvara, chandrabindu or visarga after it. */
  mark: string;
}

function aksharas(word: string): Akshara[] | null {
  const chars = [...word.normalize('NFD')];
  const out: Akshara[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (ch === ANUSVARA || ch === '\u0901' || ch === '\u0903') {
      const last = out.at(-1);
      if (last === undefined) return null;
      last.mark += ch;
    } else if (ch in ROMAN_OF_LETTER) {
      out.push({ letter: ch, sign: '', mark: '' });
    } else if ((ch + (chars[i + 1] ?? '')) in ROMAN_OF_CONSONANT && chars[i + 1] === NUKTA) {
      out.push({ consonant: ch + NUKTA, sign: '', mark: '' });
      i++;
    } else if (ch in ROMAN_OF_CONSONANT) {
      out.push({ consonant: ch, sign: '', mark: '' });
    } else if (ch === HALANT || ch in ROMAN_OF_SIGN) {
      const last = out.at(-1);
      if (last?.consonant === undefined || last.sign !== '') return null;
      last.sign = ch;
    } else if (ch === '\u200C' || ch === '\u200D') {
      // joiners change the look, not the sound
    } else {
      return null;
    }
  }
  return out;
}

const hasVowel = (a: Akshara | undefined, dropped: Set<number>, i: number) =>
  a !== undefined && (a.letter !== undefined || (a.sign !== HALANT && !(a.sign === '' && dropped.has(i))));

/**
 * Which consonants' own "a" is not said (Hindi schwa deletion), right to left: at the word's end
 * (unless after a conjunct: मिश्र "mishra"), and between a vowel and a consonant with a vowel
 * (सहरसा "saharsa", सोनबरसा "sonbarsa").
 */
function silentSchwas(parts: Akshara[]): Set<number> {
  const dropped = new Set<number>();
  for (let i = parts.length - 1; i >= 0; i--) {
    const a = parts[i];
    if (a?.consonant === undefined || a.sign !== '' || a.mark !== '') continue;
    if (i === parts.length - 1) {
      if (i > 0 && parts[i - 1]?.sign !== HALANT) dropped.add(i);
      continue;
    }
    if (i === 0) continue;
    const next = parts[i + 1];
    if (hasVowel(parts[i - 1], dropped, i - 1) && next?.consonant !== undefined && hasVowel(next, dropped, i + 1)) dropped.add(i);
  }
  return dropped;
}

/** The likeliest Roman spellings of a Devanagari word, cheapest first. */
export function toRoman(devanagari: string, limit = 10): string[] {
  const parts = aksharas(devanagari);
  if (parts === null || parts.length === 0) return [];
  const silent = silentSchwas(parts);
  let beam: Partial[] = [{ text: '', cost: 0 }];
  for (const [i, a] of parts.entries()) {
    const options: Choice[] = [];
    if (a.letter !== undefined) {
      options.push(...(ROMAN_OF_LETTER[a.letter] ?? []));
    } else {
      const consonant = ROMAN_OF_CONSONANT[a.consonant ?? ''] ?? [];
      const vowels: Choice[] = a.sign === HALANT ? [['', 0]]
        : a.sign !== '' ? ROMAN_OF_SIGN[a.sign] ?? []
          : silent.has(i) ? [['', 0], ['a', 0.5]]
            // Said before a conjunct and in the first syllable; elsewhere sometimes dropped.
            : i > 0 && parts[i + 1]?.consonant !== undefined && parts[i + 1]?.sign !== HALANT ? [['a', 0], ['', 0.8]] : [['a', 0]];
      // A final य after a vowel is as often written "i": राय "rai".
      const final = i === parts.length - 1 && a.consonant === 'य' && a.sign === '' && i > 0;
      for (const [c, cc] of consonant) for (const [v, vc] of vowels) options.push([c + v, cc + vc]);
      if (final) options.push(['i', 0.4]);
      // A final ी is often "y": चौधरी "chaudhary".
      if (i === parts.length - 1 && a.sign === 'ी') for (const [c, cc] of consonant) options.push([`${c}y`, cc + 0.4]);
    }
    if (a.mark !== '') {
      const next = parts[i + 1]?.consonant;
      // The anusvara is said as the nasal of what follows: "m" before प/ब/म, "ng" before ह/ग/क (सिंह "singh").
      const nasal: Choice[] = a.mark.includes('\u0903') ? [['h', 0]]
        : next !== undefined && 'पबभम'.includes(next) ? [['m', 0], ['n', 0.3]]
          : next !== undefined && 'हगकखघ'.includes(next) ? [['ng', 0], ['n', 0.3]]
            : [['n', 0], ['', a.mark.includes('\u0901') ? 0.3 : 1]];
      const base = options.splice(0);
      for (const [t, c] of base) for (const [n, nc] of nasal) options.push([t + n, c + nc]);
    }
    beam = keepBest(beam.flatMap((p) => options.map(([text, cost]) => ({ text: p.text + text, cost: p.cost + cost }))), 32);
  }
  return beam.slice(0, limit).map((p) => p.text);
}

// ---- for searches ----

const DEVANAGARI = /^[\u0900-\u097F\u200C\u200D]+$/;
const ROMAN = /^[a-z]+$/i;

/** Small words of either language: written in the other script they would match nearly everything. */
const STOPWORDS = new Set([
  'the', 'and', 'for', 'from', 'with', 'was', 'are', 'has', 'not', 'all', 'any', 'per', 'via', 'our', 'you',
  'की', 'का', 'के', 'को', 'में', 'से', 'पर', 'है', 'हैं', 'और', 'एवं', 'या', 'तक', 'ने', 'भी', 'हेतु', 'था', 'थे', 'यह', 'वह',
]);

/**
 * The word's spellings in the other script, cheapest first: Devanagari for a Roman word of at least
 * three letters, Roman for a Devanagari word of at least two characters; none for anything else
 * (numbers, codes such as EST-12/2026, short words that would match everything).
 */
export function otherScriptSpellings(word: string): string[] {
  const w = word.trim();
  if (STOPWORDS.has(w.toLowerCase())) return [];
  if (ROMAN.test(w) && w.length >= 3) return toDevanagari(w.toLowerCase());
  if (DEVANAGARI.test(w) && [...w].length >= 2) return toRoman(w).filter((r) => r.length >= 3);
  return [];
}

/** What a search looks for in place of the word: the word itself, then its other-script spellings. */
export function searchSpellings(word: string): string[] {
  return [...new Set([word, ...otherScriptSpellings(word)])];
}

// Which statutory deadlines a receipt may carry, from its subject, the caption it was sent with and
// the text read from its scan: zero or more candidates, each with the words that named it and, for
// kinds whose date the letter states (a hearing), that date. The bot proposes them; the clerk
// confirms or corrects one with a button. Nothing here decides: a candidate is a proposal.
//
// What names a kind is data (rules.ts: words, weak words with context, notWith, ignore, requires,
// supersedes); how words are found in noisy OCR text is match.ts; dates are text-dates.ts.
//
// False positives: a proposal the clerk has to dismiss costs a tap, a missed RTI application costs
// the PIO a penalty, so strong words (सूचना का अधिकार अधिनियम 2005 की धारा 6, CWJC, MJC, summons,
// "सदस्य, बिहार विधान सभा") propose on their own. Words that office letters use for other things
// need context: RTI, सूचना का अधिकार, लोक शिकायत, उच्च न्यायालय, न्यायालय, सांसद, विधायक, MLA, MP
// propose only with words of an actual case (an application, an applicant, a complaint number, a
// hearing, a counter affidavit, "माननीय", a recommendation…), and not in a circular, a training
// notice, a review meeting or an election letter (notWith). So "information about the RTI cell's
// furniture" proposes nothing, "RTI cell forwards the application of Shri X" proposes an RTI
// application, a circular on disposing of RTI applications in time proposes nothing, and a letter
// on the MP's fund (सांसद निधि) is not a letter from an MP. सूचना alone (notice, information) and
// स्वतंत्रता alone (स्वतंत्रता दिवस) name nothing. Pure: no I/O.
import { datesInText, type DateInText } from './text-dates.ts';
import { asciiDigits, findPhrase, prepare, preparePhrase, type Found, type Phrase, type Prepared, type Source } from './match.ts';
import type { DeadlineKind, DeadlineRules } from './rules.ts';

/** What is known of a receipt's words: any may be missing. */
export interface LetterText {
  subject?: string | null;
  caption?: string | null;
  scanText?: string | null;
}

/** Words of the letter, as written there, and where. */
export interface Evidence {
  source: Source;
  text: string;
  /** 'word': names the kind; 'context': made a weak word count. */
  as: 'word' | 'context';
}

export interface DeadlineCandidate {
  /** The kind's key in the rules. */
  kind: string;
  serious: boolean;
  /** Why: the words that named the kind (and the context a weak word needed), at most five. */
  why: Evidence[];
  /** For 'stated_date' kinds: the date the letter states (ISO yyyy-mm-dd), null when none was found. */
  statedDate: string | null;
  /** Where that date was found: the date as written and the words pointing at it (cue null: it was simply the first date after receipt). */
  dateWhy: { source: Source; text: string; cue: string | null } | null;
  /** The case's number when the text gives one after the word ("CWJC No. 1234/2026" → "1234/2026"). */
  caseNumber: string | null;
}

export interface DetectOptions {
  rules: DeadlineRules;
  /** The IST date of receipt: dates before it are never the hearing, and dates without a year are completed from it. */
  receivedOn?: string;
}

interface CompiledKind {
  kind: DeadlineKind;
  words: Phrase[];
  weakWords: Phrase[];
  context: Phrase[];
  notWith: Phrase[];
  ignore: Phrase[];
  dateCues: Phrase[];
}

const compiled = new WeakMap<DeadlineRules, CompiledKind[]>();

function compile(rules: DeadlineRules): CompiledKind[] {
  let c = compiled.get(rules);
  if (c === undefined) {
    const prep = (list: readonly string[]): Phrase[] => list.map(preparePhrase).filter((p) => p.light !== '');
    c = rules.kinds.map((kind) => ({
      kind,
      words: prep(kind.words),
      weakWords: prep(kind.weakWords),
      context: prep(kind.context),
      notWith: prep(kind.notWith),
      ignore: prep(kind.ignore),
      dateCues: prep(kind.dateCues),
    }));
    compiled.set(rules, c);
  }
  return c;
}

const overlaps = (a: Found, b: Found): boolean => a.source === b.source && a.firstToken <= b.lastToken && b.firstToken <= a.lastToken;

/**
 * Every place any of the phrases is found, outside the ignored spans; where two found overlap (लोक
 * शिकायत, लोक शिकायत निवारण) the longer is kept.
 */
function findAll(sources: readonly Prepared[], phrases: readonly Phrase[], ignored: readonly Found[] = []): Found[] {
  const all: Found[] = [];
  for (const p of sources) {
    for (const phrase of phrases) {
      for (const f of findPhrase(p, phrase)) if (!ignored.some((g) => overlaps(f, g))) all.push(f);
    }
  }
  const kept: Found[] = [];
  for (const f of all.sort((a, b) => b.end - b.start - (a.end - a.start))) if (!kept.some((k) => overlaps(f, k))) kept.push(f);
  const order: Source[] = ['subject', 'caption', 'scan'];
  return kept.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.start - b.start);
}

function evidence(found: readonly Found[], as: Evidence['as']): Evidence[] {
  return found.map((f) => ({ source: f.source, text: f.text.replace(/\s+/g, ' ').trim(), as }));
}

function distinct(list: readonly Evidence[], max: number): Evidence[] {
  const out: Evidence[] = [];
  for (const e of list) {
    if (out.length >= max) break;
    if (!out.some((o) => o.text.toLowerCase() === e.text.toLowerCase())) out.push(e);
  }
  return out;
}

interface Named {
  compiled: CompiledKind;
  why: Evidence[];
  /** Where the naming words are, for the case number. */
  at: Found[];
}

function named(sources: readonly Prepared[], c: CompiledKind): Named | null {
  const ignored = findAll(sources, c.ignore);
  const strong = findAll(sources, c.words, ignored);
  if (strong.length > 0) return { compiled: c, why: distinct(evidence(strong, 'word'), 5), at: strong };
  const weak = findAll(sources, c.weakWords, ignored);
  if (weak.length === 0) return null;
  // Context is another part of the letter than the weak word itself.
  const context = findAll(sources, c.context, ignored).filter((f) => !weak.some((w) => overlaps(f, w)));
  if (context.length === 0 || findAll(sources, c.notWith).length > 0) return null;
  return { compiled: c, why: distinct([...evidence(weak, 'word').slice(0, 3), ...evidence(context, 'context')], 5), at: weak };
}

/** Characters between a date and its cue for the cue to count: before it, and after it (…को सुनवाई). */
const CUE_BEFORE = 60;
const CUE_AFTER = 40;

interface DateChoice {
  date: DateInText;
  source: Source;
  cue: string | null;
}

function statedDate(sources: readonly Prepared[], c: CompiledKind, receivedOn: string | undefined): DateChoice | null {
  const cued: DateChoice[] = [];
  const later: DateChoice[] = [];
  for (const p of sources) {
    const cues = findAll([p], c.dateCues);
    for (const date of datesInText(p.text, receivedOn)) {
      if (receivedOn !== undefined && date.date < receivedOn) continue; // the letter's own date, an order's date
      const cue = cues.find((q) => (q.end <= date.start && date.start - q.end <= CUE_BEFORE) || (q.start >= date.end && q.start - date.end <= CUE_AFTER));
      if (cue !== undefined) cued.push({ date, source: p.source, cue: cue.text.replace(/\s+/g, ' ').trim() });
      else if (receivedOn !== undefined && date.date > receivedOn) later.push({ date, source: p.source, cue: null });
    }
  }
  // The earliest: a hearing and a date to file by both mean "before then".
  const earliest = (list: DateChoice[]): DateChoice | null => list.sort((a, b) => a.date.date.localeCompare(b.date.date))[0] ?? null;
  return earliest(cued) ?? earliest(later);
}

const CASE_NUMBER = /^0?[\s.:,\-–(]*(?:no|nos|number|case no|संख्या|सं0?|नं0?)?[\s.:\-–]*(\d{1,6})\s*(?:\/|of|का|ऑफ|-)\s*((?:19|20)\d{2})(?!\d)/i;

function caseNumber(sources: readonly Prepared[], at: readonly Found[]): string | null {
  for (const f of at) {
    const text = sources.find((p) => p.source === f.source)?.text ?? '';
    const m = CASE_NUMBER.exec(asciiDigits(text.slice(f.end, f.end + 40)));
    if (m) return `${m[1]}/${m[2]}`;
  }
  return null;
}

/**
 * The deadlines the letter may carry, serious ones first, then in the order of the rules. Empty when
 * nothing names one.
 */
export function detectDeadlines(letter: LetterText, options: DetectOptions): DeadlineCandidate[] {
  const sources: Prepared[] = [];
  if (letter.subject) sources.push(prepare('subject', letter.subject));
  if (letter.caption) sources.push(prepare('caption', letter.caption));
  if (letter.scanText) sources.push(prepare('scan', letter.scanText));
  if (sources.length === 0) return [];
  const kinds = compile(options.rules);
  let found = kinds.map((c) => named(sources, c)).filter((n): n is Named => n !== null);
  // A kind that needs another stays only while that one does (repeated, for chains).
  for (let changed = true; changed;) {
    const keys = new Set(found.map((n) => n.compiled.kind.key));
    const kept = found.filter((n) => n.compiled.kind.requires === null || keys.has(n.compiled.kind.requires));
    changed = kept.length !== found.length;
    found = kept;
  }
  const superseded = new Set(found.flatMap((n) => n.compiled.kind.supersedes));
  found = found.filter((n) => !superseded.has(n.compiled.kind.key));
  const order = (n: Named): number => (n.compiled.kind.serious ? 0 : 1_000) + kinds.indexOf(n.compiled);
  return found.sort((a, b) => order(a) - order(b)).map((n) => {
    const kind = n.compiled.kind;
    const date = kind.counts === 'stated_date' ? statedDate(sources, n.compiled, options.receivedOn) : null;
    return {
      kind: kind.key,
      serious: kind.serious,
      why: n.why,
      statedDate: date?.date.date ?? null,
      dateWhy: date === null ? null : { source: date.source, text: date.date.text, cue: date.cue },
      caseNumber: caseNumber(sources, n.at),
    };
  });
}

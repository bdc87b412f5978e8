// References between notes and letters: a note may say "see C/3" / "देखें प/3" (the third letter in
// the file's correspondence), "see SAH/R/2026/000123" (a letter by its diary number) or "see note 2"
// / "देखें टिप्पणी 2" (an earlier note). A reference is checked when the note (or a draft) is
// written, and one that points to nothing is refused (NOTE.BAD_REFERENCE); the note sheet shows each
// reference and links to it (queries.ts noteSheetOf, adapters/pdf).
import { fail, ok, type Result } from '../errors.ts';
import type { Tx } from '../ports.ts';
import { officeNumbers, type OfficeNumbers } from '../office/numbers.ts';
import type { EFile, Receipt } from './types.ts';

export type Reference =
  | { kind: 'letter'; text: string; place: number }
  | { kind: 'diary'; text: string; diary: string }
  | { kind: 'note'; text: string; note: number };

export type Resolved =
  | { kind: 'letter'; text: string; place: number; receipt: Receipt }
  | { kind: 'note'; text: string; note: number };

const DEFAULT_NUMBERS = officeNumbers();

/** The words that introduce a reference: "see", "refer (to)", "vide", "cf.", "देखें", "dekhen"… */
const SEE = '(?:see|refer(?:\\s+to)?|vide|cf\\.?|देखें|देखे|देखिए|देखिये|दृष्टव्य|dekhen|dekhein|dekhiye)';
/** Between two references of one list: ",", "and", "और", "एवं", "तथा", "aur". */
const AND = '\\s*(?:,|;|\\band\\b|और|एवं|तथा|\\baur\\b)\\s*';
const LETTER = '(?:C|प)\\s*/\\s*(\\d{1,4})';
const NOTE = '(?:note|टिप्पणी|tippani)\\s*(?:no\\.?|सं\\.?|संख्या)?\\s*(\\d{1,4})';
// Devanagari digits are read as ASCII ones before matching (प/३ is प/3).
const asciiDigits = (text: string) => text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));

const made = new WeakMap<OfficeNumbers, { list: RegExp; one: RegExp }>();

function patterns(numbers: OfficeNumbers): { list: RegExp; one: RegExp } {
  let p = made.get(numbers);
  if (p === undefined) {
    const one = `(?:${LETTER}|${NOTE}|(${numbers.diarySource}))`;
    p = {
      // "see" then one or more references joined by "and" / ",".
      list: new RegExp(`(?<![\\p{L}\\p{M}])${SEE}\\s*[:\\-–]?\\s*(${one}(?:${AND}${one})*)`, 'giu'),
      one: new RegExp(`(?<![\\p{L}\\p{M}\\d/])${one}(?![\\d/])`, 'giu'),
    };
    made.set(numbers, p);
  }
  return p;
}

/** The references a note's text makes, in order, each once. */
export function parseReferences(text: string, numbers: OfficeNumbers = DEFAULT_NUMBERS): Reference[] {
  const { list, one } = patterns(numbers);
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const m of asciiDigits(text.normalize('NFC')).matchAll(list)) {
    for (const r of (m[1] ?? '').matchAll(one)) {
      const [raw, place, note, diary] = r;
      const ref: Reference = place !== undefined ? { kind: 'letter', text: raw.replace(/\s+/g, ''), place: Number(place) }
        : note !== undefined ? { kind: 'note', text: raw.trim(), note: Number(note) }
          : { kind: 'diary', text: raw, diary: (diary ?? raw).toUpperCase() };
      const key = ref.kind === 'letter' ? `C${ref.place}` : ref.kind === 'note' ? `N${ref.note}` : `D${ref.diary}`;
      if (!seen.has(key)) { seen.add(key); out.push(ref); }
    }
  }
  return out;
}

/**
 * The references resolved against the file: its correspondence (receipts in the order they were
 * put into it) and its notes before `beforeNote` (the note being written, or the next one).
 * Unresolvable ones are returned separately.
 */
export async function resolveReferences(
  tx: Tx, file: EFile, text: string, options: { beforeNote?: number; numbers?: OfficeNumbers } = {},
): Promise<{ resolved: Resolved[]; unresolved: { ref: Reference; letters: number; notes: number }[] }> {
  const refs = parseReferences(text, options.numbers);
  if (refs.length === 0) return { resolved: [], unresolved: [] };
  const letters = await tx.receipts.listByFile(file.id);
  const notes = options.beforeNote === undefined ? await tx.notes.count(file.id) : options.beforeNote - 1;
  const resolved: Resolved[] = [];
  const unresolved: { ref: Reference; letters: number; notes: number }[] = [];
  for (const ref of refs) {
    if (ref.kind === 'note') {
      if (ref.note >= 1 && ref.note <= notes) resolved.push(ref);
      else unresolved.push({ ref, letters: letters.length, notes });
      continue;
    }
    const index = ref.kind === 'letter' ? ref.place - 1 : letters.findIndex((r) => r.diaryNumber.toUpperCase() === ref.diary);
    const receipt = index >= 0 ? letters[index] : undefined;
    if (receipt === undefined) unresolved.push({ ref, letters: letters.length, notes });
    else resolved.push({ kind: 'letter', text: ref.text, place: index + 1, receipt });
  }
  return { resolved, unresolved };
}

/** A note's references, checked before it is written: one that points to nothing is refused. */
export async function checkReferences(tx: Tx, file: EFile, text: string, numbers?: OfficeNumbers): Promise<Result<Resolved[]>> {
  const { resolved, unresolved } = await resolveReferences(tx, file, text, numbers === undefined ? {} : { numbers });
  const bad = unresolved[0];
  if (bad === undefined) return ok(resolved);
  return fail('NOTE.BAD_REFERENCE', {
    ref: bad.ref.text, number: file.fileNumber, kind: bad.ref.kind, count: bad.ref.kind === 'note' ? bad.notes : bad.letters,
  });
}

/** The letter at a place in the file's correspondence (1 = the first put into it), or null. */
export async function letterAt(tx: Tx, file: EFile, place: number): Promise<{ receipt: Receipt; count: number } | { receipt: null; count: number }> {
  const letters = await tx.receipts.listByFile(file.id);
  return { receipt: letters[place - 1] ?? null, count: letters.length };
}

// Reading the cells of a roll the way the office writes them: mobiles with +91 or 0 in front,
// dates in the day-first forms, Devanagari digits, names with श्री/Shri in front. Pure functions.
import type { UiLanguage } from '../types.ts';

const DEVANAGARI_ZERO = 0x0966;

/** ०–९ → 0–9: rolls typed in a Hindi keyboard layout carry Devanagari digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - DEVANAGARI_ZERO));
}

/** Trimmed, inner runs of white space (including no-break spaces) collapsed to one space. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * A comparison key that ignores case, spacing, punctuation and the spelling variants Hindi
 * typists mix freely: nukta (ज़/ज), chandrabindu/anusvara (ँ/ं) and zero-width joiners.
 */
export function textKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u093c\u200c\u200d]/g, '')
    .replace(/\u0901/g, '\u0902')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

const HONORIFICS = new Set(
  ['shri', 'sri', 'shree', 'smt', 'mr', 'mrs', 'ms', 'dr', 'श्री', 'श्रीमती', 'सुश्री', 'डॉ', 'डा', 'डॉक्टर'].map((h) => h.normalize('NFC')),
);

/**
 * Key for matching a reporting officer's name: honorifics in front dropped, then case, spaces and
 * dots ignored, so "Shri A.K. Singh", "A K Singh" and "ak singh" meet.
 */
export function nameKey(name: string): string {
  // '.', '०' and '॰' all end abbreviations ("डॉ०", "ए॰के॰"): split on them like spaces.
  const words = cleanText(name).toLowerCase().replace(/[.,०॰]/g, ' ').split(' ').filter((w) => w !== '');
  while (words.length > 1 && HONORIFICS.has(words[0] ?? '')) words.shift();
  return textKey(words.join(''));
}

/** Ten digits starting 6–9, after dropping spaces, dashes, brackets and a +91/0091/91/0 prefix. */
export function normaliseMobile(raw: string): string | null {
  let digits = asciiDigits(raw).replace(/[\s\-().]/g, '');
  if (digits.startsWith('+91')) digits = digits.slice(3);
  else if (digits.startsWith('0091')) digits = digits.slice(4);
  else if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  return /^[6-9]\d{9}$/.test(digits) ? digits : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * ISO yyyy-mm-dd from DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD (what the xlsx reader
 * makes of date cells). Two-digit years are refused: "01-02-65" could be 1965 or 2065.
 */
export function parseDate(raw: string): string | null {
  const text = asciiDigits(raw).trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  else return null;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Completed years between two ISO dates (a 29 February birthday falls on 1 March in other years). */
export function ageOn(dobIso: string, todayIso: string): number {
  const [by, bm, bd] = dobIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const MIN_AGE = 18;
export const MAX_AGE = 75;

/** Lower-cased; a plain local@domain.tld check, since the roll is typed by hand, not validated mail. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.includes('..')) return null;
  return /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(email) ? email : null;
}

/** Upper-cased, as findByCode expects ("sah0042" and "SAH0042" are one employee). */
export function normaliseCode(raw: string): string | null {
  const code = asciiDigits(raw).trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9/_-]{1,19}$/.test(code) ? code : null;
}

export function normaliseSectionCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9]{2,10}$/.test(code) ? code : null;
}

const LANGUAGES: Record<string, UiLanguage> = Object.fromEntries(
  [
    ...['hi', 'hin', 'hindi', 'हिंदी', 'हिन्दी', 'हि'].map((w) => [textKey(w), 'hi'] as const),
    ...['en', 'eng', 'english', 'अंग्रेजी', 'अंग्रेज़ी', 'इंग्लिश', 'अं'].map((w) => [textKey(w), 'en'] as const),
  ],
);

export function parseLanguage(raw: string): UiLanguage | null {
  return LANGUAGES[textKey(raw)] ?? null;
}

/**
 * Splits the prapatra's single "नाम व पद" cell: "आनंद शर्मा, जिलाधिकारी", "आनंद शर्मा (जिलाधिकारी)"
 * or "आनंद शर्मा - जिलाधिकारी". Null when it is not one of those shapes.
 */
export function splitNameAndPost(raw: string): { name: string; post: string } | null {
  const text = cleanText(raw);
  const bracketed = /^(.+?)\s*\((.+)\)$/.exec(text);
  const separated = /^(.+?)\s*(?:,|\s[-–]\s|\/)\s*(.+)$/.exec(text);
  const found = bracketed ?? separated;
  if (!found) return null;
  const name = cleanText(found[1] ?? '');
  const post = cleanText(found[2] ?? '');
  return name !== '' && post !== '' ? { name, post } : null;
}

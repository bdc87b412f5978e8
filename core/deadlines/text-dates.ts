// Dates as Indian letters write them, found in a subject, caption or scan text: day first always
// (12.01.2027 is 12 January), with dots, slashes or hyphens and OCR's stray spaces (12. 01. 2027),
// two- or four-digit years, Devanagari digits (१२.०१.२०२७), and month names in English or Hindi
// (12 January 2027, 12th Jan, 2027, January 12, 2027, 12 जनवरी, 2027, १२ जनवरी २०२७). A date
// without a year is taken as the next such day on or after the day of receipt (without one it is
// not read). An impossible date (31.02.2027) is not a date; nor is "02/13/2027" turned round.
// Pure: no I/O.
import { isIsoDate } from '../calendar/dates.ts';
import { asciiDigits } from './match.ts';

export interface DateInText {
  /** ISO yyyy-mm-dd. */
  date: string;
  /** Offsets in the text, end exclusive, and the date as written. */
  start: number;
  end: number;
  text: string;
}

const ENGLISH_MONTHS: [RegExp, number][] = [
  [/^jan(uary)?$/, 1], [/^feb(ruary)?$/, 2], [/^mar(ch)?$/, 3], [/^apr(il)?$/, 4], [/^may$/, 5], [/^june?$/, 6],
  [/^july?$/, 7], [/^aug(ust)?$/, 8], [/^sep(t|tember)?$/, 9], [/^oct(ober)?$/, 10], [/^nov(ember)?$/, 11], [/^dec(ember)?$/, 12],
];
/** Hindi month names, nukta dropped (फ़रवरी is फरवरी), both spellings of the nasal (सितम्बर, सितंबर). */
const HINDI_MONTHS: Record<string, number> = {
  'जनवरी': 1, 'फरवरी': 2, 'मार्च': 3, 'अप्रैल': 4, 'अप्रेल': 4, 'मई': 5, 'जून': 6, 'जुलाई': 7, 'अगस्त': 8,
  'सितम्बर': 9, 'सितंबर': 9, 'अक्टूबर': 10, 'अक्तूबर': 10, 'नवम्बर': 11, 'नवंबर': 11, 'दिसम्बर': 12, 'दिसंबर': 12,
};

const MONTH_WORD = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|${
  ['फ़रवरी', 'फ\u093Cरवरी', ...Object.keys(HINDI_MONTHS)].join('|')})`;

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().normalize('NFD').replace(/\u093C/g, '').normalize('NFC');
  return HINDI_MONTHS[w] ?? ENGLISH_MONTHS.find(([re]) => re.test(w))?.[1] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** The next day-month on or after `from` (an ISO date). */
function nextOccurrence(day: number, month: number, from: string): string | null {
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const iso = `${y}-${pad(month)}-${pad(day)}`;
    if (isIsoDate(iso) && iso >= from) return iso;
  }
  return null;
}

/** O for 0 and l/I for 1 next to digits, as OCR reads them; one character for one. */
function digitsFixed(text: string): string {
  return asciiDigits(text)
    .replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0')
    .replace(/(?<=\d)[lI|]|[lI|](?=\d)/g, '1');
}

const NUMERIC = /(?<!\d)(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})(?![\d/])/g;
const DAY_MONTH = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s.,-]*(?:of\\s+)?${MONTH_WORD}(?![a-z\\u0900-\\u097F])(?:[\\s.,-]*(\\d{4}))?`, 'gi');
const MONTH_DAY = new RegExp(`(?<![a-z\\u0900-\\u097F])${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*(\\d{4}))?`, 'gi');

/**
 * Every date written in the text, in order. `receivedOn` (ISO) completes dates written without a
 * year; without it they are skipped.
 */
export function datesInText(text: string, receivedOn?: string): DateInText[] {
  const s = digitsFixed(text);
  const out: DateInText[] = [];
  const add = (start: number, end: number, date: string | null): void => {
    if (date === null || !isIsoDate(date)) return;
    if (out.some((d) => start < d.end && d.start < end)) return; // overlaps one already read
    out.push({ date, start, end, text: text.slice(start, end) });
  };
  for (const m of s.matchAll(NUMERIC)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(m[3] ?? '')];
    add(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`);
  }
  const named = (day: number, monthWord: string, year: string | undefined): string | null => {
    const month = monthNumber(monthWord);
    if (month === null || day < 1 || day > 31) return null;
    if (year !== undefined) return `${year}-${pad(month)}-${pad(day)}`;
    return receivedOn === undefined ? null : nextOccurrence(day, month, receivedOn);
  };
  // "may" is a month only as "May" or with a year: "section 12 may be" has no date in it.
  const verb = (word: string, year: string | undefined): boolean => word === 'may' && year === undefined;
  for (const m of s.matchAll(DAY_MONTH)) {
    if (!verb(m[2] ?? '', m[3])) add(m.index, m.index + m[0].length, named(Number(m[1]), m[2] ?? '', m[3]));
  }
  for (const m of s.matchAll(MONTH_DAY)) {
    if (!verb(m[1] ?? '', m[3])) add(m.index, m.index + m[0].length, named(Number(m[2]), m[1] ?? '', m[3]));
  }
  return out.sort((a, b) => a.start - b.start);
}

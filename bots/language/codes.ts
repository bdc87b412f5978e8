/**
 * Office identifiers and numbers: file numbers (EST-12/2026), diary numbers (SAH/R/2026/000123),
 * employee codes (SAH0042, or a 5-10 digit roll number after a link word), OTPs and amounts.
 */
import type { Token } from './normalize.ts';

const FILE_RE = /^([a-z]{2,6})-(\d{1,6})\/(\d{4})$/;
const DIARY_RE = /^([a-z]{2,5})\/([a-z]{1,3})\/(\d{4})\/(\d{1,8})$/;
const EMP_RE = /^[a-z]{2,5}\d{2,8}$/;

export type CodeKind = 'file' | 'diary' | 'employee' | 'date' | 'other';

export function codeKind(t: Token): CodeKind | null {
  if (t.kind !== 'code') return null;
  if (FILE_RE.test(t.text)) return 'file';
  if (DIARY_RE.test(t.text)) return 'diary';
  if (EMP_RE.test(t.text)) return 'employee';
  if (/^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(t.text)) return 'date';
  return 'other';
}

export function fileNumbers(tokens: Token[]): string[] {
  return tokens.filter((t) => codeKind(t) === 'file').map((t) => t.text.toUpperCase());
}
export function diaryNumbers(tokens: Token[]): string[] {
  return tokens.filter((t) => codeKind(t) === 'diary').map((t) => t.text.toUpperCase());
}

/** An employee code: letters+digits anywhere, else a 5-10 digit number (only asked for on link). */
export function employeeCode(tokens: Token[]): string | undefined {
  const coded = tokens.find((t) => codeKind(t) === 'employee');
  if (coded) return coded.text.toUpperCase();
  const numeric = tokens.find((t) => t.kind === 'num' && /^\d{5,10}$/.test(t.text));
  return numeric?.text;
}

const OTP_WORDS = new Set(['otp', 'ओटीपी', 'code', 'कोड', 'pin', 'पिन']);
/** A 6-digit code (also written 123 456); 4-8 digits are accepted right after "otp". */
export function otpCode(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind !== 'num') continue;
    if (/^\d{6}$/.test(t.text)) return t.text;
    if (/^\d{3}$/.test(t.text) && next?.kind === 'num' && /^\d{3}$/.test(next.text)) return t.text + next.text;
    const prev = tokens[i - 1]?.norm ?? '';
    const prev2 = tokens[i - 2]?.norm ?? '';
    if (/^\d{4,8}$/.test(t.text) && (OTP_WORDS.has(prev) || OTP_WORDS.has(prev2))) return t.text;
  }
  return undefined;
}

const CURRENCY_BEFORE = new Set(['rs', 'inr', 'rupees', 'rupaye', 'रुपये', 'रुपए', 'रु', 'rupee']);
const CURRENCY_AFTER = new Set(['rs', 'rupees', 'rupaye', 'rupaiye', 'rupay', 'रुपये', 'रुपए', 'रुपया', 'रु', '/']);
/** An amount in rupees: a currency-marked number first, else the largest plain number not in a date. */
export function amount(tokens: Token[], usedByDates: Set<number>): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'num' || usedByDates.has(i)) continue;
    const n = Number(t.text);
    if (!Number.isFinite(n)) continue;
    const prevToken = tokens[i - 1]?.text === '.' ? tokens[i - 2] : tokens[i - 1]; // "Rs. 1,250"
    const before = prevToken?.norm ?? '';
    const after = tokens[i + 1]?.norm ?? '';
    if (CURRENCY_BEFORE.has(before) || CURRENCY_AFTER.has(after)) return n;
    if (n >= 10 && (best === undefined || n > best)) best = n;
  }
  return best;
}

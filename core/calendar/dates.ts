// Calendar dates as the office writes them: ISO yyyy-mm-dd strings, no time and no zone. Arithmetic
// goes through UTC midnight so that a server's own zone and daylight saving can never shift a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar date in yyyy-mm-dd form (so 2026-02-30 and 2026-2-3 are not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new Error(`not an ISO calendar date: "${date}"`);
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** Calendar days from start to end, both included (0 when end is before start). */
export function calendarDaysBetween(start: string, end: string): number {
  return Math.max(0, daysFrom(start, end) + 1);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

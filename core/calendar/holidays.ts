// The office calendar: which days are working days. Leave of the "working days" kind (CL, RH…)
// charges only working days, and pendency ages are counted in them.
//
// Defaults: every Sunday and the second Saturday of each month are closed; no dated holidays are
// built in, because the State's gazetted list changes every year. The establishment section loads
// the year's list from HOLIDAYS_FILE (JSON):
//
//   {
//     "weeklyOff": ["sunday"],            // optional, default ["sunday"]
//     "saturdaysOff": [2],                // optional: which Saturdays of the month, default [2]
//     "holidays": [{ "date": "2026-01-26", "name": "गणतंत्र दिवस / Republic Day" }]
//   }
import { addDays, isIsoDate, weekday } from './dates.ts';

export interface Holiday {
  date: string;
  name: string;
}

export interface HolidayCalendar {
  /** Weekdays closed every week, 0 = Sunday … 6 = Saturday. */
  weeklyOff: number[];
  /** Which Saturdays of the month are closed (1st … 5th). */
  saturdaysOff: number[];
  holidays: Holiday[];
}

export const DEFAULT_CALENDAR: HolidayCalendar = { weeklyOff: [0], saturdaysOff: [2], holidays: [] };

/** A configuration file read and checked: the value, or every problem found (not just the first). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseHolidays(json: unknown): Parsed<HolidayCalendar> {
  const problems: string[] = [];
  if (!isRecord(json)) return { ok: false, problems: ['expected an object with "holidays" (and optionally "weeklyOff", "saturdaysOff")'] };
  for (const key of Object.keys(json)) {
    if (!['weeklyOff', 'saturdaysOff', 'holidays'].includes(key)) problems.push(`unknown key "${key}"`);
  }
  let weeklyOff = DEFAULT_CALENDAR.weeklyOff;
  if (json.weeklyOff !== undefined) {
    if (!Array.isArray(json.weeklyOff)) problems.push('"weeklyOff" must be a list of weekday names, e.g. ["sunday"]');
    else {
      weeklyOff = [];
      for (const name of json.weeklyOff) {
        const day = typeof name === 'string' ? WEEKDAYS.indexOf(name.toLowerCase()) : -1;
        if (day < 0) problems.push(`"weeklyOff": "${String(name)}" is not a weekday name (sunday … saturday)`);
        else weeklyOff.push(day);
      }
    }
  }
  let saturdaysOff = DEFAULT_CALENDAR.saturdaysOff;
  if (json.saturdaysOff !== undefined) {
    if (!Array.isArray(json.saturdaysOff)) problems.push('"saturdaysOff" must be a list of numbers 1–5, e.g. [2]');
    else {
      saturdaysOff = [];
      for (const n of json.saturdaysOff) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 5) problems.push(`"saturdaysOff": ${JSON.stringify(n)} is not a number 1–5`);
        else saturdaysOff.push(n);
      }
    }
  }
  const holidays: Holiday[] = [];
  if (!Array.isArray(json.holidays)) problems.push('"holidays" must be a list of {"date": "yyyy-mm-dd", "name": "…"}');
  else {
    const seen = new Set<string>();
    json.holidays.forEach((h, i) => {
      if (!isRecord(h) || typeof h.date !== 'string' || typeof h.name !== 'string') {
        problems.push(`holidays[${i}]: expected {"date": "yyyy-mm-dd", "name": "…"}`);
      } else if (!isIsoDate(h.date)) {
        problems.push(`holidays[${i}]: "${h.date}" is not a date in yyyy-mm-dd form`);
      } else if (h.name.trim() === '') {
        problems.push(`holidays[${i}] (${h.date}): the name is empty`);
      } else if (seen.has(h.date)) {
        problems.push(`holidays[${i}]: ${h.date} is listed twice`);
      } else {
        seen.add(h.date);
        holidays.push({ date: h.date, name: h.name.trim() });
      }
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { weeklyOff, saturdaysOff, holidays } };
}

/** The listed holiday on that date, if any. */
export function holidayOn(calendar: HolidayCalendar, date: string): Holiday | null {
  return calendar.holidays.find((h) => h.date === date) ?? null;
}

export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  const day = weekday(date);
  if (calendar.weeklyOff.includes(day)) return false;
  if (day === 6 && calendar.saturdaysOff.includes(Math.ceil(Number(date.slice(8, 10)) / 7))) return false;
  return holidayOn(calendar, date) === null;
}

/** Working days from start to end, both included (0 when end is before start). */
export function workingDaysBetween(calendar: HolidayCalendar, start: string, end: string): number {
  let count = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) count++;
  return count;
}

/**
 * The date `n` working days after `date` (n > 0), or before it (n < 0); n = 0 gives the date itself
 * when it is a working day, else the next working day.
 */
export function addWorkingDays(calendar: HolidayCalendar, date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
    return d;
  }
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(calendar, d)) left--;
  }
  return d;
}

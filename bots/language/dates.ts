/**
 * Dates, ranges, durations and half days in leave and tour requests, resolved against `today`
 * (an ISO date in Asia/Kolkata). Indian order: 3/12 is 3 December.
 */
import { MONTHS, NUMBER_WORDS, WEEKDAYS } from './lexicon.ts';
import type { Token } from './normalize.ts';

export interface DateFinding {
  startDate?: string;
  endDate?: string;
  /** Only set when the text states a duration ("2 days", "दो दिन", "a week", "half day"). */
  days?: number;
  halfDay?: 'first' | 'second';
  /** An impossible date was written (31 Feb); no date is returned so the caller asks back. */
  invalid: boolean;
  /** Token indices that belong to date, duration or half-day phrases. */
  used: Set<number>;
}
export interface DateOptions {
  today: string;
  /** Retrospective intents (tour diary, TA claim, sent) read "kal" as yesterday. */
  kalIsPast?: boolean;
}

interface Ymd { y: number; m: number; d: number }
interface Mention {
  from: number; to: number; // token index range [from, to)
  date?: Ymd | undefined; // resolved
  day?: number | undefined; month?: number | undefined; year?: number | undefined; // partial, resolved later
}

const DAY_UNITS = new Set(['day', 'days', 'din', 'दिन', 'divas', 'दिवस']);
const WEEK_UNITS = new Set(['week', 'weeks', 'hafta', 'hafte', 'hafton', 'सप्ताह', 'हफ्ता', 'हफ्ते']);
const RANGE_TO = new Set(['to', 'till', 'until', 'upto', 'tak', 'तक', '-', 'se', 'से', 'and', 'aur', 'और', 'एवं', '&', 'evam']);
const NEXT_WORDS = new Set(['next', 'agle', 'agla', 'अगले', 'अगला', 'coming', 'aane', 'आने', 'wale', 'वाले']);
const PAST_MARKERS = new Set(['tha', 'thi', 'the', 'था', 'थी', 'थे', 'gaya', 'गया', 'गई', 'gayi', 'kiya', 'किया',
  'bheja', 'भेजा', 'hua', 'हुआ', 'hui', 'हुई', 'yesterday']);
const TIME_WORDS = new Set(['baje', 'बजे', 'pm', 'am', 'ghante', 'घंटे', 'hours', 'hrs', 'minute', 'minutes']);
const FIRST_HALF = [['first', 'half'], ['pehli', 'paali'], ['pehli', 'pali'], ['पहली', 'पाली'], ['प्रथम', 'पाली'],
  ['पूर्वाह्न'], ['forenoon'], ['morning'], ['subah'], ['सुबह'], ['pratham', 'paali']];
const SECOND_HALF = [['second', 'half'], ['afternoon'], ['dusri', 'paali'], ['doosri', 'paali'], ['dusri', 'pali'],
  ['दूसरी', 'पाली'], ['द्वितीय', 'पाली'], ['अपराह्न'], ['lunch', 'ke', 'baad'], ['after', 'lunch'], ['post', 'lunch'],
  ['दोपहर', 'बाद'], ['दोपहर', 'के', 'बाद'], ['dopahar', 'baad'], ['dopahar', 'ke', 'baad'], ['evening'], ['shaam']];
const HALF_DAY = [['half', 'day'], ['halfday'], ['आधे', 'दिन'], ['आधा', 'दिन'], ['aadha', 'din'], ['aadhe', 'din'],
  ['adha', 'din'], ['half']];

export function toIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function fromIso(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}
function valid({ y, m, d }: Ymd): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function serial({ y, m, d }: Ymd): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}
export function addDays(date: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * A day and month without a year: the next occurrence on or after today, except that a date in
 * the last 30 days stays in this year (back-dated leave is applied for after the fact).
 */
function inferYear(day: number, month: number, today: Ymd): Ymd {
  const thisYear = { y: today.y, m: month, d: day };
  if (!valid(thisYear)) return thisYear;
  const diff = serial(thisYear) - serial(today);
  if (diff >= 0 || diff >= -30) return thisYear;
  return { y: today.y + 1, m: month, d: day };
}

function dayNumber(t: Token | undefined): number | null {
  if (!t) return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.text);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 31 ? n : n === 0 ? null : n; // 32+ kept so "32 Dec" reads as invalid
}
function monthOf(t: Token | undefined): number | null {
  return t ? MONTHS[t.norm] ?? MONTHS[t.text] ?? null : null;
}
function yearOf(t: Token | undefined): number | null {
  if (!t || t.kind !== 'num') return null;
  if (/^20\d\d$/.test(t.text)) return Number(t.text);
  return null;
}
function matchAt(tokens: Token[], i: number, phrase: string[]): boolean {
  return phrase.every((w, k) => tokens[i + k]?.norm === w || tokens[i + k]?.text === w);
}

/** Finds single date mentions (absolute and relative) in token order. */
function findMentions(tokens: Token[], today: Ymd, kalIsPast: boolean): Mention[] {
  const out: Mention[] = [];
  const past = kalIsPast || tokens.some((t) => PAST_MARKERS.has(t.norm));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    // 03.12.2026, 3/12, 01/12/2026, 2026-12-03
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t.text);
    if (iso) { out.push(resolved(i, i + 1, { y: +iso[1]!, m: +iso[2]!, d: +iso[3]! })); continue; }
    const dm = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(t.text);
    if (dm && t.kind === 'code') {
      const d = Number(dm[1]);
      const m = Number(dm[2]);
      const nextMonth = monthOf(next);
      if (!dm[3] && nextMonth) {
        // "5-7 Dec": a range of days in the month that follows
        const year = yearOf(tokens[i + 2]);
        out.push({ from: i, to: i + 1, day: d, month: nextMonth, year: year ?? undefined });
        out.push({ from: i + 1, to: year ? i + 3 : i + 2, day: m, month: nextMonth, year: year ?? undefined });
        i += year ? 2 : 1;
        continue;
      }
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12) {
        const y = dm[3] ? (dm[3].length === 2 ? 2000 + Number(dm[3]) : Number(dm[3])) : undefined;
        out.push({ from: i, to: i + 1, day: d, month: m, year: y });
      }
      continue;
    }
    // 3 Dec [2026], 3rd December, ३ दिसंबर, 3 of December
    const day = dayNumber(t);
    if (day !== null && !TIME_WORDS.has(next?.norm ?? '')) {
      const ofSkip = next?.norm === 'of' ? 1 : 0;
      const month = monthOf(tokens[i + 1 + ofSkip]);
      if (month) {
        const year = yearOf(tokens[i + 2 + ofSkip]);
        out.push({ from: i, to: i + (year ? 3 : 2) + ofSkip, day, month, year: year ?? undefined });
        i += (year ? 2 : 1) + ofSkip;
        continue;
      }
      if (['tarikh', 'तारीख', 'tareekh', 'तारिख'].includes(next?.norm ?? '')) {
        out.push({ from: i, to: i + 2, day });
        i++;
        continue;
      }
    }
    // Dec 3
    const lead = monthOf(t);
    const trailDay = dayNumber(next);
    if (lead && trailDay !== null && t.norm !== 'may') {
      out.push({ from: i, to: i + 2, day: trailDay, month: lead });
      i++;
      continue;
    }
    // relative words
    if (matchAt(tokens, i, ['day', 'after', 'tomorrow'])) { out.push(resolved(i, i + 3, addDays(today, 2))); i += 2; continue; }
    if (matchAt(tokens, i, ['day', 'after'])) { out.push(resolved(i, i + 2, addDays(today, 2))); i += 1; continue; }
    const n = t.norm;
    if (n === 'today' || n === "today's" || n === 'aaj' || n === 'आज') { out.push(resolved(i, i + 1, today)); continue; }
    if (n === 'tomorrow' || n === "tomorrow's" || n === 'tmrw' || n === 'kal' || n === 'कल') {
      out.push(resolved(i, i + 1, addDays(today, (n === 'kal' || n === 'कल') && past ? -1 : 1)));
      continue;
    }
    if (n === 'yesterday' || n === "yesterday's") { out.push(resolved(i, i + 1, addDays(today, -1))); continue; }
    if (n === 'parson' || n === 'परसों') { out.push(resolved(i, i + 1, addDays(today, past ? -2 : 2))); continue; }
    const wd = WEEKDAYS[n];
    if (wd !== undefined && !(n === 'sat' && DAY_UNITS.has(next?.norm ?? ''))) {
      const prev = tokens[i - 1]?.norm ?? '';
      const thisWeek = ['this', 'is', 'इस'].includes(prev);
      let ahead = (wd - weekday(today) + 7) % 7;
      if (ahead === 0 && !thisWeek) ahead = 7;
      const from = NEXT_WORDS.has(prev) || thisWeek ? i - 1 : i;
      out.push(resolved(from, i + 1, addDays(today, ahead)));
    }
  }
  return out;
}
function resolved(from: number, to: number, date: Ymd): Mention {
  return { from, to, date };
}
function weekday(d: Ymd): number {
  return new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
}

/** "1 aur 2 dec", "5 to 7 Dec", "14 se 16 dec": a bare day before a dated mention. */
function bareDayBefore(tokens: Token[], mention: Mention): Mention | null {
  const conn = tokens[mention.from - 1];
  const day = dayNumber(tokens[mention.from - 2]);
  if (!conn || day === null || !RANGE_TO.has(conn.norm) || mention.month === undefined) return null;
  if (mention.date || mention.day === undefined) return null;
  return { from: mention.from - 2, to: mention.from - 1, day, month: mention.month, year: mention.year };
}

function durationIn(tokens: Token[], used: Set<number>): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const unit = tokens[i + 1]?.norm ?? '';
    const n = t.kind === 'num' ? Number(t.text) : /^\d+(\.\d+)?$/.test(t.text) ? Number(t.text) : NUMBER_WORDS[t.norm] ?? NUMBER_WORDS[t.text];
    if (n === undefined || Number.isNaN(n)) continue;
    if (DAY_UNITS.has(unit)) { used.add(i); used.add(i + 1); return n; }
    if (WEEK_UNITS.has(unit)) { used.add(i); used.add(i + 1); return n * 7; }
  }
  return undefined;
}

function halfDayIn(tokens: Token[], used: Set<number>): { half: boolean; which: 'first' | 'second' | undefined } {
  let half = false;
  let which: 'first' | 'second' | undefined;
  for (let i = 0; i < tokens.length; i++) {
    // "half pay leave" / "अर्धवेतन" names a leave type, not a half day.
    if (/^(pay|salary|vetan|वेतन)$/i.test(tokens[i + 1]?.text ?? '')) continue;
    for (const p of HALF_DAY) if (matchAt(tokens, i, p)) { half = true; p.forEach((_, k) => used.add(i + k)); }
    for (const p of FIRST_HALF) if (matchAt(tokens, i, p)) { which = 'first'; p.forEach((_, k) => used.add(i + k)); }
    for (const p of SECOND_HALF) if (matchAt(tokens, i, p)) { which = 'second'; p.forEach((_, k) => used.add(i + k)); }
  }
  // "first half tomorrow" is a half day even without the word "day"
  return { half: half || which !== undefined, which };
}

/**
 * Dates of a request. `fillSpan` (leave and tour) completes start/end/days from each other:
 * a single date is a one-day span; start + days gives end = start + days - 1 calendar days.
 */
export function extractDates(tokens: Token[], options: DateOptions & { fillSpan?: boolean }): DateFinding {
  const today = fromIso(options.today);
  const used = new Set<number>();
  const mentions = findMentions(tokens, today, options.kalIsPast ?? false);
  const withBare: Mention[] = [];
  for (const m of mentions) {
    const bare = bareDayBefore(tokens, m);
    if (bare && !mentions.some((o) => o.from <= bare.from && bare.from < o.to)) withBare.push(bare);
    withBare.push(m);
  }
  let invalid = false;
  const dates: { m: Mention; date: Ymd }[] = [];
  for (let k = 0; k < withBare.length; k++) {
    const m = withBare[k] as Mention;
    for (let i = m.from; i < m.to; i++) used.add(i);
    let date = m.date;
    if (!date && m.day !== undefined && m.month !== undefined) {
      date = m.year ? { y: m.year, m: m.month, d: m.day } : inferYear(m.day, m.month, today);
      const prev = dates[dates.length - 1];
      if (!m.year && prev && serial(date) < serial(prev.date) && valid(date)) {
        date = { y: prev.date.y + (m.month < prev.date.m ? 1 : 0), m: m.month, d: m.day }; // 28 Dec - 3 Jan
      }
    } else if (!date && m.day !== undefined) {
      const thisMonth = { y: today.y, m: today.m, d: m.day };
      date = m.day >= today.d ? thisMonth : addDays({ ...thisMonth, d: 1 }, 31);
      date = { ...date, d: m.day };
    }
    if (!date) continue;
    if (!valid(date)) { invalid = true; continue; }
    dates.push({ m, date });
  }
  const stated = durationIn(tokens, used);
  const half = halfDayIn(tokens, used);
  const out: DateFinding = { invalid, used };
  if (half.which) out.halfDay = half.which;
  let days = half.half ? 0.5 : stated;
  if (invalid) {
    if (stated !== undefined) out.days = stated;
    return out;
  }
  const first = dates[0]?.date;
  const last = dates.length > 1 ? dates[dates.length - 1]?.date : undefined;
  if (first) out.startDate = toIso(first);
  if (last && serial(last) >= serial(first as Ymd)) out.endDate = toIso(last);
  if (options.fillSpan) {
    if (first && out.endDate && days === undefined) days = serial(last as Ymd) - serial(first) + 1;
    if (first && !out.endDate) {
      if (days === undefined) days = 1;
      out.endDate = toIso(addDays(first, Math.max(Math.ceil(days) - 1, 0)));
    }
  }
  if (days !== undefined) out.days = days;
  return out;
}

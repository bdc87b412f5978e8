// A statutory deadline counted: from the time a letter was received (IST), its kind (rules.ts) and
// the office calendar (core/calendar/holidays.ts), the day the reply is due, the 75% point, the days
// left on a given day, a status, and the two events the escalation job raises.
//
// How the period counts, by the kind's `counts`:
//   calendar_days  the day of receipt is not counted ("within thirty days of the receipt": received
//                  1 March, due 31 March), as the General Clauses Act 1897 s.9 reads "from";
//   working_days   likewise, counting only the calendar's working days (a letter received on a Sunday
//                  starts on Monday, which is day 1);
//   hours          from the instant of receipt (48 hours: received Monday 15:20, due Wednesday 15:20);
//   stated_date    `period` days before the date stated in the letter (the hearing); if that is
//                  already past at receipt, the day of receipt.
// A due day that falls on a closed day (Sunday, second Saturday, a listed holiday) moves to the
// working day before it — the reply has to leave an open office, and earlier is the safe side (the
// General Clauses Act s.10 would allow the next open day for some acts; we do not lean on it).
// Hours are hours: a 48-hour deadline is not moved. A date the clerk corrected is kept as given.
//
// A deadline is due at the end of its due day (IST midnight), or at the hour for `hours`; it is
// overdue from then. The 75% point: for day kinds the start of the day by which three quarters of
// the days have passed (counted in working days for working_days kinds: the 45th of 60), for hours
// the instant. Pure: no I/O; `now` is always passed in.
import { addDays, daysFrom, isIsoDate } from '../calendar/dates.ts';
import { addWorkingDays, isWorkingDay, type HolidayCalendar } from '../calendar/holidays.ts';
import { istDate } from '../time.ts';
import type { DeadlineResult } from './failures.ts';
import type { DeadlineKind } from './rules.ts';

/** Share of the time after which the reporting officer and the section officer are told. */
export const WARN_FRACTION = 0.75;
/** Days left at or under which a deadline is "due soon" (and when past the 75% point). */
export const DUE_SOON_DAYS = 7;

const HOUR_MS = 3_600_000;

export interface Deadline {
  /** The kind's key in the rules. */
  kind: string;
  serious: boolean;
  receivedAt: Date;
  /** The IST date of receipt. */
  receivedOn: string;
  /** For stated_date kinds: the date the letter states (the hearing). */
  statedDate: string | null;
  /** The last day for the reply, IST. */
  dueDate: string;
  /** The instant it becomes overdue: IST midnight after dueDate, or the hour for hours kinds. */
  dueBy: Date;
  /** The 75% point: from this instant the reporting officer and the section officer are told. */
  warnAt: Date;
  warnDate: string;
  /** 'period': counted by the rules; 'corrected': the clerk gave the due date. */
  basis: 'period' | 'corrected';
  /** The closed day the period ended on, when the due date moved to the working day before it. */
  movedFrom: string | null;
}

export interface DeadlineInput {
  kind: DeadlineKind;
  receivedAt: Date;
  calendar: HolidayCalendar;
  /** For stated_date kinds: the date in the letter (ISO), as detected or as the clerk confirmed it. */
  statedDate?: string | null;
  /** The clerk's correction: the due date itself (ISO), which is then kept as given. */
  dueDate?: string | null;
}

/** The IST midnight starting that day. */
const istStart = (day: string): Date => new Date(`${day}T00:00:00.000+05:30`);

function workingDayOnOrBefore(calendar: HolidayCalendar, day: string): string {
  let d = day;
  // A calendar closed for a whole year is a broken calendar; give up rather than loop.
  for (let n = 0; n < 366 && !isWorkingDay(calendar, d); n++) d = addDays(d, -1);
  return d;
}

function failure<T>(code: 'DEADLINE.DATE_NEEDED' | 'DEADLINE.BAD_DATE' | 'DEADLINE.BEFORE_RECEIPT', params: Record<string, string | number>): DeadlineResult<T> {
  return { ok: false, failure: { code, params } };
}

/** The due day by the rules, and the closed day it moved from. */
function dueDay(input: DeadlineInput, receivedOn: string): DeadlineResult<{ day: string; movedFrom: string | null }> {
  const { kind, calendar } = input;
  const closedToEarlier = (day: string, floor: string): { day: string; movedFrom: string | null } => {
    const open = workingDayOnOrBefore(calendar, day);
    const moved = open < floor ? floor : open;
    return { day: moved, movedFrom: moved === day ? null : day };
  };
  switch (kind.counts) {
    case 'calendar_days':
      return { ok: true, value: closedToEarlier(addDays(receivedOn, kind.period), receivedOn) };
    case 'working_days':
      return { ok: true, value: { day: addWorkingDays(calendar, receivedOn, kind.period), movedFrom: null } };
    case 'stated_date': {
      const stated = input.statedDate ?? null;
      if (stated === null || stated === '') return failure('DEADLINE.DATE_NEEDED', { kind: kind.key });
      if (!isIsoDate(stated)) return failure('DEADLINE.BAD_DATE', { date: stated });
      // A hearing already past at receipt: due that day (overdue at once, for the clerk to see).
      if (stated < receivedOn) return { ok: true, value: { day: stated, movedFrom: null } };
      return { ok: true, value: closedToEarlier(addDays(stated, -kind.period), receivedOn) };
    }
    case 'hours':
      throw new Error('hours are counted by instant');
  }
}

/** The deadline of a letter of this kind received then, or why it cannot be counted yet. */
export function computeDeadline(input: DeadlineInput): DeadlineResult<Deadline> {
  const { kind, receivedAt, calendar } = input;
  const receivedOn = istDate(receivedAt);
  const statedDate = kind.counts === 'stated_date' ? input.statedDate ?? null : null;
  const base = { kind: kind.key, serious: kind.serious, receivedAt, receivedOn, statedDate };
  const corrected = input.dueDate ?? null;
  if (corrected !== null) {
    if (!isIsoDate(corrected)) return failure('DEADLINE.BAD_DATE', { date: corrected });
    if (corrected < receivedOn) return failure('DEADLINE.BEFORE_RECEIPT', { dueDate: corrected, receivedOn });
    if (statedDate !== null && !isIsoDate(statedDate)) return failure('DEADLINE.BAD_DATE', { date: statedDate });
    const warnDate = addDays(receivedOn, Math.ceil(WARN_FRACTION * daysFrom(receivedOn, corrected)));
    return { ok: true, value: { ...base, ...dayDeadline(receivedAt, corrected, warnDate), basis: 'corrected', movedFrom: null } };
  }
  if (kind.counts === 'hours') {
    const dueBy = new Date(receivedAt.getTime() + kind.period * HOUR_MS);
    const warnAt = new Date(receivedAt.getTime() + WARN_FRACTION * kind.period * HOUR_MS);
    return {
      ok: true,
      value: { ...base, dueDate: istDate(new Date(dueBy.getTime() - 1)), dueBy, warnAt, warnDate: istDate(warnAt), basis: 'period', movedFrom: null },
    };
  }
  const due = dueDay(input, receivedOn);
  if (!due.ok) return due;
  const warnDate = kind.counts === 'working_days'
    ? addWorkingDays(calendar, receivedOn, Math.ceil(WARN_FRACTION * kind.period))
    : addDays(receivedOn, Math.ceil(WARN_FRACTION * daysFrom(receivedOn, due.value.day)));
  return { ok: true, value: { ...base, ...dayDeadline(receivedAt, due.value.day, warnDate), basis: 'period', movedFrom: due.value.movedFrom } };
}

function dayDeadline(receivedAt: Date, dueDate: string, warnDate: string): Pick<Deadline, 'dueDate' | 'dueBy' | 'warnAt' | 'warnDate'> {
  const warnAt = istStart(warnDate);
  const at = warnAt < receivedAt ? receivedAt : warnAt;
  return { dueDate, dueBy: istStart(addDays(dueDate, 1)), warnAt: at, warnDate: istDate(at) };
}

/** Calendar days from `today` (IST, ISO) to the due date: 0 on the due day, negative once past it. */
export function daysLeft(deadline: Pick<Deadline, 'dueDate'>, today: string): number {
  return daysFrom(today, deadline.dueDate);
}

export type DeadlineState = 'running' | 'due_soon' | 'overdue';

export interface DeadlineStatus {
  state: DeadlineState;
  daysLeft: number;
  /** Whole hours to the deadline (negative once past it): what a 48-hour deadline is shown in. */
  hoursLeft: number;
  /** The 75% point has passed. */
  pastWarning: boolean;
}

/** Where the deadline stands at `now`: overdue from dueBy; due soon at ≤ 7 days left or past the 75% point. */
export function deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus {
  const left = daysLeft(deadline, istDate(now));
  const pastWarning = now.getTime() >= deadline.warnAt.getTime();
  const overdue = now.getTime() >= deadline.dueBy.getTime();
  return {
    state: overdue ? 'overdue' : left <= DUE_SOON_DAYS || pastWarning ? 'due_soon' : 'running',
    daysLeft: left,
    hoursLeft: Math.floor((deadline.dueBy.getTime() - now.getTime()) / HOUR_MS),
    pastWarning,
  };
}

export type DeadlineEventKind = 'deadline.warning' | 'deadline.due';

/**
 * Who is told, as roles the caller resolves to people: the reporting officer of the employee who
 * holds the file at the time, the section officer of the file's section, and — at the deadline of a
 * serious kind (contempt) — the head of office (the office profile's HEAD_OF_OFFICE).
 */
export type NotifyRole = 'reporting_officer' | 'section_officer' | 'head_of_office';

export interface DeadlineEvent {
  kind: DeadlineEventKind;
  at: Date;
  notify: NotifyRole[];
}

/** The two events of a deadline: at the 75% point, and at the deadline. */
export function deadlineEvents(deadline: Deadline): DeadlineEvent[] {
  const told: NotifyRole[] = ['reporting_officer', 'section_officer'];
  return [
    { kind: 'deadline.warning', at: deadline.warnAt, notify: told },
    { kind: 'deadline.due', at: deadline.dueBy, notify: deadline.serious ? [...told, 'head_of_office'] : told },
  ];
}

/**
 * The event the escalation job should raise now, given those already raised for this deadline, or
 * null. Once the deadline has passed only its own event is raised: a 75% warning that was never sent
 * (the server was down) is not sent after the deadline.
 */
export function eventToRaise(deadline: Deadline, now: Date, raised: readonly DeadlineEventKind[]): DeadlineEvent | null {
  const [warning, due] = deadlineEvents(deadline);
  if (due !== undefined && now.getTime() >= due.at.getTime()) return raised.includes('deadline.due') ? null : due;
  if (warning !== undefined && now.getTime() >= warning.at.getTime()) return raised.includes('deadline.warning') ? null : warning;
  return null;
}

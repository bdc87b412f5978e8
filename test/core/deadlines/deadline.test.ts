import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR, workingDaysBetween, type HolidayCalendar } from '../../../core/calendar/holidays.ts';
import {
  computeDeadline, daysLeft, deadlineEvents, deadlineStatus, eventToRaise, type Deadline, type DeadlineInput,
} from '../../../core/deadlines/deadline.ts';
import { DEFAULT_DEADLINE_RULES, deadlineKind, type DeadlineKind } from '../../../core/deadlines/rules.ts';

// Sundays and second Saturdays closed, plus the year's listed holidays around the year end.
// December 2026 starts on a Tuesday (second Saturday the 12th); January 2027 on a Friday (second
// Saturday the 9th, 14th a Thursday, 26th a Tuesday); February 2027 on a Monday (second Saturday the 13th).
const calendar: HolidayCalendar = {
  ...DEFAULT_CALENDAR,
  holidays: [
    { date: '2026-12-25', name: 'क्रिसमस / Christmas' },
    { date: '2027-01-14', name: 'मकर संक्रांति / Makar Sankranti' },
    { date: '2027-01-26', name: 'गणतंत्र दिवस / Republic Day' },
  ],
};

const kind = (key: string): DeadlineKind => {
  const k = deadlineKind(DEFAULT_DEADLINE_RULES, key);
  if (k === null) throw new Error(`no kind ${key}`);
  return k;
};
const ist = (s: string): Date => new Date(`${s}+05:30`);

function counted(key: string, receivedAt: string, more: Partial<DeadlineInput> = {}): Deadline {
  const result = computeDeadline({ kind: kind(key), receivedAt: ist(receivedAt), calendar, ...more });
  if (!result.ok) throw new Error(result.failure.code);
  return result.value;
}

describe('RTI: thirty calendar days from receipt', () => {
  test('the day of receipt is not counted', () => {
    const d = counted('rti', '2026-11-02T11:00:00');
    expect(d.dueDate).toBe('2026-12-02');
    expect(d.movedFrom).toBeNull();
    // Due to the end of that day, IST; overdue from midnight.
    expect(d.dueBy.toISOString()).toBe(ist('2026-12-03T00:00:00').toISOString());
  });

  test('across the year end, ending on a holiday: due the working day before', () => {
    // 15 Dec + 30 = 14 Jan 2027, Makar Sankranti.
    const d = counted('rti', '2026-12-15T16:45:00');
    expect(d).toMatchObject({ dueDate: '2027-01-13', movedFrom: '2027-01-14' });
  });

  test('ending on a second Saturday and the Sunday after: due the Friday', () => {
    // 10 Dec + 30 = 9 Jan 2027, the second Saturday.
    expect(counted('rti', '2026-12-10T10:00:00')).toMatchObject({ dueDate: '2027-01-08', movedFrom: '2027-01-09' });
    // 11 Dec + 30 = 10 Jan, a Sunday after the second Saturday: back over both.
    expect(counted('rti', '2026-12-11T10:00:00')).toMatchObject({ dueDate: '2027-01-08', movedFrom: '2027-01-10' });
  });

  test('a letter received at 23:50 IST on 31 December counts from 31 December (the office\'s day, not UTC\'s)', () => {
    // 18:20 UTC: still 31 December in Saharsa.
    const d = counted('rti', '2026-12-31T23:50:00');
    expect(d.receivedOn).toBe('2026-12-31');
    // 30 January 2027 is the fifth Saturday: open.
    expect(d).toMatchObject({ dueDate: '2027-01-30', movedFrom: null });
  });
});

describe('life or liberty: 48 hours', () => {
  test('counted by the hour across the year end, and not moved off a closed day', () => {
    const d = counted('rti_life_liberty', '2026-12-31T16:00:00');
    expect(d.dueBy.toISOString()).toBe(ist('2027-01-02T16:00:00').toISOString());
    expect(d.dueDate).toBe('2027-01-02');
    // 36 hours: the 75% point.
    expect(d.warnAt.toISOString()).toBe(ist('2027-01-02T04:00:00').toISOString());
    // Received on Friday 8 January, due on Sunday 10 January at the same hour: hours are hours.
    expect(counted('rti_life_liberty', '2027-01-08T12:00:00')).toMatchObject({ dueDate: '2027-01-10', movedFrom: null });
  });
});

describe('public grievance: sixty working days', () => {
  test('counted on the office calendar past Christmas, the second Saturdays and both January holidays', () => {
    const d = counted('lok_shikayat', '2026-12-15T11:30:00');
    // 16 Dec 2026 … 1 Mar 2027 holds exactly 60 working days, the first of them 16 Dec.
    expect(d.dueDate).toBe('2027-03-01');
    expect(workingDaysBetween(calendar, '2026-12-16', d.dueDate)).toBe(60);
    // The 75% point is the 45th working day, not 45 calendar days.
    expect(d.warnDate).toBe('2027-02-10');
    expect(workingDaysBetween(calendar, '2026-12-16', d.warnDate)).toBe(45);
  });

  test('a complaint received on a Sunday starts counting on the Monday', () => {
    const sunday = counted('lok_shikayat', '2026-11-15T10:00:00');
    const saturday = counted('lok_shikayat', '2026-11-14T10:00:00');
    const monday = counted('lok_shikayat', '2026-11-16T10:00:00');
    expect(workingDaysBetween(calendar, '2026-11-16', sunday.dueDate)).toBe(60);
    // Received on the second Saturday or the Sunday after it: the same due date.
    expect(saturday.dueDate).toBe(sunday.dueDate);
    expect(monday.dueDate > sunday.dueDate).toBe(true);
  });
});

describe('a date stated in the letter', () => {
  test('a writ reply is due 7 days before the hearing', () => {
    // The hearing on Saturday 2 January 2027 (first Saturday, open): due Saturday 26 December.
    expect(counted('cwjc', '2026-11-10T10:00:00', { statedDate: '2027-01-02' })).toMatchObject({ dueDate: '2026-12-26', statedDate: '2027-01-02' });
  });

  test('…moved back to the working day before when that day is closed, across the year end', () => {
    // Hearing Friday 1 January 2027: 7 days before is 25 December, Christmas.
    expect(counted('cwjc', '2026-11-10T10:00:00', { statedDate: '2027-01-01' })).toMatchObject({ dueDate: '2026-12-24', movedFrom: '2026-12-25' });
  });

  test('a contempt case is serious; a summons is due 3 days before the date to appear', () => {
    expect(counted('mjc', '2026-11-10T10:00:00', { statedDate: '2027-01-15' })).toMatchObject({ dueDate: '2027-01-08', serious: true });
    expect(counted('court_notice', '2026-12-01T10:00:00', { statedDate: '2026-12-21' })).toMatchObject({ dueDate: '2026-12-18', serious: false });
  });

  test('a hearing too close for the full margin is due the day it arrives; one already past is overdue at once', () => {
    const close = counted('cwjc', '2026-12-28T10:00:00', { statedDate: '2027-01-02' });
    expect(close.dueDate).toBe('2026-12-28');
    const past = counted('cwjc', '2026-12-28T10:00:00', { statedDate: '2026-12-21' });
    expect(past.dueDate).toBe('2026-12-21');
    expect(deadlineStatus(past, ist('2026-12-28T10:00:00')).state).toBe('overdue');
  });

  test('without the date, or with an impossible one, the deadline cannot be counted yet', () => {
    const at = ist('2026-11-10T10:00:00');
    expect(computeDeadline({ kind: kind('cwjc'), receivedAt: at, calendar })).toEqual({ ok: false, failure: { code: 'DEADLINE.DATE_NEEDED', params: { kind: 'cwjc' } } });
    expect(computeDeadline({ kind: kind('cwjc'), receivedAt: at, calendar, statedDate: '2027-02-30' }))
      .toEqual({ ok: false, failure: { code: 'DEADLINE.BAD_DATE', params: { date: '2027-02-30' } } });
  });
});

describe("the clerk's correction", () => {
  test('a due date given by the clerk is kept as given, even on a holiday', () => {
    const d = counted('rti_first_appeal', '2026-12-15T10:00:00', { dueDate: '2027-01-26' });
    expect(d).toMatchObject({ dueDate: '2027-01-26', basis: 'corrected', movedFrom: null });
    // 42 days: the 75% point on day 32.
    expect(d.warnDate).toBe('2027-01-16');
  });

  test('a due date before the day of receipt is refused', () => {
    expect(computeDeadline({ kind: kind('rti'), receivedAt: ist('2026-12-15T10:00:00'), calendar, dueDate: '2026-12-14' }))
      .toEqual({ ok: false, failure: { code: 'DEADLINE.BEFORE_RECEIPT', params: { dueDate: '2026-12-14', receivedOn: '2026-12-15' } } });
  });
});

describe('status and days left', () => {
  // RTI received 2 November, due 2 December; the 75% point: 23 of 30 days, 25 November.
  const rti = counted('rti', '2026-11-02T11:00:00');

  test('the 75% point', () => {
    expect(rti.warnDate).toBe('2026-11-25');
    expect(rti.warnAt.toISOString()).toBe(ist('2026-11-25T00:00:00').toISOString());
  });

  test('running, due soon at 7 days left, overdue from midnight after the due day', () => {
    expect(deadlineStatus(rti, ist('2026-11-20T10:00:00'))).toEqual({ state: 'running', daysLeft: 12, hoursLeft: 302, pastWarning: false });
    expect(deadlineStatus(rti, ist('2026-11-25T10:00:00'))).toMatchObject({ state: 'due_soon', daysLeft: 7, pastWarning: true });
    expect(deadlineStatus(rti, ist('2026-12-02T23:59:00'))).toMatchObject({ state: 'due_soon', daysLeft: 0 });
    expect(deadlineStatus(rti, ist('2026-12-03T00:00:00'))).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(daysLeft(rti, '2026-12-10')).toBe(-8);
  });

  test('a long period is due soon from its 75% point, with weeks still left', () => {
    const grievance = counted('lok_shikayat', '2026-12-15T11:30:00');
    expect(deadlineStatus(grievance, ist('2027-02-09T10:00:00'))).toMatchObject({ state: 'running', daysLeft: 20 });
    expect(deadlineStatus(grievance, ist('2027-02-10T10:00:00'))).toMatchObject({ state: 'due_soon', daysLeft: 19, pastWarning: true });
  });

  test('a 48-hour deadline is due soon from the start and shown in hours', () => {
    const urgent = counted('rti_life_liberty', '2026-12-31T16:00:00');
    expect(deadlineStatus(urgent, ist('2027-01-01T10:00:00'))).toMatchObject({ state: 'due_soon', hoursLeft: 30 });
    expect(deadlineStatus(urgent, ist('2027-01-02T16:00:00'))).toMatchObject({ state: 'overdue', daysLeft: 0, hoursLeft: 0 });
  });
});

describe('events for the escalation job', () => {
  const rti = counted('rti', '2026-11-02T11:00:00');

  test("at 75% and at the deadline the holder's reporting officer and the section officer are told", () => {
    expect(deadlineEvents(rti)).toEqual([
      { kind: 'deadline.warning', at: rti.warnAt, notify: ['reporting_officer', 'section_officer'] },
      { kind: 'deadline.due', at: rti.dueBy, notify: ['reporting_officer', 'section_officer'] },
    ]);
  });

  test('the head of office is told as well when a contempt deadline passes', () => {
    const mjc = counted('mjc', '2026-11-10T10:00:00', { statedDate: '2027-01-15' });
    expect(deadlineEvents(mjc).map((e) => e.notify)).toEqual([
      ['reporting_officer', 'section_officer'],
      ['reporting_officer', 'section_officer', 'head_of_office'],
    ]);
  });

  test('each event once, in turn; a warning missed until after the deadline is not sent late', () => {
    expect(eventToRaise(rti, ist('2026-11-24T10:00:00'), [])).toBeNull();
    expect(eventToRaise(rti, ist('2026-11-25T10:00:00'), [])?.kind).toBe('deadline.warning');
    expect(eventToRaise(rti, ist('2026-11-26T10:00:00'), ['deadline.warning'])).toBeNull();
    expect(eventToRaise(rti, ist('2026-12-03T10:00:00'), ['deadline.warning'])?.kind).toBe('deadline.due');
    expect(eventToRaise(rti, ist('2026-12-03T10:00:00'), [])?.kind).toBe('deadline.due');
    expect(eventToRaise(rti, ist('2026-12-04T10:00:00'), ['deadline.due'])).toBeNull();
  });
});

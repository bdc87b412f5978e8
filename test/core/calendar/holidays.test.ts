import { describe, expect, test } from 'vitest';
import { addDays, calendarDaysBetween, isIsoDate, weekday } from '../../../core/calendar/dates.ts';
import {
  addWorkingDays, DEFAULT_CALENDAR, isWorkingDay, parseHolidays, workingDaysBetween, type HolidayCalendar,
} from '../../../core/calendar/holidays.ts';

// November 2026: the 1st is a Sunday, so the Saturdays are the 7th, 14th (second), 21st and 28th.
const calendar: HolidayCalendar = { ...DEFAULT_CALENDAR, holidays: [{ date: '2026-11-16', name: 'छठ पूजा / Chhath' }] };

describe('dates', () => {
  test('only real yyyy-mm-dd dates are dates', () => {
    expect(isIsoDate('2026-11-25')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('25-11-2026')).toBe(false);
  });

  test('arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-11-01')).toBe(0);
    expect(calendarDaysBetween('2026-11-28', '2026-12-02')).toBe(5);
    expect(calendarDaysBetween('2026-12-02', '2026-11-28')).toBe(0);
  });
});

describe('the office calendar', () => {
  test('Sundays, second Saturdays and listed holidays are closed; other Saturdays are working days', () => {
    expect(isWorkingDay(calendar, '2026-11-15')).toBe(false);
    expect(isWorkingDay(calendar, '2026-11-14')).toBe(false);
    expect(isWorkingDay(calendar, '2026-11-16')).toBe(false);
    expect(isWorkingDay(calendar, '2026-11-07')).toBe(true);
    expect(isWorkingDay(calendar, '2026-11-21')).toBe(true);
    expect(isWorkingDay(calendar, '2026-11-17')).toBe(true);
    // December 2026 starts on a Tuesday: its second Saturday is the 12th.
    expect(isWorkingDay(calendar, '2026-12-12')).toBe(false);
    expect(isWorkingDay(calendar, '2026-12-05')).toBe(true);
  });

  test('working days between two dates, both ends included', () => {
    // 9–13 (5), 14 second Saturday, 15 Sunday, 16 holiday, 17–21 (5), 22 Sunday.
    expect(workingDaysBetween(calendar, '2026-11-09', '2026-11-22')).toBe(10);
    expect(workingDaysBetween(DEFAULT_CALENDAR, '2026-11-09', '2026-11-22')).toBe(11);
    expect(workingDaysBetween(calendar, '2026-11-14', '2026-11-16')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-11-20', '2026-11-19')).toBe(0);
    // Across a year end: 28–31 Dec (Mon–Thu) and 1 Jan 2027 (Fri).
    expect(workingDaysBetween(calendar, '2026-12-28', '2027-01-01')).toBe(5);
  });

  test('adding working days skips the closed days, forwards and backwards', () => {
    expect(addWorkingDays(calendar, '2026-11-13', 1)).toBe('2026-11-17');
    expect(addWorkingDays(calendar, '2026-11-17', -1)).toBe('2026-11-13');
    expect(addWorkingDays(calendar, '2026-11-12', 3)).toBe('2026-11-18');
    expect(addWorkingDays(calendar, '2026-11-14', 0)).toBe('2026-11-17');
    expect(addWorkingDays(calendar, '2026-11-17', 0)).toBe('2026-11-17');
  });

  test('a different weekly pattern can be configured', () => {
    const parsed = parseHolidays({ weeklyOff: ['Sunday', 'saturday'], saturdaysOff: [], holidays: [] });
    expect(parsed).toEqual({ ok: true, value: { weeklyOff: [0, 6], saturdaysOff: [], holidays: [] } });
    if (!parsed.ok) return;
    expect(workingDaysBetween(parsed.value, '2026-11-02', '2026-11-15')).toBe(10);
  });
});

describe('HOLIDAYS_FILE', () => {
  test('a list of dated holidays with the default weekly pattern', () => {
    expect(parseHolidays({ holidays: [{ date: '2026-01-26', name: ' गणतंत्र दिवस ' }] })).toEqual({
      ok: true, value: { weeklyOff: [0], saturdaysOff: [2], holidays: [{ date: '2026-01-26', name: 'गणतंत्र दिवस' }] },
    });
  });

  test('every problem is named', () => {
    const parsed = parseHolidays({
      weeklyOff: ['sonday'], saturdaysOff: [6], extra: 1,
      holidays: [{ date: '2026-02-30', name: 'x' }, { date: '2026-03-04', name: '' }, { date: '2026-03-04', name: 'Holi' }, { date: '2026-03-04', name: 'Holi again' }, 'Diwali'],
    });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'unknown key "extra"',
        '"weeklyOff": "sonday" is not a weekday name (sunday … saturday)',
        '"saturdaysOff": 6 is not a number 1–5',
        'holidays[0]: "2026-02-30" is not a date in yyyy-mm-dd form',
        'holidays[1] (2026-03-04): the name is empty',
        'holidays[3]: 2026-03-04 is listed twice',
        'holidays[4]: expected {"date": "yyyy-mm-dd", "name": "…"}',
      ],
    });
    expect(parseHolidays([])).toEqual({ ok: false, problems: ['expected an object with "holidays" (and optionally "weeklyOff", "saturdaysOff")'] });
  });
});

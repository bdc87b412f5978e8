import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../bots/language/dates.ts';
import { analyze } from '../../../bots/language/normalize.ts';

const TODAY = '2026-11-25'; // a Wednesday
const dates = (text: string, fillSpan = true, today = TODAY) => {
  const { startDate, endDate, days, halfDay, invalid } = extractDates(analyze(text).tokens, { today, fillSpan });
  return { startDate, endDate, days, halfDay, invalid };
};

describe('absolute dates (Indian day-month order)', () => {
  it('reads 3/12 as 3 December', () => {
    expect(dates('CL on 3/12')).toMatchObject({ startDate: '2026-12-03', endDate: '2026-12-03', days: 1 });
  });
  it('reads dotted and slashed dates with years', () => {
    expect(dates('leave from 03.12.2026')).toMatchObject({ startDate: '2026-12-03' });
    expect(dates('01/12/2026 को अवकाश')).toMatchObject({ startDate: '2026-12-01' });
    expect(dates('२०.११.२०२६ का अवकाश')).toMatchObject({ startDate: '2026-11-20' });
  });
  it('reads English, Hinglish and Hindi month names', () => {
    expect(dates('3 Dec')).toMatchObject({ startDate: '2026-12-03' });
    expect(dates('3rd December')).toMatchObject({ startDate: '2026-12-03' });
    expect(dates('3 december ko')).toMatchObject({ startDate: '2026-12-03' });
    expect(dates('3 दिसंबर')).toMatchObject({ startDate: '2026-12-03' });
    expect(dates('9 दिसम्बर')).toMatchObject({ startDate: '2026-12-09' });
    expect(dates('15 जनवरी')).toMatchObject({ startDate: '2027-01-15' });
    expect(dates('2 फ़रवरी')).toMatchObject({ startDate: '2027-02-02' });
  });
  it('takes the next occurrence of a day-month, but keeps the last 30 days in this year', () => {
    expect(dates('5 Jan')).toMatchObject({ startDate: '2027-01-05' });
    expect(dates('20 Nov')).toMatchObject({ startDate: '2026-11-20' }); // back-dated leave
    expect(dates('15 Oct')).toMatchObject({ startDate: '2027-10-15' }); // 41 days ago: next year
  });
});

describe('relative dates', () => {
  it('reads today, tomorrow and the day after in three registers', () => {
    expect(dates('leave today').startDate).toBe('2026-11-25');
    expect(dates('aaj chhutti').startDate).toBe('2026-11-25');
    expect(dates('आज अवकाश').startDate).toBe('2026-11-25');
    expect(dates('leave tomorrow').startDate).toBe('2026-11-26');
    expect(dates('kal ki chhutti').startDate).toBe('2026-11-26');
    expect(dates('कल की छुट्टी').startDate).toBe('2026-11-26');
    expect(dates('parson CL').startDate).toBe('2026-11-27');
    expect(dates('परसों अवकाश').startDate).toBe('2026-11-27');
    expect(dates('day after tomorrow').startDate).toBe('2026-11-27');
  });
  it('reads "kal" as yesterday for past events', () => {
    expect(extractDates(analyze('kal ke daure ki diary').tokens, { today: TODAY, kalIsPast: true }).startDate).toBe('2026-11-24');
    expect(dates('kal bheja tha').startDate).toBe('2026-11-24');
  });
  it('reads weekdays as the next such day', () => {
    expect(dates('next Monday').startDate).toBe('2026-11-30');
    expect(dates('agle somvar').startDate).toBe('2026-11-30');
    expect(dates('अगले सोमवार').startDate).toBe('2026-11-30');
    expect(dates('on Friday').startDate).toBe('2026-11-27');
    expect(dates('गुरुवार को').startDate).toBe('2026-11-26');
    expect(dates('next Wednesday').startDate).toBe('2026-12-02'); // not today
  });
});

describe('ranges and durations', () => {
  it('reads day ranges sharing a month', () => {
    expect(dates('5 to 7 Dec')).toMatchObject({ startDate: '2026-12-05', endDate: '2026-12-07', days: 3 });
    expect(dates('5-7 दिसंबर')).toMatchObject({ startDate: '2026-12-05', endDate: '2026-12-07', days: 3 });
    expect(dates('14 se 16 dec tak')).toMatchObject({ startDate: '2026-12-14', endDate: '2026-12-16', days: 3 });
    expect(dates('1 aur 2 dec')).toMatchObject({ startDate: '2026-12-01', endDate: '2026-12-02', days: 2 });
    expect(dates('3/12 and 4/12')).toMatchObject({ startDate: '2026-12-03', endDate: '2026-12-04', days: 2 });
  });
  it('crosses months and years', () => {
    expect(dates('28 Nov to 2 Dec')).toMatchObject({ startDate: '2026-11-28', endDate: '2026-12-02', days: 5 });
    expect(dates('28 Dec to 3 Jan')).toMatchObject({ startDate: '2026-12-28', endDate: '2027-01-03', days: 7 });
  });
  it('reads durations and ends a span at start + days - 1', () => {
    expect(dates('CL 2 days from 3 Dec')).toMatchObject({ startDate: '2026-12-03', endDate: '2026-12-04', days: 2 });
    expect(dates('3 दिसंबर से दो दिन')).toMatchObject({ startDate: '2026-12-03', endDate: '2026-12-04', days: 2 });
    expect(dates('kal se teen din')).toMatchObject({ startDate: '2026-11-26', endDate: '2026-11-28', days: 3 });
    expect(dates('a week from 7 Dec')).toMatchObject({ startDate: '2026-12-07', endDate: '2026-12-13', days: 7 });
    expect(dates('leave for 3 days')).toMatchObject({ startDate: undefined, endDate: undefined, days: 3 });
  });
  it('reads half days and which half', () => {
    expect(dates('half day CL today afternoon')).toMatchObject({ startDate: '2026-11-25', days: 0.5, halfDay: 'second' });
    expect(dates('kal pehli paali aadha din')).toMatchObject({ startDate: '2026-11-26', days: 0.5, halfDay: 'first' });
    expect(dates('आज दूसरी पाली')).toMatchObject({ days: 0.5, halfDay: 'second' });
  });
  it('gives only the stated dates when not filling a leave span', () => {
    expect(dates('who is out tomorrow', false)).toMatchObject({ startDate: '2026-11-26', endDate: undefined, days: undefined });
  });
});

describe('impossible dates', () => {
  it('never turns 31 Feb or 31/11 into a real date', () => {
    expect(dates('leave on 31 Feb')).toMatchObject({ startDate: undefined, endDate: undefined, invalid: true });
    expect(dates('CL on 31/11')).toMatchObject({ startDate: undefined, invalid: true });
    expect(dates('30 फरवरी को छुट्टी')).toMatchObject({ startDate: undefined, invalid: true });
  });
  it('does not take numbers that are not dates', () => {
    expect(dates('court case 45/2024').startDate).toBeUndefined();
    expect(dates('meeting at 4 baje').startDate).toBeUndefined();
    expect(dates('TA 950 bus').startDate).toBeUndefined();
  });
  it('respects leap years', () => {
    expect(dates('29 Feb', true, '2028-01-10').startDate).toBe('2028-02-29');
    expect(dates('29 Feb', true, '2026-11-25').invalid).toBe(true); // Feb 2027 has 28 days
  });
});

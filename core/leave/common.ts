// What the leave use cases share: their configuration, today's date in the office, the numbering
// series, and which statuses count as being away.
import type { HolidayCalendar } from '../calendar/holidays.ts';
import { calendarDaysBetween, yearOf } from '../calendar/dates.ts';
import { workingDaysBetween, isWorkingDay } from '../calendar/holidays.ts';
import { OfficeError } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { LeaveApplication, LeaveStatus } from './types.ts';
import type { LeaveRules, LeaveTypeRule } from './rules.ts';

export interface LeavePolicy {
  rules: LeaveRules;
  calendar: HolidayCalendar;
}

export const today = (clock: Clock): string => istDate(clock.now());

/** Away (or about to be): these block another spell over the same days. */
export const LEAVE_BLOCKING: LeaveStatus[] = ['pending', 'returned', 'sanctioned', 'curtailed'];
/** Actually away on the dates of the application. */
export const LEAVE_AWAY: LeaveStatus[] = ['sanctioned', 'curtailed'];
/** Not yet decided: their days are held back from the balance so two applications cannot spend them twice. */
export const LEAVE_RESERVING: LeaveStatus[] = ['pending', 'returned'];

export const leaveCounter = (year: number): string => `leave:${year}`;
export const leaveNumber = (year: number, serial: number): string => `LV/${year}/${String(serial).padStart(6, '0')}`;

/** Days a spell charges: working or calendar days by the type; a half day is 0.5 (0 on a holiday). */
export function chargeableDays(rule: LeaveTypeRule, calendar: HolidayCalendar, start: string, end: string, halfDay: 'first' | 'second' | null): number {
  if (halfDay !== null) return rule.counts === 'working' && !isWorkingDay(calendar, start) ? 0 : 0.5;
  return rule.counts === 'working' ? workingDaysBetween(calendar, start, end) : calendarDaysBetween(start, end);
}

/** Days held back by the employee's undecided applications of this type in this year. */
export async function reservedDays(tx: Tx, employeeId: number, year: number, type: string, except: number | null = null): Promise<number> {
  const mine = await tx.leave.listByEmployee(employeeId, 10_000);
  return mine
    .filter((l) => l.id !== except && l.type === type && LEAVE_RESERVING.includes(l.status) && yearOf(l.startDate) === year)
    .reduce((sum, l) => sum + l.days, 0);
}

export function employeeLabel(e: Employee | null, fallbackId: number): string {
  return e === null ? `#${fallbackId}` : `${e.name} (${e.post})`;
}

/** What a notification about a leave application says, whoever receives it. */
export function leaveParams(leave: LeaveApplication, rule: LeaveTypeRule | null, applicant: Employee | null): Record<string, string | number> {
  return {
    number: leave.number, type: leave.type, typeEn: rule?.en ?? leave.type, typeHi: rule?.hi ?? leave.type,
    from: leave.startDate, to: leave.endDate, days: leave.days, halfDay: leave.halfDay ?? '',
    applicant: applicant?.name ?? '', applicantPost: applicant?.post ?? '',
  };
}

/** A versioned write that found a newer version: someone acted first. Throws to roll back. */
export function leaveChangedMeanwhile(number: string): never {
  throw new OfficeError({ code: 'LEAVE.CHANGED_MEANWHILE', params: { number } });
}

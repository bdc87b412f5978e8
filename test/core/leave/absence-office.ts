// A small office for the leave and tour tests: the seeded staff (clerk → SO → DDC → Collector),
// the default rules, a calendar with two listed holidays, and helpers to read what was queued.
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { DEFAULT_CALENDAR } from '../../../core/calendar/holidays.ts';
import { DEFAULT_LEAVE_RULES } from '../../../core/leave/rules.ts';
import type { LeavePolicy } from '../../../core/leave/common.ts';
import type { Result } from '../../../core/errors.ts';
import { importOpeningBalances } from '../../../core/leave/opening-balances.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

export const policy: LeavePolicy = {
  rules: DEFAULT_LEAVE_RULES,
  calendar: { ...DEFAULT_CALENDAR, holidays: [{ date: '2026-12-25', name: 'क्रिसमस / Christmas' }, { date: '2026-12-18', name: 'Test holiday' }] },
};

/** 11:00 IST on the given date. */
export const at = (date: string): string => `${date}T05:30:00.000Z`;

export async function absenceOffice(today = '2026-11-25') {
  const store = new MemoryStore();
  const clock = new FakeClock(at(today));
  const staff = await seedSmallOffice(store);
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const setToday = (date: string): void => clock.advance(Date.parse(at(date)) - clock.now().getTime());
  /** Queued notifications, oldest first. */
  const notifications = (): Promise<(Notification & { employeeId: number | null })[]> => run(async (tx) =>
    (await tx.outbox.due(new Date('2100-01-01'), 1000)).map((o) => ({ ...(JSON.parse(o.payload) as Notification), employeeId: o.employeeId })));
  const opening = (rows: { code: string; type: string; days: number }[], year = 2026) => run((tx) =>
    importOpeningBalances(tx, clock, { actor: null, year, rows: rows.map((r) => ({ employeeCode: r.code, type: r.type, days: r.days })), policy }));
  const balance = (employeeId: number, type: string, year = 2026) => run((tx) => tx.leaveLedger.balance(employeeId, year, type));
  return { store, clock, staff, run, setToday, notifications, opening, balance };
}

/** The value of a successful result; fails the test with the failure otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

export function failure<T>(result: Result<T>): { code: string; params: Record<string, string | number> } {
  if (result.ok) throw new Error('expected a failure, got success');
  return result.failure;
}

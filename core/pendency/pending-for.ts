// What is waiting for whom, and for how long in working days. One loader serves the daily digests,
// the Collector's report and the per-employee view, so all three count the same things the same way.
//
// Cost, in repository (Prisma) calls per run: 1 for the staff list + 5 per employee (files, receipts,
// leave, tour, TA claims held by them). The ports offer only per-holder lists today; every loop
// here goes through `loadOfficePendency`, so when the ports gain office-wide lists
// (`files.listByStatus(['open','parked'])` and the like) this becomes 6 calls per run, whatever the
// size of the staff, without touching the callers.
//
// Every store transaction holds SQLite's one write lock, so a long read would hold up the whole
// office's chat. The morning job therefore reads through `Reads` in chunks of employees, each chunk
// its own short transaction; chat messages get their turn in between. (A digest a few milliseconds
// inconsistent between chunks is harmless: a file moved meanwhile shows up where it was at 10:00.)
import { addDays } from '../calendar/dates.ts';
import { type HolidayCalendar, workingDaysBetween } from '../calendar/holidays.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';

export type PendingKind = 'file' | 'receipt' | 'leave' | 'tour' | 'ta';

export interface PendingItem {
  kind: PendingKind;
  /** File number, diary number, or the application's number. */
  number: string;
  /** What it is about: the subject, or the applicant and dates for leave/tour/TA. */
  subject: string;
  holderId: number;
  /** Since when it is with the holder. */
  since: Date;
  /** Working days it has waited: working days after the day it arrived, up to and including today. */
  age: number;
  /** A file kept pending without action ("parked"). */
  parked: boolean;
  /** A leave/tour/TA application returned to its applicant for clarification. */
  returned: boolean;
  /** The section owning a file (null for the others; the report uses the holder's section). */
  fileSectionId: number | null;
  /** Whose leave/tour/TA application it is (null for files and receipts). */
  applicantId: number | null;
}

/** The service levels: an item older than these (in working days) is escalated. */
export interface PendencyPolicy {
  calendar: HolidayCalendar;
  /** Files and receipts. */
  slaFilesDays: number;
  /** Leave and tour applications and TA claims. */
  slaAbsenceDays: number;
}

export const DEFAULT_SLA = { slaFilesDays: 7, slaAbsenceDays: 2 } as const;

/**
 * Age in working days: an item that came today is 0; one that came on the previous working day is 1.
 * Closed days between do not count, and neither does the day it arrived.
 */
export function workingAge(calendar: HolidayCalendar, since: Date, today: string): number {
  const arrived = istDate(since);
  if (arrived >= today) return 0;
  return workingDaysBetween(calendar, addDays(arrived, 1), today);
}

/** Over the service level: strictly older than it (7 days is still within 7; 8 is late). */
export function isOverdue(item: Pick<PendingItem, 'kind' | 'age'>, policy: Omit<PendencyPolicy, 'calendar'>): boolean {
  const sla = item.kind === 'file' || item.kind === 'receipt' ? policy.slaFilesDays : policy.slaAbsenceDays;
  return item.age > sla;
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** Everything in the hands of one holder, oldest first. Five repository calls. */
async function heldBy(tx: Tx, holderId: number, today: string, calendar: HolidayCalendar, names: (id: number) => Promise<string>): Promise<PendingItem[]> {
  const base = (since: Date) => ({ holderId, since, age: workingAge(calendar, since, today), parked: false, returned: false, fileSectionId: null, applicantId: null });
  const files = await tx.files.listByHolder(holderId, ['open', 'parked']);
  const receipts = await tx.receipts.listByHolder(holderId, ['open']);
  // pending: awaiting the sanctioning officer; returned: awaiting the applicant's clarification.
  const leave = await tx.leave.listByHolder(holderId, ['pending', 'returned']);
  const tours = await tx.tours.listByHolder(holderId, ['pending', 'returned']);
  const claims = await tx.taClaims.listByHolder(holderId, ['pending', 'returned']);
  const items: PendingItem[] = [
    ...files.map((f) => ({ ...base(f.movedAt), kind: 'file' as const, number: f.fileNumber, subject: f.subject, parked: f.status === 'parked', fileSectionId: f.sectionId })),
    ...receipts.map((r) => ({ ...base(r.movedAt), kind: 'receipt' as const, number: r.diaryNumber, subject: r.subject })),
    ...await Promise.all(leave.map(async (l) => ({
      ...base(l.movedAt), kind: 'leave' as const, number: l.number, returned: l.status === 'returned', applicantId: l.employeeId,
      subject: `${await names(l.employeeId)}: ${l.type} ${dmy(l.startDate)}–${dmy(l.endDate)}`,
    }))),
    ...await Promise.all(tours.map(async (t) => ({
      ...base(t.movedAt), kind: 'tour' as const, number: t.number, returned: t.status === 'returned', applicantId: t.employeeId,
      subject: `${await names(t.employeeId)}: ${t.destinations.join(', ')} ${dmy(t.startDate)}–${dmy(t.endDate)}`,
    }))),
    ...await Promise.all(claims.map(async (c) => ({
      ...base(c.movedAt), kind: 'ta' as const, number: c.number, returned: c.status === 'returned', applicantId: c.employeeId,
      subject: `${await names(c.employeeId)}: ₹${c.total}`,
    }))),
  ];
  return items.sort((a, b) => a.since.getTime() - b.since.getTime() || a.number.localeCompare(b.number));
}

/** Runs read-only work in a transaction: the caller's one, or a fresh one per call. */
export type Reads = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** All reads in the caller's transaction. */
export const within = (tx: Tx): Reads => (work) => work(tx);

/** Employees per transaction when reading through a store. */
export const CHUNK = 200;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface OfficePendency {
  /** Every employee, active or not (an inactive holder's files are pendency too). */
  employees: Employee[];
  byId: Map<number, Employee>;
  /** Items by holder, oldest first; holders with nothing are absent. */
  byHolder: Map<number, PendingItem[]>;
}

/** One pass over the office: the staff once, then what each holds. See the cost note at the top. */
export async function loadOfficePendency(source: Tx | Reads, today: string, calendar: HolidayCalendar): Promise<OfficePendency> {
  const reads = typeof source === 'function' ? source : within(source);
  const employees = await reads((tx) => tx.employees.list());
  const byId = new Map(employees.map((e) => [e.id, e]));
  const names = async (id: number) => byId.get(id)?.name ?? `#${id}`;
  const byHolder = new Map<number, PendingItem[]>();
  for (const chunk of chunks(employees)) {
    await reads(async (tx) => {
      for (const e of chunk) {
        const items = await heldBy(tx, e.id, today, calendar, names);
        if (items.length > 0) byHolder.set(e.id, items);
      }
    });
  }
  return { employees, byId, byHolder };
}

/** What is in this employee's hands and waiting for them, oldest first, aged in working days. */
export async function pendingFor(tx: Tx, employee: Employee, today: string, calendar: HolidayCalendar): Promise<PendingItem[]> {
  const names = new Map<number, string>([[employee.id, employee.name]]);
  const name = async (id: number) => {
    if (!names.has(id)) names.set(id, (await tx.employees.byId(id))?.name ?? `#${id}`);
    return names.get(id) ?? `#${id}`;
  };
  return heldBy(tx, employee.id, today, calendar, name);
}

// What is waiting for whom, and for how long in working days. One loader serves the daily digests,
// the Collector's report and the per-employee view, so all three count the same things the same way.
//
// Cost, in repository (Prisma) calls per run: 1 for the staff list, 1 for the leave/tour/TA
// applications, 1 for the last id, and two per range of PAGE ids (files and receipts of the range,
// tx.pendency, see pendency-port.ts): about 900 short ones for a million files, whatever the staff. The per-employee view
// (`pendingFor`) stays at 5 calls.
//
// Every store transaction holds SQLite's one write lock, so a long read would hold up the whole
// office's chat. The morning job therefore reads through `Reads`, one page per transaction; chat
// messages get their turn in between. (A digest a few milliseconds inconsistent between pages is
// harmless: a file moved meanwhile shows up where it was at 10:00, or — moved to a later page's
// holder — once more there; the next morning is right again.)
import { addDays } from '../calendar/dates.ts';
import { type HolidayCalendar, isWorkingDay, workingDaysBetween } from '../calendar/holidays.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { PendingApplicationRow, PendingFileRow, PendingReceiptRow } from './pendency-port.ts';

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

/**
 * workingAge for one `today`, for many items: ages are worked out once per arrival day, walking back
 * from today one day at a time (a million files arrive on a few hundred days).
 */
export function ageOn(calendar: HolidayCalendar, today: string): (since: Date) => number {
  const byDay = new Map<string, number>([[today, 0]]);
  let earliest = today;
  let age = 0;
  return (since) => {
    const day = istDate(since);
    if (day >= today) return 0;
    while (day < earliest) {
      // Arriving a day earlier makes an item one working day older when `earliest` is a working day.
      if (isWorkingDay(calendar, earliest)) age += 1;
      earliest = addDays(earliest, -1);
      byDay.set(earliest, age);
    }
    return byDay.get(day) ?? 0;
  };
}

type Age = (since: Date) => number;
type Name = (id: number) => string;

// Object literals of one fixed shape, no spreads: a million of these are made in a morning run.
function item(kind: PendingKind, number: string, subject: string, holderId: number, since: Date, age: Age, extra: {
  parked?: boolean; returned?: boolean; fileSectionId?: number; applicantId?: number;
}): PendingItem {
  return {
    kind, number, subject, holderId, since, age: age(since), parked: extra.parked ?? false, returned: extra.returned ?? false,
    fileSectionId: extra.fileSectionId ?? null, applicantId: extra.applicantId ?? null,
  };
}

const fileItem = (f: PendingFileRow, age: Age): PendingItem =>
  item('file', f.fileNumber, f.subject, f.holderId, f.movedAt, age, { parked: f.parked, fileSectionId: f.sectionId });

const receiptItem = (r: PendingReceiptRow, age: Age): PendingItem => item('receipt', r.diaryNumber, r.subject, r.holderId, r.movedAt, age, {});

function applicationItem(a: PendingApplicationRow, age: Age, name: Name): PendingItem {
  const subject = a.kind === 'leave' ? `${name(a.employeeId)}: ${a.type} ${dmy(a.startDate)}–${dmy(a.endDate)}`
    : a.kind === 'tour' ? `${name(a.employeeId)}: ${a.destinations.join(', ')} ${dmy(a.startDate)}–${dmy(a.endDate)}`
      : `${name(a.employeeId)}: ₹${a.total}`;
  return item(a.kind, a.number, subject, a.holderId, a.movedAt, age, { returned: a.returned, applicantId: a.employeeId });
}

/** Oldest first; the same instant's items by number. */
const oldestFirst = (a: PendingItem, b: PendingItem) => a.since.getTime() - b.since.getTime() || a.number.localeCompare(b.number);

const KIND_ORDER: Record<PendingKind, number> = { file: 0, receipt: 1, leave: 2, tour: 3, ta: 4 };

/** Everything in the hands of one holder, oldest first. Five repository calls. */
async function heldBy(tx: Tx, holderId: number, age: Age, name: (id: number) => Promise<string>): Promise<PendingItem[]> {
  const open = ['pending', 'returned'] as const;
  const files = await tx.files.listByHolder(holderId, ['open', 'parked']);
  const receipts = await tx.receipts.listByHolder(holderId, ['open']);
  // pending: awaiting the sanctioning officer; returned: awaiting the applicant's clarification.
  const leave = await tx.leave.listByHolder(holderId, [...open]);
  const tours = await tx.tours.listByHolder(holderId, [...open]);
  const claims = await tx.taClaims.listByHolder(holderId, [...open]);
  const common = (a: { id: number; number: string; employeeId: number; holderId: number; status: string; movedAt: Date }) =>
    ({ id: a.id, number: a.number, employeeId: a.employeeId, holderId: a.holderId, returned: a.status === 'returned', movedAt: a.movedAt });
  const applications: PendingApplicationRow[] = [
    ...leave.map((l) => ({ ...common(l), kind: 'leave' as const, type: l.type, startDate: l.startDate, endDate: l.endDate })),
    ...tours.map((t) => ({ ...common(t), kind: 'tour' as const, destinations: t.destinations, startDate: t.startDate, endDate: t.endDate })),
    ...claims.map((c) => ({ ...common(c), kind: 'ta' as const, total: c.total })),
  ];
  const names = new Map<number, string>();
  for (const a of applications) if (!names.has(a.employeeId)) names.set(a.employeeId, await name(a.employeeId));
  const items: PendingItem[] = [
    ...files.map((f) => fileItem({ ...f, parked: f.status === 'parked' }, age)),
    ...receipts.map((r) => receiptItem(r, age)),
    ...applications.map((a) => applicationItem(a, age, (id) => names.get(id) ?? `#${id}`)),
  ];
  return items.sort(oldestFirst);
}

/** Runs read-only work in a transaction: the caller's one, or a fresh one per call. */
export type Reads = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** All reads in the caller's transaction. */
export const within = (tx: Tx): Reads => (work) => work(tx);

/** Employees per transaction when reading through a store. */
export const CHUNK = 200;
/**
 * Ids of files and receipts per transaction when reading through a store: one short scan of each
 * table by primary key (a few thousand rows, ~10 ms at state scale), so that a chat message waits at
 * most that long for the lock between pages.
 */
export const PAGE = 2_500;

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

/** One pass over the office: the staff, the applications, then the open files and receipts range by range (`page` ids each). */
export async function loadOfficePendency(source: Tx | Reads, today: string, calendar: HolidayCalendar, page = PAGE): Promise<OfficePendency> {
  const reads = typeof source === 'function' ? source : within(source);
  const employees = await reads((tx) => tx.employees.list());
  const byId = new Map(employees.map((e) => [e.id, e]));
  const name = (id: number) => byId.get(id)?.name ?? `#${id}`;
  const age = ageOn(calendar, today);
  const byHolder = new Map<number, PendingItem[]>();
  const add = (item: PendingItem) => {
    const list = byHolder.get(item.holderId);
    if (list === undefined) byHolder.set(item.holderId, [item]);
    else list.push(item);
  };
  const applications = await reads((tx) => tx.pendency.applications());
  // Range by range of ids, files and receipts of a range in one transaction. Rows made after
  // `last` was read wait for the next run.
  const last = await reads((tx) => tx.pendency.lastId());
  for (let after = 0; after < last; after += page) {
    const upTo = after + page;
    const [files, receipts] = await reads(async (tx) => [await tx.pendency.files(after, page, upTo), await tx.pendency.receipts(after, page, upTo)] as const);
    for (const f of files) add(fileItem(f, age));
    for (const r of receipts) add(receiptItem(r, age));
  }
  for (const a of applications) add(applicationItem(a, age, name));
  // Same order as heldBy: by kind, then oldest first (the sort is stable).
  for (const items of byHolder.values()) items.sort((a, b) => oldestFirst(a, b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { employees, byId, byHolder };
}

/** What is in this employee's hands and waiting for them, oldest first, aged in working days. */
export async function pendingFor(tx: Tx, employee: Employee, today: string, calendar: HolidayCalendar): Promise<PendingItem[]> {
  const names = new Map<number, string>([[employee.id, employee.name]]);
  const name = async (id: number) => {
    if (!names.has(id)) names.set(id, (await tx.employees.byId(id))?.name ?? `#${id}`);
    return names.get(id) ?? `#${id}`;
  };
  return heldBy(tx, employee.id, ageOn(calendar, today), name);
}

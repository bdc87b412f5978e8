// The Collector's pendency report as data (adapters/pdf lays it out).
//
// What it counts: files (open or parked) and receipts not yet put in a file, where they are now:
// by the holder's section and by the holder. Leave, tour and TA applications are in the digests,
// not here — the report is the e-file pendency the Collector reviews in the weekly meeting.
//
// Disposal, for "disposed of in the last 7 days": a file whose decision chain ended in the window
// (today and the six calendar days before, IST), i.e. a movement that either
//   - closed the file, or
//   - approved it back to the employee who opened it (the approval has come all the way down).
// Each file counts once in the window, under the section that owns it. Reopened later or not, the
// disposal happened.
//
// Cost: aggregate reads in short transactions (tx.pendency, see pendency-port.ts): the staff, the
// sections, then per span of COUNT_SPAN ids the files and receipts counted per holder and age bucket
// with the span's ten oldest files, and per span of MOVER_SPAN employees the week's disposals —
// about 230 transactions of ~10 ms for a million files and 50,000 staff, each after a turn for chat. The report stays bounded too: tables per
// section, the TOP_EMPLOYEES holders with the most pending (the rest summed in one row), ten files.
import { DEFAULT_OFFICE, type Bilingual } from '../office/profile.ts';
import { addDays } from '../calendar/dates.ts';
import { type HolidayCalendar, isWorkingDay } from '../calendar/holidays.ts';
import type { PendencyRow } from '../leave/documents.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { PendingFileRow } from './pendency-port.ts';
import { ageOn, within, type OfficePendency, type Reads } from './pending-for.ts';
import { statutoryItems, statutorySection, type PendencyReportWithStatutory, type StatutoryOptions } from './statutory-section.ts';

/** Upper bounds of the age buckets in working days: 0–3, 4–7, 8–15, 16–30, then over 30. */
const BUCKET_TOPS = [3, 7, 15, 30];
export const bucketOf = (age: number): number => {
  const i = BUCKET_TOPS.findIndex((top) => age <= top);
  return i < 0 ? 4 : i;
};

/** Employees listed by name in the report; the others are summed in one row. */
export const TOP_EMPLOYEES = 100;
const OLDEST = 10;
/**
 * Ids of files and receipts counted per transaction: a short scan each (~10 ms at state scale), so
 * that a chat message waits at most that long for the lock between spans.
 */
export const COUNT_SPAN = 5_000;
/** Employees whose movements are searched for disposals per transaction (one index seek each). */
export const MOVER_SPAN = 2_500;

/** How much one read transaction covers: ids of files and receipts, ids of employees (see above). */
export interface ReadSpans {
  ids: number;
  movers: number;
}
const SPANS: ReadSpans = { ids: COUNT_SPAN, movers: MOVER_SPAN };
/** Enough for any calendar that opens at least one day in a few years. */
const MAX_DAYS_BACK = 3_660;

/** The start of an IST calendar day. */
const istMidnight = (day: string): Date => new Date(`${day}T00:00:00.000+05:30`);

/**
 * Where the age buckets change, newest first: for each bucket top, the first instant whose arrivals
 * are at most that old today. Age only grows as arrival moves back, so a bucket is a time range.
 */
export function bucketCutoffs(calendar: HolidayCalendar, today: string): Date[] {
  const cutoffs: Date[] = [];
  let day = today;
  let age = 0;
  for (const top of BUCKET_TOPS) {
    // Arrival one day earlier is one working day older when `day` itself is a working day.
    for (let n = 0; n < MAX_DAYS_BACK && age + (isWorkingDay(calendar, day) ? 1 : 0) <= top; n++) {
      age += isWorkingDay(calendar, day) ? 1 : 0;
      day = addDays(day, -1);
    }
    cutoffs.push(istMidnight(day));
  }
  return cutoffs;
}

function emptyRow(label: string): PendencyRow {
  return { label, buckets: [0, 0, 0, 0, 0], total: 0 };
}

function addCounts(row: PendencyRow, counts: readonly number[]): void {
  counts.forEach((n, i) => {
    row.buckets[i]! += n;
    row.total += n;
  });
}

interface OldFile { number: string; subject: string; holderId: number; sectionId: number; days: number; since: number }

/** What the report is made of, from either source: counts per holder and the oldest files. */
interface Counted {
  employees: Employee[];
  /** Five bucket counts of files and receipts per holder. */
  byHolder: Map<number, number[]>;
  oldest: OldFile[];
}

function countLoaded(p: OfficePendency): Counted {
  const byHolder = new Map<number, number[]>();
  const files: OldFile[] = [];
  for (const [holderId, items] of p.byHolder) {
    const counts = [0, 0, 0, 0, 0];
    for (const item of items) {
      if (item.kind !== 'file' && item.kind !== 'receipt') continue;
      counts[bucketOf(item.age)]! += 1;
      if (item.kind === 'file') {
        files.push({ number: item.number, subject: item.subject, holderId, sectionId: item.fileSectionId ?? -1, days: item.age, since: item.since.getTime() });
      }
    }
    if (counts.some((n) => n > 0)) byHolder.set(holderId, counts);
  }
  const oldest = files.sort((a, b) => b.days - a.days || a.since - b.since).slice(0, OLDEST);
  return { employees: p.employees, byHolder, oldest };
}

async function countStored(reads: Reads, today: string, calendar: HolidayCalendar, span: number): Promise<Counted> {
  const employees = await reads((tx) => tx.employees.list());
  const cutoffs = bucketCutoffs(calendar, today);
  const last = await reads((tx) => tx.pendency.lastId());
  const byHolder = new Map<number, number[]>();
  let oldestRows: PendingFileRow[] = [];
  for (let after = 0; after < last; after += span) {
    const range = { afterId: after, upToId: after + span };
    const [rows, old] = await reads(async (tx) =>
      [await tx.pendency.countsByHolder(cutoffs, range.afterId, range.upToId), await tx.pendency.oldestFiles(OLDEST, range)] as const);
    for (const row of rows) {
      const counts = byHolder.get(row.holderId) ?? [0, 0, 0, 0, 0];
      row.counts.forEach((n, i) => (counts[i]! += n));
      byHolder.set(row.holderId, counts);
    }
    // Each span's oldest, merged: the whole office's oldest are among them.
    if (old.length > 0) oldestRows = [...oldestRows, ...old].sort((a, b) => a.movedAt.getTime() - b.movedAt.getTime() || a.id - b.id).slice(0, OLDEST);
  }
  const age = ageOn(calendar, today);
  const oldest = oldestRows.map((f) => ({
    number: f.fileNumber, subject: f.subject, holderId: f.holderId, sectionId: f.sectionId, days: age(f.movedAt), since: f.movedAt.getTime(),
  }));
  return { employees, byHolder, oldest };
}

/** The week's disposals, searched span by span of the employees who moved the files. */
async function disposedInWeek(reads: Reads, today: string, employees: readonly Employee[], span: number): Promise<{ fileId: number; sectionId: number }[]> {
  const from = istMidnight(addDays(today, -6));
  const to = istMidnight(addDays(today, 1));
  const lastEmployee = employees.reduce((m, e) => Math.max(m, e.id), 0);
  const byFile = new Map<number, number>();
  for (let after = 0; after < lastEmployee; after += span) {
    const found = await reads((tx) => tx.pendency.disposedFiles(from, to, { afterId: after, upToId: after + span }));
    for (const d of found) byFile.set(d.fileId, d.sectionId);
  }
  return [...byFile].map(([fileId, sectionId]) => ({ fileId, sectionId }));
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/**
 * `loaded`: the office already read this run for `today` (the morning job reads it once for the
 * digests, and the report is counted from it); otherwise the counts are read from the store.
 * `spans`: how much each read transaction covers (smaller in tests, to cross many).
 * `statutory`: the instant and the office's deadline kinds for the statutory section.
 */
export async function pendencyReport(
  source: Tx | Reads, today: string, calendar: HolidayCalendar, loaded?: OfficePendency, spans: ReadSpans = SPANS,
  office: Bilingual = DEFAULT_OFFICE.name, statutory: StatutoryOptions = {},
): Promise<PendencyReportWithStatutory> {
  const reads = typeof source === 'function' ? source : within(source);
  const counted = loaded === undefined ? await countStored(reads, today, calendar, spans.ids) : countLoaded(loaded);
  const sections = await reads((tx) => tx.sections.list());
  const disposed = await disposedInWeek(reads, today, counted.employees, spans.movers);
  const sectionLabel = new Map(sections.map((s) => [s.id, `${s.name} (${s.code})`]));
  const label = (id: number) => sectionLabel.get(id) ?? `#${id}`;
  const byId = new Map(counted.employees.map((e) => [e.id, e]));

  const bySection = new Map<number, PendencyRow>();
  const byEmployee: PendencyRow[] = [];
  const totals = emptyRow('योग / Total');
  for (const [holderId, counts] of counted.byHolder) {
    const holder = byId.get(holderId);
    const sectionId = holder?.sectionId ?? -1;
    const sectionRow = bySection.get(sectionId) ?? emptyRow(label(sectionId));
    bySection.set(sectionId, sectionRow);
    const row = emptyRow(holder === undefined ? `#${holderId}` : `${holder.name}, ${holder.post} (${holder.code})`);
    addCounts(row, counts);
    addCounts(sectionRow, counts);
    addCounts(totals, counts);
    if (row.total > 0) byEmployee.push(row);
  }
  const disposedBySection = new Map<number, number>();
  for (const d of disposed) disposedBySection.set(d.sectionId, (disposedBySection.get(d.sectionId) ?? 0) + 1);
  const byTotal = (a: PendencyRow, b: PendencyRow) => b.total - a.total || a.label.localeCompare(b.label);
  byEmployee.sort(byTotal);
  const listed = byEmployee.slice(0, TOP_EMPLOYEES);
  const rest = byEmployee.slice(TOP_EMPLOYEES);
  if (rest.length > 0) {
    const others = emptyRow(`शेष ${rest.length} कर्मचारी / ${rest.length} other employees`);
    for (const row of rest) addCounts(others, row.buckets);
    listed.push(others);
  }
  return {
    office,
    asOn: dmy(today),
    bySection: [...bySection.values()].filter((r) => r.total > 0).sort(byTotal),
    byEmployee: listed,
    oldestFiles: counted.oldest.map((f) => ({
      number: f.number, subject: f.subject, holder: byId.get(f.holderId)?.name ?? `#${f.holderId}`, section: label(f.sectionId), days: f.days,
    })),
    disposedLast7Days: sections.map((s) => ({ label: label(s.id), count: disposedBySection.get(s.id) ?? 0 })).filter((d) => d.count > 0),
    totals,
    // Statutory deadlines (RTI, lok shikayat, court cases): due this week, overdue, by section.
    statutory: statutorySection(await reads((tx) => statutoryItems(tx)), today, statutory),
  };
}

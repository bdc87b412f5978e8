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
// Cost: the pendency load (see pending-for.ts) + 1 movement list per employee (their latest 500
// moves, which covers a week for anyone) + 1 file lookup per distinct file approved in the window,
// in chunks of employees when read through a store (see Reads).
import { addDays } from '../calendar/dates.ts';
import type { HolidayCalendar } from '../calendar/holidays.ts';
import type { PendencyReport, PendencyRow } from '../leave/documents.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { EFile } from '../efile/types.ts';
import { chunks, loadOfficePendency, within, type OfficePendency, type Reads } from './pending-for.ts';

/** Upper bounds of the age buckets in working days: 0–3, 4–7, 8–15, 16–30, then over 30. */
const BUCKET_TOPS = [3, 7, 15, 30];
export const bucketOf = (age: number): number => {
  const i = BUCKET_TOPS.findIndex((top) => age <= top);
  return i < 0 ? 4 : i;
};

const MOVES_PER_EMPLOYEE = 500;

function emptyRow(label: string): PendencyRow {
  return { label, buckets: [0, 0, 0, 0, 0], total: 0 };
}

function add(row: PendencyRow, age: number): void {
  row.buckets[bucketOf(age)]! += 1;
  row.total += 1;
}

/** Distinct files disposed of in the window, by owning section id. */
async function disposals(reads: Reads, p: OfficePendency, today: string): Promise<Map<number, number>> {
  const from = addDays(today, -6);
  const files = new Map<number, EFile | null>();
  const fileOf = async (tx: Tx, id: number) => {
    if (!files.has(id)) files.set(id, await tx.files.byId(id));
    return files.get(id) ?? null;
  };
  const disposed = new Set<number>();
  for (const chunk of chunks(p.employees)) {
    await reads(async (tx) => {
      for (const e of chunk) {
        for (const m of await tx.movements.listByMover(e.id, MOVES_PER_EMPLOYEE)) {
          const day = istDate(m.at);
          if (m.subjectType !== 'file' || day < from || day > today || disposed.has(m.subjectId)) continue;
          if (m.action === 'closed') disposed.add(m.subjectId);
          else if (m.action === 'approved' && (await fileOf(tx, m.subjectId))?.createdById === m.toId) disposed.add(m.subjectId);
        }
      }
    });
  }
  const bySection = new Map<number, number>();
  await reads(async (tx) => {
    for (const id of disposed) {
      const file = await fileOf(tx, id);
      if (file !== null) bySection.set(file.sectionId, (bySection.get(file.sectionId) ?? 0) + 1);
    }
  });
  return bySection;
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** `loaded`: the office already read this run for `today` (the morning job reads it once for both). */
export async function pendencyReport(source: Tx | Reads, today: string, calendar: HolidayCalendar, loaded?: OfficePendency): Promise<PendencyReport> {
  const reads = typeof source === 'function' ? source : within(source);
  const p = loaded ?? (await loadOfficePendency(reads, today, calendar));
  const sections = await reads((tx) => tx.sections.list());
  const sectionLabel = new Map(sections.map((s) => [s.id, `${s.name} (${s.code})`]));
  const label = (id: number) => sectionLabel.get(id) ?? `#${id}`;

  const bySection = new Map<number, PendencyRow>();
  const byEmployee: PendencyRow[] = [];
  const totals = emptyRow('योग / Total');
  const files: { number: string; subject: string; holder: string; section: string; days: number; since: number }[] = [];
  for (const [holderId, items] of p.byHolder) {
    const holder = p.byId.get(holderId);
    const sectionId = holder?.sectionId ?? -1;
    const sectionRow = bySection.get(sectionId) ?? emptyRow(label(sectionId));
    bySection.set(sectionId, sectionRow);
    const row = emptyRow(holder === undefined ? `#${holderId}` : `${holder.name}, ${holder.post} (${holder.code})`);
    for (const item of items) {
      if (item.kind !== 'file' && item.kind !== 'receipt') continue;
      add(row, item.age);
      add(sectionRow, item.age);
      add(totals, item.age);
      if (item.kind === 'file') {
        files.push({
          number: item.number, subject: item.subject, holder: holder?.name ?? `#${holderId}`,
          section: label(item.fileSectionId ?? sectionId), days: item.age, since: item.since.getTime(),
        });
      }
    }
    if (row.total > 0) byEmployee.push(row);
  }
  const disposed = await disposals(reads, p, today);
  const byTotal = (a: PendencyRow, b: PendencyRow) => b.total - a.total || a.label.localeCompare(b.label);
  return {
    office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' },
    asOn: dmy(today),
    bySection: [...bySection.values()].filter((r) => r.total > 0).sort(byTotal),
    byEmployee: byEmployee.sort(byTotal),
    oldestFiles: files.sort((a, b) => b.days - a.days || a.since - b.since).slice(0, 10).map(({ since: _since, ...f }) => f),
    disposedLast7Days: sections.map((s) => ({ label: label(s.id), count: disposed.get(s.id) ?? 0 })).filter((d) => d.count > 0),
    totals,
  };
}

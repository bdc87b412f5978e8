// The statutory section of the Collector's pendency report, as data (the PDF lays it out): the open
// files that carry a statutory deadline, those due this week (today and the six days after, as the
// report's "last 7 days" of disposals run the other way), those overdue, and counts by section.
// Overdue is by the instant (a 48-hour RTI is overdue at its hour, not at midnight). Pure: no I/O.
import { istDate } from '../time.ts';
import { daysLeft, type Deadline } from './deadline.ts';
import { deadlineKind, type DeadlineRules } from './rules.ts';

/** One open file with its deadline, as the caller reads it from storage. */
export interface OpenStatutoryItem {
  fileNumber: string;
  subject: string;
  /** The section's name as the report shows it. */
  section: string;
  /** The holder's name (and post) as the report shows it. */
  holder: string;
  deadline: Pick<Deadline, 'kind' | 'dueDate' | 'dueBy'>;
}

export interface StatutoryRow {
  fileNumber: string;
  subject: string;
  section: string;
  holder: string;
  kind: string;
  /** The kind's names; its key when the office's rules no longer list it. */
  kindEn: string;
  kindHi: string;
  serious: boolean;
  dueDate: string;
  /** Calendar days left on the report's day: 0 on the due day, negative when overdue. */
  daysLeft: number;
}

export interface StatutorySectionRow {
  section: string;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

export interface StatutoryReport {
  /** The report's day, IST, ISO. */
  asOn: string;
  /** Not yet overdue and due within today and the next six days: the earliest first, serious first on a day. */
  dueThisWeek: StatutoryRow[];
  /** The longest overdue first. */
  overdue: StatutoryRow[];
  /** Every section with an open statutory item: most overdue first, then most due this week, then by name. */
  bySection: StatutorySectionRow[];
  totals: { open: number; dueThisWeek: number; overdue: number };
}

/** Days of "this week": today and the next six. */
export const WEEK_DAYS = 7;

export function statutoryReport(items: readonly OpenStatutoryItem[], options: { now: Date; rules: DeadlineRules }): StatutoryReport {
  const today = istDate(options.now);
  const dueThisWeek: StatutoryRow[] = [];
  const overdue: StatutoryRow[] = [];
  const sections = new Map<string, StatutorySectionRow>();
  for (const item of items) {
    const kind = deadlineKind(options.rules, item.deadline.kind);
    const row: StatutoryRow = {
      fileNumber: item.fileNumber, subject: item.subject, section: item.section, holder: item.holder, kind: item.deadline.kind,
      kindEn: kind?.en ?? item.deadline.kind, kindHi: kind?.hi ?? item.deadline.kind, serious: kind?.serious ?? false,
      dueDate: item.deadline.dueDate, daysLeft: daysLeft(item.deadline, today),
    };
    const counts = sections.get(item.section) ?? { section: item.section, open: 0, dueThisWeek: 0, overdue: 0 };
    counts.open++;
    if (options.now.getTime() >= item.deadline.dueBy.getTime()) {
      overdue.push(row);
      counts.overdue++;
    } else if (row.daysLeft < WEEK_DAYS) {
      dueThisWeek.push(row);
      counts.dueThisWeek++;
    }
    sections.set(item.section, counts);
  }
  const byDue = (a: StatutoryRow, b: StatutoryRow): number =>
    a.dueDate.localeCompare(b.dueDate) || Number(b.serious) - Number(a.serious) || a.fileNumber.localeCompare(b.fileNumber);
  dueThisWeek.sort(byDue);
  overdue.sort(byDue);
  const bySection = [...sections.values()].sort((a, b) =>
    b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || a.section.localeCompare(b.section));
  return {
    asOn: today,
    dueThisWeek,
    overdue,
    bySection,
    totals: { open: items.length, dueThisWeek: dueThisWeek.length, overdue: overdue.length },
  };
}

// The pendency report's statutory section, read from the store: every confirmed statutory deadline
// (on a file, or on a receipt not yet put in one) with where it is now — the file's section (the
// holder's for a loose receipt) and its holder — counted by core/deadlines/report.ts into due this
// week, overdue and by section. A few hundred rows at most in a district office: one read.
import { statutoryReport, type OpenStatutoryItem, type StatutoryReport } from '../deadlines/report.ts';
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../deadlines/rules.ts';
import type { PendencyReport } from '../leave/documents.ts';
import type { Tx } from '../ports.ts';

/** The report with its statutory section (the PDF lays it out after the ten oldest files). */
export type PendencyReportWithStatutory = PendencyReport & { statutory: StatutoryReport };

export interface StatutoryOptions {
  /** The instant the report is as of (overdue is by the instant); default the start of the report's day. */
  now?: Date;
  /** The office's kinds, for their names (DEADLINE_RULES_FILE); default the documented ones. */
  rules?: DeadlineRules;
}

export async function statutoryItems(tx: Tx): Promise<OpenStatutoryItem[]> {
  const rows = await tx.deadlines.confirmed();
  const sections = new Map((await tx.sections.list()).map((s) => [s.id, `${s.name} (${s.code})`]));
  const items: OpenStatutoryItem[] = [];
  for (const row of rows) {
    const file = row.fileId === null ? null : await tx.files.byId(row.fileId);
    const receipt = await tx.receipts.byId(row.receiptId);
    if (receipt === null) continue;
    const holder = await tx.employees.byId(file?.holderId ?? receipt.holderId);
    const sectionId = file?.sectionId ?? holder?.sectionId ?? -1;
    items.push({
      fileNumber: file?.fileNumber ?? receipt.diaryNumber, subject: file?.subject ?? receipt.subject, section: sections.get(sectionId) ?? `#${sectionId}`,
      holder: holder === null ? '—' : `${holder.name}, ${holder.post}`, deadline: { kind: row.kind, dueDate: row.dueDate, dueBy: row.dueBy },
    });
  }
  return items;
}

export function statutorySection(items: readonly OpenStatutoryItem[], today: string, options: StatutoryOptions = {}): StatutoryReport {
  const now = options.now ?? new Date(`${today}T00:00:00.000+05:30`);
  return statutoryReport(items, { now, rules: options.rules ?? DEFAULT_DEADLINE_RULES });
}

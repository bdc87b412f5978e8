// Who gets the Collector's pendency report, and so who may ask for it in chat: the employee codes
// the office configured (REPORT_RECIPIENTS), or when none are configured the active Collector(s) by
// post. One rule, read the same way by the daily job that sends the report and by the chat command
// that asks for it.
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';

/** The post key of the Collector on the roll. */
export const COLLECTOR_POST_KEY = HEAD_OF_OFFICE;

/** Whether this employee is one of the report's recipients (decided from the employee alone). */
export function isReportRecipient(employee: Employee, codes: readonly string[]): boolean {
  if (!employee.active) return false;
  return codes.length === 0 ? employee.postKey === COLLECTOR_POST_KEY : codes.some((c) => c.toUpperCase() === employee.code.toUpperCase());
}

/** Every recipient, in the order configured; unknown or inactive codes are dropped. */
export async function reportRecipientsOf(tx: Tx, codes: readonly string[]): Promise<Employee[]> {
  if (codes.length === 0) return (await tx.employees.withPost(COLLECTOR_POST_KEY, { activeOnly: true })).filter((e) => isReportRecipient(e, codes));
  const out: Employee[] = [];
  for (const code of codes) {
    const e = await tx.employees.byCode(code.toUpperCase());
    if (e !== null && isReportRecipient(e, codes) && !out.some((x) => x.id === e.id)) out.push(e);
  }
  return out;
}

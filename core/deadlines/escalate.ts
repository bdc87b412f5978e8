// The escalation of one statutory deadline: at the 75% point and at the deadline, the reporting
// officer of whoever holds the letter (or its file) and the section officer of the file's section
// (the holder's section while the letter is loose) are told through the outbox; at the deadline of a
// serious kind (contempt, a 48-hour RTI) the head of office too. Each event is raised once: it is
// claimed on the row (markRaised) in the same transaction as its notifications and audit event, so
// a restart, a second run or a second process never tells anyone twice. Nobody is told twice of one
// event either (the reporting officer may be the section officer), and nobody is told of their own
// letter as its "reporting officer" when they hold it themselves.
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { eventToRaise, type DeadlineEventKind, type NotifyRole } from './deadline.ts';
import { deadlineOf } from './statutory.ts';
import { deadlineKind, type DeadlineRules } from './rules.ts';
import type { StatutoryDeadline } from './statutory-types.ts';

/** The post key of a section officer (प्रशाखा पदाधिकारी), as the roll's posts resolve. */
export const SECTION_OFFICER_POST = 'SO';

export interface RaisedEvent {
  kind: DeadlineEventKind;
  number: string;
  told: Employee[];
}

async function recipients(tx: Tx, roles: readonly NotifyRole[], holder: Employee | null, sectionId: number | null, headPost: string): Promise<Employee[]> {
  const out = new Map<number, Employee>();
  const add = (e: Employee | null | undefined) => {
    if (e != null && e.active && e.id !== holder?.id) out.set(e.id, e);
  };
  for (const role of roles) {
    if (role === 'reporting_officer' && holder?.reportingOfficerId != null) add(await tx.employees.byId(holder.reportingOfficerId));
    if (role === 'section_officer' && sectionId !== null) {
      for (const so of await tx.employees.withPost(SECTION_OFFICER_POST, { activeOnly: true })) if (so.sectionId === sectionId) add(so);
    }
    if (role === 'head_of_office') for (const head of await tx.employees.withPost(headPost, { activeOnly: true })) add(head);
  }
  return [...out.values()];
}

/**
 * Raises the event due now for this deadline, if any and not raised before; null otherwise. Run in a
 * transaction of its own per deadline. `headPost`: the office profile's head of office.
 */
export async function raiseDeadlineEvent(tx: Tx, clock: Clock, options: { id: number; receiptId: number; now: Date; headPost: string; rules: DeadlineRules }): Promise<RaisedEvent | null> {
  const row: StatutoryDeadline | null = await tx.deadlines.byReceipt(options.receiptId);
  if (row === null || row.id !== options.id || row.state !== 'confirmed') return null;
  const raised: DeadlineEventKind[] = [];
  if (row.warningRaisedAt !== null) raised.push('deadline.warning');
  if (row.dueRaisedAt !== null) raised.push('deadline.due');
  const event = eventToRaise(deadlineOf(row), options.now, raised);
  if (event === null) return null;
  if (!(await tx.deadlines.markRaised(row.id, event.kind, options.now))) return null;
  const receipt = await tx.receipts.byId(row.receiptId);
  if (receipt === null) return null;
  const file = row.fileId === null ? null : await tx.files.byId(row.fileId);
  const holder = await tx.employees.byId(file?.holderId ?? receipt.holderId);
  const sectionId = file?.sectionId ?? holder?.sectionId ?? null;
  const told = await recipients(tx, event.notify, holder, sectionId, options.headPost);
  const number = file?.fileNumber ?? receipt.diaryNumber;
  const daysLeft = Math.round((row.dueBy.getTime() - options.now.getTime()) / 86_400_000);
  const kind = deadlineKind(options.rules, row.kind);
  for (const person of told) {
    await notify(tx, clock, {
      employeeId: person.id,
      notification: {
        kind: event.kind,
        params: {
          number, receipt: receipt.diaryNumber, subject: file?.subject ?? receipt.subject, kind: row.kind, kindEn: kind?.en ?? row.kind, kindHi: kind?.hi ?? row.kind,
          dueDate: row.dueDate, serious: row.serious ? 1 : 0,
          holder: holder === null ? '' : `${holder.name} (${holder.post})`, daysLeft,
        },
        subject: file === null ? { type: 'receipt', id: receipt.diaryNumber } : { type: 'file', id: file.fileNumber },
      },
    });
  }
  await recordEvent(tx, clock, {
    actor: null, type: event.kind, subjectType: file === null ? 'receipt' : 'file', subjectId: number,
    data: { kind: row.kind, dueDate: row.dueDate, holder: holder?.code ?? null, told: told.map((e) => e.code) },
  });
  return { kind: event.kind, number, told };
}

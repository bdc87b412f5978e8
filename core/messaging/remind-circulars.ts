// At a circular's ack-by time, everyone who has not acknowledged it is reminded once, and the
// sender gets a summary. "Once" holds across processes and restarts: the circular's remindedAt is
// claimed with a conditional update in the same transaction that queues the reminders, so a second
// run (or a second process) finds it claimed and sends nothing.
import type { Clock, Tx } from '../ports.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import { rowFor, transition } from '../workflow.ts';
import { CIRCULAR_WORKFLOW } from './circular-workflow.ts';
import { circularParams, circularPdfName, parseAudience } from './send-circular.ts';
import type { Circular, CircularRecipient } from './circular-types.ts';

export interface ReminderRun {
  circulars: string[];
  reminded: number;
}

/** Reminds for one due circular, or does nothing when someone else already has. */
export async function remindCircular(tx: Tx, clock: Clock, circular: Circular, now: Date): Promise<number | null> {
  if (!(await tx.circulars.claimReminder(circular.id, now))) return null;
  const sender = await tx.employees.byId(circular.senderId);
  const rows = await tx.circulars.recipients(circular.id);
  // Every copy the table lets the office remind (those still awaiting acknowledgement).
  const open: CircularRecipient[] = [];
  for (const copy of rows) if ((await transition(tx, CIRCULAR_WORKFLOW, 'remind', { actor: null, circular, copy })).ok) open.push(copy);
  const notice = parseAudience(circular.audience).notice === true;
  const params = circularParams(circular, sender, notice);
  let reminded = 0;
  let unreachable = 0;
  const linked = new Set(await tx.accounts.linkedAmong(open.filter((r) => r.deliveredAt === null).map((r) => r.employeeId)));
  for (const row of open) {
    if (row.remindedAt !== null) continue;
    // Deactivated since the circular went out: nothing more is asked of them, and the sender's
    // summary does not count them as reminded.
    if ((await tx.employees.byId(row.employeeId))?.active !== true) continue;
    // A recipient who never received it may have linked a chat since: the reminder then carries the
    // circular itself (and its PDF); one still without a chat is left for the status to name.
    if (row.deliveredAt === null && !linked.has(row.employeeId)) { unreachable += 1; continue; }
    if (!(await tx.circulars.markFirst(circular.id, row.employeeId, 'remindedAt', now))) continue;
    const document = row.deliveredAt === null && circular.pdfBlob !== null
      ? { document: { blob: circular.pdfBlob, filename: circularPdfName(circular.number), mime: 'application/pdf' } } : {};
    await notify(tx, clock, {
      employeeId: row.employeeId,
      notification: {
        kind: 'circular.reminder', params,
        subject: { type: 'circular', id: circular.number }, ...document,
      },
    });
    reminded += 1;
  }
  if (sender !== null) {
    await notify(tx, clock, {
      employeeId: sender.id,
      notification: {
        kind: 'circular.summary',
        params: { number: circular.number, recipients: rows.length, pending: open.length, reminded, unreachable, notice: notice ? 1 : 0 },
        subject: { type: 'circular', id: circular.number },
      },
    });
  }
  await recordEvent(tx, clock, {
    actor: null, type: rowFor(CIRCULAR_WORKFLOW, 'awaiting', 'remind').event, subjectType: 'circular', subjectId: circular.number,
    data: { number: circular.number, recipients: rows.length, pending: open.length, reminded, unreachable },
  });
  return reminded;
}

/** Every circular whose ack-by has passed by `now` and that has not been reminded, oldest first. */
export async function remindCirculars(tx: Tx, clock: Clock, options: { now: Date; limit?: number }): Promise<ReminderRun> {
  const due = await tx.circulars.dueForReminder(options.now, options.limit ?? 20);
  const run: ReminderRun = { circulars: [], reminded: 0 };
  for (const circular of due) {
    const reminded = await remindCircular(tx, clock, circular, options.now);
    if (reminded === null) continue;
    run.circulars.push(circular.number);
    run.reminded += reminded;
  }
  return run;
}

// Who has received and who has acknowledged a circular, for its sender (and the Collector and DDC).
import { HEAD_OF_OFFICE } from '../office/profile.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { Circular } from './circular-types.ts';

/** Posts that may see the status of anyone's circular. */
export const STATUS_OVERSEERS: readonly string[] = [HEAD_OF_OFFICE, 'DDC'];

export interface CircularStatus {
  circular: Circular;
  sender: Employee | null;
  recipients: number;
  delivered: number;
  acknowledged: number;
  /** Not acknowledged and reachable, in roll order. */
  pending: Employee[];
  /** Not acknowledged and no linked chat: they never got it. */
  unreachable: Employee[];
}

export async function circularStatus(tx: Tx, options: { viewer: Employee; circular: Circular }): Promise<Result<CircularStatus>> {
  const { viewer, circular } = options;
  if (circular.senderId !== viewer.id && (viewer.postKey === null || !STATUS_OVERSEERS.includes(viewer.postKey))) {
    return fail('CIRCULAR.NOT_YOURS', { number: circular.number });
  }
  const rows = await tx.circulars.recipients(circular.id);
  // One read of the roll instead of one per recipient.
  const byId = new Map((await tx.employees.list()).map((e) => [e.id, e]));
  const pending: Employee[] = [];
  const unreachable: Employee[] = [];
  const linked = new Set(await tx.accounts.linkedAmong(rows.filter((r) => r.deliveredAt === null).map((r) => r.employeeId)));
  for (const row of rows) {
    if (row.ackAt !== null) continue;
    const employee = byId.get(row.employeeId);
    if (employee === undefined) continue;
    // Only the undelivered need a look at their chats: a delivered one was reachable.
    if (row.deliveredAt === null && !linked.has(employee.id)) unreachable.push(employee);
    else pending.push(employee);
  }
  return ok({
    circular, sender: byId.get(circular.senderId) ?? null, recipients: rows.length,
    delivered: rows.filter((r) => r.deliveredAt !== null || r.ackAt !== null).length,
    acknowledged: rows.filter((r) => r.ackAt !== null).length, pending, unreachable,
  });
}

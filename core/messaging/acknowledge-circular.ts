// A recipient says they have seen a circular (देखा). Only recipients can; a second time changes
// nothing (CIRCULAR_WORKFLOW has no step from an acknowledged copy: the repeat is answered "already").
import { ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { transition } from '../workflow.ts';
import { CIRCULAR_WORKFLOW } from './circular-workflow.ts';
import type { Circular } from './circular-types.ts';

export async function acknowledgeCircular(
  tx: Tx, clock: Clock, options: { employee: Employee; circular: Circular },
): Promise<Result<{ already: boolean; at: Date }>> {
  const { employee, circular } = options;
  const row = await tx.circulars.recipient(circular.id, employee.id);
  const step = await transition(tx, CIRCULAR_WORKFLOW, 'acknowledge', { actor: employee, circular, copy: row });
  if (!step.ok) return row?.ackAt != null && step.failure.code === 'CIRCULAR.ALREADY_ACKNOWLEDGED' ? ok({ already: true, at: row.ackAt }) : step;
  if (row === null) throw new Error('unreachable: the recipient rule passed without a copy');
  const now = clock.now();
  // Conditional: of two acknowledgements racing (a double tap on two phones), one is recorded.
  if (!(await tx.circulars.markFirst(circular.id, employee.id, 'ackAt', now))) return ok({ already: true, at: now });
  // Whoever acknowledged it has received it, even if the delivery receipt has not come back yet.
  if (row.deliveredAt === null) await tx.circulars.markFirst(circular.id, employee.id, 'deliveredAt', now);
  const late = circular.ackBy !== null && circular.ackBy.getTime() < now.getTime();
  await recordEvent(tx, clock, {
    actor: employee.code, type: step.value.event, subjectType: 'circular', subjectId: circular.number, data: { number: circular.number, late },
  });
  return ok({ already: false, at: now });
}

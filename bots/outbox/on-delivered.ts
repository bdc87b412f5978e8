// What a delivered notification means beyond "delivered", in the same transaction that marks it.
import type { Tx } from '../../core/ports.ts';
import type { OutboxItem } from '../../core/types.ts';
import type { Notification } from '../../core/outbox/notify.ts';

/** Notifications that carry a circular to its recipient (a reminder carries it too). */
const CIRCULAR_DELIVERIES = new Set(['circular.issued', 'circular.reminder']);

export async function onDelivered(tx: Tx, delivered: { item: OutboxItem; notification: Notification; at: Date }): Promise<void> {
  const { item, notification, at } = delivered;
  // A delivered circular marks its recipient row as received: the first delivery counts, so a resent
  // notification or a later reminder does not move the time. Other notifications cost nothing here.
  if (notification.subject?.type === 'circular' && CIRCULAR_DELIVERIES.has(notification.kind) && item.employeeId !== null) {
    const circularId = Number(notification.params.circularId);
    if (Number.isInteger(circularId)) await tx.circulars.markFirst(circularId, item.employeeId, 'deliveredAt', at);
  }
}

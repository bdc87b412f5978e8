// What a delivered notification means beyond "delivered", in the same transaction that marks it.
import type { Tx } from '../../core/ports.ts';
import type { OutboxItem } from '../../core/types.ts';
import type { Notification } from '../../core/outbox/notify.ts';

export async function onDelivered(_tx: Tx, _delivered: { item: OutboxItem; notification: Notification; at: Date }): Promise<void> {
  // Filled in by the circulars work: a delivered circular marks its recipient row as received.
}

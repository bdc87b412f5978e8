import type { Clock, Tx } from '../ports.ts';

/**
 * What an employee should be told, as data: bots/ renders it in the recipient's language when it
 * is delivered, so a notification written today reads right whichever channel delivers it.
 */
export interface Notification {
  kind: string;
  params: Record<string, string | number>;
  /** What it is about, remembered with the delivered message so that a reply to it finds it. */
  subject?: { type: string; id: string };
  /** A stored document sent with it (a circular's PDF), by its blob. */
  document?: { blob: string; filename: string; mime: string };
}

/** Queues a notification in the caller's transaction; it goes out only if the transaction commits. */
export async function notify(tx: Tx, clock: Clock, options: { employeeId: number; notification: Notification }): Promise<void> {
  const now = clock.now();
  await tx.outbox.add({
    createdAt: now, employeeId: options.employeeId, channel: null, address: null,
    payload: JSON.stringify(options.notification), nextAttemptAt: now,
  });
}

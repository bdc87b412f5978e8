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
  /**
   * kind 'reply': an answer already worded for one chat (the receipt made when an album closed,
   * after the messages that brought its pages were answered), delivered as it stands.
   */
  reply?: { text: string; buttons?: { label: string; command: string }[] };
}

/** Queues a notification in the caller's transaction; it goes out only if the transaction commits. */
export async function notify(tx: Tx, clock: Clock, options: { employeeId: number; notification: Notification }): Promise<void> {
  const now = clock.now();
  await tx.outbox.add({
    createdAt: now, employeeId: options.employeeId, channel: null, address: null,
    payload: JSON.stringify(options.notification), nextAttemptAt: now,
  });
}

/**
 * Queues a notification for the employee on one of their chats only, never redirected to another:
 * security notices ("a new chat was linked to your code") must reach the chats the employee already
 * had, not the preferred one, which may be the very chat the notice is about. The dispatcher delivers
 * it only while that chat is still linked to the employee.
 */
export async function notifyChat(
  tx: Tx, clock: Clock, options: { employeeId: number; chat: { channel: string; address: string }; notification: Notification },
): Promise<void> {
  const now = clock.now();
  await tx.outbox.add({
    createdAt: now, employeeId: options.employeeId, channel: options.chat.channel, address: options.chat.address,
    payload: JSON.stringify(options.notification), nextAttemptAt: now,
  });
}

/**
 * Queues an answer already worded for one chat (kind 'reply'): an album's receipt, or the answer to a
 * message on a channel that never hands a message over again. `employeeId`: deliver it only while
 * the chat is still that employee's; null: to the chat whoever it belongs to.
 */
export async function queueChatReply(
  tx: Tx, clock: Clock,
  options: {
    employeeId: number | null; chat: { channel: string; address: string };
    reply: NonNullable<Notification['reply']>; subject?: Notification['subject']; document?: Notification['document'];
  },
): Promise<void> {
  const now = clock.now();
  const notification: Notification = {
    kind: 'reply', params: {}, reply: { text: options.reply.text, ...(options.reply.buttons !== undefined ? { buttons: options.reply.buttons } : {}) },
    ...(options.subject !== undefined ? { subject: options.subject } : {}), ...(options.document !== undefined ? { document: options.document } : {}),
  };
  await tx.outbox.add({
    createdAt: now, employeeId: options.employeeId, channel: options.chat.channel, address: options.chat.address,
    payload: JSON.stringify(notification), nextAttemptAt: now,
  });
}

/** notifyChat on each chat linked to the employee except `exceptAccountId`; returns how many were queued. */
export async function notifyOtherChats(
  tx: Tx, clock: Clock, options: { employeeId: number; exceptAccountId: number | null; notification: Notification },
): Promise<number> {
  const chats = (await tx.accounts.byEmployee(options.employeeId)).filter((a) => a.id !== options.exceptAccountId);
  for (const chat of chats) await notifyChat(tx, clock, { employeeId: options.employeeId, chat, notification: options.notification });
  return chats.length;
}

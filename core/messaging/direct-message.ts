// Direct messages between employees through the bot: delivered to the recipient's linked chats
// with the sender's name and post; a reply to it goes back the same way.
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';

export const MAX_MESSAGE_LENGTH = 2000;

export async function sendDirectMessage(
  tx: Tx, clock: Clock, options: { from: Employee; to: Employee; text: string; inReplyTo?: boolean },
): Promise<Result<{ to: Employee }>> {
  const { from, to } = options;
  const text = options.text.trim();
  if (text === '') return fail('MESSAGE.EMPTY');
  if (to.id === from.id) return fail('MESSAGE.TO_SELF');
  // Nothing is queued for someone who could never receive it: the sender is told instead.
  if (!to.active || (await tx.accounts.byEmployee(to.id)).every((a) => a.employeeId === null)) {
    return fail('MESSAGE.NOT_REACHABLE', { name: `${to.name} (${to.post})` });
  }
  await notify(tx, clock, {
    employeeId: to.id,
    notification: {
      kind: options.inReplyTo ? 'message.reply' : 'message.direct',
      params: { from: from.name, fromPost: from.post, text: text.slice(0, MAX_MESSAGE_LENGTH) },
      subject: { type: 'message', id: from.code },
    },
  });
  // The audit trail records who wrote to whom, not what was said.
  await recordEvent(tx, clock, { actor: from.code, type: 'message.sent', subjectType: 'employee', subjectId: to.code, data: { length: text.length } });
  return ok({ to });
}

// "msg DDC: meeting at 4" / "संदेश SAH0016: …", and replies to such a message, through the bot.
import { sendDirectMessage } from '../../core/messaging/direct-message.ts';
import { findByCode } from '../../core/staff/link-account.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { failureText } from '../messages/failures.ts';
import { text } from '../messages/texts.ts';
import { resolvePerson } from './resolve.ts';
import { recipientButtons } from './message-buttons.ts';

const say = (t: string): Outcome => ({ replies: [{ text: t }] });

export async function directMessageCommand(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome> {
  const e = ctx.parse.entities;
  const body = e.remark ?? raw.split(/[:：]/).slice(1).join(':');
  const person = await resolvePerson(ctx, me, e.addressee, e.addressee?.name ?? e.addressee?.post ?? '');
  if (person.kind === 'none') return say(failureText('STAFF.NO_SUCH_ADDRESSEE', { name: person.query }, ctx.lang));
  if (person.kind === 'many') return { replies: [{ text: text('chooseRecipient', ctx.lang), buttons: recipientButtons(person.candidates, body) }] };
  return deliver(ctx, me, person.employee, body, false);
}

/** `/msg CODE text`: a recipient chosen from the buttons. */
export async function directMessageTo(ctx: CommandContext, me: Employee, code: string, body: string): Promise<Outcome> {
  const to = await findByCode(ctx.tx, code);
  if (to === null) return say(failureText('STAFF.UNKNOWN_CODE', { code }, ctx.lang));
  return deliver(ctx, me, to, body, false);
}

/** A reply to a direct message goes back to its sender. */
export async function replyToMessage(ctx: CommandContext, me: Employee, senderCode: string, raw: string): Promise<Outcome> {
  const to = await findByCode(ctx.tx, senderCode);
  if (to === null) return say(failureText('STAFF.UNKNOWN_CODE', { code: senderCode }, ctx.lang));
  return deliver(ctx, me, to, raw, true);
}

async function deliver(ctx: CommandContext, me: Employee, to: Employee, body: string, isReply: boolean): Promise<Outcome> {
  const sent = await sendDirectMessage(ctx.tx, ctx.deps.clock, { from: me, to, text: body, inReplyTo: isReply });
  if (!sent.ok) return say(failureText(sent.failure.code, sent.failure.params, ctx.lang));
  return { queuedNotifications: true, replies: [{ text: text('messageSent', ctx.lang, { name: `${to.name} (${to.post})` }) }] };
}

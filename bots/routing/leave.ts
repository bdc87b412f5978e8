// Leave: applying (with the confirm step), sanctioning, cancelling, balances, who is out.
import { failureText } from '../messages/failures.ts';
import type { LeaveDecision } from '../../core/leave/decide-leave.ts';
import type { CommandContext, Outcome } from '../context.ts';
import {
  applyLeaveCommand, applyLeaveCommandWith, cancelLeaveCommand, continueLeaveCommand, decideLeaveCommand, discardLeaveCommand, myLeaveCommand, submitLeaveCommand, whoIsOutCommand,
} from '../commands/leave.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandFamily } from './family.ts';
import { clearQuestion, looksLikeCommand, movedOn, say } from './shared.ts';
import { chatState, type LeaveDetails } from '../commands/conversation.ts';
import { ltext } from '../messages/leave-texts.ts';
import { extractEntities } from '../language/entities.ts';
import { analyze } from '../language/normalize.ts';

async function decideButton(ctx: CommandContext, me: Employee, number: string | undefined, decision: LeaveDecision): Promise<Outcome> {
  const leave = number ? await ctx.tx.leave.byNumber(number) : null;
  if (leave === null) return say(failureText('LEAVE.NOT_FOUND', { number: number ?? '' }, ctx.lang));
  return decideLeaveCommand(ctx, me, leave, decision, null);
}

/** A pressed choice for the application asked back; with none waiting, says so. */
async function detailsButton(ctx: CommandContext, me: Employee, answer: LeaveDetails): Promise<Outcome> {
  const { pending } = await chatState(ctx);
  if (pending?.kind !== 'leave.details') return say(ltext('nothingToSubmit', ctx.lang));
  return (await continueLeaveCommand(ctx, me, pending, answer)) ?? applyLeaveCommandWith(ctx, me, pending.raw, pending.known);
}

export const leaveFamily: CommandFamily = {
  name: 'leave',
  takes: 'leave applications, the type or dates asked back, their confirm step, /leave.* buttons, the reason asked for a refusal, my leave, cancel, who is out',
  buttons: {
    '/leave.submit': (ctx, me) => submitLeaveCommand(ctx, me),
    '/leave.discard': (ctx) => discardLeaveCommand(ctx),
    '/leave.sanction': (ctx, me, [number]) => decideButton(ctx, me, number, 'sanction'),
    '/leave.refuse': (ctx, me, [number]) => decideButton(ctx, me, number, 'refuse'),
    '/leave.return': (ctx, me, [number]) => decideButton(ctx, me, number, 'return'),
    '/leave.kind': (ctx, me, [code]) => detailsButton(ctx, me, { leaveType: code ?? '' }),
    '/leave.date': (ctx, me, [date]) => detailsButton(ctx, me, { startDate: date ?? '' }),
  },
  answers: {
    'leave.confirm': async (ctx, me) => {
      const { intent } = ctx.parse;
      if (intent === 'confirm' || intent === 'approve') return submitLeaveCommand(ctx, me);
      if (intent === 'deny' || intent === 'cancel') return discardLeaveCommand(ctx);
      await clearQuestion(ctx);
      return null;
    },
    'leave.details': async (ctx, me, pending, raw) => {
      // The answer read as the rest of the application: "CL", "आकस्मिक", "3 Dec", "kal".
      const answer = extractEntities('apply_leave', analyze(raw), ctx.today);
      const { intent, confidence, entities } = ctx.parse;
      // A whole new application is taken as it stands.
      const whole = intent === 'apply_leave' && confidence >= 0.85 && entities.leaveType !== undefined && entities.startDate !== undefined;
      const completed = whole ? null : await continueLeaveCommand(ctx, me, pending, answer);
      if (completed !== null) return completed;
      if (intent === 'cancel' || intent === 'deny') return discardLeaveCommand(ctx);
      // Anything else that is a request of its own is that request; the question is dropped.
      await clearQuestion(ctx);
      if (whole || movedOn(ctx) || looksLikeCommand(ctx, raw) || (confidence >= 0.35 && intent !== 'unknown' && intent !== 'apply_leave')) return null;
      // Not an answer and not a request: the same question again, with its buttons.
      return applyLeaveCommandWith(ctx, me, pending.raw, pending.known);
    },
    'leave.reason': async (ctx, me, pending, raw) => {
      await clearQuestion(ctx);
      // Another request instead of a reason is that request ("my files" is no refusal reason).
      if (movedOn(ctx) || looksLikeCommand(ctx, raw)) return null;
      const leave = await ctx.tx.leave.byNumber(pending.number);
      if (leave === null) return null;
      return decideLeaveCommand(ctx, me, leave, pending.decision, ctx.parse.entities.remark ?? raw);
    },
  },
  intents: {
    apply_leave: (ctx, me, raw) => applyLeaveCommand(ctx, me, raw),
    my_leave: (ctx, me) => myLeaveCommand(ctx, me),
    who_is_out: (ctx) => whoIsOutCommand(ctx),
    cancel: (ctx, me, raw) => cancelLeaveCommand(ctx, me, raw),
  },
};

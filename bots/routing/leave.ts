// Leave: applying (with the confirm step), sanctioning, cancelling, balances, who is out.
import { failureText } from '../messages/failures.ts';
import type { LeaveDecision } from '../../core/leave/decide-leave.ts';
import type { CommandContext, Outcome } from '../context.ts';
import {
  applyLeaveCommand, cancelLeaveCommand, decideLeaveCommand, discardLeaveCommand, myLeaveCommand, submitLeaveCommand, whoIsOutCommand,
} from '../commands/leave.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandFamily } from './family.ts';
import { clearQuestion, say } from './shared.ts';

async function decideButton(ctx: CommandContext, me: Employee, number: string | undefined, decision: LeaveDecision): Promise<Outcome> {
  const leave = number ? await ctx.tx.leave.byNumber(number) : null;
  if (leave === null) return say(failureText('LEAVE.NOT_FOUND', { number: number ?? '' }, ctx.lang));
  return decideLeaveCommand(ctx, me, leave, decision, null);
}

export const leaveFamily: CommandFamily = {
  name: 'leave',
  takes: 'leave applications and their confirm step, /leave.* buttons, the reason asked for a refusal, my leave, cancel, who is out',
  buttons: {
    '/leave.submit': (ctx, me) => submitLeaveCommand(ctx, me),
    '/leave.discard': (ctx) => discardLeaveCommand(ctx),
    '/leave.sanction': (ctx, me, [number]) => decideButton(ctx, me, number, 'sanction'),
    '/leave.refuse': (ctx, me, [number]) => decideButton(ctx, me, number, 'refuse'),
    '/leave.return': (ctx, me, [number]) => decideButton(ctx, me, number, 'return'),
  },
  answers: {
    'leave.confirm': async (ctx, me) => {
      const { intent } = ctx.parse;
      if (intent === 'confirm' || intent === 'approve') return submitLeaveCommand(ctx, me);
      if (intent === 'deny' || intent === 'cancel') return discardLeaveCommand(ctx);
      await clearQuestion(ctx);
      return null;
    },
    'leave.reason': async (ctx, me, pending, raw) => {
      await clearQuestion(ctx);
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

// Statutory deadlines: the proposal's buttons, "deadline 10-01-2027" / "समय-सीमा 10-01-2027", and a
// reply with only a date to a message about a letter whose deadline was proposed or recorded.
import { confirmButton, correctButton, dateReply, deadlineCommand, dismissButton, isDeadlineCommand } from '../commands/deadline.ts';
import type { CommandFamily } from './family.ts';

export const deadlinesFamily: CommandFamily = {
  name: 'deadlines',
  takes: 'the statutory deadline buttons (confirm / correct / not statutory); "deadline [kind] DD-MM-YYYY [number]" / "समय-सीमा …"; a reply that is only a date',
  buttons: {
    '/deadline.confirm': (ctx, me, args) => confirmButton(ctx, me, args),
    '/deadline.correct': (ctx, me, args) => correctButton(ctx, me, args),
    '/deadline.dismiss': (ctx, me, args) => dismissButton(ctx, me, args),
  },
  prefix: async (ctx, me, raw) => (isDeadlineCommand(ctx, raw) ? deadlineCommand(ctx, me, raw) : null),
  reply: (ctx, me, raw) => dateReply(ctx, me, raw),
};

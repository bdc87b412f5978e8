// Pendency: the Collector's report on demand, and each person's daily reminder switch.
import { remindersCommand, reportPendencyCommand, REPORT_PENDENCY } from '../commands/pendency.ts';
import type { CommandFamily } from './family.ts';

export const pendencyFamily: CommandFamily = {
  name: 'pendency',
  takes: '"report pendency" / "लंबित प्रतिवेदन"; reminders off / on',
  prefix: async (ctx, me, raw) => (REPORT_PENDENCY.test(raw) ? reportPendencyCommand(ctx, me) : null),
  intents: {
    reminders_off: (ctx, me) => remindersCommand(ctx, me, true),
    reminders_on: (ctx, me) => remindersCommand(ctx, me, false),
  },
};

// "report pendency" / "लंबित प्रतिवेदन": the Collector's pendency report as a PDF, for the Collector
// and the officers named in REPORT_RECIPIENTS only; "reminders off" / "reminders on": the morning
// digest switch, audited.
import { recordEvent } from '../../core/audit/record-event.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import type { Employee } from '../../core/types.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { reportRecipientsOf } from '../jobs/daily-digest.ts';
import { ptext } from '../messages/pendency-texts.ts';

export const REPORT_PENDENCY = /^(?:\/?report\s+pendency|pendency\s+report|लंबित\s+(?:प्रतिवेदन|रिपोर्ट))\s*$/i;

const say = (t: string): Outcome => ({ replies: [{ text: t }] });

export async function reportPendencyCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang, today } = ctx;
  const allowed = await reportRecipientsOf(ctx.tx, ctx.deps.reportRecipients ?? []);
  if (!allowed.some((e) => e.id === me.id)) return say(ptext('reportNotAllowed', lang));
  const report = await pendencyReport(ctx.tx, today, ctx.deps.leavePolicy.calendar);
  const pdf = await ctx.deps.renderer.pendencyReport(report);
  return {
    replies: [{
      text: ptext('reportCaption', lang, { day: today, total: report.totals.total, over30: report.totals.buckets[4] }),
      document: { filename: `pendency-${today}.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
    }],
  };
}

export async function remindersCommand(ctx: CommandContext, me: Employee, muted: boolean): Promise<Outcome> {
  const { lang } = ctx;
  if (me.remindersMuted === muted) return say(ptext(muted ? 'remindersAlreadyOff' : 'remindersAlreadyOn', lang));
  await ctx.tx.employees.update(me.id, { remindersMuted: muted });
  await recordEvent(ctx.tx, ctx.deps.clock, {
    actor: me.code, type: muted ? 'staff.reminders_off' : 'staff.reminders_on', subjectType: 'employee', subjectId: me.code, data: {},
  });
  return say(ptext(muted ? 'remindersOff' : 'remindersOn', lang));
}

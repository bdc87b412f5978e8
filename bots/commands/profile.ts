import { recordEvent } from '../../core/audit/record-event.ts';
import type { CommandContext, Outcome } from '../context.ts';
import { text } from '../messages/texts.ts';

/** "me" / "मैं": who the bot thinks you are, so a mistaken link is noticed early. */
export async function profileCommand(ctx: CommandContext): Promise<Outcome> {
  const { tx, lang } = ctx;
  const me = ctx.employee;
  if (me === null) return { replies: [{ text: text('onlyLinkWhenUnlinked', lang) }] };
  const section = await tx.sections.byId(me.sectionId);
  const officer = me.reportingOfficerId === null ? null : await tx.employees.byId(me.reportingOfficerId);
  const accounts = await tx.accounts.byEmployee(me.id);
  return {
    replies: [{
      text: text('profile', lang, {
        name: me.name, code: me.code, post: me.post, section: section?.name ?? '',
        officer: officer === null ? text('noOfficer', lang) : `${officer.name}, ${officer.post}`,
        channels: [...new Set(accounts.map((a) => a.channel))].join(', '),
      }),
    }],
  };
}

/** "language english" / "भाषा हिंदी": the employee's reply language, kept on the roll record. */
export async function languageCommand(ctx: CommandContext, chosen: 'hi' | 'en'): Promise<Outcome> {
  if (ctx.employee === null) return { replies: [{ text: text('onlyLinkWhenUnlinked', chosen) }] };
  await ctx.tx.employees.update(ctx.employee.id, { language: chosen });
  await recordEvent(ctx.tx, ctx.deps.clock, {
    actor: ctx.employee.code, type: 'staff.language_set', subjectType: 'employee', subjectId: ctx.employee.code, data: { language: chosen },
  });
  return { replies: [{ text: text('languageSet', chosen) }] };
}

// A reply to a message about a file that is not a decision ("dekh lenge", "ok, baad mein"): the
// holder is asked what to do, with the choices as buttons, rather than told "not understood".
import type { CommandContext, Outcome } from '../context.ts';
import { repliedTo } from '../commands/conversation.ts';
import { etext } from '../messages/efile-texts.ts';
import { rtext } from '../messages/routing-texts.ts';
import type { Employee } from '../../core/types.ts';

export async function askWhatToDoOnFile(ctx: CommandContext, me: Employee, raw: string): Promise<Outcome | null> {
  if (ctx.inbound.replyToMessageId === undefined) return null;
  const sent = await repliedTo(ctx);
  if (sent?.subjectType !== 'file' || sent.subjectId === null) return null;
  const file = await ctx.tx.files.byNumber(sent.subjectId);
  if (file === null || file.holderId !== me.id || (file.status !== 'open' && file.status !== 'parked')) return null;
  const number = file.fileNumber;
  const { lang } = ctx;
  return {
    replies: [{
      text: rtext('whatOnFile', lang, { number, text: raw.slice(0, 80) }),
      subject: { type: 'file', id: number },
      buttons: [
        { label: etext('btnApprove', lang), command: `/file.approve ${number}` },
        { label: etext('btnReturn', lang), command: `/file.return ${number}` },
        { label: etext('btnForward', lang), command: `/file.forward ${number}` },
        { label: etext('btnNoteSheet', lang), command: `/file.sheet ${number}` },
      ],
    }],
  };
}

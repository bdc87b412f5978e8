// Direct messages between staff: "msg X: …", the picker's /msg button, and replies to a message.
import { repliedTo } from '../commands/conversation.ts';
import { directMessageCommand, directMessageTo, replyToMessage } from '../commands/message.ts';
import type { CommandFamily } from './family.ts';

export const messagesFamily: CommandFamily = {
  name: 'messages',
  takes: '"msg X: …", /msg buttons, and any reply to a direct message (it goes back to its writer, whatever the words look like)',
  buttons: { '/msg': async (ctx, me, [code, ...words]) => (code ? directMessageTo(ctx, me, code, words.join(' ')) : null) },
  reply: async (ctx, me, raw) => {
    if (ctx.inbound.replyToMessageId === undefined) return null;
    const sent = await repliedTo(ctx);
    return sent?.subjectType === 'message' && sent.subjectId !== null ? replyToMessage(ctx, me, sent.subjectId, raw) : null;
  },
  intents: { message: (ctx, me, raw) => directMessageCommand(ctx, me, raw) },
};

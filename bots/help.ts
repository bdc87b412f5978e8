// Help for a linked employee shows what this person may do: a circular to all only for the posts
// that may send one (the circular table's own rule), and "send to …" naming their reporting
// officer — never the reader themself.
import { CIRCULAR_SENDER } from '../core/messaging/circular-workflow.ts';
import { DEFAULT_CIRCULAR_POLICY } from '../core/messaging/send-circular.ts';
import type { Employee } from '../core/types.ts';
import type { CommandContext } from './context.ts';
import { POSTS } from './language/posts.ts';
import { text } from './messages/texts.ts';

/** How the reader would name their reporting officer in "send to …": "SO", "DDC", else the name. */
async function nextUp(ctx: CommandContext, me: Employee): Promise<string> {
  const officer = me.reportingOfficerId === null ? null : await ctx.tx.employees.byId(me.reportingOfficerId);
  if (officer === null || officer.id === me.id) return ctx.lang === 'hi' ? '<पद या नाम>' : '<post or name>';
  const short = officer.postKey === null ? undefined : POSTS[officer.postKey]?.aliases.find((a) => /^[a-z]{2,4}$/.test(a));
  return short !== undefined && officer.postKey !== me.postKey ? short.toUpperCase() : officer.name;
}

export async function helpFor(ctx: CommandContext, me: Employee): Promise<string> {
  const senderPosts = (ctx.deps.circulars ?? DEFAULT_CIRCULAR_POLICY).senderPosts;
  const sends = CIRCULAR_SENDER.allows({ actor: me, circular: null, copy: null, senderPosts });
  return text('helpLinked', ctx.lang, { name: me.name, to: await nextUp(ctx, me), circulars: sends ? 'send' : 'receive' });
}

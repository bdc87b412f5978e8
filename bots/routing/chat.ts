// The chat itself: where notifications go, and what is said to words that ask for nothing.
import { notifyHereCommand } from '../commands/link.ts';
import { text } from '../messages/texts.ts';
import type { CommandFamily } from './family.ts';
import { say } from './shared.ts';

/** Like "me", a setting of the chat itself: answered before any walkthrough or pending question. */
const NOTIFY_HERE = /^(?:notify\s+(?:me\s+)?here|(?:send\s+)?notifications\s+here|सूचना(?:ए[ँं])?\s+यहा[ँं]|suchna\s+yaha[n]?|yahan?\s+suchna)\s*[.!।]?$/i;

export const chatFamily: CommandFamily = {
  name: 'chat',
  takes: '"notify here" (this chat gets the notifications); yes/no with no question open; what was not understood',
  setting: async (ctx, _me, raw) => (NOTIFY_HERE.test(raw) ? notifyHereCommand(ctx) : null),
  intents: {
    confirm: async (ctx) => say(text('nothingToConfirm', ctx.lang)),
    deny: async (ctx) => say(text('nothingToConfirm', ctx.lang)),
    unknown: async (ctx) => say(text('notUnderstood', ctx.lang)),
  },
};

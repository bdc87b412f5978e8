// Helpers the command families share: short answers, the target a message is about, and whether a
// message answers the chat's question or is a new request.
import type { CommandContext, Outcome } from '../context.ts';
import type { Intent } from '../language/index.ts';
import { resolveTarget, type Target } from '../commands/resolve.ts';
import { targetProblem } from '../commands/file.ts';
import { updateChatState } from '../commands/conversation.ts';

export const say = (t: string): Outcome => ({ replies: [{ text: t }] });

/** Acts on the file or receipt the message is about (named, replied to, or the chat's current one). */
export async function withTarget(ctx: CommandContext, act: (t: Target) => Promise<Outcome>): Promise<Outcome> {
  const target = await resolveTarget(ctx);
  return target.ok ? act(target.target) : targetProblem(ctx, target);
}

export const clearQuestion = (ctx: CommandContext) => updateChatState(ctx, (s) => ({ ...s, pending: undefined }));

/** Intents that never take a question's answer for themselves: the words may be the answer. */
const ANSWER_LIKE: readonly Intent[] = ['unknown', 'note', 'search', 'create_file', 'forward', 'return', 'refuse', 'attach'];

/** A clear, confident command wins over the question asked (the user moved on). */
export function movedOn(ctx: CommandContext): boolean {
  return ctx.parse.confidence >= 0.85 && !ANSWER_LIKE.includes(ctx.parse.intent);
}

/**
 * Requests that take no words of their own ("my files", "मेरी फाइलें", "status", "help"): a short
 * message understood as one of these is that request, never a letter's subject, even at a
 * confidence below the general "moved on" bar (a subject such as "Flood relief claim from CO
 * Kahara" may resemble a TA claim at 0.6, but it is not short, and its intent takes words).
 */
const WORDLESS_REQUESTS: ReadonlySet<Intent> = new Set<Intent>([
  'help', 'status', 'my_items', 'sent', 'my_leave', 'who_is_out', 'report', 'reminders_off', 'reminders_on', 'training', 'verify',
]);
const SHORT_COMMAND_WORDS = 4;

export function looksLikeCommand(ctx: CommandContext, raw: string): boolean {
  const words = raw.split(/\s+/).filter((w) => w !== '').length;
  return words <= SHORT_COMMAND_WORDS && WORDLESS_REQUESTS.has(ctx.parse.intent) && ctx.parse.confidence >= 0.5;
}

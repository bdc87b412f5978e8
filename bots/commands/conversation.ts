// What a chat is in the middle of, kept in the store so that a restart loses nothing.
import type { CommandContext } from '../context.ts';

export type Pending =
  | { kind: 'receipt.subject'; receipt: string }
  | { kind: 'receipt.attach'; receipt: string }
  | { kind: 'forward'; target: 'file' | 'receipt'; number: string }
  | { kind: 'file.return'; number: string }
  | { kind: 'decision'; number: string; text: string }
  | { kind: 'sign.consent' | 'sign.otp'; number: string; decision: 'approve' | 'return'; remark: string | null; hash: string; subject?: 'file' | 'leave' }
  | { kind: 'leave.confirm'; request: { type: string; startDate: string; endDate: string; halfDay: 'first' | 'second' | null; reason: string; chargeToCode?: string | null } }
  | { kind: 'leave.reason'; number: string; decision: 'sanction' | 'refuse' | 'return' }
  | { kind: 'tour.confirm'; programme: { destinations: string[]; startDate: string; endDate: string; purpose: string; travelMode: string | null } };

export interface ChatState {
  pending?: Pending;
  /** The file or receipt this chat last worked on: "note: …" without a number goes there. */
  current?: { target: 'file' | 'receipt'; number: string };
}

const LIFETIME_MS = 24 * 60 * 60 * 1000;

export async function chatState(ctx: CommandContext): Promise<ChatState> {
  const row = await ctx.tx.conversations.get(ctx.account.id);
  if (row === null || row.expiresAt.getTime() < ctx.deps.clock.now().getTime()) return {};
  return JSON.parse(row.data) as ChatState;
}

export async function saveChatState(ctx: CommandContext, state: ChatState): Promise<void> {
  await ctx.tx.conversations.set({
    accountId: ctx.account.id, kind: state.pending?.kind ?? 'idle', data: JSON.stringify(state),
    expiresAt: new Date(ctx.deps.clock.now().getTime() + LIFETIME_MS),
  });
}

export async function updateChatState(ctx: CommandContext, change: (state: ChatState) => ChatState): Promise<void> {
  await saveChatState(ctx, change(await chatState(ctx)));
}

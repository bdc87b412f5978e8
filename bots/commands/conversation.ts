// What a chat is in the middle of, kept in the store so that a restart loses nothing.
import type { CommandContext } from '../context.ts';
import type { SentMessage } from '../../core/types.ts';

export type Pending =
  | { kind: 'receipt.subject'; receipt: string }
  | { kind: 'receipt.attach'; receipt: string }
  | { kind: 'forward'; target: 'file' | 'receipt'; number: string }
  | { kind: 'file.return'; number: string }
  | { kind: 'decision'; number: string; text: string }
  | { kind: 'sign.consent' | 'sign.otp'; number: string; decision: 'approve' | 'return'; remark: string | null; hash: string; subject?: 'file' | 'leave' | 'tour' | 'ta' | 'letter' }
  | { kind: 'leave.confirm'; request: { type: string; startDate: string; endDate: string; halfDay: 'first' | 'second' | null; reason: string; chargeToCode?: string | null } }
  | { kind: 'leave.reason'; number: string; decision: 'sanction' | 'refuse' | 'return' }
  /** An application asked back for what it lacks (the leave type, or the dates); `raw` is its own text. */
  | { kind: 'leave.details'; missing: 'type' | 'dates'; known: LeaveDetails; raw: string }
  /** A tour programme asked back for its dates or places; `raw` is its own text. */
  | { kind: 'tour.details'; missing: 'dates' | 'places'; known: TourDetails; raw: string }
  /** The reason asked for a tour programme's or TA claim's refusal or return. */
  | { kind: 'tour.reason'; target: 'tour' | 'ta'; number: string; decision: 'refuse' | 'return' }
  | { kind: 'circular'; step: string; data: Record<string, unknown> }
  | { kind: 'letter'; step: string; data: Record<string, unknown> }
  | { kind: 'tour.confirm'; programme: { destinations: string[]; startDate: string; endDate: string; purpose: string; travelMode: string | null } };

/** What an application said so far: the parser's leave entities. */
export interface LeaveDetails {
  leaveType?: string; startDate?: string; endDate?: string; halfDay?: 'first' | 'second'; purpose?: string; remark?: string;
}

/** What a tour programme said so far: the parser's tour entities. */
export interface TourDetails {
  destinations?: string[]; startDate?: string; endDate?: string; purpose?: string; remark?: string; travelMode?: string;
}

export interface ChatState {
  pending?: Pending;
  /** The file or receipt this chat last worked on: "note: …" without a number goes there. */
  current?: { target: 'file' | 'receipt'; number: string };
  /**
   * The file this chat last sent on. It is no longer "current" (the writer no longer holds it), but
   * "draft: …" without a number goes to it: a clerk sends the file up and then drafts the note for
   * the officer (core/efile/drafts.ts allows that only while the forward is the file's last movement).
   */
  lastSent?: { number: string };
  /** A training walkthrough under way: its step and the practice file's made-up state. */
  training?: { step: string; data: Record<string, unknown> };
}

const LIFETIME_MS = 24 * 60 * 60 * 1000;

// Read once per message: several commands consult the state, and each read is a storage call.
const loaded = new WeakMap<CommandContext, ChatState>();

export async function chatState(ctx: CommandContext): Promise<ChatState> {
  const cached = loaded.get(ctx);
  if (cached !== undefined) return cached;
  const row = await ctx.tx.conversations.get(ctx.account.id);
  const state = row === null || row.expiresAt.getTime() < ctx.deps.clock.now().getTime() ? {} : (JSON.parse(row.data) as ChatState);
  loaded.set(ctx, state);
  return state;
}

export async function saveChatState(ctx: CommandContext, state: ChatState): Promise<void> {
  loaded.set(ctx, state);
  await ctx.tx.conversations.set({
    accountId: ctx.account.id, kind: state.pending?.kind ?? 'idle', data: JSON.stringify(state),
    expiresAt: new Date(ctx.deps.clock.now().getTime() + LIFETIME_MS),
  });
}

export async function updateChatState(ctx: CommandContext, change: (state: ChatState) => ChatState): Promise<void> {
  await saveChatState(ctx, change(await chatState(ctx)));
}

const replied = new WeakMap<CommandContext, Promise<SentMessage | null>>();

/** The bot message this one replies to, looked up once per message (null when none or unknown). */
export function repliedTo(ctx: CommandContext): Promise<SentMessage | null> {
  let found = replied.get(ctx);
  if (found === undefined) {
    const id = ctx.inbound.replyToMessageId;
    found = id === undefined ? Promise.resolve(null) : ctx.tx.sentMessages.find(ctx.inbound.channel, ctx.inbound.chatId, id);
    replied.set(ctx, found);
  }
  return found;
}

// Keeps outgoing messages under Telegram's published limits so that 429s do not happen, and when one
// does, holds back only what it names.
//
// The limits (core.telegram.org/bots/faq, "My bot is hitting limits"):
// - overall: at most 30 messages in any second to all chats together. A sliding window: after a
//   burst of 30 the next waits until the first of them is a second (and a margin) old, so the rate
//   stays at the limit without ever going over it as Telegram counts.
// - per chat: about one a second, short bursts tolerated. A token bucket: `perChatBurst` messages
//   may leave together, after that one per second (and the margin) for as long as the chat has more
//   queued; an idle chat earns its burst back at the same rate, never more than the burst. So in any
//   stretch of T seconds a chat gets at most burst + T messages, however many are queued for it.
// - groups (negative chat ids): at most 20 a minute, a sliding window like the overall one.
// Messages to one chat leave in the order they were given, one after another.
//
// Every interval is counted from when Telegram answered, not from when the request left, and is
// lengthened by the margin: two sends that left here 1,000 ms apart may reach Telegram a few
// milliseconds closer, but one that left after the other was answered cannot arrive before it did.
//
// A 429 (retry_after) pauses what it names, for retry_after and the margin:
// - a 429 on a send to a chat is that chat's: its queue waits (the refused message is sent again
//   first, then the rest in order); every other chat keeps going.
// - a 429 on a request that names no chat (answerCallbackQuery, getFile, a download), or 429s in
//   BOT_WIDE_429.chats different chats within BOT_WIDE_429.withinMs, is the bot's: every chat waits
//   until the longest of those retry_afters is over. Per-chat limits are independent, and a paced bot
//   sees a per-chat 429 rarely and alone (another process writing to the same chat, say); several
//   chats refused within a second means Telegram is counting the bot as a whole, and holding back
//   only the chats it happened to refuse would send the others straight into the same 429.

export interface PaceLimits {
  /** At most this many messages to all chats together within any second (plus the margin). */
  overallPerSecond: number;
  /** A chat's sustained rate once its burst is spent. */
  perChatPerSecond: number;
  /** A reply is often two or three messages; letting them out together reads better than a drip. */
  perChatBurst: number;
  /** Group chats (negative ids): at most this many within any minute (plus the margin). Unset: no limit. */
  perGroupPerMinute?: number;
  /** Added to every interval the pacer waits out (see above). */
  marginMs: number;
}

export const TELEGRAM_LIMITS: PaceLimits = { overallPerSecond: 30, perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, marginMs: 50 };

/** 429s in this many different chats within this interval are taken as the bot's, not the chats' (see above). */
export const BOT_WIDE_429 = { chats: 3, withinMs: 1000 };

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What the pacer does with a send that failed with "retry after". */
export interface RetryPolicy {
  /** How many times a send refused with 429 is sent again. */
  retries: number;
  /** Milliseconds Telegram asked to wait when `error` is a 429; null for any other failure. */
  retryAfterMs(error: unknown): number | null;
  /** Waits out a retry_after (and the margin) before the refused send goes again (tests pass one that does not wait). */
  sleep(ms: number): Promise<void>;
  /** Told before each wait: which chat was refused and whether only it or every chat waits. */
  onRetryAfter?(event: { chatId: string; ms: number; scope: 'chat' | 'bot' }): void;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** A send counted by a Window: in flight (at = Infinity) until answered, then as of its answer. */
interface Slot {
  at: number;
}

/** How long to look again when every slot is a send still in flight. */
const IN_FLIGHT_POLL_MS = 5;

/** At most `count` sends within any `windowMs`. */
class Window {
  private slots: Slot[] = [];

  constructor(private readonly count: number, private readonly windowMs: number) {}

  waitMs(now: number): number {
    this.slots = this.slots.filter((s) => s.at > now - this.windowMs);
    if (this.slots.length < this.count) return 0;
    const oldest = Math.min(...this.slots.map((s) => s.at));
    return oldest === Infinity ? IN_FLIGHT_POLL_MS : oldest + this.windowMs - now;
  }

  take(): Slot {
    const slot = { at: Infinity };
    this.slots.push(slot);
    return slot;
  }

  empty(now: number): boolean {
    this.waitMs(now);
    return this.slots.length === 0;
  }
}

class Bucket {
  private tokens: number;
  private at: number;

  constructor(private readonly perSecond: number, private readonly burst: number, now: number) {
    this.tokens = burst;
    this.at = now;
  }

  /** Milliseconds until a token is free (0: one is free now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.at) / 1000) * this.perSecond);
    this.at = Math.max(this.at, now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  take(): void {
    this.tokens -= 1;
  }

  /** The send answered: refill counts from now, not from when it left. */
  settle(now: number): void {
    this.at = Math.max(this.at, now);
  }

  full(now: number): boolean {
    return this.waitMs(now) === 0 && this.tokens >= this.burst;
  }
}

interface ChatLane {
  bucket: Bucket;
  /** Groups only: the per-minute window. */
  group: Window | null;
  /** This chat was refused with retry_after: nothing goes to it before then. */
  pausedUntil: number;
  tail: Promise<unknown>;
  pending: number;
}

/** Runs sends for a chat one after another, each when the chat's limits and the overall one allow. */
export class SendPacer {
  private readonly overall: Window;
  private readonly lanes = new Map<string, ChatLane>();
  /** The bot as a whole was refused: nothing goes out, to any chat, before then. */
  private pausedUntil = 0;
  /** Recent 429s in chats, for telling a bot-wide limit from a chat's (see BOT_WIDE_429). */
  private refusals: { chatId: string; at: number; until: number }[] = [];

  constructor(
    private readonly limits: PaceLimits = TELEGRAM_LIMITS,
    private readonly clock: PacerClock = realClock,
    private readonly retry: RetryPolicy | null = null,
  ) {
    this.overall = new Window(limits.overallPerSecond, 1000 + limits.marginMs);
  }

  run<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const lane = this.lane(chatId);
    lane.pending += 1;
    const result = lane.tail.then(() => this.deliver(chatId, lane, send));
    // The next message to this chat waits for this one, whether it was delivered or not.
    lane.tail = result.then(() => undefined, () => undefined).finally(() => {
      lane.pending -= 1;
    });
    return result;
  }

  /** Telegram asked the bot as a whole to wait: nothing goes out, to any chat, until then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /**
   * Telegram answered 429 with retry_after `ms` to a send to `chatId` (null: a request that names no
   * chat). Pauses that chat, or every chat when the 429 is the bot's (see the head of this file), for
   * `ms` and the margin; says which.
   */
  limited(chatId: string | null, ms: number): 'chat' | 'bot' {
    const until = this.clock.now() + ms + this.limits.marginMs;
    if (chatId === null) {
      this.pausedUntil = Math.max(this.pausedUntil, until);
      return 'bot';
    }
    const now = this.clock.now();
    const lane = this.lane(chatId);
    lane.pausedUntil = Math.max(lane.pausedUntil, until);
    this.refusals = this.refusals.filter((r) => r.at > now - BOT_WIDE_429.withinMs);
    this.refusals.push({ chatId, at: now, until });
    if (new Set(this.refusals.map((r) => r.chatId)).size < BOT_WIDE_429.chats) return 'chat';
    this.pausedUntil = Math.max(this.pausedUntil, ...this.refusals.map((r) => r.until));
    return 'bot';
  }

  private async deliver<T>(chatId: string, lane: ChatLane, send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      // A send going again has waited out its chat's retry_after already (RetryPolicy.sleep).
      const slots = await this.acquire(lane, attempt === 0);
      let outcome: { value: T } | { error: unknown };
      try {
        outcome = { value: await send() };
      } catch (error) {
        outcome = { error };
      }
      const now = this.clock.now();
      for (const slot of slots) slot.at = now;
      lane.bucket.settle(now);
      if ('value' in outcome) return outcome.value;
      const ms = this.retry?.retryAfterMs(outcome.error) ?? null;
      if (this.retry === null || ms === null) throw outcome.error;
      const scope = this.limited(chatId, ms);
      if (attempt >= this.retry.retries) throw outcome.error;
      this.retry.onRetryAfter?.({ chatId, ms, scope });
      await this.retry.sleep(ms + this.limits.marginMs);
    }
  }

  /** Waits until the chat and the bot may send; the slots it took are counted as in flight. */
  private async acquire(lane: ChatLane, honourChatPause: boolean): Promise<Slot[]> {
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(
        this.pausedUntil - now,
        honourChatPause ? lane.pausedUntil - now : 0,
        lane.bucket.waitMs(now),
        lane.group?.waitMs(now) ?? 0,
        this.overall.waitMs(now),
      );
      if (wait <= 0) {
        lane.bucket.take();
        return lane.group === null ? [this.overall.take()] : [this.overall.take(), lane.group.take()];
      }
      await this.clock.sleep(wait);
    }
  }

  private lane(chatId: string): ChatLane {
    let lane = this.lanes.get(chatId);
    if (lane === undefined) {
      if (this.lanes.size >= 1000) this.forgetIdle();
      // The refill is slowed by the margin: one token per (1 s + margin) at one message a second.
      const perSecond = this.limits.perChatPerSecond * (1000 / (1000 + this.limits.marginMs * this.limits.perChatPerSecond));
      const perMinute = this.limits.perGroupPerMinute;
      lane = {
        bucket: new Bucket(perSecond, this.limits.perChatBurst, this.clock.now()),
        group: chatId.startsWith('-') && perMinute !== undefined ? new Window(perMinute, 60_000 + this.limits.marginMs) : null,
        pausedUntil: 0,
        tail: Promise.resolve(),
        pending: 0,
      };
      this.lanes.set(chatId, lane);
    }
    return lane;
  }

  /** A chat with nothing queued, nothing to wait out and a full bucket is the same as a new one; drop it to bound memory. */
  private forgetIdle(): void {
    const now = this.clock.now();
    for (const [chatId, lane] of this.lanes) {
      if (lane.pending === 0 && lane.pausedUntil <= now && lane.bucket.full(now) && (lane.group?.empty(now) ?? true)) this.lanes.delete(chatId);
    }
  }
}

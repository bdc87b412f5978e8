// Keeps outgoing messages under Telegram's published limits so that 429s do not happen: at most 30
// messages in any second to all chats together, and about one a second per chat (short bursts
// tolerated). The overall limit is a sliding window: after a burst of 30 the next waits until the
// first of them is a second (and a margin) old, so the rate stays at the limit without ever going
// over it as Telegram counts. The per-chat limit is a token bucket. Messages to one chat leave in
// the order they were given. The margin covers the network: two sends that left here 1,000 ms apart
// may reach Telegram a few milliseconds closer.

export interface PaceLimits {
  /** At most this many messages to all chats together within any second (plus the margin). */
  overallPerSecond: number;
  perChatPerSecond: number;
  /** A reply is often two or three messages; letting them out together reads better than a drip. */
  perChatBurst: number;
  /** Added to every interval the pacer waits out (see above). */
  marginMs: number;
}

export const TELEGRAM_LIMITS: PaceLimits = { overallPerSecond: 30, perChatPerSecond: 1, perChatBurst: 3, marginMs: 50 };

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
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
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
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
  tail: Promise<unknown>;
  pending: number;
}

/** Runs sends for a chat one after another, each when both the chat's and the shared bucket allow. */
export class SendPacer {
  private readonly overall: Window;
  private readonly lanes = new Map<string, ChatLane>();
  private pausedUntil = 0;

  constructor(private readonly limits: PaceLimits = TELEGRAM_LIMITS, private readonly clock: PacerClock = realClock) {
    this.overall = new Window(limits.overallPerSecond, 1000 + limits.marginMs);
  }

  run<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const lane = this.lane(chatId);
    lane.pending += 1;
    const result = lane.tail.then(async () => {
      const slot = await this.acquire(lane.bucket);
      try {
        return await send();
      } finally {
        const now = this.clock.now();
        slot.at = now;
        lane.bucket.settle(now);
      }
    });
    // The next message to this chat waits for this one, whether it was delivered or not.
    lane.tail = result.then(() => undefined, () => undefined).finally(() => {
      lane.pending -= 1;
    });
    return result;
  }

  /** Telegram said "retry after": nothing goes out, to any chat, until then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async acquire(bucket: Bucket): Promise<Slot> {
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(this.pausedUntil - now, bucket.waitMs(now), this.overall.waitMs(now));
      if (wait <= 0) {
        bucket.take();
        return this.overall.take();
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
      lane = { bucket: new Bucket(perSecond, this.limits.perChatBurst, this.clock.now()), tail: Promise.resolve(), pending: 0 };
      this.lanes.set(chatId, lane);
    }
    return lane;
  }

  /** A chat with nothing queued and a full bucket is the same as a new one; drop it to bound memory. */
  private forgetIdle(): void {
    const now = this.clock.now();
    for (const [chatId, lane] of this.lanes) {
      if (lane.pending === 0 && lane.bucket.full(now)) this.lanes.delete(chatId);
    }
  }
}

// Keeps outgoing messages under Telegram's published limits (about 30 messages a second overall,
// one a second per chat, short bursts tolerated) so that 429s stay rare: two token buckets, one
// shared and one per chat. Messages to one chat also leave in the order they were given.

export interface PaceLimits {
  overallPerSecond: number;
  overallBurst: number;
  perChatPerSecond: number;
  /** A reply is often two or three messages; letting them out together reads better than a drip. */
  perChatBurst: number;
}

export const TELEGRAM_LIMITS: PaceLimits = { overallPerSecond: 30, overallBurst: 30, perChatPerSecond: 1, perChatBurst: 3 };

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

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
  private readonly overall: Bucket;
  private readonly lanes = new Map<string, ChatLane>();
  private pausedUntil = 0;

  constructor(private readonly limits: PaceLimits = TELEGRAM_LIMITS, private readonly clock: PacerClock = realClock) {
    this.overall = new Bucket(limits.overallPerSecond, limits.overallBurst, clock.now());
  }

  run<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const lane = this.lane(chatId);
    lane.pending += 1;
    const result = lane.tail.then(async () => {
      await this.acquire(lane.bucket);
      return send();
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

  private async acquire(bucket: Bucket): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(this.pausedUntil - now, bucket.waitMs(now), this.overall.waitMs(now));
      if (wait <= 0) {
        bucket.take();
        this.overall.take();
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  private lane(chatId: string): ChatLane {
    let lane = this.lanes.get(chatId);
    if (lane === undefined) {
      if (this.lanes.size >= 1000) this.forgetIdle();
      lane = { bucket: new Bucket(this.limits.perChatPerSecond, this.limits.perChatBurst, this.clock.now()), tail: Promise.resolve(), pending: 0 };
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

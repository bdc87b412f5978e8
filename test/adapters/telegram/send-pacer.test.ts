import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOT_WIDE_429, SendPacer, TELEGRAM_LIMITS } from '../../../adapters/telegram/send-pacer.ts';

describe('the Telegram send pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Queues `count` sends and records the (fake) time each one went out, relative to the start. */
  function queue(pacer: SendPacer, chats: string[]): { at: number[]; done: Promise<unknown> } {
    const start = Date.now();
    const at: number[] = [];
    const done = Promise.all(chats.map((chat) => pacer.run(chat, async () => {
      at.push(Date.now() - start);
    })));
    return { at, done };
  }

  it('lets a short burst into one chat out at once, then one message a second and the margin', async () => {
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), ['7', '7', '7', '7', '7']);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toEqual([0, 0, 0, 1050, 2100]);
  });

  it('never lets more than 30 messages out in any second (and margin), to all chats together', async () => {
    const chats = Array.from({ length: 100 }, (_, i) => `chat-${i}`);
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), chats);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toHaveLength(100);
    for (const [i, t] of sent.at.entries()) {
      expect(sent.at.filter((u) => u >= t && u < t + 1050).length, `window from message ${i}`).toBeLessThanOrEqual(30);
    }
    // …and not fewer: the 31st goes as soon as the first is 1,050 ms old, the 100th in the fourth window.
    expect(sent.at.filter((t) => t === 0)).toHaveLength(30);
    expect(sent.at[30]).toBe(1050);
    expect(sent.at.at(-1)).toBe(3150);
  });

  it('keeps the order within a chat even when a send fails', async () => {
    const pacer = new SendPacer({ ...TELEGRAM_LIMITS, perChatBurst: 1 });
    const order: string[] = [];
    const first = pacer.run('9', async () => {
      order.push('first');
      throw new Error('403: Forbidden: bot was blocked by the user');
    });
    const second = pacer.run('9', async () => {
      order.push('second');
      return 'ok';
    });
    await vi.runAllTimersAsync();
    await expect(first).rejects.toThrow('blocked');
    await expect(second).resolves.toBe('ok');
    expect(order).toEqual(['first', 'second']);
  });

  it('holds every chat while Telegram asked to wait', async () => {
    const pacer = new SendPacer(TELEGRAM_LIMITS);
    pacer.pause(5000);
    const sent = queue(pacer, ['1', '2']);
    await vi.advanceTimersByTimeAsync(4999);
    expect(sent.at).toEqual([]);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toEqual([5000, 5000]);
  });

  /** Times (relative to the start) at which each chat's sends went out, by chat. */
  function byChat(at: { chat: string; t: number }[]): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const { chat, t } of at) (out[chat] ??= []).push(t);
    return out;
  }

  /** Telegram's per-chat bound as a token bucket counts it: in any T ms at most burst + T/1000 messages. */
  function expectChatPace(times: number[], burst: number, periodMs: number): void {
    for (let i = 0; i < times.length; i++) {
      for (let j = i + burst; j < times.length; j++) {
        expect((times[j] as number) - (times[i] as number), `messages ${i} and ${j}`).toBeGreaterThanOrEqual((j - i + 1 - burst) * periodMs);
      }
    }
  }

  it('keeps a chat with many messages queued at one a second after its burst, for as long as they last', async () => {
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), Array.from({ length: 12 }, () => '7'));
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toEqual([0, 0, 0, 1050, 2100, 3150, 4200, 5250, 6300, 7350, 8400, 9450]);
    expectChatPace(sent.at, TELEGRAM_LIMITS.perChatBurst, 1000);
  });

  it('gives a chat that rested its burst back, never more than the burst, and counts from each answer', async () => {
    const pacer = new SendPacer(TELEGRAM_LIMITS);
    const start = Date.now();
    const at: number[] = [];
    // The first send takes 200 ms to be answered: the chat's refill counts from the answer.
    const slow = pacer.run('7', async () => {
      at.push(Date.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await slow;
    const later = Array.from({ length: 5 }, () => pacer.run('7', async () => {
      at.push(Date.now() - start);
    }));
    await vi.runAllTimersAsync();
    await Promise.all(later);
    expect(at).toEqual([0, 10_000, 10_000, 10_000, 11_050, 12_100]);
    expectChatPace(at.slice(1), TELEGRAM_LIMITS.perChatBurst, 1000);
  });

  it('keeps a group chat to 20 messages a minute (and margin) besides its per-second pace', async () => {
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), Array.from({ length: 22 }, () => '-100200300'));
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at.slice(0, 4)).toEqual([0, 0, 0, 1050]);
    expect(sent.at[19]).toBe(17 * 1050);
    expect(sent.at.slice(20)).toEqual([60_050, 60_050]);
    for (const [i, t] of sent.at.entries()) expect(sent.at.filter((u) => u >= t && u < t + 60_050).length, `minute from ${i}`).toBeLessThanOrEqual(20);
  });

  /** A 429 as the adapter sees one: the pacer is told how long to wait by `retryAfterMs`. */
  class TooMany extends Error {
    constructor(readonly ms: number) {
      super('429: Too Many Requests');
    }
  }
  const retryEvents: { chatId: string; ms: number; scope: 'chat' | 'bot' }[] = [];
  const retry = (retries = 3) => ({
    retries,
    retryAfterMs: (error: unknown) => (error instanceof TooMany ? error.ms : null),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    onRetryAfter: (event: { chatId: string; ms: number; scope: 'chat' | 'bot' }) => {
      retryEvents.push(event);
    },
  });

  /** Queues sends to `chats` in order; a chat named in `refuse` is refused (429, `ms`) on its first attempt. */
  function queueRefusing(pacer: SendPacer, chats: string[], refuse: Record<string, number>) {
    const start = Date.now();
    const attempts: { chat: string; t: number; n: number; refused: boolean }[] = [];
    const left = { ...refuse };
    const done = Promise.allSettled(chats.map((chat, n) => pacer.run(chat, async () => {
      const refused = left[chat] !== undefined;
      attempts.push({ chat, t: Date.now() - start, n, refused });
      if (refused) {
        const ms = left[chat] as number;
        delete left[chat];
        throw new TooMany(ms);
      }
    })));
    return { attempts, done };
  }

  it('holds back only the chat a 429 named, for retry_after, then sends the refused message again first', async () => {
    retryEvents.length = 0;
    const pacer = new SendPacer(TELEGRAM_LIMITS, undefined, retry());
    const sent = queueRefusing(pacer, ['a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'], { a: 2000 });
    await vi.runAllTimersAsync();
    const results = await sent.done;
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const a = sent.attempts.filter((x) => x.chat === 'a');
    // retry_after and the margin.
    expect(a.map((x) => [x.t, x.n, x.refused])).toEqual([[0, 0, true], [2050, 0, false], [2050, 1, false]]);
    // The others went on at their own pace while 'a' waited.
    expect(byChat(sent.attempts.filter((x) => x.chat !== 'a').map((x) => ({ chat: x.chat, t: x.t })))).toEqual({ b: [0, 0, 0, 1050], c: [0, 0, 0, 1050] });
    expect(retryEvents).toEqual([{ chatId: 'a', ms: 2000, scope: 'chat' }]);
  });

  it('keeps a chat\'s next message back for retry_after when its refused one is given up on', async () => {
    const pacer = new SendPacer(TELEGRAM_LIMITS, undefined, retry(0));
    const sent = queueRefusing(pacer, ['a', 'a', 'b'], { a: 3000 });
    await vi.runAllTimersAsync();
    const results = await sent.done;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(sent.attempts.map((x) => [x.chat, x.t, x.n])).toEqual([['a', 0, 0], ['b', 0, 2], ['a', 3050, 1]]);
  });

  it(`takes 429s in ${BOT_WIDE_429.chats} different chats within a second as the bot's: every chat waits`, async () => {
    retryEvents.length = 0;
    const pacer = new SendPacer(TELEGRAM_LIMITS, undefined, retry());
    const refused = queueRefusing(pacer, ['a', 'b', 'c'], { a: 1000, b: 1000, c: 1500 });
    await vi.advanceTimersByTimeAsync(10);
    const others = queue(pacer, ['d', 'e']);
    await vi.runAllTimersAsync();
    await refused.done;
    await others.done;
    // The third refusal (at 0, retry_after 1,500 ms) paused every chat until 1,550; 'd' and 'e' were queued at 10.
    expect(others.at).toEqual([1540, 1540]);
    expect(retryEvents.map((e) => e.scope)).toEqual(['chat', 'chat', 'bot']);
    expect(refused.attempts.filter((x) => !x.refused).map((x) => x.t)).toEqual([1550, 1550, 1550]);
  });

  it('does not take two chats refused together as the bot\'s', async () => {
    const pacer = new SendPacer(TELEGRAM_LIMITS, undefined, retry());
    const refused = queueRefusing(pacer, ['a', 'b'], { a: 1000, b: 1000 });
    await vi.advanceTimersByTimeAsync(10);
    const others = queue(pacer, ['d', 'e']);
    await vi.runAllTimersAsync();
    await refused.done;
    await others.done;
    expect(others.at).toEqual([0, 0]);
  });

  it('takes a 429 on a request that names no chat as the bot\'s', async () => {
    const pacer = new SendPacer(TELEGRAM_LIMITS);
    expect(pacer.limited(null, 2000)).toBe('bot');
    expect(pacer.limited('a', 1000)).toBe('chat');
    const sent = queue(pacer, ['b', 'c']);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toEqual([2050, 2050]);
  });
});

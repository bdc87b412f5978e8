import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendPacer, TELEGRAM_LIMITS } from '../../../adapters/telegram/send-pacer.ts';

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

  it('lets a short burst into one chat out at once, then one message a second', async () => {
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), ['7', '7', '7', '7', '7']);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('keeps all chats together under 30 messages a second', async () => {
    const chats = Array.from({ length: 45 }, (_, i) => `chat-${i}`);
    const sent = queue(new SendPacer(TELEGRAM_LIMITS), chats);
    await vi.runAllTimersAsync();
    await sent.done;
    expect(sent.at.filter((t) => t === 0)).toHaveLength(30);
    // The other 15 follow at the refill rate: about 34 ms apart, all within the next half second.
    expect(sent.at.at(-1)).toBeGreaterThanOrEqual(15 * 33);
    expect(sent.at.at(-1)).toBeLessThanOrEqual(15 * 34 + 15);
    for (let i = 31; i < sent.at.length; i += 1) expect((sent.at[i] ?? 0) - (sent.at[i - 1] ?? 0)).toBeGreaterThanOrEqual(33);
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
});

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
});

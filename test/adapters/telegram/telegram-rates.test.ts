// A morning's notifications through the real dispatcher, the real Telegram adapter and telegraf, to a
// loopback Bot API that refuses (429 + retry_after) anything over Telegram's published rates: with
// the adapter's own pacing nothing is refused and every message arrives, in order per chat; the same
// peer does refuse an adapter that does not pace, so the check can fail. A 429 in one chat holds
// back only that chat.
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../adapters/telegram/telegram-adapter.ts';
import { TELEGRAM_LIMITS } from '../../../adapters/telegram/send-pacer.ts';
import { notify } from '../../../core/outbox/notify.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { ChatAccount, Employee } from '../../../core/types.ts';
import { silentLogger } from '../../../bots/log.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';
import { BotApiPeer, TELEGRAM_RATES } from '../../helpers/bot-api-peer.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { fakeHost } from './fake-host.ts';

const chatOf = (e: Employee) => 8_000_000 + e.id;

/** `count` linked employees on Telegram, each with one notification queued, and the clerk with `clerkExtra` more. */
async function morning(store: MemoryStore, clock: FakeClock, count: number, clerkExtra: number): Promise<{ staff: Employee[]; clerk: Employee }> {
  const { clerk, so } = await seedSmallOffice(store);
  const staff = await store.transaction(async (tx) => {
    const out: Employee[] = [clerk];
    for (let i = 1; i < count; i++) {
      out.push(await tx.employees.create({
        code: `T${i}`, name: `कर्मचारी ${i}`, dob: '1980-01-01', post: 'लिपिक', postKey: null, mobile: `72000${String(i).padStart(5, '0')}`, email: null,
        sectionId: so.sectionId, reportingOfficerId: so.id, active: true, language: i % 2 === 0 ? 'en' : 'hi', preferredChannel: null, remindersMuted: false,
      }));
    }
    for (const e of out) {
      const account = await tx.accounts.create({ channel: 'telegram', address: String(chatOf(e)), displayName: null });
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
    }
    return out;
  });
  await store.transaction(async (tx) => {
    for (const [i, e] of staff.entries()) await notify(tx, clock, { employeeId: e.id, notification: { kind: 'pendency.report_ready', params: { day: '2026-11-25', total: i, over30: 0, disposed: 0 } } });
    for (let n = 1; n <= clerkExtra; n++) {
      await notify(tx, clock, { employeeId: clerk.id, notification: { kind: 'pendency.report_ready', params: { day: '2026-11-25', total: 1000 + n, over30: 0, disposed: 0 } } });
    }
  });
  return { staff, clerk };
}

/** `chats` linked employees on Telegram with `days` digests each queued at once, day by day; their texts carry "<day>/<employee>". */
async function digestsQueued(store: MemoryStore, clock: FakeClock, chats: number, days: number): Promise<Employee[]> {
  const { clerk, so } = await seedSmallOffice(store);
  const staff = await store.transaction(async (tx) => {
    const out: Employee[] = [clerk];
    for (let i = 1; i < chats; i++) {
      out.push(await tx.employees.create({
        code: `D${i}`, name: `कर्मचारी ${i}`, dob: '1980-01-01', post: 'लिपिक', postKey: null, mobile: `73000${String(i).padStart(5, '0')}`, email: null,
        sectionId: so.sectionId, reportingOfficerId: so.id, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
      }));
    }
    for (const e of out) {
      const account = await tx.accounts.create({ channel: 'telegram', address: String(chatOf(e)), displayName: null });
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
    }
    return out;
  });
  await store.transaction(async (tx) => {
    for (let day = 1; day <= days; day++) {
      for (const e of staff) {
        await notify(tx, clock, { employeeId: e.id, notification: { kind: 'pendency.report_ready', params: { day: `2026-11-2${day}`, total: day * 10_000 + e.id, over30: 0, disposed: 0 } } });
      }
    }
  });
  return staff;
}

/** The most sends in any 1,000 ms, as Telegram counts. */
function busiestSecond(at: number[]): number {
  let busiest = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while ((at[i] as number) - (at[j] as number) >= 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return busiest;
}

/**
 * A chat's pace as the peer's token bucket allows it: `burst` together, then one a second, so
 * messages i and j (j - i >= burst) are at least (j - i + 1 - burst) seconds apart.
 */
function expectChatPace(chat: string, at: number[], burst: number): void {
  for (let i = 0; i < at.length; i++) {
    for (let j = i + burst; j < at.length; j++) {
      expect((at[j] as number) - (at[i] as number), `chat ${chat}, messages ${i} and ${j}`).toBeGreaterThanOrEqual((j - i + 1 - burst) * 1000);
    }
  }
}

describe('Telegram delivery at Telegram\'s rates', () => {
  let peer: BotApiPeer | null = null;
  let adapter: TelegramAdapter | null = null;
  afterEach(async () => {
    await adapter?.stop();
    await peer?.close();
    adapter = null;
    peer = null;
  });

  async function start(limits = TELEGRAM_LIMITS, retries = 0): Promise<TelegramAdapter> {
    peer = await BotApiPeer.start();
    peer.enforceRates(TELEGRAM_RATES);
    adapter = new TelegramAdapter({ token: peer.token, apiRoot: peer.apiRoot, host: fakeHost().host, limits, retries, pollTimeoutSeconds: 1 });
    await adapter.start();
    return adapter;
  }

  it('delivers more than a second\'s worth to many chats with no 429, never over 30 in a second, each chat in order', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { staff, clerk } = await morning(store, clock, 40, 4);
    const telegram = await start();
    const dispatcher = new Dispatcher(store, clock, [telegram], silentLogger);

    const result = await dispatcher.runOnce(100);
    expect(result).toEqual({ delivered: 44, failed: 0, waiting: 0 });
    expect(peer!.refusedForRate).toEqual([]);
    for (const e of staff) expect(peer!.sentTo(chatOf(e)).length, e.code).toBeGreaterThanOrEqual(1);
    // The clerk's five arrive in the order they were queued.
    const clerkTotals = peer!.sentTo(chatOf(clerk)).map((m) => /(?:तैयार है|is ready): (\d+)/.exec(m.text ?? '')?.[1]);
    expect(clerkTotals).toEqual(['0', '1001', '1002', '1003', '1004']);
    const at = peer!.acceptedSends.map((s) => s.at);
    for (const t of at) expect(at.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(30);
    expect(await store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
  });

  it('is refused by the same peer when sending unpaced, so the limits are real', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    await morning(store, clock, 40, 0);
    const telegram = await start({ overallPerSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000, marginMs: 0 });
    const result = await new Dispatcher(store, clock, [telegram], silentLogger).runOnce(100);
    expect(peer!.refusedForRate.length).toBeGreaterThan(0);
    expect(result.failed).toBe(peer!.refusedForRate.length);
    // Refused ones wait for their retry; nothing is lost.
    expect(await store.transaction((tx) => tx.outbox.pendingCount())).toBe(result.failed);
  });

  it('delivers four days of digests queued at once, 224 messages to 56 chats, with no 429: each chat at its pace and in order, never over 30 in a second', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const staff = await digestsQueued(store, clock, 56, 4);
    const telegram = await start();
    const dispatcher = new Dispatcher(store, clock, [telegram], silentLogger);

    const t0 = performance.now();
    const result = await dispatcher.runOnce(250);
    const wallSeconds = (performance.now() - t0) / 1000;
    expect(result).toEqual({ delivered: 224, failed: 0, waiting: 0 });
    expect(peer!.refusedForRate).toEqual([]);
    const accepted = peer!.acceptedSends;
    expect(accepted).toHaveLength(224);
    const at = accepted.map((s) => s.at);
    expect(busiestSecond(at)).toBeLessThanOrEqual(TELEGRAM_RATES.perSecond);
    for (const e of staff) {
      const chat = String(chatOf(e));
      // Day by day, as queued.
      const totals = peer!.sentTo(chat).map((m) => Number(/(?:तैयार है|is ready): (\d+)/.exec(m.text ?? '')?.[1]));
      expect(totals, e.code).toEqual([1, 2, 3, 4].map((day) => day * 10_000 + e.id));
      expectChatPace(chat, accepted.filter((s) => s.chatId === chat).map((s) => s.at), TELEGRAM_RATES.perChatBurst);
    }
    expect(await store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
    const span = ((at.at(-1) as number) - (at[0] as number)) / 1000;
    console.log(`224 messages to 56 chats: ${((at.length - 1) / span).toFixed(1)} msg/s between the first and last accepted send, `
      + `${(at.length / wallSeconds).toFixed(1)} msg/s over the whole run (${wallSeconds.toFixed(2)} s), busiest second ${busiestSecond(at)}, `
      + `${peer!.refusedForRate.length} × 429`);
  });

  const account = (address: string): ChatAccount => ({ id: 1, channel: 'telegram', address, displayName: null, employeeId: 1, linkedAt: null, conversationRef: null });

  it('holds back only the chat a 429 names: the others are delivered meanwhile, and its message goes once, after retry_after, in order', async () => {
    const telegram = await start(TELEGRAM_LIMITS, 3);
    const chats = Array.from({ length: 8 }, (_, i) => String(9_100_000 + i));
    const named = chats[0] as string;
    peer!.rateLimitChat(named, 1, 2);
    await Promise.all(chats.flatMap((chat) => Array.from({ length: 5 }, (_, n) => telegram.send(account(chat), { text: `${chat} #${n + 1}` }))));

    expect(peer!.refusedAsAsked.map((r) => r.chatId)).toEqual([named]);
    const refusedAt = (peer!.refusedAsAsked[0] as { at: number }).at;
    // Nothing went early to the chat it named, nor over any limit.
    expect(peer!.refusedForRate).toEqual([]);
    for (const chat of chats.slice(1)) {
      // Its first three went as a burst; the fourth, which had to wait for the chat's pace, went while the named chat waited.
      const fourth = peer!.acceptedSends.filter((s) => s.chatId === chat)[3]?.at ?? NaN;
      expect(fourth > refusedAt && fourth < refusedAt + 2000, `chat ${chat}: 4th message at ${(fourth - refusedAt).toFixed(0)} ms after the 429`).toBe(true);
      expect(peer!.sentTo(chat).map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `${chat} #${n}`));
    }
    // The named chat: its refused message once, after the 2 s, then the rest in order.
    expect(peer!.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === named)).toHaveLength(6);
    expect(peer!.sentTo(named).map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `${named} #${n}`));
    const namedAt = peer!.acceptedSends.filter((s) => s.chatId === named).map((s) => s.at);
    expect(Math.min(...namedAt)).toBeGreaterThanOrEqual(refusedAt + 2000);
    expectChatPace(named, namedAt, TELEGRAM_RATES.perChatBurst);
  });

  it('is refused by the same peer when one chat gets more than its burst at once, so the per-chat limit is real', async () => {
    const telegram = await start({ overallPerSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000, marginMs: 0 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => telegram.send(account('9200001'), { text: `#${n}` })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(peer!.refusedForRate.map((r) => [r.chatId, r.why])).toEqual([['9200001', 'chat']]);
  });
});

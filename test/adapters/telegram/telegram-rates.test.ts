// A morning's notifications through the real dispatcher, the real Telegram adapter and telegraf, to a
// loopback Bot API that refuses (429 + retry_after) anything over Telegram's published rates: with
// the adapter's own pacing nothing is refused and every message arrives, in order per chat; the same
// peer does refuse an adapter that does not pace, so the check can fail.
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../adapters/telegram/telegram-adapter.ts';
import { TELEGRAM_LIMITS } from '../../../adapters/telegram/send-pacer.ts';
import { notify } from '../../../core/outbox/notify.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee } from '../../../core/types.ts';
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

describe('Telegram delivery at Telegram\'s rates', () => {
  let peer: BotApiPeer | null = null;
  let adapter: TelegramAdapter | null = null;
  afterEach(async () => {
    await adapter?.stop();
    await peer?.close();
    adapter = null;
    peer = null;
  });

  async function start(limits = TELEGRAM_LIMITS): Promise<TelegramAdapter> {
    peer = await BotApiPeer.start();
    peer.enforceRates(TELEGRAM_RATES);
    adapter = new TelegramAdapter({ token: peer.token, apiRoot: peer.apiRoot, host: fakeHost().host, limits, retries: 0, pollTimeoutSeconds: 1 });
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
});

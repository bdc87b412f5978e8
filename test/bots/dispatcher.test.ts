import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { notify } from '../../core/outbox/notify.ts';
import type { ChatAccount } from '../../core/types.ts';
import { backoffMs, Dispatcher, type ChannelSender } from '../../bots/outbox/dispatcher.ts';
import { silentLogger } from '../../bots/log.ts';
import type { Reply } from '../../bots/reply.ts';
import { FakeClock } from '../helpers/clock.ts';
import { seedSmallOffice } from '../helpers/office.ts';

class FlakySender implements ChannelSender {
  readonly channel = 'telegram';
  readonly delivered: { to: string; reply: Reply }[] = [];
  failuresLeft: number;

  constructor(failures: number) {
    this.failuresLeft = failures;
  }

  canReach(): boolean {
    return true;
  }

  async send(account: ChatAccount, reply: Reply): Promise<{ messageId: string }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('502 Bad Gateway');
    }
    this.delivered.push({ to: account.address, reply });
    return { messageId: `m${this.delivered.length}` };
  }
}

async function officeWithLinkedClerk(store: MemoryStore, clock: FakeClock) {
  const staff = await seedSmallOffice(store);
  await store.transaction(async (tx) => {
    const account = await tx.accounts.create({ channel: 'telegram', address: 'chat-20', displayName: null });
    await tx.accounts.update(account.id, { employeeId: staff.clerk.id, linkedAt: clock.now() });
  });
  return staff;
}

describe('the outbox dispatcher', () => {
  it('retries a failing channel with backoff and delivers later, remembering the sent message', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const staff = await officeWithLinkedClerk(store, clock);
    await store.transaction((tx) => notify(tx, clock, {
      employeeId: staff.clerk.id,
      notification: { kind: 'account.linked', params: { channel: 'whatsapp', at: 'now' }, subject: { type: 'file', id: 'EST-1/2026' } },
    }));
    const sender = new FlakySender(2);
    const dispatcher = new Dispatcher(store, clock, [sender], silentLogger);

    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, failed: 1 });
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, failed: 0 }); // not due yet
    clock.advance(backoffMs(1));
    expect(await dispatcher.runOnce()).toMatchObject({ failed: 1 });
    clock.advance(backoffMs(2));
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });
    expect(sender.delivered).toHaveLength(1);
    // Rendered in the clerk's language (Hindi) at delivery time.
    expect(sender.delivered[0]?.reply.text).toContain('सूचना');
    expect(await store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
    const sent = await store.transaction((tx) => tx.sentMessages.find('telegram', 'chat-20', 'm1'));
    expect(sent).toMatchObject({ subjectType: 'file', subjectId: 'EST-1/2026', employeeId: staff.clerk.id });
    // Delivered once only.
    clock.advanceMinutes(60);
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0 });
  });

  it('keeps a notification for an employee with no reachable chat, without counting failures', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const staff = await seedSmallOffice(store);
    await store.transaction((tx) => notify(tx, clock, { employeeId: staff.ddc.id, notification: { kind: 'account.linked', params: {} } }));
    const dispatcher = new Dispatcher(store, clock, [new FlakySender(0)], silentLogger);
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, waiting: 1 });
    // The DDC links a chat; the notification goes out on the next look.
    await store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'telegram', address: 'chat-ddc', displayName: null });
      await tx.accounts.update(account.id, { employeeId: staff.ddc.id, linkedAt: clock.now() });
    });
    clock.advanceMinutes(2);
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });
  });

  it('never sends a notification whose transaction rolled back', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const staff = await officeWithLinkedClerk(store, clock);
    await expect(store.transaction(async (tx) => {
      await notify(tx, clock, { employeeId: staff.clerk.id, notification: { kind: 'account.linked', params: {} } });
      throw new Error('the state change failed');
    })).rejects.toThrow('the state change failed');
    const sender = new FlakySender(0);
    expect(await new Dispatcher(store, clock, [sender], silentLogger).runOnce()).toMatchObject({ delivered: 0 });
    expect(sender.delivered).toHaveLength(0);
  });
});

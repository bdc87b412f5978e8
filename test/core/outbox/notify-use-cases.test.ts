// Queuing notifications (core/outbox/notify.ts) on the in-memory store: what the outbox holds for
// the dispatcher — to an employee's preferred chat, to one named chat only, or an answer already
// worded — and that nothing goes out unless the transaction that queued it commits. No I/O.
import { describe, expect, it } from 'vitest';
import { notify, notifyChat, notifyOtherChats, queueChatReply, type Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { ChatAccount } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const { clerk, so, phone, browser, oldChat, soChat } = await run(async (tx) => {
    const est = await tx.sections.create({ code: 'EST', name: 'स्थापना' });
    const person = (code: string, name: string, mobile: string) => tx.employees.create({
      code, name, post: 'लिपिक', postKey: 'CLERK', sectionId: est.id, dob: '1980-01-15', mobile, email: null,
      reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
    });
    const clerkRow = await person('SAH0020', 'मनोज कुमार', '9000000020');
    const soRow = await person('SAH0010', 'सुनीता देवी', '9000000010');
    const linked = async (channel: string, address: string, employeeId: number | null): Promise<ChatAccount> => {
      const account = await tx.accounts.create({ channel, address, displayName: null });
      return employeeId === null ? account : tx.accounts.update(account.id, { employeeId, linkedAt: clock.now() });
    };
    return {
      clerk: clerkRow, so: soRow,
      phone: await linked('telegram', '111', clerkRow.id),
      browser: await linked('web', 'tab-1', clerkRow.id),
      // A chat the clerk once had, since unlinked.
      oldChat: await linked('whatsapp', '919000000020', null),
      soChat: await linked('telegram', '222', soRow.id),
    };
  });
  return {
    store, clock, run, clerk, so, phone, browser, oldChat, soChat,
    /** The outbox as the dispatcher finds it at `at` (default: far ahead), payloads parsed. */
    outbox: async (at = new Date('2100-01-01T00:00:00Z')) => (await run((tx) => tx.outbox.due(at, 10_000))).map((o) => ({
      employeeId: o.employeeId, channel: o.channel, address: o.address, createdAt: o.createdAt, nextAttemptAt: o.nextAttemptAt,
      attempts: o.attempts, deliveredAt: o.deliveredAt, notification: JSON.parse(o.payload) as Notification,
    })),
  };
}

const received: Notification = {
  kind: 'file.received', params: { number: 'EST-1/2026', subject: 'सेवा पुस्तिका', from: 'मनोज कुमार', note: '' }, subject: { type: 'file', id: 'EST-1/2026' },
};

describe('notify', () => {
  it('queues the notification for the employee, as data, due at once, for whichever of their chats the dispatcher picks', async () => {
    const o = await office();
    await o.run((tx) => notify(tx, o.clock, { employeeId: o.so.id, notification: received }));
    const now = o.clock.now();
    expect(await o.outbox()).toEqual([{
      employeeId: o.so.id, channel: null, address: null, createdAt: now, nextAttemptAt: now, attempts: 0, deliveredAt: null, notification: received,
    }]);
    // Due now, not before: it goes out on the dispatcher's next round.
    expect(await o.outbox(new Date(now.getTime() - 1))).toEqual([]);
    expect(await o.outbox(now)).toHaveLength(1);
  });

  it('goes out only if the transaction that queued it commits', async () => {
    const o = await office();
    const failed = o.run(async (tx) => {
      await notify(tx, o.clock, { employeeId: o.so.id, notification: received });
      throw new Error('the file changed meanwhile');
    });
    await expect(failed).rejects.toThrow('the file changed meanwhile');
    expect(await o.outbox()).toEqual([]);
    expect(await o.run((tx) => tx.outbox.pendingCount())).toBe(0);
  });

  it('keeps each notification, in the order queued, with what it is about and any document', async () => {
    const o = await office();
    const circular: Notification = {
      kind: 'circular.issued', params: { number: 'SAH/C/2026/0001', text: 'बैठक' }, subject: { type: 'circular', id: 'SAH/C/2026/0001' },
      document: { blob: 'e'.repeat(64), filename: 'SAH-C-2026-0001.pdf', mime: 'application/pdf' },
    };
    await o.run(async (tx) => {
      await notify(tx, o.clock, { employeeId: o.so.id, notification: received });
      await notify(tx, o.clock, { employeeId: o.clerk.id, notification: circular });
    });
    expect((await o.outbox()).map((x) => [x.employeeId, x.notification])).toEqual([[o.so.id, received], [o.clerk.id, circular]]);
  });
});

describe('notifyChat and notifyOtherChats', () => {
  it('a security notice names the one chat it is for, with the employee it must still belong to', async () => {
    const o = await office();
    const notice: Notification = { kind: 'account.linked', params: { channel: 'web', at: '25-11-2026 11:00 IST' } };
    await o.run((tx) => notifyChat(tx, o.clock, { employeeId: o.clerk.id, chat: { channel: 'telegram', address: '111' }, notification: notice }));
    expect((await o.outbox()).map((x) => [x.employeeId, x.channel, x.address, x.notification])).toEqual([[o.clerk.id, 'telegram', '111', notice]]);
  });

  it('goes to each chat the employee has linked, except the one it is about, and says how many', async () => {
    const o = await office();
    const notice: Notification = { kind: 'account.link_requested', params: { channel: 'web', at: '25-11-2026 11:00 IST', destination: '••••0020' } };
    expect(await o.run((tx) => notifyOtherChats(tx, o.clock, { employeeId: o.clerk.id, exceptAccountId: o.browser.id, notification: notice }))).toBe(1);
    expect((await o.outbox()).map((x) => [x.channel, x.address])).toEqual([['telegram', '111']]);
    // Without an exception every linked chat hears it; a chat once linked and since unlinked does not, nor anyone else's.
    expect(await o.run((tx) => notifyOtherChats(tx, o.clock, { employeeId: o.clerk.id, exceptAccountId: null, notification: notice }))).toBe(2);
    const all = await o.outbox();
    expect(all.slice(1).map((x) => [x.employeeId, x.channel, x.address])).toEqual([[o.clerk.id, 'telegram', '111'], [o.clerk.id, 'web', 'tab-1']]);
    expect(all.some((x) => x.address === o.oldChat.address || x.address === o.soChat.address)).toBe(false);
  });

  it('an employee with no chat other than the one it is about is told nothing', async () => {
    const o = await office();
    const notice: Notification = { kind: 'account.linked', params: { channel: 'telegram', at: '25-11-2026 11:00 IST' } };
    expect(await o.run((tx) => notifyOtherChats(tx, o.clock, { employeeId: o.so.id, exceptAccountId: o.soChat.id, notification: notice }))).toBe(0);
    expect(await o.outbox()).toEqual([]);
  });
});

describe('queueChatReply', () => {
  it('queues an answer already worded for one chat, with its buttons, what it is about and its document', async () => {
    const o = await office();
    await o.run((tx) => queueChatReply(tx, o.clock, {
      employeeId: o.clerk.id, chat: { channel: 'telegram', address: '111' },
      reply: { text: 'Receipt SAH/R/2026/000001 diarised.', buttons: [{ label: 'New file', command: '/receipt.newfile SAH/R/2026/000001' }] },
      subject: { type: 'receipt', id: 'SAH/R/2026/000001' },
      document: { blob: 'f'.repeat(64), filename: 'SAH-R-2026-000001.pdf', mime: 'application/pdf' },
    }));
    expect(await o.outbox()).toMatchObject([{
      employeeId: o.clerk.id, channel: 'telegram', address: '111', nextAttemptAt: o.clock.now(),
      notification: {
        kind: 'reply', params: {},
        reply: { text: 'Receipt SAH/R/2026/000001 diarised.', buttons: [{ label: 'New file', command: '/receipt.newfile SAH/R/2026/000001' }] },
        subject: { type: 'receipt', id: 'SAH/R/2026/000001' },
        document: { blob: 'f'.repeat(64), filename: 'SAH-R-2026-000001.pdf', mime: 'application/pdf' },
      },
    }]);
  });

  it('to a chat whoever it belongs to (no employee), and nothing more than the text when that is all there is', async () => {
    const o = await office();
    await o.run((tx) => queueChatReply(tx, o.clock, { employeeId: null, chat: { channel: 'whatsapp', address: '919000000099' }, reply: { text: 'पहले जोड़ें: link SAH0042' } }));
    const [item] = await o.outbox();
    expect(item).toMatchObject({ employeeId: null, channel: 'whatsapp', address: '919000000099' });
    expect(item?.notification).toEqual({ kind: 'reply', params: {}, reply: { text: 'पहले जोड़ें: link SAH0042' } });
  });
});

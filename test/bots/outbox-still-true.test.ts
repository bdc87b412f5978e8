// Issue 18, item 4: a notification that is no longer true when it is delivered is dropped (the
// recipient acted on it themselves) or says what changed (someone else did), and a waiting one goes
// out as soon as its recipient has a reachable chat. On the in-memory store and on a real SQLite file.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../core/ports.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';
import type { ChatAccount } from '../../core/types.ts';
import { notify } from '../../core/outbox/notify.ts';
import { Dispatcher, type ChannelSender } from '../../bots/outbox/dispatcher.ts';
import { silentLogger } from '../../bots/log.ts';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { createTestStore } from '../helpers/sqlite.ts';

const scan = { filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)) };
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const STORES: [string, () => Promise<Store>][] = [
  ['MemoryStore', async () => new MemoryStore()],
  ['SQLite', async () => {
    const made = await createTestStore();
    cleanups.push(made.cleanup);
    return made.store;
  }],
];

async function office(store: Store): Promise<TestOffice> {
  const o = await makeOffice({ store });
  await o.linkAll();
  await o.store.transaction(async (tx) => {
    for (const e of Object.values(o.staff)) {
      for (const rule of DEFAULT_LEAVE_RULES.types.filter((t) => t.ledger && t.entitlement > 0)) {
        await tx.leaveLedger.add({ employeeId: e.id, year: 2026, type: rule.code, days: rule.entitlement, kind: 'opening', refId: null, note: null, at: o.clock.now() });
      }
    }
  });
  return o;
}

describe.each(STORES)('notifications checked when delivered: %s', (_name, makeStore) => {
  it('"file has come to you" is dropped when its recipient has already sent the file on; the next holder gets theirs', async () => {
    const o = await office(await makeStore());
    await o.say('SAH0021', 'Flood relief letter from CO Kahara', { attachments: [scan] });
    const number = /EST-\d+\/2026/.exec(joined(await o.say('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' })))?.[0] ?? '';
    await o.say('SAH0021', 'send to section officer');
    // The section officer's chat was closed: she finds the file in "my files" and sends it on before her notification goes out.
    expect(await o.text('SAH0010', 'my files')).toContain(number);
    expect(await o.text('SAH0010', `${number} DDC ko bhej do`)).toContain('Rakesh Kumar');
    const result = await o.dispatcher.runOnce();
    expect(result).toMatchObject({ delivered: 1, dropped: 1, waiting: 0, failed: 0 });
    expect(o.channel.to('SAH0010')).toEqual([]);
    expect(o.channel.lastTo('SAH0002').reply.text).toContain(`संचिका ${number} आपके पास आई — सुनीता देवी`);
    // Still true when delivered: delivered as it is, buttons and all.
    expect(o.channel.lastTo('SAH0002').reply.buttons?.map((b) => b.command)).toEqual([`/file.approve ${number}`, `/file.return ${number}`, `/file.sheet ${number}`]);
  });

  it('a leave application cancelled before the officer hears of it says so, without the buttons to decide it', async () => {
    const o = await office(await makeStore());
    await o.say('SAH0021', 'CL 2 days from 3 Dec, family function');
    await o.say('SAH0021', '', { action: '/leave.submit' });
    expect(await o.text('SAH0021', 'cancel my leave LV/2026/000001')).toMatch(/cancelled/);
    await o.deliver();
    const [applied, cancelled] = o.channel.to('SAH0010').map((d) => d.reply);
    // The officer reads Hindi: the application, then what changed, then the cancellation itself.
    expect(applied?.text).toContain('LV/2026/000001');
    expect(applied?.text).toContain('⚠ तब से स्थिति बदल गई: अब यह रद्द है।');
    expect(applied?.buttons).toBeUndefined();
    expect(cancelled?.text).toContain('LV/2026/000001');
  });

  it('a receipt put in a file by its recipient before the news arrives is not announced', async () => {
    const o = await office(await makeStore());
    await o.say('SAH0021', 'Survey report from Amin, Mahishi', { attachments: [scan] });
    expect(await o.text('SAH0021', 'send SAH/R/2026/000001 to SAH0020')).toMatch(/मनोज कुमार/);
    // Before the clerk's chat is reached, he finds the receipt in "my files" and opens a file for it.
    expect(await o.text('SAH0020', 'my files')).toContain('SAH/R/2026/000001');
    expect(joined(await o.say('SAH0020', '', { action: '/receipt.newfile SAH/R/2026/000001' }))).toMatch(/EST-\d+\/2026/);
    const result = await o.dispatcher.runOnce();
    expect(result.dropped).toBe(1);
    expect(o.channel.to('SAH0020').map((d) => d.reply.text).join('\n')).not.toContain('प्राप्ति SAH/R/2026/000001 आपके पास आई');
  });

  it('waits for a recipient with no reachable chat, and goes out as soon as one can be reached, not a minute later', async () => {
    const store = await makeStore();
    const o = await office(store);
    let open = false;
    const sent: string[] = [];
    const tab: ChannelSender = {
      channel: 'tab',
      canReach: () => open,
      send: async (_account: ChatAccount, reply: Reply) => {
        sent.push(reply.text);
        return { messageId: `tab-${sent.length}` };
      },
    };
    await store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'tab', address: 'ddc-tab', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.ddc.id, linkedAt: o.clock.now() });
      // The DDC's only chat is this one.
      const test = await tx.accounts.find('test', 'SAH0002');
      if (test !== null) await tx.accounts.update(test.id, { employeeId: null, linkedAt: null });
    });
    const dispatcher = new Dispatcher(store, o.clock, [tab], silentLogger);
    await store.transaction((tx) => notify(tx, o.clock, {
      employeeId: o.staff.ddc.id, notification: { kind: 'message.direct', params: { from: 'आनंद शर्मा', fromPost: 'जिलाधिकारी', text: 'meeting at 11' } },
    }));
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, waiting: 1 });
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, waiting: 0 });
    open = true;
    // The office clock has not moved: the minute's wait is not over, and it goes anyway.
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1 });
    expect(sent).toEqual([expect.stringContaining('meeting at 11')]);
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, waiting: 0 });
    expect(await store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
  });
});

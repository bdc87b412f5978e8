// The training walkthrough in the chat: every practice step through the real assistant, and the
// practice file never reaching pendency, reports or the real tables.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDigests } from '../../core/pendency/build-digests.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import { DEFAULT_SLA } from '../../core/pendency/pending-for.ts';
import { DEFAULT_CALENDAR } from '../../core/calendar/holidays.ts';
import type { Store, Tx } from '../../core/ports.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { createTestStore, type TestStore } from '../helpers/sqlite.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const photo = readFileSync(path.join(import.meta.dirname, '../fixtures/images/scan-portrait.jpg'));
const TODAY = '2026-11-25';

let sqlite: TestStore | undefined;
afterEach(async () => {
  await sqlite?.cleanup();
  sqlite = undefined;
});

async function sqliteOffice(): Promise<TestOffice> {
  sqlite = await createTestStore();
  const o = await makeOffice({ store: sqlite.store });
  await o.linkAll();
  return o;
}

/** Everything real that a walkthrough must not touch, and what pendency makes of it. */
async function realWorld(store: Store, o: TestOffice): Promise<string> {
  return store.transaction(async (tx) => {
    const people = Object.values(o.staff);
    const rows: unknown[] = [];
    for (const e of people) {
      rows.push(await tx.files.listByHolder(e.id, ['open', 'parked', 'closed']));
      rows.push(await tx.receipts.listByHolder(e.id, ['open', 'filed', 'closed']));
      rows.push(await tx.leave.listByEmployee(e.id, 100));
      rows.push(await tx.leave.listByHolder(e.id, ['pending', 'sanctioned', 'refused', 'returned', 'cancelled', 'curtailed']));
      const account = await tx.accounts.find('test', e.code);
      if (account !== null) rows.push(await tx.uploads.list(account.id));
    }
    rows.push(await buildDigests(tx, TODAY, { calendar: DEFAULT_CALENDAR, ...DEFAULT_SLA }));
    rows.push(await pendencyReport(tx, TODAY, DEFAULT_CALENDAR));
    return JSON.stringify(rows);
  });
}

async function events(store: Store): Promise<string[]> {
  return store.transaction(async (tx) => (await tx.audit.page(1, 10_000)).map((e) => e.type));
}

describe('training walkthrough', () => {
  it('walks a Hindi clerk through all six steps on the real store, and nothing of it reaches pendency, reports or the real tables', async () => {
    const o = await sqliteOffice();
    // Real work in the office, so that the digests and the report have something to say.
    await o.say('SAH0021', 'new file: Sonbarsa road repair estimate');
    await o.say('SAH0021', 'send to DDC');
    await o.deliver();
    const before = await realWorld(o.store, o);
    expect(before).toContain('Sonbarsa');

    const intro = await o.say('SAH0020', 'प्रशिक्षण');
    expect(joined(intro)).toContain('अभ्यास / practice');
    expect(joined(intro)).toContain('चरण 1/6');
    expect(intro.at(-1)?.buttons?.map((b) => b.command)).toEqual(['/training.skip', '/training.stop']);

    // 1: a scan, checked like a real upload; text instead gets the hint.
    expect(await o.text('SAH0020', 'नमस्ते')).toContain('फोटो या PDF');
    const bad = await o.text('SAH0020', '', { attachments: [{ filename: 'x.jpg', mime: 'image/jpeg', bytes: new Uint8Array([1, 2, 3, 4]) }] });
    expect(bad).toContain('फोटो या PDF');
    expect(bad).not.toContain('✔');
    const scanned = await o.text('SAH0020', '', { attachments: [{ filename: 'letter.jpg', mime: 'image/jpeg', bytes: photo }] });
    expect(scanned).toContain('अभ्यास-डायरी-1/2026');
    expect(scanned).toContain('चरण 2/6');

    // 2: a note, understood by the same language model as the real one.
    expect(await o.text('SAH0020', 'प्रारूप देखें')).toContain('टिप्पणी:');
    const noted = await o.text('SAH0020', 'टिप्पणी: प्रारूप उत्तर अवलोकनार्थ प्रस्तुत।');
    expect(noted).toContain('«प्रारूप उत्तर अवलोकनार्थ प्रस्तुत।»');
    expect(noted).toContain('अभ्यास-1/2026');

    // 3: moving the file: the addressee is found like the real forward, nothing is sent.
    const nobody = await o.text('SAH0020', 'बड़ा बाबू को भेजें');
    expect(nobody).toContain('"बड़ा बाबू"');
    expect(nobody).toContain('को भेजें — जैसे');
    const moved = await o.text('SAH0020', 'DDC को भेजें');
    expect(moved).toContain('Rakesh Kumar (उप विकास आयुक्त)');
    expect(moved).toContain('चरण 4/6');

    // 4: leave: the real preview (real sanctioning officer), nothing submitted.
    const leave = await o.text('SAH0020', 'कल से 2 दिन आकस्मिक अवकाश पारिवारिक कार्य हेतु');
    expect(leave).toMatch(/स्वीकृति: सुनीता देवी|असली में यह यहीं रुक जाता/);
    expect(leave).toContain('चरण 5/6');

    // 5: the practice "file received" comes as a message; approving needs a reply to it.
    await o.deliver();
    const practiceMessage = o.channel.lastTo('SAH0020');
    expect(practiceMessage.reply.text).toContain('अभ्यास-1/2026');
    expect(practiceMessage.reply.subject?.type).toBe('training');
    expect(await o.text('SAH0020', 'ठीक है, आगे बढ़ाएँ')).toContain('उत्तर (Reply) के रूप में नहीं आया');
    const approved = await o.text('SAH0020', 'ठीक है, आगे बढ़ाएँ', { replyToMessageId: practiceMessage.messageId });
    expect(approved).toContain('स्वीकृत (अभ्यास)');
    expect(approved).toContain('चरण 6/6');

    // 6: a real OTP of purpose "practice" to the roll's mobile; nothing is signed.
    expect(await o.text('SAH0020', 'बाद में')).toContain('सहमति');
    const sent = await o.text('SAH0020', '', { action: '/training.consent' });
    expect(sent).toContain('अभ्यास OTP भेजा गया');
    expect(o.otp.sent.at(-1)?.purpose).toBe('practice');
    expect(o.otp.sent.at(-1)?.to.address).toBe('9000000020');
    const code = o.otp.lastCode();
    const wrong = code === '111111' ? '222222' : '111111';
    expect(await o.text('SAH0020', wrong)).toMatch(/OTP|गलत/);
    const done = await o.text('SAH0020', code);
    expect(done).toContain('बधाई हो');

    const progress = await o.store.transaction((tx) => tx.training.get(o.staff.clerk.id));
    expect(progress?.steps).toEqual(['scan', 'note', 'move', 'leave', 'approve', 'sign']);
    expect(progress?.completedAt).not.toBeNull();
    const types = await events(o.store);
    expect(types.filter((t) => t === 'training.started')).toHaveLength(1);
    expect(types.filter((t) => t === 'training.completed')).toHaveLength(1);
    expect(types).not.toContain('signature.applied');

    const after = await realWorld(o.store, o);
    expect(after).toBe(before);
    expect(after).not.toMatch(/PRACTICE|अभ्यास/);
    // Once over, the chat is back to real work.
    expect(await o.text('SAH0020', 'मेरी फाइलें')).not.toContain('अभ्यास / practice');
  }, 60_000);

  it('speaks English to an English user and accepts a reply to the practice message', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const intro = await o.text('SAH0021', 'help me learn');
    expect(intro).toContain('Step 1/6 — forward a scan');
    expect(intro).toContain('(अभ्यास / practice)');
    expect(await o.text('SAH0021', 'hello')).toContain('not text');
    expect(await o.text('SAH0021', '', { attachments: [{ filename: 'a.jpg', mime: 'image/jpeg', bytes: photo }] })).toContain('PRACTICE-DIARY-1/2026');
    expect(await o.text('SAH0021', 'note: Draft reply put up for approval.')).toContain('Note 1 added to the practice file PRACTICE-1/2026');
    expect(await o.text('SAH0021', 'send to SO')).toContain('सुनीता देवी');
    expect(await o.text('SAH0021', 'leave please')).toContain('CL 2 days from tomorrow');
    expect(await o.text('SAH0021', 'CL 2 days from tomorrow for family function')).toContain('Step 5/6');
    await o.deliver();
    const message = o.channel.lastTo('SAH0021');
    expect(message.reply.text).toContain('File PRACTICE-1/2026 has reached you');
    expect(await o.text('SAH0021', 'approved', { replyToMessageId: message.messageId })).toContain('Step 6/6');
    expect(await o.text('SAH0021', 'yes')).toContain('practice OTP has been sent');
    expect(await o.text('SAH0021', o.otp.lastCode())).toContain('Congratulations');
    // No real file, receipt or leave was made for her.
    const mine = await o.store.transaction(async (tx) => [
      ...(await tx.files.listByHolder(o.staff.clerkEn.id, ['open', 'parked', 'closed'])),
      ...(await tx.receipts.listByHolder(o.staff.clerkEn.id, ['open', 'filed', 'closed'])),
      ...(await tx.leave.listByEmployee(o.staff.clerkEn.id, 10)),
    ]);
    expect(mine).toEqual([]);
  }, 60_000);

  it('stops and resumes at the first step not done, with progress kept', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'training');
    await o.say('SAH0021', '', { attachments: [{ filename: 'a.jpg', mime: 'image/jpeg', bytes: photo }] });
    await o.say('SAH0021', 'note: seen');
    const stopped = await o.text('SAH0021', 'stop training');
    expect(stopped).toContain('2 of 6 steps done');
    // Out of training, a note is real work again (and here there is no file to put it on).
    expect(await o.text('SAH0021', 'note: seen')).not.toContain('practice');
    const resumed = await o.text('SAH0021', 'training');
    expect(resumed).toContain('Welcome back');
    expect(resumed).toContain('Step 3/6');
    // Skipping a step leaves it open; the round ends with it named.
    for (let i = 0; i < 3; i += 1) await o.say('SAH0021', '', { action: '/training.skip' });
    const last = await o.text('SAH0021', '', { action: '/training.skip' });
    expect(last).toContain('2 of 6 steps done');
    expect(last).toContain('move the file');
    const progress = await o.store.transaction((tx) => tx.training.get(o.staff.clerkEn.id));
    expect(progress?.steps).toEqual(['scan', 'note']);
    expect(progress?.completedAt).toBeNull();
    expect(await o.text('SAH0021', 'training')).toContain('Step 3/6');
    expect(await o.text('SAH0021', 'प्रशिक्षण बंद करें')).toContain('2 of 6');
    expect(await o.text('SAH0021', '', { action: '/training.skip' })).toContain('Training has not started');
  }, 60_000);

  it('answers real-looking typed commands inside training with the way out, and lets a real reply leave it', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'new file: Sonbarsa road repair estimate');
    await o.say('SAH0021', 'send to SO');
    await o.deliver();
    const real = o.channel.lastTo('SAH0010');
    await o.say('SAH0010', 'training');
    const typed = await o.text('SAH0010', 'मेरी फाइलें');
    expect(typed).toContain('प्रशिक्षण बंद करें');
    expect(typed).toContain('फोटो या PDF');
    // A reply to the real file's message is real work: done for real, training set aside.
    const answer = await o.text('SAH0010', 'स्वीकृत', { replyToMessageId: real.messageId });
    expect(answer).not.toContain('अभ्यास / practice');
    // …and the user is told the walkthrough was set aside, and how to carry on.
    expect(answer).toContain('प्रशिक्षण रोका गया ताकि यह असली काम हो सके');
    expect(await o.text('SAH0010', 'my files')).not.toContain('प्रशिक्षण रोका गया');
    const file = await o.store.transaction(async (tx) => (await tx.files.listByHolder(o.staff.clerkEn.id, ['open']))[0]);
    expect(file?.subject).toBe('Sonbarsa road repair estimate');
    expect(await o.text('SAH0010', 'training')).toContain('फिर से स्वागत है');
  }, 60_000);

  it('leaves a real signing OTP alone and costs other messages no training write', async () => {
    const o = await makeOffice();
    await o.linkAll();
    // Not in training: a 6-digit code is the real signing path's (nothing to sign here).
    expect(await o.text('SAH0021', '123456')).not.toContain('practice');
    expect(await o.store.transaction((tx) => tx.training.list())).toEqual([]);
    expect(await o.text('SAH0021', 'stop training')).toContain('Training has not started');
  });

  it('does not let an unlinked chat train', async () => {
    const o = await makeOffice();
    const answer = await o.text('stranger', 'training');
    expect(answer).toContain('link');
    expect(answer).not.toContain('practice');
    expect(await o.store.transaction((tx) => tx.training.list())).toEqual([]);
  });

  it('offers a choice when the addressee is more than one person, like the real forward', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0010', 'प्रशिक्षण');
    await o.say('SAH0010', '', { action: '/training.skip' });
    await o.say('SAH0010', '', { action: '/training.skip' });
    const asked = await o.say('SAH0010', 'लिपिक को भेजें');
    const choices = asked[0]?.buttons?.filter((b) => b.command.startsWith('/training.to ')) ?? [];
    expect(choices.map((b) => b.command).sort()).toEqual(['/training.to SAH0020', '/training.to SAH0021']);
    const chosen = await o.text('SAH0010', '', { action: '/training.to SAH0021' });
    expect(chosen).toContain('Priya Singh (Clerk)');
    expect(chosen).toContain('चरण 4/6');
  });

  it('resumes from the kept progress after the chat state has expired', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'training');
    await o.say('SAH0021', '', { attachments: [{ filename: 'a.jpg', mime: 'image/jpeg', bytes: photo }] });
    o.clock.advanceMinutes(26 * 60);
    // The walkthrough is no longer on: a note is not practice now…
    expect(await o.text('SAH0021', 'note: later')).not.toContain('practice');
    // …and "training" picks up at the first step not done.
    const back = await o.text('SAH0021', 'training');
    expect(back).toContain('Welcome back');
    expect(back).toContain('Step 2/6');
  });

  it('costs a message that is not for training no training storage call', async () => {
    const calls: string[] = [];
    const inner = new MemoryStore();
    const counted = (tx: Tx): Tx => new Proxy(tx, {
      get(target, prop, receiver) {
        const repo = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'training' && prop !== 'conversations') return repo;
        return new Proxy(repo as object, { get: (r, method) => { calls.push(`${String(prop)}.${String(method)}`); return Reflect.get(r, method) as unknown; } });
      },
    });
    const store: Store = { transaction: (work) => inner.transaction((tx) => work(counted(tx))), close: () => inner.close() };
    const o = await makeOffice({ store });
    await o.linkAll();
    calls.length = 0;
    await o.say('SAH0021', 'my files');
    await o.say('SAH0021', 'status EST-1/2026');
    expect(calls.filter((c) => c.startsWith('training.'))).toEqual([]);
    // The chat state is read once per message at most, shared with the router.
    expect(calls.filter((c) => c === 'conversations.get').length).toBeLessThanOrEqual(2);
    calls.length = 0;
    await o.say('SAH0021', 'training');
    expect(calls).toContain('training.get');
  });

  it('in the terminal chat, which has no Reply, a plain "approved" answers the practice message', async () => {
    const o = await makeOffice();
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'terminal', address: 'console', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.clerkEn.id, linkedAt: o.clock.now() });
    });
    let n = 0;
    const say = async (text: string, action?: string) => (await o.assistant.handle({
      channel: 'terminal', chatId: 'console', messageId: `t${(n += 1)}`, ...(action === undefined ? { text } : { action }),
    })).map((r) => r.text).join('\n');
    expect(await say('training')).toContain('/send <path to a file>');
    for (let i = 0; i < 4; i += 1) await say('', '/training.skip');
    expect(await say('', '/training.resend')).toContain('This chat has no Reply');
    expect(await say('approved')).toContain('Step 6/6');
  });
});


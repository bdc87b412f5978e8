// The reminder at a circular's ack-by time goes out exactly once, even when two processes on one
// SQLite file run the job at the same moment, and again after a restart. The second store lives in
// a child process (better-sqlite3 waits for a lock synchronously, which would block this one).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { SqlStore } from '../../adapters/storage/sql-store.ts';
import { runCircularReminders } from '../../bots/jobs/circular-reminders.ts';
import { DEFAULT_CIRCULAR_POLICY, sendCircular } from '../../core/messaging/send-circular.ts';
import { seedSmallOffice } from '../helpers/office.ts';
import { freshDatabaseFile } from '../helpers/sqlite.ts';
import { FakeClock } from '../helpers/clock.ts';

const CIRCULARS = 12;
const STAFF = 40;
const LATER = '2026-11-26T06:00:00.000Z';
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => { await cleanup?.(); cleanup = undefined; });

describe('circular reminders from two processes on one SQLite file', () => {
  it('remind each non-acknowledger of each circular exactly once between them', async () => {
    const file = freshDatabaseFile();
    let store: SqlStore = await openStore({ file });
    cleanup = async () => { await store.close(); fs.rmSync(path.dirname(file), { recursive: true, force: true }); };
    const staff = await seedSmallOffice(store);
    const clock = new FakeClock();
    const { id: _id, ...clerkData } = staff.clerk;
    await store.transaction(async (tx) => {
      for (let i = 0; i < STAFF; i++) {
        const clerk = await tx.employees.create({ ...clerkData, code: `SAH1${String(i).padStart(3, '0')}`, mobile: `91${String(i).padStart(8, '0')}`, email: null, name: `Clerk ${i}` });
        const account = await tx.accounts.create({ channel: 'test', address: clerk.code, displayName: null });
        await tx.accounts.update(account.id, { employeeId: clerk.id, linkedAt: clock.now() });
      }
    });
    for (let n = 0; n < CIRCULARS; n++) {
      await store.transaction(async (tx) => {
        const sent = await sendCircular(tx, clock, {
          from: staff.ddc, audience: { kind: 'sections', codes: ['EST'] }, text: `circular ${n}`, notice: false, ackBy: null,
          pdfBlob: null, policy: DEFAULT_CIRCULAR_POLICY, office: 'SAH',
        });
        if (!sent.ok) throw new Error(sent.failure.code);
        // Every fourth clerk has acknowledged.
        const rows = await tx.circulars.recipients(sent.value.circular.id);
        for (const row of rows.filter((_r, i) => i % 4 === 0)) await tx.circulars.markFirst(sent.value.circular.id, row.employeeId, 'ackAt', clock.now());
      });
    }
    const recipients = STAFF + 3; // the clerks, plus the seeded section officer and two clerks of EST
    // By employee id the section officer comes first (acknowledged); the two seeded clerks have no
    // linked chat, so they are not reminded (the status names them).
    const open = recipients - Math.ceil(recipients / 4) - 2;

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'circular-reminder-process.ts'), file, LATER], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout });
    const next = () => new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the second process exited (${code})`)));
    });
    expect(await next()).toBe('ready');
    const theirs = next();
    child.stdin.write('go\n');
    const mine = await runCircularReminders({ store, clock: new FakeClock(LATER), afterCircular: pause }).catch((error: unknown) => ({ error: String(error), reminded: 0, circulars: [] }));
    const other = JSON.parse(await theirs) as { reminded?: number; error?: string };
    console.info(`concurrent circular reminders: this process reminded ${mine.reminded}, the other ${other.reminded ?? other.error}`);

    // A restart (a fresh store on the same file) finds nothing left to do, or finishes what a lost race left.
    await store.close();
    store = await openStore({ file });
    const after = await runCircularReminders({ store, clock: new FakeClock(LATER) });
    expect(mine.reminded + (other.reminded ?? 0) + after.reminded).toBe(open * CIRCULARS);
    expect((await runCircularReminders({ store, clock: new FakeClock(LATER) })).reminded).toBe(0);

    const outbox = await store.transaction((tx) => tx.outbox.due(new Date('2100-01-01'), 100_000));
    const perRecipient = new Map<string, number>();
    for (const item of outbox) {
      const n = JSON.parse(item.payload) as { kind: string; params: { number: string } };
      if (n.kind === 'circular.issued') continue;
      const key = `${item.employeeId}:${n.kind}:${n.params.number}`;
      perRecipient.set(key, (perRecipient.get(key) ?? 0) + 1);
    }
    expect([...perRecipient.entries()].filter(([k]) => k.includes('circular.reminder'))).toHaveLength(open * CIRCULARS);
    expect([...perRecipient.entries()].filter(([k]) => k.includes('circular.summary'))).toHaveLength(CIRCULARS);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const events = await store.transaction((tx) => tx.audit.page(1, 10_000));
    expect(events.filter((e) => e.type === 'circular.reminded')).toHaveLength(CIRCULARS);
  }, 60_000);
});

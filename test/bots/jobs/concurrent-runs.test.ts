// Two processes, each with its own store on ONE SQLite file, start the same morning's run at the
// same moment: every recipient gets exactly one digest. The second store lives in a child process
// because better-sqlite3 waits for a lock synchronously: in one thread, the waiting store would block
// the event loop the holding one needs to finish.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../adapters/storage/open-store.ts';
import type { SqlStore } from '../../../adapters/storage/sql-store.ts';
import { runDailyDigest } from '../../../bots/jobs/daily-digest.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { freshDatabaseFile } from '../../helpers/sqlite.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { PendingWriter, POLICY } from '../../core/pendency/pending-office.ts';

const DAY = '2026-11-25';
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const STAFF = 60;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => { await cleanup?.(); cleanup = undefined; });

describe('two processes running the same morning on one SQLite file', () => {
  it('queue each recipient\'s digest exactly once between them', async () => {
    const file = freshDatabaseFile();
    const store: SqlStore = await openStore({ file });
    cleanup = async () => { await store.close(); fs.rmSync(path.dirname(file), { recursive: true, force: true }); };
    const staff = await seedSmallOffice(store);
    const w = new PendingWriter(store);
    // Enough recipients for the two runs to interleave: a clerk each under the section officer.
    const { id: _id, ...clerkData } = staff.clerk;
    for (let i = 0; i < STAFF; i++) {
      const clerk = await store.transaction((tx) => tx.employees.create({
        ...clerkData, code: `SAH1${String(i).padStart(3, '0')}`, mobile: `91${String(i).padStart(8, '0')}`, email: null, name: `Clerk ${i}`,
      }));
      await w.file(clerk, `EST-${100 + i}/2026`, i % 2 === 0 ? '2026-11-02' : '2026-11-24');
    }

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'digest-process.ts'), file, DAY], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout });
    const next = () => new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the second process exited (${code})`)));
    });
    expect(await next()).toBe('ready');
    const theirs = next();
    child.stdin.write('go\n');
    const mine = await runDailyDigest({ store, clock: new FakeClock('2026-11-25T04:30:00.000Z'), policy: POLICY, reportRecipients: [], afterSend: pause }, { day: DAY, dryRun: false });
    const other = JSON.parse(await theirs) as { sent: number; alreadySent: number };
    if (!mine.ran) throw new Error('a working day');

    // STAFF clerks + their section officer (team) + the Collector's report note.
    const expected = STAFF + 2;
    expect(mine.sent + other.sent).toBe(expected);
    expect(mine.sent + mine.alreadySent).toBe(expected);
    const outbox = await store.transaction((tx) => tx.outbox.due(new Date('2100-01-01'), 10_000));
    const perRecipient = new Map<string, number>();
    for (const item of outbox) {
      const key = `${item.employeeId}:${(JSON.parse(item.payload) as { kind: string }).kind}`;
      perRecipient.set(key, (perRecipient.get(key) ?? 0) + 1);
    }
    expect(outbox).toHaveLength(expected);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(await store.transaction((tx) => tx.jobs.deliveries('pendency-digest', DAY))).toBe(STAFF + 1);
    expect((await store.transaction((tx) => tx.jobs.find('pendency-digest', DAY)))?.status).toBe('done');
    // Both runs did part of the work (the pause after each send makes them overlap), so the claims,
    // not one run finishing first, are what kept it to once.
    expect(Math.min(mine.sent, other.sent)).toBeGreaterThan(0);
    console.info(`concurrent digest runs: this process queued ${mine.sent}, the other ${other.sent}`);
  }, 60_000);
});

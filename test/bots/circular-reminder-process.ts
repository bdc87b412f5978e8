// A second Daftar process for the circular reminder test: opens its own store on the given SQLite
// file, says "ready", waits for "go" on stdin, runs the reminder job once, prints its result as JSON.
import { once } from 'node:events';
import { openStore } from '../../adapters/storage/open-store.ts';
import { runCircularReminders } from '../../bots/jobs/circular-reminders.ts';
import { FakeClock } from '../helpers/clock.ts';

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

const [file, at] = process.argv.slice(2);
if (file === undefined || at === undefined) throw new Error('usage: circular-reminder-process.ts <db file> <iso time>');
const store = await openStore({ file });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
try {
  const run = await runCircularReminders({ store, clock: new FakeClock(at), afterCircular: pause });
  process.stdout.write(`${JSON.stringify({ reminded: run.reminded, circulars: run.circulars.length })}\n`);
} catch (error) {
  // A lost race may end in SQLITE_BUSY: the job logs it and the next minute's run starts clean.
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message.slice(0, 200) : String(error) })}\n`);
}
await store.close();
process.stdin.destroy();

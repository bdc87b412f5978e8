// A second Daftar process for the concurrency test: opens its own store on the given SQLite file,
// says "ready", waits for "go" on stdin, runs the morning digest, prints its result as JSON.
import { once } from 'node:events';
import { openStore } from '../../../adapters/storage/open-store.ts';
import { runDailyDigest } from '../../../bots/jobs/daily-digest.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { POLICY } from '../../core/pendency/pending-office.ts';

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

const [file, day] = process.argv.slice(2);
if (file === undefined || day === undefined) throw new Error('usage: digest-process.ts <db file> <day>');
const store = await openStore({ file });
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const result = await runDailyDigest({ store, clock: new FakeClock('2026-11-25T04:30:00.000Z'), policy: POLICY, reportRecipients: [], afterSend: pause }, { day, dryRun: false });
process.stdout.write(`${JSON.stringify(result.ran ? { sent: result.sent, alreadySent: result.alreadySent } : null)}\n`);
await store.close();
process.stdin.destroy();

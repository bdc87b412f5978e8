// `daftar remind [--dry-run] [--date YYYY-MM-DD]`: the morning pendency digest by hand. A dry run
// prints who would get what (in English, one block per recipient) and writes nothing; a real run
// queues the digests in the outbox, once per recipient and day, for the server's dispatcher to send.
import { performance } from 'node:perf_hooks';
import { isIsoDate } from '../../core/calendar/dates.ts';
import type { Clock } from '../../core/ports.ts';
import { istDate, systemClock } from '../../core/time.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { Config } from '../../bots/config.ts';
import { silentLogger } from '../../bots/log.ts';
import { seedDemoOffice } from '../demo.ts';
import { runDailyDigest } from '../../bots/jobs/daily-digest.ts';
import { digestDepsFrom } from '../digest-deps.ts';
import { digestText, ptext } from '../../bots/messages/pendency-texts.ts';

export async function runRemind(config: Config, options: { dryRun: boolean; date?: string }, out: NodeJS.WritableStream, clock: Clock = systemClock): Promise<number> {
  const day = options.date ?? istDate(clock.now());
  if (!isIsoDate(day)) {
    out.write(`--date: expected a date as YYYY-MM-DD, got "${day}"\n`);
    return 2;
  }
  const store = await openStore(config.database);
  try {
    if (config.demo) await seedDemoOffice(store, clock, silentLogger);
    const started = performance.now();
    const result = await runDailyDigest(digestDepsFrom(config, store, clock), { day, dryRun: options.dryRun });
    const ms = Math.round(performance.now() - started);
    if (!result.ran) {
      out.write(`${day} is not a working day (Sunday, second Saturday or a listed holiday): no digests.\n`);
      return 0;
    }
    if (options.dryRun) {
      for (const { employee, data } of result.digests) {
        out.write(`── ${employee.name}, ${employee.post} (${employee.code}) · reads ${employee.language === 'hi' ? 'Hindi' : 'English'}\n`);
        out.write(`${digestText(data, 'en')}\n\n`);
      }
      const { summary, recipients } = result.report;
      for (const employee of recipients) {
        out.write(`── ${employee.name}, ${employee.post} (${employee.code}) · report note\n`);
        out.write(`${ptext('reportReady', 'en', { day, ...summary })}\n\n`);
      }
      out.write(`Dry run for ${day}: ${result.digests.length} digest(s) and ${recipients.length} report note(s) would be queued; nothing was written (${ms} ms).\n`);
      if (result.resumed) out.write('A run for this day exists already: recipients it reached would be skipped.\n');
      return 0;
    }
    out.write(`${day}: queued ${result.sent} message(s)${result.alreadySent > 0 ? `; ${result.alreadySent} had been queued earlier today and were skipped` : ''} (${ms} ms).\n`);
    out.write('They are delivered by the outbox dispatcher of the running server (`daftar start`), not by this command.\n');
    return 0;
  } finally {
    await store.close();
  }
}

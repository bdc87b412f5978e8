// `daftar report pendency --out report.pdf`: the Collector's pendency report as of today (IST).
import { writeFile } from 'node:fs/promises';
import type { Clock } from '../../core/ports.ts';
import { istDate, systemClock } from '../../core/time.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import { turnTakingReads } from '../../bots/jobs/daily-digest.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import { PdfRenderer } from '../../adapters/pdf/pdf-renderer.ts';
import type { Config } from '../../bots/config.ts';
import { silentLogger } from '../../bots/log.ts';
import { seedDemoOffice } from '../demo.ts';
import { deadlineRulesFrom, leavePolicyFrom } from '../office-rules.ts';

export async function runReportPendency(config: Config, file: string, out: NodeJS.WritableStream, clock: Clock = systemClock): Promise<number> {
  const calendar = leavePolicyFrom(config).calendar;
  const store = await openStore(config.database);
  try {
    if (config.demo) await seedDemoOffice(store, clock, silentLogger);
    const today = istDate(clock.now());
    // Read in short transactions, so that a running server's chat is not held up meanwhile.
    const report = await pendencyReport(turnTakingReads(store), today, calendar, undefined, undefined, config.office.name, {
      now: clock.now(), rules: deadlineRulesFrom(config),
    });
    await writeFile(file, await new PdfRenderer(clock).pendencyReport(report));
    const t = report.totals;
    out.write(`${file}: pendency as on ${report.asOn}: ${t.total} pending (${t.buckets[4]} over 30 working days) in ${report.bySection.length} section(s); `
      + `${report.disposedLast7Days.reduce((n, d) => n + d.count, 0)} disposed of in the last 7 days.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

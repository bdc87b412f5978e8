// `daftar start` (npm start): migrate, seed the demo office into an empty database, start the
// configured channels — by default the local web chat on http://127.0.0.1:3978 — and the outbox.
import { performance } from 'node:perf_hooks';
import { describeLocation } from '../../adapters/storage/open-store.ts';
import type { Config } from '../../bots/config.ts';
import { consoleLogger } from '../../bots/log.ts';
import { openDaftar } from '../main.ts';
import { scheduleDailyDigest } from '../../bots/jobs/schedule.ts';
import { digestDepsFrom } from '../digest-deps.ts';
import { scheduleCircularReminders } from '../../bots/jobs/circular-reminders.ts';
import { reportRequestsSettled } from '../../bots/commands/pendency.ts';
import { startScanReader } from './background.ts';
import { scheduleAuditAnchors } from '../../bots/jobs/audit-anchor.ts';
import { anchorFileFor, appendAnchor } from '../../adapters/audit/anchor-file.ts';

export async function runStart(config: Config): Promise<number> {
  const started = performance.now();
  const log = consoleLogger(config.logLevel);
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const daftar = await openDaftar(config, { log });
  const { staff, sections, sample } = await daftar.store.transaction(async (tx) => {
    const all = await tx.employees.list({ activeOnly: true });
    return { staff: all.length, sections: (await tx.sections.list()).length, sample: all.slice(0, 3) };
  });
  const { live, failed } = await daftar.startChannels();
  daftar.dispatcher.start();
  daftar.dispatcher.kick();
  const digest = scheduleDailyDigest(digestDepsFrom(config, daftar.store, daftar.clock, () => daftar.dispatcher.kick()), { time: config.reminders.time, log });
  const anchorFile = anchorFileFor(config.database, config.dataDir);
  const anchors = scheduleAuditAnchors({
    store: daftar.store, clock: daftar.clock, time: config.reminders.time, log,
    sink: { where: anchorFile, append: (anchor) => appendAnchor(anchorFile, anchor) },
  });
  const circulars = scheduleCircularReminders({ store: daftar.store, clock: daftar.clock, log, kick: () => daftar.dispatcher.kick() });
  const scans = await startScanReader(config, daftar, log);
  print(`Daftar is ready (${Math.round(performance.now() - started)} ms): ${describeLocation(config.database)}, ${staff} staff in ${sections} sections.`);
  print(`Channels live: ${live.length > 0 ? live.join(', ') : 'none'}${failed.length > 0 ? `; failed: ${failed.join(', ')} (see the lines above)` : ''}.`);
  if (sample[0] !== undefined) print(`Terminal chat: npx daftar chat --as ${sample[0].code}   (e.g. ${sample.map((e) => `${e.code} ${e.name}`).join(', ')})`);
  print(`Pendency digest: every working day at ${config.reminders.time} IST.`);
  print(`Audit trail: anchored in ${anchorFile} now and daily at ${config.reminders.time} IST; check it with daftar audit verify.`);
  for (const line of [...circulars.lines, ...scans.lines]) print(line);
  print('Stop with Ctrl-C.');
  // The PDF worker starts now rather than on the first scanned page, which would otherwise wait for it.
  void daftar.renderer.checkPdf(new Uint8Array(0)).catch((error: unknown) => log.warn(`PDF worker: ${String(error)}`));

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  print('Stopping…');
  await digest.stop();
  await anchors.stop();
  await circulars.stop();
  await scans.stop();
  // A pendency report being built for someone is let finish (it is queued in the outbox), for 30 s at most.
  await Promise.race([reportRequestsSettled(), new Promise((resolve) => { setTimeout(resolve, 30_000).unref(); })]);
  await daftar.close();
  return 0;
}

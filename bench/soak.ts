// `--soak [minutes]` (default 10): the assistant at a fixed rate (--rate, default 200 msg/s) for that
// long, as one open loop, printing this process's memory and the minute's latencies every minute
// (figure `soak.minute`), then `soak`: the memory at the start and the end, both measured the same
// way (after a full GC and a second of quiet), and their difference. Growth is what stays after the
// load stops; RSS under load is printed every minute to show whether it climbs.
//
// A soak sends more operations than the office has open files: they are used again (workload.ts,
// reuseFiles), and each receipt's page is a new letter unless --same-page.
import type { StoreLocation } from '../adapters/storage/open-store.ts';
import type { LanguageModel } from '../bots/language/index.ts';
import { quantile } from './assistant.ts';
import { openRig, type RigOptions } from './instrumented.ts';
import { idleRssMiB } from './load.ts';
import { Workload, type Operation } from './workload.ts';

export interface SoakOptions {
  location: StoreLocation;
  officeFile: string;
  seed: number;
  image: 'jpeg' | 'png';
  language: LanguageModel;
  minutes: number;
  /** Messages per second offered (a leave operation is two messages: operations arrive at rate / 1.1). */
  rate: number;
  warmup: number;
  rig: RigOptions;
  samePage: boolean;
  emit(figure: string, data: Record<string, unknown>): void;
  note(line: string): void;
}

const MiB = 2 ** 20;
const DRAIN_MS = 60_000;

export async function runSoak(o: SoakOptions): Promise<void> {
  const rig = await openRig(o.location, o.language, o.rig);
  const workload = new Workload(o.officeFile, o.seed, o.image, { samePage: o.samePage, reuseFiles: true });
  try {
    o.note(`soak: warm-up (${o.warmup} operations)`);
    for (const op of workload.take(o.warmup)) for (const m of op.messages) await rig.assistant.handle(m.inbound);
    const startRss = await idleRssMiB();
    o.emit('soak.start', { rate: o.rate, minutes: o.minutes, idleRssMiB: startRss, note: 'after the warm-up, a full GC and 1 s of quiet' });
    o.note(`soak: ${o.rate} msg/s for ${o.minutes} min, idle RSS ${startRss.toFixed(0)} MiB`);

    const perSecond = o.rate / 1.1;
    const durationMs = o.minutes * 60_000;
    const started = performance.now();
    let minute: number[] = [];
    let errors = 0;
    let scheduled = 0;
    let completed = 0;
    const inFlight = new Set<Promise<void>>();
    const series: Array<Record<string, number>> = [];
    let minuteNo = 0;
    const report = () => {
      minuteNo += 1;
      const sorted = minute.sort((a, b) => a - b);
      minute = [];
      const mem = process.memoryUsage();
      const line = {
        minute: minuteNo, rssMiB: mem.rss / MiB, heapUsedMiB: mem.heapUsed / MiB, externalMiB: mem.external / MiB,
        completed: sorted.length, inFlight: inFlight.size, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1) ?? NaN,
      };
      series.push(line);
      o.emit('soak.minute', line);
      o.note(`soak: minute ${minuteNo}: RSS ${line.rssMiB.toFixed(0)} MiB, heap ${line.heapUsedMiB.toFixed(0)} MiB, p50/p99 ${line.p50Ms.toFixed(1)}/${line.p99Ms.toFixed(1)} ms, ${line.completed} answered`);
    };
    // Every minute from the start, also a last, shorter one if the length is not whole minutes.
    const ticker = setInterval(report, 60_000);
    let batch: Operation[] = [];
    for (let i = 0; ; i++) {
      const due = (i * 1000) / perSecond;
      if (due >= durationMs) break;
      const wait = due - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Drawn a second's worth at a time: the pages of a whole soak would not fit in memory.
      if (batch.length === 0) batch = workload.take(Math.ceil(perSecond));
      const op = batch.shift() as Operation;
      scheduled += op.messages.length;
      const running = (async () => {
        for (const m of op.messages) {
          try {
            await rig.assistant.handle(m.inbound);
          } catch {
            errors += 1;
          }
          completed += 1;
          minute.push(performance.now() - started - due);
        }
      })();
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    }
    await Promise.race([Promise.all(inFlight), new Promise((resolve) => { setTimeout(resolve, DRAIN_MS).unref(); })]);
    clearInterval(ticker);
    if (minute.length > 0) report();
    const endRss = await idleRssMiB();
    const loaded = series.map((s) => s.rssMiB ?? 0);
    o.emit('soak', {
      rate: o.rate, minutes: o.minutes, scheduledMessages: scheduled, completed, errors, unfinishedAtLimit: scheduled - completed,
      idleRssStartMiB: startRss, idleRssEndMiB: endRss, idleRssGrowthMiB: endRss - startRss,
      rssUnderLoadFirstMinuteMiB: loaded[0] ?? NaN, rssUnderLoadLastMinuteMiB: loaded.at(-1) ?? NaN, rssUnderLoadMaxMiB: Math.max(...loaded),
      note: 'idle RSS (after a full GC and 1 s of quiet) before and after the soak; RSS under load as printed each minute (soak.minute)',
    });
    o.note(`soak: idle RSS ${startRss.toFixed(0)} → ${endRss.toFixed(0)} MiB; under load ${loaded.map((r) => r.toFixed(0)).join(', ')} MiB`);
  } finally {
    await rig.close();
  }
}

// Figures for the office's background jobs: reminder digests computed, reminder delivery through
// the Telegram adapter at the platform's rates, the pendency report PDF, and message latency while
// a report renders.
//
//   digests          every employee's digest computed (not sent), through short read transactions
//                    as the morning job reads; also the whole `daftar remind --dry-run` run
//   report           the Collector's report for the whole office: data, then the PDF in-process and
//                    on a worker thread; seconds, size, pages
//   delivery         the district office's digests queued, then delivered by the real dispatcher and
//                    Telegram adapter (telegraf) to a loopback Bot API that enforces Telegram's rates
//                    (30 a second overall, 1 a second per chat with short bursts; 429 + retry_after)
//   latency-report   the assistant at a fixed message rate, alone and with state-wide reports being
//                    built and rendered back to back (renderer in-process vs on a worker thread)
//
// Options read here: --job-rate N (messages/s for latency-report, default 50: below the message
// path's saturation, so that the latency is the message's own, not a queue), --job-seconds N
// (arrival window per latency phase, default 10), --delivery-max N (digests delivered, default all).
import type { Scale } from './generate.ts';
import { ensureOffice } from './generate.ts';
import { openStore } from '../adapters/storage/open-store.ts';
import type { SqlStore } from '../adapters/storage/sql-store.ts';
import { PdfRenderer } from '../adapters/pdf/pdf-renderer.ts';
import { WorkerRenderer } from '../adapters/pdf/worker-renderer.ts';
import { TelegramAdapter } from '../adapters/telegram/telegram-adapter.ts';
import { TELEGRAM_LIMITS } from '../adapters/telegram/send-pacer.ts';
import { DEFAULT_CALENDAR } from '../core/calendar/holidays.ts';
import type { Clock, DocumentRenderer, Store } from '../core/ports.ts';
import { digestsFrom } from '../core/pendency/build-digests.ts';
import { pendencyReport } from '../core/pendency/pendency-report.ts';
import { DEFAULT_SLA, loadOfficePendency, type Reads } from '../core/pendency/pending-for.ts';
import { runDailyDigest, turnTakingReads } from '../bots/jobs/daily-digest.ts';
import { digestDataOf } from '../bots/jobs/digest-params.ts';
import { silentLogger } from '../bots/log.ts';
import { Dispatcher } from '../bots/outbox/dispatcher.ts';
import { loadLanguage } from '../bots/language/index.ts';
import { BotApiPeer, TELEGRAM_RATES } from '../test/helpers/bot-api-peer.ts';
import { benchClock, openRig, type Rig } from './instrumented.ts';
import { Workload, type Operation } from './workload.ts';

export const OFFICE_JOB_FIGURES = ['digests', 'report', 'delivery', 'latency-report'] as const;

export interface OfficeJobsOptions {
  /** The cached generated office (never written: work on `workingCopy(dbFile, tag)`). */
  dbFile: string;
  scale: Scale;
  seed: number;
  emit(figure: string, data: Record<string, unknown>): void;
  note(line: string): void;
  wanted(figure: string): boolean;
  workingCopy(file: string, tag: string): string;
  removeCopy(copy: string): void;
}

/** The bench clock's office day (benchClock: 25 Nov 2026, a Wednesday). */
const DAY = '2026-11-25';
const POLICY = { calendar: DEFAULT_CALENDAR, ...DEFAULT_SLA };
const MiB = 2 ** 20;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Peak resident and heap memory while `work` runs (sampled every 20 ms and at the end). */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ value: T; rssBeforeMiB: number; peakRssMiB: number; peakHeapUsedMiB: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await work();
    sample();
    return { value, rssBeforeMiB: before.rss / MiB, peakRssMiB: rss / MiB, peakHeapUsedMiB: heap / MiB };
  } finally {
    clearInterval(timer);
  }
}

/** Reads through `reads` (by default the store's transactions back to back), counted, the longest timed. */
function countedReads(store: Store, through: Reads = (work) => store.transaction(work)): { reads: Reads; count: () => number; longestMs: () => number } {
  let n = 0;
  let longest = 0;
  const reads: Reads = async (work) => {
    n += 1;
    // Timed from inside: a turn-taking caller's wait for its turn is not the transaction's length.
    return through(async (tx) => {
      const t0 = performance.now();
      try {
        return await work(tx);
      } finally {
        longest = Math.max(longest, performance.now() - t0);
      }
    });
  };
  return { reads, count: () => n, longestMs: () => longest };
}

const pagesOf = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
const seconds = (from: number) => (performance.now() - from) / 1000;

async function digestFigures(store: SqlStore, o: OfficeJobsOptions): Promise<void> {
  o.note('digests: computing every employee\'s digest');
  const { reads, count, longestMs } = countedReads(store);
  const run = await peakMemory(async () => {
    const t0 = performance.now();
    const office = await loadOfficePendency(reads, DAY, DEFAULT_CALENDAR);
    const loadSeconds = seconds(t0);
    const t1 = performance.now();
    const digests = digestsFrom(office, POLICY).map((d) => digestDataOf(d, DAY));
    const computeSeconds = seconds(t1);
    let items = 0;
    for (const list of office.byHolder.values()) items += list.length;
    return { staff: office.employees.length, holders: office.byHolder.size, items, digests: digests.length, loadSeconds, computeSeconds, seconds: seconds(t0) };
  });
  o.emit('jobs.digests', {
    note: 'digests computed, not sent: office read in ranges of 2,500 file and receipt ids per transaction, digests built in memory; target < 60 s for 50,000 staff',
    ...run.value, transactions: count(), longestTransactionMs: longestMs(), rssBeforeMiB: run.rssBeforeMiB, peakRssMiB: run.peakRssMiB, peakHeapUsedMiB: run.peakHeapUsedMiB,
  });

  o.note('digests: the whole dry run (digests, report summary, recipients)');
  const dry = await peakMemory(async () => {
    const t0 = performance.now();
    const result = await runDailyDigest({ store, clock: benchClock(), policy: POLICY, reportRecipients: [] }, { day: DAY, dryRun: true });
    return { digests: result.ran ? result.digests.length : 0, seconds: seconds(t0) };
  });
  o.emit('jobs.digests.dry-run', { note: 'runDailyDigest dry run, as `daftar remind --dry-run`', ...dry.value, peakRssMiB: dry.peakRssMiB, peakHeapUsedMiB: dry.peakHeapUsedMiB });
}

async function reportFigure(store: SqlStore, o: OfficeJobsOptions): Promise<void> {
  o.note('report: data, then the PDF in-process and on a worker thread');
  const clock = benchClock();
  const { reads, count, longestMs } = countedReads(store);
  const t0 = performance.now();
  const report = await pendencyReport(reads, DAY, DEFAULT_CALENDAR);
  const dataSeconds = seconds(t0);
  const t1 = performance.now();
  const pdf = await new PdfRenderer(clock).pendencyReport(report);
  const renderSeconds = seconds(t1);
  const pool = new WorkerRenderer({ clock, threads: 1 });
  try {
    const t2 = performance.now();
    const again = await pool.renderer().pendencyReport(report);
    const workerColdSeconds = seconds(t2);
    const t3 = performance.now();
    await pool.renderer().pendencyReport(report);
    o.emit('jobs.report', {
      note: 'the Collector\'s pendency report for the whole office (files + open receipts), as on 25-11-2026; target < 10 s for 1,000,000 files',
      pending: report.totals.total, over30: report.totals.buckets[4], sections: report.bySection.length, employeeRows: report.byEmployee.length,
      disposedLast7Days: report.disposedLast7Days.reduce((n, d) => n + d.count, 0), transactions: count(), longestTransactionMs: longestMs(),
      dataSeconds, renderSeconds, seconds: dataSeconds + renderSeconds,
      workerRenderColdSeconds: workerColdSeconds, workerRenderSeconds: seconds(t3), sameBytesInWorker: Buffer.from(again).length === pdf.length,
      pdfKiB: pdf.length / 1024, pages: pagesOf(pdf),
    });
  } finally {
    await pool.close();
  }
}

async function deliveryFigure(o: OfficeJobsOptions): Promise<void> {
  const district = await ensureOffice('district', o.seed, 'data/bench', o.note);
  const copy = o.workingCopy(district.file, 'delivery');
  const store = await openStore({ file: copy });
  const peer = await BotApiPeer.start();
  let adapter: TelegramAdapter | null = null;
  try {
    const clock = benchClock();
    o.note('delivery: linking a Telegram chat for every active employee, queueing the digests');
    await store.transaction(async (tx) => {
      for (const e of await tx.employees.list({ activeOnly: true })) {
        const account = await tx.accounts.create({ channel: 'telegram', address: String(7_000_000 + e.id), displayName: null });
        await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
      }
    });
    const queued = await runDailyDigest({ store, clock, policy: POLICY, reportRecipients: [] }, { day: DAY, dryRun: false });
    const total = await store.transaction((tx) => tx.outbox.pendingCount());
    const cap = arg('delivery-max', total);
    peer.enforceRates(TELEGRAM_RATES);
    adapter = new TelegramAdapter({ token: peer.token, apiRoot: peer.apiRoot, host: benchHost(), pollTimeoutSeconds: 1 });
    await adapter.start();
    const dispatcher = new Dispatcher(store, clock, [adapter], silentLogger);
    o.note(`delivery: ${total} notifications through the dispatcher and telegraf to the rate-enforcing peer`);
    const t0 = performance.now();
    let delivered = 0;
    let failed = 0;
    while (delivered < cap && seconds(t0) < 300) {
      const r = await dispatcher.runOnce(Math.min(200, cap - delivered));
      delivered += r.delivered;
      failed += r.failed;
      if (r.delivered === 0 && r.failed === 0) break;
    }
    const wall = seconds(t0);
    const sends = peer.acceptedSends.map((s) => s.at);
    const span = sends.length > 1 ? ((sends.at(-1) as number) - (sends[0] as number)) / 1000 : NaN;
    const rate = (sends.length - 1) / span;
    // The busiest second as Telegram counts (any 1,000 ms window).
    let busiest = 0;
    for (let i = 0, j = 0; i < sends.length; i++) {
      while ((sends[i] as number) - (sends[j] as number) >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    o.emit('jobs.delivery', {
      note: 'district digests (and the report note) delivered by Dispatcher → TelegramAdapter (telegraf) → loopback Bot API enforcing 30 msg/s per bot (any 1,000 ms) and 1 msg/s per chat (burst 3), 429 with retry_after; target ≥ 90% of the limit, no 429',
      digestsQueued: queued.ran ? queued.sent : 0, notifications: total, delivered, failed, messagesAccepted: sends.length,
      wallSeconds: wall, sendSpanSeconds: span, messagesPerSecond: rate, fractionOfLimit: rate / TELEGRAM_RATES.perSecond,
      busiestSecond: busiest, refused429: peer.refusedForRate.length, refused429Overall: peer.refusedForRate.filter((r) => r.why === 'overall').length,
      pacer: TELEGRAM_LIMITS,
    });
  } finally {
    await adapter?.stop();
    await peer.close();
    await store.close();
    o.removeCopy(copy);
  }
}

/** The adapter's host for delivery only: nobody writes to the bot in this run. */
function benchHost() {
  return {
    assistant: { handle: async () => [] },
    log: silentLogger,
    rememberSent: async () => {},
    saveConversationRef: async () => {},
    loadConversationRef: async () => null,
    rememberButton: async () => {},
    recallButton: async () => null,
  };
}

/** A wait that does not keep the process alive. */
const after = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms).unref(); });

/**
 * Open loop at `perSecond` operations for `windowSeconds`; latency of each message from its schedule.
 * `arrivalsDone` is called when the last operation has arrived; the drain is bounded at DRAIN_MS.
 */
async function openLoop(rig: Rig, ops: Operation[], perSecond: number, windowSeconds: number, arrivalsDone: () => void) {
  const started = performance.now();
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let scheduled = 0;
  for (let i = 0; i < ops.length; i++) {
    const due = (i * 1000) / perSecond;
    if (due > windowSeconds * 1000) break;
    const wait = due - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const op = ops[i] as Operation;
    scheduled += op.messages.length;
    inFlight.push((async () => {
      for (const m of op.messages) {
        await rig.assistant.handle(m.inbound);
        latencies.push(performance.now() - started - due);
      }
    })());
  }
  arrivalsDone();
  await Promise.race([Promise.all(inFlight), after(DRAIN_MS)]);
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (x: number) => sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))] ?? NaN;
  return {
    figures: { messages: scheduled, completed: sorted.length, unfinishedAtLimit: scheduled - sorted.length, p50Ms: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), maxMs: sorted.at(-1) ?? NaN },
    settled: Promise.allSettled(inFlight),
  };
}

const DRAIN_MS = 60_000;

async function latencyFigure(copy: string, o: OfficeJobsOptions): Promise<void> {
  const rate = arg('job-rate', 50);
  const window = arg('job-seconds', 10);
  const language = await loadLanguage({ cacheDir: 'data/bench' });
  const rig = await openRig({ file: copy }, language, { albumWindowMs: 0 });
  const workload = new Workload(copy, o.seed, 'jpeg');
  const clock: Clock = benchClock();
  const pool = new WorkerRenderer({ clock, threads: 1 });
  try {
    o.note('latency-report: warm-up');
    for (const op of workload.take(200)) for (const m of op.messages) await rig.assistant.handle(m.inbound);
    const phases: Record<string, unknown> = {};
    const withReports = async (name: string, renderer: DocumentRenderer | null) => {
      o.note(`latency-report: ${rate} operations/s for ${window} s, ${name}`);
      let stop = false;
      let reports = 0;
      const reportSeconds: number[] = [];
      // As the morning job, the CLI and the chat command read: short transactions, each after a turn for the chat.
      const { reads, count, longestMs } = countedReads(rig.store, turnTakingReads(rig.store));
      const background = (async () => {
        if (renderer === null) return;
        while (!stop) {
          // Another request, as a new macrotask: better-sqlite3 answers within microtasks, so a loop
          // of reads and in-thread renders would otherwise never let a timer (an arrival) run.
          await new Promise((resolve) => setImmediate(resolve));
          const t0 = performance.now();
          await renderer.pendencyReport(await pendencyReport(reads, DAY, DEFAULT_CALENDAR));
          reportSeconds.push(seconds(t0));
          reports += 1;
        }
      })();
      // Reports are built while messages arrive; the messages still queued then finish without them.
      const progress = setInterval(() => o.note(`  … ${name}: ${reports} report(s) so far`), 5000);
      const run = await openLoop(rig, workload.take(Math.ceil(rate * window) + 1), rate, window, () => { stop = true; o.note(`  … arrivals done, ${reports} report(s)`); });
      clearInterval(progress);
      await background;
      await Promise.race([run.settled, after(DRAIN_MS)]);
      phases[name] = { ...run.figures, reportsBuilt: reports, reportTransactions: count(), longestReportTransactionMs: longestMs(), meanReportSeconds: reportSeconds.length > 0 ? reportSeconds.reduce((a, b) => a + b, 0) / reportSeconds.length : null };
    };
    await withReports('alone', null);
    await pool.renderer().checkPdf(new Uint8Array(0)); // the worker is up before its phase
    await withReports('report, PDF on a worker thread', pool.renderer());
    await withReports('report, PDF on the chat thread', new PdfRenderer(clock));
    o.emit('jobs.latency-report', {
      note: 'assistant latency (open loop, from each operation\'s schedule) alone, and while the whole office\'s pendency report is read (short transactions) and rendered back to back',
      operationsPerSecond: rate, arrivalSeconds: window, phases,
    });
  } finally {
    await pool.close();
    await rig.close();
  }
}

export async function runOfficeJobs(o: OfficeJobsOptions): Promise<void> {
  const local = ['digests', 'report', 'latency-report'].filter((f) => o.wanted(f));
  if (local.length > 0) {
    o.note(`office jobs: working copy of ${o.scale} office`);
    const copy = o.workingCopy(o.dbFile, 'jobs');
    try {
      if (o.wanted('digests') || o.wanted('report')) {
        const store = await openStore({ file: copy });
        try {
          if (o.wanted('digests')) await digestFigures(store, o);
          if (o.wanted('report')) await reportFigure(store, o);
        } finally {
          await store.close();
        }
      }
      if (o.wanted('latency-report')) await latencyFigure(copy, o);
    } finally {
      o.removeCopy(copy);
    }
  }
  if (o.wanted('delivery')) await deliveryFigure(o);
}

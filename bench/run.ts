// `npm run bench [-- --scale district|state] [-- --only <name>[,<name>…]] [-- --store sqlite|postgres]
//   [-- --processes N] [-- --seed N] [-- --messages N] [-- --background-load] [-- --soak [minutes]]`
//   (README.md lists every option).
// Prints JSON lines, one per figure. Figures: generate, assistant (saturation sequential and
// concurrent, fixed-load latency, per-kind breakdown), floor, language, startup, office jobs; and a
// closing `summary` line with the headline figures of the engine run.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguage, type LanguageModel } from '../bots/language/index.ts';
import type { StoreLocation } from '../adapters/storage/open-store.ts';
import { ensureOffice, SCALES, type Scale } from './generate.ts';
import { openRig } from './instrumented.ts';
import {
  BREAKDOWN_LEGEND, ShareRunner, breakdown, fixedFigures, mergeConcurrent, mergeSequential, mergeStatements,
  type ConcurrentResult, type FixedResult, type KindMeans, type PhaseRequest, type SequentialResult, type StatementsResult,
} from './assistant.ts';
import type { FromChild, OpenRequest, ToChild } from './assistant-process.ts';
import { Workload, type Kind } from './workload.ts';
import { Floor, type FloorRatios } from './floor.ts';
import { DEFAULT_PG_ADMIN_URL, checkLoopback, copyOffice, createDatabase, dropDatabase, scratchName, serverSettings } from './postgres.ts';
import { runStartup } from './startup.ts';
import { OFFICE_JOB_FIGURES, runOfficeJobs } from './office-jobs.ts';
import { BASELINE_COMMIT, runBaseline, type BaselineFigures } from './baseline.ts';
import { RssSampler, idleRssMiB, startBackgroundLoad, startOfficeJobs, type OfficeJobsFigures } from './load.ts';
import { runSoak } from './soak.ts';
import type { Rig } from './instrumented.ts';

const FIGURES = ['generate', 'assistant', 'floor', 'language', 'startup', ...OFFICE_JOB_FIGURES] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const scale = (arg('scale') ?? 'district') as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const seed = Number(arg('seed') ?? 1);
const only = arg('only');
// A comma-separated list runs several (`--only assistant,floor` gives the floor its ratios).
const onlyList = only?.split(',').map((o) => o.trim());
if (onlyList?.some((o) => !(FIGURES as readonly string[]).includes(o))) throw new Error(`--only takes one or more (comma-separated) of ${FIGURES.join(', ')}`);
const messages = Number(arg('messages') ?? 600);
const concurrency = Number(arg('concurrency') ?? 8);
const rate = Number(arg('rate') ?? 200);
const albumWindowMs = Number(arg('album-window-ms') ?? 0);
const warmup = Number(arg('warmup') ?? 200);
const image = (arg('image') ?? 'jpeg') as 'jpeg' | 'png';
const store = arg('store') ?? 'sqlite';
if (store !== 'sqlite' && store !== 'postgres') throw new Error('--store must be sqlite or postgres');
const processes = Number(arg('processes') ?? 1);
if (!Number.isInteger(processes) || processes < 1 || processes > 16) throw new Error('--processes must be a whole number from 1 to 16');
if (store === 'sqlite' && processes > 1) {
  process.stderr.write('--processes > 1 needs --store postgres: a SQLite file has one writer, so more processes would only queue on its lock\n');
  process.exit(2);
}
const pgAdminUrl = arg('pg-url') ?? DEFAULT_PG_ADMIN_URL;
if (store === 'postgres') checkLoopback(pgAdminUrl);
// Without the statement meter Kysely adds no logging wrapper to each statement: the way to see what it costs.
const statementMeter = !flag('no-sql-meter');
// A diagnostic (instrumented.ts says why): SQLite's synchronous for the store's and the floor's connections.
const synchronousArg = arg('sqlite-synchronous');
if (synchronousArg !== undefined && synchronousArg !== 'normal' && synchronousArg !== 'full') throw new Error('--sqlite-synchronous must be normal or full');
const sqliteSynchronous = synchronousArg;
if (sqliteSynchronous !== undefined && store !== 'sqlite') throw new Error('--sqlite-synchronous is for --store sqlite');
// `--baseline [commit]`: also run the store before issue 15 (baseline.ts), in this run, and print both.
const baselineAt = process.argv.indexOf('--baseline');
const baselineCommit = baselineAt < 0 ? null : (process.argv[baselineAt + 1] !== undefined && !process.argv[baselineAt + 1]?.startsWith('--') ? process.argv[baselineAt + 1] ?? BASELINE_COMMIT : BASELINE_COMMIT);
if (baselineCommit !== null && store !== 'sqlite') throw new Error('--baseline compares the embedded store: use it with --store sqlite');
const baselineSyncArg = arg('baseline-synchronous');
if (baselineSyncArg !== undefined && baselineSyncArg !== 'normal' && baselineSyncArg !== 'full') throw new Error('--baseline-synchronous must be normal or full');
const baselineSync: 'normal' | 'full' | undefined = baselineSyncArg;
// `--background-load`: every engine figure twice, without and then with a second process keeping one core busy.
const backgroundLoad = flag('background-load');
// `--soak [minutes]` (default 10): only the soak (soak.ts), at --rate, RSS printed every minute.
const soakAt = process.argv.indexOf('--soak');
const soakMinutes = soakAt < 0 ? null : (/^\d+(\.\d+)?$/.test(process.argv[soakAt + 1] ?? '') ? Number(process.argv[soakAt + 1]) : 10);
if (soakMinutes !== null && (store !== 'sqlite' || processes !== 1)) throw new Error('--soak runs one process on SQLite');
// `--renderer pool|thread`: PDFs and upload checks on the worker pool (as app/main.ts) or on the message thread (a diagnostic).
const rendererArg = arg('renderer') ?? 'pool';
if (rendererArg !== 'pool' && rendererArg !== 'thread') throw new Error('--renderer must be pool or thread');
const rendererMode: 'pool' | 'thread' = rendererArg;
// `--same-page`: every receipt sends the very same page (stored once), as this bench did before issue 16.
const samePage = flag('same-page');
// `--no-jobs`: leave out the fixed load while a report builds and a 50-page PDF is signed.
const withJobs = !flag('no-jobs');
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform };
const wanted = (name: string) => onlyList === undefined || onlyList.includes(name);

/** What this bench added to the machine's load while the figure was taken (--background-load). */
let addedLoad: 'none' | 'one core busy' = 'none';

export function emit(figure: string, data: Record<string, unknown>): void {
  const round = (v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
  const rounded = JSON.parse(JSON.stringify(data, (_k, v: unknown) => round(v))) as Record<string, unknown>;
  // The machine's load when the figure is printed: this bench shares its cores with whatever else runs.
  process.stdout.write(`${JSON.stringify({ figure, scale, seed, ...(backgroundLoad ? { backgroundLoad: addedLoad } : {}), ...rounded, machine: { ...machine, loadAvg1m: os.loadavg()[0] } })}\n`);
}
const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Copies the cached office so that a run never changes it (messages move files and add rows). */
function workingCopy(file: string, tag: string): string {
  const copy = path.join(path.dirname(file), `work-${tag}-${process.pid}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  fs.copyFileSync(file, copy);
  // Flushed before any figure is timed: otherwise the kernel writes the copy's pages back during the
  // runs (2.7 GB at state scale), and every COMMIT's fsync waits behind that writeback.
  const fd = fs.openSync(copy, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return copy;
}
const removeCopy = (copy: string) => { for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true }); };

// ---- what runs the phases: this process, or N child processes ----

interface Runner {
  run(request: PhaseRequest, boundMs: number): Promise<unknown>;
  close(): Promise<void>;
}

/** One assistant process of `--processes N`, spoken to over IPC; every wait on it is bounded. */
class ChildRunner implements Runner {
  private pending: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromChild) => {
      const pending = this.pending;
      this.pending = null;
      if (message.type === 'error') pending?.reject(new Error(`assistant process ${child.pid}: ${message.message}`));
      else pending?.resolve(message.type === 'result' ? message.result : undefined);
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.pending?.reject(new Error(`assistant process ${child.pid} exited (${code ?? signal})`));
      this.pending = null;
    });
  }

  static async start(open: OpenRequest): Promise<ChildRunner> {
    // The same loader flags (tsx) as this process; its stdout goes to our stderr, so stdout stays JSON lines.
    const child = fork(fileURLToPath(new URL('./assistant-process.ts', import.meta.url)), [], { stdio: ['ignore', 2, 2, 'ipc'], execArgv: process.execArgv });
    const runner = new ChildRunner(child);
    await runner.ask(open, 120_000);
    return runner;
  }

  private ask(message: ToChild, boundMs: number): Promise<unknown> {
    if (this.exited) return Promise.reject(new Error(`assistant process ${this.child.pid} is gone`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.child.kill('SIGKILL');
        reject(new Error(`assistant process ${this.child.pid} gave no answer in ${boundMs / 1000} s; stopped`));
      }, boundMs);
      this.pending = {
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      };
      this.child.send(message);
    });
  }

  run(request: PhaseRequest, boundMs: number): Promise<unknown> {
    return this.ask({ type: 'phase', request }, boundMs);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => { this.child.once('exit', () => resolve()); });
    await this.ask({ type: 'close' }, 30_000).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
}

/** How many of the senders process k of n gets (8 senders over 3 processes: 3, 3, 2). */
const sendersOf = (k: number, n: number) => Math.floor(concurrency / n) + (k < concurrency % n ? 1 : 0);

interface Headline {
  sequentialMessagesPerSecond: number;
  concurrentMessagesPerSecond: number;
  senders: number;
  /** The message thread's busy time per message (event-loop utilisation), and the whole process's CPU per message. */
  mainThreadMsPerMessage: { sequential: number; concurrent: number };
  cpuMsPerMessage: { sequential: number; concurrent: number };
  fixedLoad: { offeredMessagesPerSecond: number; p50Ms: number; p99Ms: number; unfinishedAtLimit: number };
  /** The same fixed load while a pendency report builds and a 50-page PDF is signed (one process only). */
  fixedLoadWithJobs: { p50Ms: number; p99Ms: number; unfinishedAtLimit: number; jobs: OfficeJobsFigures } | null;
  memory: { idleRssMiB: number; saturationPeakRssMiB: number } | null;
}

/** The sequential run is timed in this many slices, with a slice of the floor after each (when it runs). */
const SLICES = 6;

async function assistantFigures(
  location: StoreLocation, language: () => Promise<LanguageModel>, params: Record<string, unknown>, floor: Floor | null,
): Promise<{ means: Map<Kind, KindMeans>; headline: Headline }> {
  const runners: Runner[] = [];
  let workload: Workload;
  let rig: Rig | null = null;
  try {
    if (processes === 1) {
      workload = new Workload(officeFile, seed, image, { samePage });
      rig = await openRig(location, await language(), { albumWindowMs, statementMeter, renderer: rendererMode, ...(sqliteSynchronous === undefined ? {} : { sqliteSynchronous }) });
      const runner = new ShareRunner(rig, workload, { index: 0, of: 1 });
      const opened = rig;
      runners.push({ run: (request) => runner.run(request), close: () => opened.close() });
    } else {
      if (!('url' in location)) throw new Error('several processes need PostgreSQL');
      workload = new Workload(officeFile, seed, image, { samePage });
      note(`starting ${processes} assistant processes`);
      runners.push(...await Promise.all(Array.from({ length: processes }, (_, index) => ChildRunner.start({
        type: 'open', url: location.url, officeFile, seed, image, albumWindowMs, statementMeter, share: { index, of: processes }, renderer: rendererMode, samePage,
      }))));
    }
    const p = { ...params, messagesCap: messages, albumWindowMs, imageBytes: workload.imageBytes, image, statementMeter, renderer: rendererMode, pages: samePage ? 'the same page every receipt' : 'a different page every receipt' };
    // Every process runs the phase at the same time; bounds are the phase's own plus a margin.
    const all = async <T>(request: (k: number) => PhaseRequest, boundMs: number): Promise<T[]> =>
      (await Promise.all(runners.map((r, k) => r.run(request(k), boundMs)))) as T[];

    note('warm-up');
    await all(() => ({ phase: 'warmup', ops: warmup, limitMs: 60_000 }), 120_000);
    // This process's memory, with the assistant open and warm (the intake worker started by the warm-up's receipts).
    const idle = processes === 1 ? await idleRssMiB() : null;

    let seq: SequentialResult;
    if (floor === null) {
      note('sequential saturation');
      seq = mergeSequential(await all<SequentialResult>(() => ({ phase: 'sequential', ops: messages, limitMs: 90_000 }), 150_000));
    } else {
      // Interleaved with the floor, so that both are timed under the same load from the neighbours.
      note(`sequential saturation, in ${SLICES} slices with a slice of the floor after each`);
      await floor.warm();
      const perSlice = Math.ceil(floor.remaining / SLICES);
      const slices: SequentialResult[] = [];
      for (let i = 0; i < SLICES; i++) {
        const ops = Math.floor(messages / SLICES) + (i < messages % SLICES ? 1 : 0);
        slices.push(...await all<SequentialResult>(() => ({ phase: 'sequential', ops, limitMs: 90_000 / SLICES }), 150_000));
        await floor.slice(perSlice);
      }
      seq = mergeSequential(slices, 'one after another');
    }
    const seqRate = seq.count / seq.seconds;
    emit('assistant.saturation.sequential', {
      ...p, senders: processes, messages: seq.count, seconds: seq.seconds, messagesPerSecond: seqRate, cpuMsPerMessage: seq.cpuMs / seq.count,
      mainThreadMsPerMessage: seq.mainMs / seq.count,
      note: `one message at a time per process${processes > 1 ? ` (${processes} processes at once; seconds = the longest process)` : ''}${floor === null ? '' : `; timed in ${SLICES} slices with the floor's slices between them (seconds: the assistant's only)`}; cpuMsPerMessage = Node CPU (user + system, every thread${processes > 1 ? ', every process' : ''}) / messages${'url' in location ? ', the PostgreSQL server\'s CPU not included' : ''}; mainThreadMsPerMessage = the message thread's busy time (event-loop utilisation: JavaScript, and synchronous calls such as SQLite's COMMIT with its fsync) / messages`,
    });
    const { kinds, means } = breakdown(seq);
    emit('assistant.breakdown', { ...p, legend: BREAKDOWN_LEGEND, kinds });
    emit('assistant.calls-per-kind', {
      ...p, note: 'repository calls of one message of each kind, in order (each one statement, audit.append and scanTexts.enqueue two or one per blob; sqlStatementsPerMessage in the breakdown counts them)',
      kinds: Object.fromEntries(Object.entries(seq.traces).map(([k, calls]) => [k, calls.join(' ')])),
    });
    const statements = mergeStatements(await all<StatementsResult>(() => ({ phase: 'statements' }), 30_000));
    emit('assistant.statements', {
      ...p, note: 'over warm-up + sequential run: repository calls by method; the 25 statements that took the most time (ms as Kysely times them, calls, mean µs)',
      ...statements,
    });

    note(`concurrent saturation (${concurrency} senders${processes > 1 ? ` over ${processes} processes` : ''})`);
    const rss = new RssSampler();
    const conc = mergeConcurrent(await all<ConcurrentResult>((k) => ({ phase: 'concurrent', ops: messages, senders: sendersOf(k, processes), limitMs: 90_000 }), 150_000));
    emit('assistant.saturation.concurrent', {
      ...p, senders: concurrency, sendersPerProcess: runners.map((_, k) => sendersOf(k, processes)),
      messages: conc.count, seconds: conc.seconds, messagesPerSecond: conc.count / conc.seconds, cpuMsPerMessage: conc.cpuMs / conc.count,
      mainThreadMsPerMessage: conc.mainMs / conc.count,
    });
    const saturated = rss.stop();
    const memory = idle === null ? null : { idleRssMiB: idle, saturationPeakRssMiB: saturated.peakMiB };
    if (memory !== null) {
      emit('memory', {
        ...p, ...memory,
        note: 'this process (message thread, renderer workers, SQLite), resident: idle = after the warm-up, a full GC and 1 s of quiet; saturation = the peak, sampled every 100 ms, during the concurrent run',
      });
    }

    note(`fixed load ${rate} msg/s`);
    const loadBound = 60_000 + 60_000 + 120_000 + 30_000;
    const load = fixedFigures(await all<FixedResult>(() => ({ phase: 'fixed', ops: Math.round((rate * 10) / 1.1), perSecond: rate / 1.1, limitMs: 60_000 }), loadBound));
    emit('assistant.fixed-load', {
      ...p, offeredPerSecond: rate / 1.1,
      note: `open loop: operations arrive at ${(rate / 1.1).toFixed(1)}/s (a leave operation is two messages, so ≈${rate} messages/s)${processes > 1 ? `, split over ${processes} processes by operation index` : ''}, 10 s of arrivals, bounded at 60 s`,
      ...load,
    });

    // The same while the office's heavy work runs beside it: a pendency report of the whole office built
    // and rendered, and a 50-page PDF signed, each back to back (load.ts).
    let withJobsFigures: Headline['fixedLoadWithJobs'] = null;
    if (withJobs && rig !== null) {
      note(`fixed load ${rate} msg/s while a pendency report builds and a 50-page PDF is signed`);
      const jobs = await startOfficeJobs(rig, '2026-11-25');
      const busy = fixedFigures(await all<FixedResult>(() => ({ phase: 'fixed', ops: Math.round((rate * 10) / 1.1), perSecond: rate / 1.1, limitMs: 60_000 }), loadBound));
      const done = await jobs.stop();
      emit('assistant.fixed-load.with-jobs', {
        ...p, offeredPerSecond: rate / 1.1, jobs: done,
        note: `as assistant.fixed-load, while the whole office's pendency report is built (short read transactions taking turns with the chat) and rendered (${rendererMode === 'pool' ? 'the pool\'s reports lane' : 'this thread'}), and a ${done.signedPdfPages}-page PDF is signed by the office CA on this thread as the app signs, each back to back`,
        ...busy,
      });
      withJobsFigures = { p50Ms: busy.p50Ms, p99Ms: busy.p99Ms, unfinishedAtLimit: busy.unfinishedAtLimit, jobs: done };
    }

    // The same, at a load below saturation: the latency a message sees when it does not queue.
    const light = Math.max(1, Math.floor(seqRate * 0.6));
    note(`fixed load ${light} msg/s`);
    const under = fixedFigures(await all<FixedResult>(() => ({ phase: 'fixed', ops: light * 10, perSecond: light / 1.1, limitMs: 60_000 }), loadBound));
    emit('assistant.fixed-load.below-saturation', { ...p, offeredPerSecond: light / 1.1, note: 'open loop at 60% of the sequential saturation rate, 10 s of arrivals', ...under });

    return {
      means,
      headline: {
        sequentialMessagesPerSecond: seqRate, concurrentMessagesPerSecond: conc.count / conc.seconds, senders: concurrency,
        mainThreadMsPerMessage: { sequential: seq.mainMs / seq.count, concurrent: conc.mainMs / conc.count },
        cpuMsPerMessage: { sequential: seq.cpuMs / seq.count, concurrent: conc.cpuMs / conc.count },
        fixedLoad: { offeredMessagesPerSecond: rate, p50Ms: load.p50Ms, p99Ms: load.p99Ms, unfinishedAtLimit: load.unfinishedAtLimit },
        fixedLoadWithJobs: withJobsFigures, memory,
      },
    };
  } finally {
    await Promise.all(runners.map((r) => r.close().catch((e: unknown) => note(`closing: ${String(e)}`))));
  }
}

function languageFigure(language: LanguageModel): void {
  const texts = [
    'SAAP-1/2026 की स्थिति', 'status of SAAP-1/2026', 'मेरे पास कौन सी फाइलें हैं', 'pending with me',
    'SAAP-1/2026 पर टिप्पणी: प्रस्ताव उचित है, स्वीकृति हेतु प्रस्तुत', 'स्वीकृत', 'approved',
    'casual leave from 01-12-2026 to 02-12-2026 for family function', 'CL 1 December 2026 se 2 December 2026 tak chahiye',
    'file SAAB-12/2026 DDC sahab ko bhej do', 'Letter from Commissioner on flood relief', 'कल से तीन दिन की छुट्टी चाहिए',
  ];
  for (let i = 0; i < 200; i++) language.parse(texts[i % texts.length] as string, { today: '2026-11-25' });
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 3000) {
    for (const t of texts) language.parse(t, { today: '2026-11-25' });
    n += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  emit('language.parse', { parses: n, seconds, parsesPerSecond: n / seconds, meanUs: (seconds * 1e6) / n, distinctTexts: texts.length });
}

const gen = await ensureOffice(scale, seed, 'data/bench', note);
const officeFile = gen.file;
if (wanted('generate')) {
  const rows = Object.values(gen.rows).reduce((s, n) => s + n, 0);
  emit('generate', {
    ...gen, spec: SCALES[scale], totalRows: rows, ...(gen.reused ? { note: 'reused the cached file; delete it to time the generation' } : { rowsPerSecond: rows / gen.seconds }),
    fileMiB: fs.statSync(gen.file).size / 2 ** 20,
  });
}
let language: LanguageModel | null = null;
const lang = async () => (language ??= await loadLanguage({ cacheDir: 'data/bench' }));

// ---- the engine run: the assistant and its floor, on SQLite or PostgreSQL ----

/** What to undo however the run ends: working copies removed, scratch databases dropped. */
const cleanups: Array<() => Promise<void>> = [];
const cleanUp = async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo().catch((e: unknown) => note(`clean-up: ${String(e)}`));
};
/** Clean up, then leave; a clean-up that hangs (a server that stopped answering) is given 30 s. */
const leave = (code: number) => {
  setTimeout(() => process.exit(code), 30_000).unref();
  void cleanUp().finally(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => leave(130));
// An error no code path catches (the store's pg client losing its connection mid-transaction emits one
// that nothing listens to) would end the process before any `finally`: the scratch databases and copies
// are removed here instead.
process.once('uncaughtException', (error) => {
  note(`stopped by an uncaught error: ${error.stack ?? String(error)}`);
  leave(1);
});

/** This build's engine figures (and the baseline's, when asked), under the load the machine has now. */
async function engineRun(): Promise<{ headline: Headline; baseline: BaselineFigures | null } | null> {
  let result: { headline: Headline; baseline: BaselineFigures | null } | null = null;
  try {
    let assistantAt: StoreLocation;
    let floorAt: StoreLocation;
    let params: Record<string, unknown>;
    let server: Record<string, string> | null = null;
    if (store === 'sqlite') {
      const copy = workingCopy(gen.file, 'assistant');
      cleanups.push(async () => removeCopy(copy));
      const floorCopy = workingCopy(gen.file, 'floor');
      cleanups.push(async () => removeCopy(floorCopy));
      assistantAt = { file: copy };
      floorAt = { file: floorCopy };
      params = {
        store, processes,
        engine: `better-sqlite3 via Kysely (the adapter's dialect: one connection, statements cached), WAL, ${sqliteSynchronous === 'normal' ? 'synchronous = NORMAL (--sqlite-synchronous: not the store\'s own FULL)' : 'synchronous = FULL'}`,
      };
    } else {
      const settings = await serverSettings(pgAdminUrl);
      const name = scratchName();
      note(`copying the ${scale} office into PostgreSQL database ${name}`);
      const url = await createDatabase(pgAdminUrl, name);
      cleanups.push(() => dropDatabase(pgAdminUrl, name));
      // Copied from a working copy: copySqliteToPostgres migrates its source first, and the cache must not change.
      const source = workingCopy(gen.file, 'pg-source');
      let copied: Awaited<ReturnType<typeof copyOffice>>;
      try {
        copied = await copyOffice(source, url, note);
      } finally {
        removeCopy(source);
      }
      params = { store, processes, engine: `pg pool (4 connections per process) via Kysely (the adapter's dialect: office lock per transaction, savepoint per write that may clash), PostgreSQL ${settings.server_version}` };
      server = settings;
      emit('postgres.copy', { ...params, server, note: 'the generated office copied by copySqliteToPostgres (as `daftar db copy`), then VACUUM ANALYZE', ...copied });
      assistantAt = { url };
      floorAt = { url };
      if (wanted('floor')) {
        // The floor needs the office as generated, not as the assistant left it: a second database,
        // made from the first before anything connects to it (a file-level copy, seconds).
        const floorName = `${name}_floor`;
        floorAt = { url: await createDatabase(pgAdminUrl, floorName, name) };
        cleanups.push(() => dropDatabase(pgAdminUrl, floorName));
      }
    }
    let floor: Floor | null = null;
    if (wanted('floor')) {
      // A receipt's floor writes its files beside the assistant's blobs (the same disk).
      const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), `daftar-bench-floor-files-${process.pid}-`));
      cleanups.push(async () => fs.rmSync(filesDir, { recursive: true, force: true }));
      const opened = await Floor.open({
        location: floorAt, officeFile, seed, count: Math.min(messages, 600), filesDir, workload: { samePage },
        ...(sqliteSynchronous === undefined ? {} : { sqliteSynchronous }),
      });
      floor = opened;
      cleanups.push(() => opened.close());
    }
    // With several processes the assistant's runs contend for the office lock among themselves; the
    // floor then runs after them, alone.
    const interleave = floor !== null && wanted('assistant') && processes === 1;
    const daftar = wanted('assistant') ? await assistantFigures(assistantAt, lang, params, interleave ? floor : null) : null;
    let ratios: FloorRatios | null = null;
    if (floor !== null) {
      if (!interleave) {
        await floor.warm();
        await floor.slice(floor.remaining);
      }
      ratios = floor.finish(daftar?.means ?? null, { store, processes }, emit, note, interleave);
    }
    if (daftar !== null) {
      const h = daftar.headline;
      const summary = {
        ...params, ...(server === null ? {} : { server }), ...h,
        ...(ratios === null ? {} : {
          storageRatioToFloorMixed: ratios.storage, storageWithAdapterRatioToFloorMixed: ratios.storageWithAdapter,
          wholeMessageRatioToFloorMixed: ratios.total, floorMessagesPerSecond: ratios.floorMessagesPerSecond,
          receiptRatioToFloor: ratios.receipt, receiptFloorMs: ratios.receiptFloorMs,
        }),
      };
      emit('summary', summary);
      result = { headline: h, baseline: null };
      note(`${store}, ${processes} process(es): ${h.sequentialMessagesPerSecond.toFixed(0)} msg/s sequential, ${h.concurrentMessagesPerSecond.toFixed(0)} msg/s with ${concurrency} senders, `
        + `p50/p99 ${h.fixedLoad.p50Ms.toFixed(1)}/${h.fixedLoad.p99Ms.toFixed(1)} ms at ${rate} msg/s`
        + (h.fixedLoadWithJobs === null ? '' : `, p99 ${h.fixedLoadWithJobs.p99Ms.toFixed(1)} ms with a report and signing`)
        + (ratios === null ? '' : `, whole ÷ floor ${ratios.total.toFixed(2)} (receipt ${ratios.receipt?.toFixed(2) ?? '?'}), storage ÷ floor ${ratios.storage.toFixed(2)} (with the adapter's JS ${ratios.storageWithAdapter.toFixed(2)})`)
        + (h.memory === null ? '' : `, RSS idle ${h.memory.idleRssMiB.toFixed(0)} MiB / saturated ${h.memory.saturationPeakRssMiB.toFixed(0)} MiB`));
      if (baselineCommit !== null) {
        const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
        const before = await runBaseline(repoRoot, {
          commit: baselineCommit, scale, seed, messages, concurrency, rate, warmup, note, ...(baselineSync === undefined ? {} : { synchronous: baselineSync }),
        });
        const now = {
          sequentialMessagesPerSecond: h.sequentialMessagesPerSecond, concurrentMessagesPerSecond: h.concurrentMessagesPerSecond, fixedLoad: h.fixedLoad,
          cpuMsPerMessage: h.cpuMsPerMessage, receiptMeanMs: daftar?.means.get('receipt')?.total ?? null,
        };
        result = { headline: h, baseline: before };
        emit('baseline', {
          note: `commit ${before.commit} run by its own bench in this run on this machine with the same seed and workload options (bench/baseline.ts)${baselineSync === undefined ? '' : `, its SQLite at synchronous = ${baselineSync.toUpperCase()}`}; a bench from before issue 16 sends the same page with every receipt (stored once): --same-page gives this build the same workload`,
          baseline: before, current: { engine: params.engine, ...now },
          ratios: {
            sequential: now.sequentialMessagesPerSecond / before.sequentialMessagesPerSecond,
            concurrent: now.concurrentMessagesPerSecond / before.concurrentMessagesPerSecond,
            // Less moved by neighbours than msg/s (a process's CPU time does not count the time others hold the cores).
            cpuMsPerMessageSequential: now.cpuMsPerMessage.sequential / before.cpuMsPerMessage.sequential,
            cpuMsPerMessageConcurrent: now.cpuMsPerMessage.concurrent / before.cpuMsPerMessage.concurrent,
            ...(now.receiptMeanMs === null || before.receiptMeanMs === null ? {} : { receiptMeanMs: now.receiptMeanMs / before.receiptMeanMs }),
          },
        });
        note(`baseline ${before.commit} (${before.store}): ${before.sequentialMessagesPerSecond.toFixed(0)} msg/s sequential, ${before.concurrentMessagesPerSecond.toFixed(0)} msg/s with ${concurrency} senders, `
          + `p50/p99 ${before.fixedLoad.p50Ms.toFixed(1)}/${before.fixedLoad.p99Ms.toFixed(1)} ms at ${rate} msg/s — this build: ${(now.sequentialMessagesPerSecond / before.sequentialMessagesPerSecond).toFixed(2)}× sequential, `
          + `${(now.concurrentMessagesPerSecond / before.concurrentMessagesPerSecond).toFixed(2)}× with ${concurrency} senders`);
      }
    }
  } finally {
    await cleanUp();
  }
  return result;
}

if (soakMinutes !== null) {
  const copy = workingCopy(gen.file, 'soak');
  cleanups.push(async () => removeCopy(copy));
  try {
    await runSoak({
      location: { file: copy }, officeFile, seed, image, language: await lang(), minutes: soakMinutes, rate, warmup, emit, note,
      rig: { albumWindowMs, statementMeter, renderer: rendererMode }, samePage,
    });
  } finally {
    await cleanUp();
  }
} else if (wanted('assistant') || wanted('floor')) {
  const conditions: Array<'none' | 'one core busy'> = backgroundLoad ? ['none', 'one core busy'] : ['none'];
  const results: Array<{ load: string; headline: Headline; baseline: BaselineFigures | null; burnerCpuSeconds?: number; burnerSeconds?: number }> = [];
  for (const condition of conditions) {
    addedLoad = condition;
    if (condition === 'none') {
      const r = await engineRun();
      if (r !== null) results.push({ load: condition, ...r });
      continue;
    }
    note('background load: a second process keeps one core busy from here on');
    const burner = await startBackgroundLoad();
    let r: Awaited<ReturnType<typeof engineRun>> = null;
    try {
      r = await engineRun();
    } finally {
      const spent = await burner.stop();
      if (r !== null) results.push({ load: condition, ...r, burnerCpuSeconds: spent.cpuSeconds, burnerSeconds: spent.seconds });
    }
  }
  if (backgroundLoad && results.length > 1) {
    emit('summary.background-load', {
      note: 'the engine figures without and with a second process keeping one core busy (bench/spin.mjs), from the same run; burnerCpuSeconds / burnerSeconds ≈ 1 shows it kept its core',
      runs: results,
    });
  }
}

// A soak is all that runs with --soak.
if (soakMinutes === null) {
  if (store === 'postgres' && FIGURES.some((f) => f !== 'assistant' && f !== 'floor' && f !== 'generate' && wanted(f))) {
    note('language, start-up and office-job figures run on the SQLite file whatever --store says');
  }
  if (wanted('language')) languageFigure(await lang());
  if (wanted('startup')) await runStartup(gen.file, emit, note);
  await runOfficeJobs({ dbFile: gen.file, scale, seed, emit, note, wanted, workingCopy, removeCopy });
}

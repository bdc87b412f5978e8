// `npm run bench [-- --scale district|state] [-- --only <name>] [-- --seed N] [-- --messages N]`
// Prints JSON lines, one per figure. Figures: generate, assistant (saturation sequential and
// concurrent, fixed-load latency, per-kind breakdown), floor, language, startup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLanguage, type LanguageModel } from '../bots/language/index.ts';
import { ensureOffice, SCALES, type Scale } from './generate.ts';
import { openRig, snapshot, type MeterSnapshot, type Rig } from './instrumented.ts';
import { KINDS, Workload, type Kind, type Message, type Operation } from './workload.ts';
import { runFloor } from './floor.ts';
import { runStartup } from './startup.ts';
import { OFFICE_JOB_FIGURES, runOfficeJobs } from './office-jobs.ts';

const FIGURES = ['generate', 'assistant', 'floor', 'language', 'startup', ...OFFICE_JOB_FIGURES] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

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
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: process.platform };
const wanted = (name: string) => onlyList === undefined || onlyList.includes(name);

export function emit(figure: string, data: Record<string, unknown>): void {
  const round = (v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
  const rounded = JSON.parse(JSON.stringify(data, (_k, v: unknown) => round(v))) as Record<string, unknown>;
  process.stdout.write(`${JSON.stringify({ figure, scale, seed, ...rounded, machine })}\n`);
}
const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);
/** A wait that does not keep the process alive (the bounds below race against unfinished work). */
const after = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms).unref(); });

const quantile = (sorted: number[], q: number) => sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function handleOne(rig: Rig, m: Message): Promise<string> {
  const replies = await rig.assistant.handle(m.inbound);
  return replies.map((r) => r.text).join(' | ');
}

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

interface PerKind { n: number; ms: number[]; d: MeterSnapshot[] }

async function sequential(rig: Rig, ops: Operation[], limitMs: number) {
  const perKind = new Map<Kind, PerKind>();
  const samples = new Map<Kind, string>();
  const traces = new Map<Kind, string[]>();
  const started = performance.now();
  let count = 0;
  for (const op of ops) {
    if (performance.now() - started > limitMs) break;
    for (const m of op.messages) {
      const before = snapshot(rig.meters);
      // The second message of each kind (the first may take a cold path) has its calls listed.
      const tracing = (perKind.get(m.kind)?.n ?? 0) === 1;
      if (tracing) rig.meters.trace = [];
      const t0 = performance.now();
      const reply = await handleOne(rig, m);
      const ms = performance.now() - t0;
      if (tracing && rig.meters.trace !== null) traces.set(m.kind, rig.meters.trace);
      rig.meters.trace = null;
      const after = snapshot(rig.meters);
      const d = Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof MeterSnapshot] - before[k as keyof MeterSnapshot]])) as unknown as MeterSnapshot;
      const entry = perKind.get(m.kind) ?? { n: 0, ms: [], d: [] };
      entry.n += 1; entry.ms.push(ms); entry.d.push(d);
      perKind.set(m.kind, entry);
      if (!samples.has(m.kind)) samples.set(m.kind, reply.slice(0, 160));
      count += 1;
    }
  }
  return { count, seconds: (performance.now() - started) / 1000, perKind, samples, traces };
}

async function concurrent(rig: Rig, ops: Operation[], workers: number, limitMs: number) {
  const started = performance.now();
  let next = 0;
  let count = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < ops.length && performance.now() - started < limitMs) {
      const op = ops[next++] as Operation;
      for (const m of op.messages) { await handleOne(rig, m); count += 1; }
    }
  }));
  return { count, seconds: (performance.now() - started) / 1000 };
}

/** Open loop: operation i starts at i/rate seconds whatever happened before; latency from its schedule. */
async function fixedLoad(rig: Rig, ops: Operation[], perSecond: number, limitMs: number) {
  const started = performance.now();
  const latencies: number[] = [];
  let late = 0;
  const inFlight: Promise<void>[] = [];
  let scheduled = 0;
  for (let i = 0; i < ops.length; i++) {
    const due = (i * 1000) / perSecond;
    const wait = due - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - started > limitMs) break;
    const op = ops[i] as Operation;
    scheduled += op.messages.length;
    inFlight.push((async () => {
      for (const m of op.messages) {
        await handleOne(rig, m);
        latencies.push(performance.now() - started - due);
      }
    })());
  }
  const drainStarted = performance.now();
  await Promise.race([Promise.all(inFlight), after(limitMs)]);
  late = scheduled - latencies.length;
  const sorted = sortNum(latencies);
  return {
    offeredPerSecond: perSecond, scheduledMessages: scheduled, completed: latencies.length, unfinishedAtLimit: late,
    drainSeconds: (performance.now() - drainStarted) / 1000, seconds: (performance.now() - started) / 1000,
    p50Ms: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1) ?? NaN,
    inFlight,
  };
}

async function assistantFigures(dbFile: string, language: LanguageModel): Promise<Map<Kind, { total: number; storage: number }>> {
  const copy = workingCopy(dbFile, 'assistant');
  const workload = new Workload(copy, seed, image);
  const rig = await openRig(copy, language, { albumWindowMs });
  const params = { messagesCap: messages, albumWindowMs, imageBytes: workload.imageBytes, image, store: 'prisma+better-sqlite3 (WAL)' };
  const meanByKind = new Map<Kind, { total: number; storage: number }>();
  try {
    note('warm-up');
    await sequential(rig, workload.take(warmup), 60_000);

    note('sequential saturation');
    const seq = await sequential(rig, workload.take(messages), 90_000);
    const seqRate = seq.count / seq.seconds;
    emit('assistant.saturation.sequential', { ...params, messages: seq.count, seconds: seq.seconds, messagesPerSecond: seqRate });
    const breakdown: Record<string, unknown> = {};
    for (const kind of KINDS) {
      const e = seq.perKind.get(kind);
      if (e === undefined) continue;
      const mean = (f: (d: MeterSnapshot) => number) => e.d.reduce((s, d) => s + f(d), 0) / e.n;
      const total = e.ms.reduce((s, x) => s + x, 0) / e.n;
      meanByKind.set(kind, { total, storage: mean((d) => d.transactionMs - d.inTxExtrasMs) });
      const sorted = sortNum(e.ms);
      breakdown[kind] = {
        n: e.n, meanMs: total, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99),
        prismaCallsPerMessage: mean((d) => d.prismaCalls), sqlStatementsPerMessage: mean((d) => d.sqlCalls), sqlMs: mean((d) => d.sqlMs),
        repoCallsPerMessage: mean((d) => d.repoCalls),
        transactionsPerMessage: mean((d) => d.transactions),
        prismaCallSumMs: mean((d) => d.prismaMs), prismaBusyMs: mean((d) => d.prismaBusyMs), transactionMs: mean((d) => d.transactionMs),
        // Time inside transactions that is neither a Prisma call, a prepared statement, parsing, rendering nor
        // a blob: commands, core, row mapping, BEGIN/COMMIT.
        inTxOtherMs: mean((d) => d.transactionMs - d.prismaBusyMs - d.sqlMs - d.inTxExtrasMs),
        // Parse, render and blob time spent inside transactions (the rest ran outside them).
        inTxParseRenderBlobMs: mean((d) => d.inTxExtrasMs),
        parseMs: mean((d) => d.parseMs), renderPdfMs: mean((d) => d.renderMs), blobMs: mean((d) => d.blobMs),
        // Outside Prisma transactions: the store mutex queue, the album wait, storing replies, JSON.
        outsideTxMs: total - mean((d) => d.transactionMs),
        sampleReply: seq.samples.get(kind),
      };
    }
    emit('assistant.breakdown', { ...params, kinds: breakdown });
    emit('assistant.calls-per-kind', {
      ...params, note: 'repository calls of one message of each kind, in order (on the message path each is one prepared statement on Prisma\'s connection, audit.append two; plus one per transaction for the write lock; sqlStatementsPerMessage and prismaCallsPerMessage in the breakdown count them)',
      kinds: Object.fromEntries([...seq.traces].map(([k, calls]) => [k, calls.join(' ')])),
    });
    emit('assistant.prisma-ops', {
      ...params, note: 'calls over warm-up + sequential run, by model.operation',
      prisma: Object.fromEntries([...rig.meters.byPrismaOp].sort((a, b) => b[1] - a[1])),
      repositories: Object.fromEntries([...rig.meters.byRepoOp].sort((a, b) => b[1] - a[1])),
      sqlMsByStatement: Object.fromEntries([...rig.meters.sqlMsByStatement].sort((a, b) => b[1] - a[1]).slice(0, 15)),
    });

    note(`concurrent saturation (${concurrency} senders)`);
    const conc = await concurrent(rig, workload.take(messages), concurrency, 90_000);
    emit('assistant.saturation.concurrent', { ...params, senders: concurrency, messages: conc.count, seconds: conc.seconds, messagesPerSecond: conc.count / conc.seconds });

    note(`fixed load ${rate} msg/s`);
    const load = await fixedLoad(rig, workload.take(Math.round(rate * 10 / 1.1)), rate / 1.1, 60_000);
    const { inFlight, ...figures } = load;
    emit('assistant.fixed-load', {
      ...params, note: `open loop: operations arrive at ${(rate / 1.1).toFixed(1)}/s (a leave operation is two messages, so ≈${rate} messages/s), 10 s of arrivals, bounded at 60 s`,
      ...figures,
    });
    await Promise.race([Promise.allSettled(inFlight), after(120_000)]);

    // The same, at a load below saturation: the latency a message sees when it does not queue.
    const light = Math.max(1, Math.floor(seqRate * 0.6));
    note(`fixed load ${light} msg/s`);
    const under = await fixedLoad(rig, workload.take(light * 10), light / 1.1, 60_000);
    const { inFlight: inFlight2, ...underFigures } = under;
    emit('assistant.fixed-load.below-saturation', { ...params, note: `open loop at 60% of the sequential saturation rate, 10 s of arrivals`, ...underFigures });
    await Promise.race([Promise.allSettled(inFlight2), after(120_000)]);
  } finally {
    await rig.close();
    removeCopy(copy);
  }
  return meanByKind;
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
if (wanted('generate')) {
  const rows = Object.values(gen.rows).reduce((s, n) => s + n, 0);
  emit('generate', {
    ...gen, spec: SCALES[scale], totalRows: rows, ...(gen.reused ? { note: 'reused the cached file; delete it to time the generation' } : { rowsPerSecond: rows / gen.seconds }),
    fileMiB: fs.statSync(gen.file).size / 2 ** 20,
  });
}
let language: LanguageModel | null = null;
const lang = async () => (language ??= await loadLanguage({ cacheDir: 'data/bench' }));
let meanByKind: Map<Kind, { total: number; storage: number }> | null = null;
if (wanted('assistant')) meanByKind = await assistantFigures(gen.file, await lang());
if (wanted('floor')) {
  const copy = workingCopy(gen.file, 'floor');
  try {
    await runFloor(copy, seed, Math.min(messages, 600), meanByKind, emit, note);
  } finally {
    removeCopy(copy);
  }
}
if (wanted('language')) languageFigure(await lang());
if (wanted('startup')) await runStartup(gen.file, emit, note);
await runOfficeJobs({ dbFile: gen.file, scale, seed, emit, note, wanted, workingCopy, removeCopy });

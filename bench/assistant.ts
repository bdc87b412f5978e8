// The assistant's figures, phase by phase, for one share of the load. With one process the share is
// everything and the phases run in this process; with `--processes N` (PostgreSQL) each of N child
// processes (assistant-process.ts) runs the same phases on its share at the same time, and run.ts
// adds the shares up.
//
// How the load is split: every process draws the same seeded operation sequence (same seed, same
// office), so the sequence is the one a single process would send; process k of N takes operations
// k, k+N, k+2N, … of it. So each file is noted or approved once overall, a leave application and its
// confirmation stay in one process, and the union of the shares is the one-process workload.
//   sequential   each process sends its share one message at a time (N senders in all)
//   concurrent   the senders (--concurrency, 8) are divided among the processes (8/N each)
//   fixed load   operation i arrives at i/rate seconds in whichever process owns it, so the processes
//                together offer the one-process arrival stream (rate/N each)
import type { Rig, MeterSnapshot } from './instrumented.ts';
import { snapshot } from './instrumented.ts';
import { KINDS, type Kind, type Message, type Operation, type Workload } from './workload.ts';

export interface Share {
  index: number;
  of: number;
}

export type PhaseRequest =
  | { phase: 'warmup'; ops: number; limitMs: number }
  | { phase: 'sequential'; ops: number; limitMs: number }
  | { phase: 'concurrent'; ops: number; senders: number; limitMs: number }
  | { phase: 'fixed'; ops: number; perSecond: number; limitMs: number }
  | { phase: 'statements' };

export interface KindSample {
  n: number;
  ms: number[];
  /** Meter differences summed over the kind's messages (a mean is sums / n). */
  sums: MeterSnapshot;
}

export interface SequentialResult {
  count: number;
  seconds: number;
  /** This process's CPU time (user + system, all its threads) over the phase. */
  cpuMs: number;
  /** The message thread's busy time over the phase (event-loop utilisation: running JavaScript, blocked in a synchronous call such as SQLite's COMMIT and its fsync, and the loop's own turns: an upper bound). */
  mainMs: number;
  perKind: Partial<Record<Kind, KindSample>>;
  samples: Partial<Record<Kind, string>>;
  traces: Partial<Record<Kind, string[]>>;
}

export interface ConcurrentResult {
  count: number;
  seconds: number;
  cpuMs: number;
  mainMs: number;
}

export interface FixedResult {
  scheduled: number;
  latencies: number[];
  drainSeconds: number;
  seconds: number;
}

export interface StatementsResult {
  repositories: Array<[string, number]>;
  /** [statement, total ms, calls] */
  statements: Array<[string, number, number]>;
}

/** A wait that does not keep the process alive (the bounds below race against unfinished work). */
export const after = (ms: number): Promise<void> => new Promise<void>((resolve) => { setTimeout(resolve, ms).unref(); });

const mainMsSince = (start: ReturnType<typeof performance.eventLoopUtilization>): number => performance.eventLoopUtilization(start).active;

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

const zero = (): MeterSnapshot => ({
  sqlCalls: 0, sqlMs: 0, controlCalls: 0, controlMs: 0, savepointWrites: 0, transactions: 0, transactionMs: 0, workMs: 0,
  repoCalls: 0, repoBusyMs: 0, parseMs: 0, renderMs: 0, blobMs: 0, inTxExtrasMs: 0,
});

async function handleOne(rig: Rig, m: Message): Promise<string> {
  const replies = await rig.assistant.handle(m.inbound);
  return replies.map((r) => r.text).join(' | ');
}

/** Runs the phases on one share of the workload, with one rig. */
export class ShareRunner {
  constructor(private readonly rig: Rig, private readonly workload: Workload, private readonly share: Share) {}

  /** The next `count` operations of the common sequence, with their index in it; only this share's kept. */
  private take(count: number): Array<{ index: number; op: Operation }> {
    return this.workload.take(count).map((op, index) => ({ index, op })).filter(({ index }) => index % this.share.of === this.share.index);
  }

  async run(request: PhaseRequest): Promise<unknown> {
    switch (request.phase) {
      case 'warmup': return this.sequential(this.take(request.ops).map((o) => o.op), request.limitMs);
      case 'sequential': return this.sequential(this.take(request.ops).map((o) => o.op), request.limitMs);
      case 'concurrent': return this.concurrent(this.take(request.ops).map((o) => o.op), request.senders, request.limitMs);
      case 'fixed': return this.fixedLoad(this.take(request.ops), request.perSecond, request.limitMs);
      case 'statements': return this.statements();
    }
  }

  private async sequential(ops: Operation[], limitMs: number): Promise<SequentialResult> {
    const { rig } = this;
    const perKind: Partial<Record<Kind, KindSample>> = {};
    const samples: Partial<Record<Kind, string>> = {};
    const traces: Partial<Record<Kind, string[]>> = {};
    const started = performance.now();
    const cpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    let count = 0;
    for (const op of ops) {
      if (performance.now() - started > limitMs) break;
      for (const m of op.messages) {
        const before = snapshot(rig.meters);
        // The second message of each kind (the first may take a cold path) has its calls listed.
        const entry = perKind[m.kind] ?? { n: 0, ms: [], sums: zero() };
        const tracing = entry.n === 1;
        if (tracing) rig.meters.trace = [];
        const t0 = performance.now();
        const reply = await handleOne(rig, m);
        const ms = performance.now() - t0;
        if (tracing && rig.meters.trace !== null) traces[m.kind] = rig.meters.trace;
        rig.meters.trace = null;
        const now = snapshot(rig.meters);
        for (const key of Object.keys(now) as Array<keyof MeterSnapshot>) entry.sums[key] += now[key] - before[key];
        entry.n += 1;
        entry.ms.push(ms);
        perKind[m.kind] = entry;
        samples[m.kind] ??= reply.slice(0, 160);
        count += 1;
      }
    }
    return { count, seconds: (performance.now() - started) / 1000, cpuMs: cpuMsSince(cpu), mainMs: mainMsSince(elu), perKind, samples, traces };
  }

  private async concurrent(ops: Operation[], senders: number, limitMs: number): Promise<ConcurrentResult> {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    let next = 0;
    let count = 0;
    await Promise.all(Array.from({ length: senders }, async () => {
      while (next < ops.length && performance.now() - started < limitMs) {
        const op = ops[next++] as Operation;
        for (const m of op.messages) { await handleOne(this.rig, m); count += 1; }
      }
    }));
    return { count, seconds: (performance.now() - started) / 1000, cpuMs: cpuMsSince(cpu), mainMs: mainMsSince(elu) };
  }

  /**
   * Open loop: operation i (its index in the common sequence) starts at i/rate seconds whatever happened
   * before; latency from its schedule. Arrivals stop at `limitMs`, and the drain is bounded by it too;
   * what is still running then is awaited (120 s at most) before the phase answers, so the next phase
   * starts clean.
   */
  private async fixedLoad(ops: Array<{ index: number; op: Operation }>, perSecond: number, limitMs: number): Promise<FixedResult> {
    const started = performance.now();
    const latencies: number[] = [];
    const inFlight: Array<Promise<void>> = [];
    let scheduled = 0;
    for (const { index, op } of ops) {
      const due = (index * 1000) / perSecond;
      const wait = due - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (performance.now() - started > limitMs) break;
      scheduled += op.messages.length;
      inFlight.push((async () => {
        for (const m of op.messages) {
          await handleOne(this.rig, m);
          latencies.push(performance.now() - started - due);
        }
      })());
    }
    const drainStarted = performance.now();
    await Promise.race([Promise.all(inFlight), after(limitMs)]);
    const result = { scheduled, latencies: [...latencies], drainSeconds: (performance.now() - drainStarted) / 1000, seconds: (performance.now() - started) / 1000 };
    await Promise.race([Promise.allSettled(inFlight), after(120_000)]);
    return result;
  }

  private statements(): StatementsResult {
    const { meters } = this.rig;
    return {
      repositories: [...meters.byRepoOp],
      statements: [...meters.sqlMsByStatement].map(([text, ms]) => [text, ms, meters.sqlCallsByStatement.get(text) ?? 0]),
    };
  }
}

// ---- adding the shares up (run.ts) ----

export const quantile = (sorted: number[], q: number): number =>
  (sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number));
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * Several sequential runs as one: counts add up. Runs of several processes at once take the longest
 * one's wall time; slices of one process, one after another, the sum of theirs.
 */
export function mergeSequential(parts: SequentialResult[], timing: 'at once' | 'one after another' = 'at once'): SequentialResult {
  const perKind: Partial<Record<Kind, KindSample>> = {};
  for (const part of parts) {
    for (const kind of KINDS) {
      const p = part.perKind[kind];
      if (p === undefined) continue;
      const e = perKind[kind] ?? { n: 0, ms: [], sums: zero() };
      e.n += p.n;
      e.ms.push(...p.ms);
      for (const key of Object.keys(e.sums) as Array<keyof MeterSnapshot>) e.sums[key] += p.sums[key];
      perKind[kind] = e;
    }
  }
  return {
    count: parts.reduce((s, p) => s + p.count, 0),
    seconds: timing === 'at once' ? Math.max(...parts.map((p) => p.seconds)) : parts.reduce((s, p) => s + p.seconds, 0),
    cpuMs: parts.reduce((s, p) => s + p.cpuMs, 0),
    mainMs: parts.reduce((s, p) => s + p.mainMs, 0),
    perKind,
    samples: Object.assign({}, ...[...parts].reverse().map((p) => p.samples)) as SequentialResult['samples'],
    traces: Object.assign({}, ...[...parts].reverse().map((p) => p.traces)) as SequentialResult['traces'],
  };
}

export function mergeConcurrent(parts: ConcurrentResult[]): ConcurrentResult {
  return {
    count: parts.reduce((s, p) => s + p.count, 0), seconds: Math.max(...parts.map((p) => p.seconds)),
    cpuMs: parts.reduce((s, p) => s + p.cpuMs, 0), mainMs: parts.reduce((s, p) => s + p.mainMs, 0),
  };
}

export function fixedFigures(parts: FixedResult[]) {
  const sorted = sortNum(parts.flatMap((p) => p.latencies));
  const scheduled = parts.reduce((s, p) => s + p.scheduled, 0);
  return {
    scheduledMessages: scheduled, completed: sorted.length, unfinishedAtLimit: scheduled - sorted.length,
    drainSeconds: Math.max(...parts.map((p) => p.drainSeconds)), seconds: Math.max(...parts.map((p) => p.seconds)),
    p50Ms: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9), p99Ms: quantile(sorted, 0.99), maxMs: sorted.at(-1) ?? NaN,
  };
}

export function mergeStatements(parts: StatementsResult[]): { repositories: Record<string, number>; statements: Record<string, { ms: number; calls: number; meanUs: number }> } {
  const repos = new Map<string, number>();
  const statements = new Map<string, { ms: number; calls: number }>();
  for (const part of parts) {
    for (const [op, n] of part.repositories) repos.set(op, (repos.get(op) ?? 0) + n);
    for (const [text, ms, calls] of part.statements) {
      const s = statements.get(text) ?? { ms: 0, calls: 0 };
      s.ms += ms;
      s.calls += calls;
      statements.set(text, s);
    }
  }
  return {
    repositories: Object.fromEntries([...repos].sort((a, b) => b[1] - a[1])),
    statements: Object.fromEntries([...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
      .map(([text, s]) => [text, { ...s, meanUs: (s.ms / s.calls) * 1000 }])),
  };
}

/** Mean milliseconds per message of a kind, as the floor compares them. */
export interface KindMeans {
  /** The whole message: handle() called to replies returned. */
  total: number;
  /** SQL statements + transaction overhead (BEGIN/lock/COMMIT, the store's queue): the storage work the floor also does. */
  storage: number;
  /** storage + the adapter's own JavaScript: query building and compiling, row mapping (all repository-call time + transaction overhead). */
  storageWithAdapter: number;
}

/** The per-kind breakdown of the sequential phase, and the means the floor compares with. */
export function breakdown(seq: SequentialResult): { kinds: Record<string, unknown>; means: Map<Kind, KindMeans> } {
  const kinds: Record<string, unknown> = {};
  const means = new Map<Kind, KindMeans>();
  for (const kind of KINDS) {
    const e = seq.perKind[kind];
    if (e === undefined || e.n === 0) continue;
    const mean = (f: (d: MeterSnapshot) => number) => f(e.sums) / e.n;
    const total = e.ms.reduce((s, x) => s + x, 0) / e.n;
    const txOverhead = mean((d) => d.transactionMs - d.workMs);
    const sql = mean((d) => d.sqlMs);
    const repo = mean((d) => d.repoBusyMs);
    means.set(kind, { total, storage: sql + txOverhead, storageWithAdapter: repo + txOverhead });
    const sorted = sortNum(e.ms);
    kinds[kind] = {
      n: e.n, meanMs: total, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99),
      sqlStatementsPerMessage: mean((d) => d.sqlCalls), sqlMs: sql,
      savepointWritesPerMessage: mean((d) => d.savepointWrites),
      repoCallsPerMessage: mean((d) => d.repoCalls), repoMs: repo, adapterJsMs: repo - sql,
      transactionsPerMessage: mean((d) => d.transactions), transactionMs: mean((d) => d.transactionMs),
      txOverheadMs: txOverhead, beginCommitStatementMs: mean((d) => d.controlMs),
      storageMs: sql + txOverhead,
      inTxOtherMs: mean((d) => d.workMs - d.repoBusyMs - d.inTxExtrasMs),
      inTxParseRenderBlobMs: mean((d) => d.inTxExtrasMs),
      parseMs: mean((d) => d.parseMs), renderPdfMs: mean((d) => d.renderMs), blobMs: mean((d) => d.blobMs),
      outsideTxMs: total - mean((d) => d.transactionMs),
      sampleReply: seq.samples[kind],
    };
  }
  return { kinds, means };
}

/** What each breakdown field is, printed with it. */
export const BREAKDOWN_LEGEND = {
  sqlMs: 'data statements (not BEGIN/COMMIT) as Kysely times them: driver call to answer — bind, run, read rows; on PostgreSQL the round trip, incl. SAVEPOINT/RELEASE for writes under a savepoint',
  savepointWritesPerMessage: 'PostgreSQL: writes run under a savepoint (two more round trips each, inside sqlMs)',
  repoMs: 'wall time inside repository calls: query building + compiling, the statements, row mapping',
  adapterJsMs: 'repoMs - sqlMs: Kysely query building and compiling, row mapping, promise hops',
  txOverheadMs: 'transactionMs - time inside the work callbacks: the store queue, BEGIN (IMMEDIATE; on PostgreSQL + the office lock), COMMIT (its fsync), Kysely transaction plumbing',
  beginCommitStatementMs: 'SQLite: BEGIN IMMEDIATE and COMMIT as statements (part of txOverheadMs); PostgreSQL sends them unlogged (0 here)',
  storageMs: 'sqlMs + txOverheadMs: what the floor compares as storage',
  inTxOtherMs: 'inside transactions but not in a repository call nor parse/render/blob: commands, core, replies',
  outsideTxMs: 'outside store transactions: routing, the album wait, blobs and PDFs made outside, JSON',
};

// `--baseline [commit]`: the store as it was before issue 15, measured on this machine in this run,
// so that "no lower than today's" compares figures taken minutes apart under the same conditions,
// not against numbers written down on another day. The commit (default BASELINE_COMMIT: the last
// one with the Prisma store) is checked out into a git worktree under data/bench/, installed once
// with `npm ci` (≈3 minutes the first time: better-sqlite3 is compiled), and its own bench runs the
// assistant figures with the same seed, scale and workload options. Its store ran SQLite at
// synchronous = NORMAL (no fsync per COMMIT); ours runs FULL (README, "Growing past one machine").
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The last commit whose store was Prisma Client with raw statements on Prisma's connection. */
export const BASELINE_COMMIT = '60d47ba';

export interface BaselineFigures {
  commit: string;
  store: string;
  sequentialMessagesPerSecond: number;
  concurrentMessagesPerSecond: number;
  fixedLoad: { offeredPerSecond: number; p50Ms: number; p99Ms: number };
  /** The process's CPU (all threads) per message, sequential and concurrent. */
  cpuMsPerMessage: { sequential: number; concurrent: number };
  /** A receipt message's mean in the sequential run (its breakdown), if the commit's bench prints one. */
  receiptMeanMs: number | null;
}

export interface BaselineOptions {
  commit: string;
  scale: string;
  seed: number;
  messages: number;
  concurrency: number;
  rate: number;
  warmup: number;
  /**
   * The old store's SQLite `synchronous`, for a like-for-like comparison: its own setting was NORMAL
   * (better-sqlite3's default on a WAL file); `full` is what this build runs. Applied by one line
   * added to the worktree's open-store.ts (the worktree is a scratch checkout; a run without this
   * option restores the file).
   */
  synchronous?: 'normal' | 'full';
  note(line: string): void;
}

const OPEN_STORE = 'adapters/storage/open-store.ts';
const RETURN_LINE = '  return { client, connection };\n}';
const PRAGMA_LINE = "  (connection as Database.Database).pragma(`synchronous = ${process.env.BASELINE_SYNCHRONOUS ?? 'NORMAL'}`);\n";

/** Makes the old store set `synchronous` from BASELINE_SYNCHRONOUS (or undoes that). */
function setSynchronous(dir: string, wanted: boolean): void {
  const file = path.join(dir, OPEN_STORE);
  if (!wanted) {
    execFileSync('git', ['checkout', '--', OPEN_STORE], { cwd: dir });
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes(PRAGMA_LINE)) return;
  if (!text.includes(RETURN_LINE)) throw new Error(`--baseline-synchronous: ${OPEN_STORE} of this commit has no line to patch; compare at its own setting`);
  fs.writeFileSync(file, text.replace(RETURN_LINE, PRAGMA_LINE + RETURN_LINE));
}

function run(command: string, args: string[], cwd: string, note: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      for (const line of chunk.split('\n')) if (line.startsWith('[bench]')) note(`baseline: ${line.slice(8)}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} in ${cwd} exited ${String(code)}: ${err.split('\n').slice(-8).join('\n')}`));
    });
  });
}

/** Checks the commit out (once) and installs it (once); returns its folder. */
async function worktree(repoRoot: string, commit: string, note: (line: string) => void): Promise<{ dir: string; sha: string }> {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const dir = path.join(repoRoot, 'data', 'bench', `baseline-${sha.slice(0, 12)}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    note(`baseline: checking out ${sha.slice(0, 12)} into ${path.relative(repoRoot, dir)}`);
    execFileSync('git', ['worktree', 'prune'], { cwd: repoRoot });
    execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, sha], { cwd: repoRoot, stdio: 'ignore' });
  }
  if (!fs.existsSync(path.join(dir, 'node_modules', '.package-lock.json'))) {
    note('baseline: npm ci (the first time only)');
    await run('npm', ['ci', '--no-audit', '--no-fund'], dir, note);
  }
  return { dir, sha };
}

export async function runBaseline(repoRoot: string, o: BaselineOptions): Promise<BaselineFigures> {
  const { dir, sha } = await worktree(repoRoot, o.commit, o.note);
  setSynchronous(dir, o.synchronous !== undefined);
  const out = await run('npm', [
    'run', '-s', 'bench', '--', '--only', 'assistant', '--scale', o.scale, '--seed', String(o.seed), '--messages', String(o.messages),
    '--concurrency', String(o.concurrency), '--rate', String(o.rate), '--warmup', String(o.warmup),
  ], dir, o.note, { ...process.env, ...(o.synchronous !== undefined ? { BASELINE_SYNCHRONOUS: o.synchronous.toUpperCase() } : {}) });
  const figures = new Map<string, Record<string, unknown>>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    figures.set(String(parsed.figure), parsed);
  }
  const number = (figure: string, field: string): number => {
    const value = figures.get(figure)?.[field];
    if (typeof value !== 'number') throw new Error(`the baseline's bench printed no ${figure}.${field}`);
    return value;
  };
  const soft = (figure: string, field: string): number => {
    const value = figures.get(figure)?.[field];
    return typeof value === 'number' ? value : NaN;
  };
  return {
    commit: sha.slice(0, 12),
    store: `${String(figures.get('assistant.saturation.sequential')?.store ?? 'prisma')}, synchronous = ${o.synchronous === undefined ? 'its own setting' : o.synchronous.toUpperCase()}`,
    sequentialMessagesPerSecond: number('assistant.saturation.sequential', 'messagesPerSecond'),
    concurrentMessagesPerSecond: number('assistant.saturation.concurrent', 'messagesPerSecond'),
    fixedLoad: {
      offeredPerSecond: number('assistant.fixed-load', 'offeredPerSecond'),
      p50Ms: number('assistant.fixed-load', 'p50Ms'),
      p99Ms: number('assistant.fixed-load', 'p99Ms'),
    },
    // NaN where that commit's bench did not print it.
    cpuMsPerMessage: { sequential: soft('assistant.saturation.sequential', 'cpuMsPerMessage'), concurrent: soft('assistant.saturation.concurrent', 'cpuMsPerMessage') },
    receiptMeanMs: ((figures.get('assistant.breakdown')?.kinds as Record<string, { meanMs?: number }> | undefined)?.receipt?.meanMs) ?? null,
  };
}

// A `daftar start` child process for reliability tests: spawned as an operator would run it
// (node app/cli/daftar.mjs start, from the repository root), its console kept line by line with
// the time each line came, so a test can wait for a line, read an OTP off it, kill it (SIGKILL, as
// a crash) and show its log when something went wrong.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DAFTAR_CLI = path.join(REPO_ROOT, 'app', 'cli', 'daftar.mjs');

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** performance.now() of the test process when the line arrived. */
  at: number;
}

/** The environment a child gets: only what is given, plus what any program needs to run. */
export function childEnv(vars: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return { ...base, ...vars };
}

export class DaftarProcess {
  readonly lines: LogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly name: string, env: Record<string, string>, args: string[]) {
    this.child = spawn(process.execPath, [DAFTAR_CLI, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      this.child[stream]?.setEncoding('utf8');
      this.child[stream]?.on('data', (chunk: string) => {
        partial += chunk;
        const parts = partial.split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) this.add(stream, text);
      });
      this.child[stream]?.on('end', () => {
        if (partial !== '') this.add(stream, partial);
        partial = '';
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        this.wake();
        resolve({ code, signal });
      });
      this.child.once('error', (error) => {
        this.add('stderr', `[spawn error] ${error.message}`);
        this.exit = { code: null, signal: null };
        this.wake();
        resolve({ code: null, signal: null });
      });
    });
  }

  /** Starts `daftar start` with exactly `env` (see childEnv). */
  static start(name: string, env: Record<string, string>): DaftarProcess {
    return new DaftarProcess(name, env, ['start']);
  }

  /** Runs another daftar command (e.g. `audit verify`) and resolves with its exit code and output. */
  static async run(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
    const p = new DaftarProcess(args.join(' '), env, args);
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    const { code } = await p.exited;
    clearTimeout(timer);
    return { code, output: p.log() };
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  private add(stream: LogLine['stream'], text: string): void {
    this.lines.push({ stream, text, at: performance.now() });
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first line (from index `from` on) matching `pattern`; fails on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<{ line: LogLine; match: RegExpExecArray; index: number }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.lines.length; i++) {
          const line = this.lines[i] as LogLine;
          const match = pattern.exec(line.text);
          if (match !== null) {
            done();
            resolve({ line, match, index: i });
            return;
          }
        }
        if (this.exit !== null) {
          done();
          reject(new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before printing ${pattern}:\n${this.log()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.log()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends the signal if the process still runs (by its own pid: never anything else). */
  kill(signal: NodeJS.Signals): void {
    if (this.exit === null) this.child.kill(signal);
  }

  /** Stops it: SIGTERM (Daftar closes cleanly), SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exit !== null) return;
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  log(): string {
    return this.lines.map((l) => `${this.name} ${l.stream === 'stderr' ? '!' : '>'} ${l.text}`).join('\n');
  }
}

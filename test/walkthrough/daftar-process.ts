// Daftar started the way `npm start` starts it — `node app/cli/daftar.mjs start`, the real
// composition root — as a child process on a fresh temporary data directory (the demo office is
// seeded into it) and a free port. Its console (stdout and stderr) is kept, because that is where
// demo mode puts what a person at the server reads: the development OTPs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(REPO, 'app', 'cli', 'daftar.mjs');

/** A port nobody listens on right now (the kernel's choice, released at once). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DaftarProcess {
  /** The temporary directory; the process's data (DAFTAR_DATA_DIR) is its data/. */
  dir: string;
  /** Every line the process printed so far, stdout and stderr together, in arrival order. */
  lines: string[];
  /** Resolves with the first line from `from` on that matches (waiting for it if need be). */
  waitForLine(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  /**
   * The development OTP printed on the console for the given masked mobile ending (e.g. "0002"),
   * the first one printed after line `from`.
   */
  otp(mobileEnding: string, from: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Every variable of .env.example with its value there — the configuration of no .env at all (a
 * test keeps the two equal). Given to the process, they win over a developer's own .env in the
 * repository, which the command line would otherwise read.
 */
async function defaults(): Promise<Record<string, string>> {
  const lines = (await readFile(path.join(REPO, '.env.example'), 'utf8')).split('\n');
  return Object.fromEntries(lines.filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/**
 * Starts `daftar start` with the defaults and the given settings (and the parent's PATH and HOME,
 * so that tesseract, poppler and Chromium are found), its data in a directory of its own, and waits
 * for "Daftar is ready".
 */
export async function startDaftar(settings: Record<string, string>, options: { readyTimeoutMs?: number } = {}): Promise<DaftarProcess> {
  const dir = await mkdtemp(path.join(tmpdir(), 'daftar-walkthrough-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LANG: 'C.UTF-8',
    ...(await defaults()),
    DAFTAR_DATA_DIR: path.join(dir, 'data'),
    ...settings,
  };
  // From the repository, as `npm start` runs (the PDF worker resolves tsx from the working directory).
  const child: ChildProcess = spawn(process.execPath, [CLI, 'start'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let exited: string | null = null;
  const take = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      rest += chunk;
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  };
  take(child.stdout);
  take(child.stderr);
  const gone = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
    for (const wake of waiters) wake();
    resolve();
  }));

  const waitForLine = (pattern: RegExp, { from = 0, timeoutMs = 20_000 }: { from?: number; timeoutMs?: number } = {}) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find((line) => pattern.test(line));
        if (found !== undefined) return done(() => resolve(found));
        if (exited !== null) return done(() => reject(new Error(`daftar ${exited} before printing ${pattern}:\n${lines.join('\n')}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`daftar did not print ${pattern} within ${timeoutMs} ms; its console:\n${lines.slice(-40).join('\n')}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 40_000);
      await gone;
      clearTimeout(killed);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForLine(/^Daftar is ready/, { timeoutMs: options.readyTimeoutMs ?? 90_000 });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    dir, lines, waitForLine, stop,
    otp: async (mobileEnding, from) => {
      const line = await waitForLine(new RegExp(`development OTP sender.* to \\S*${mobileEnding}: (\\d{4,8}) `), { from });
      return /: (\d{4,8}) /.exec(line)?.[1] ?? '';
    },
  };
}

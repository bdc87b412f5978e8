// Start-up: `node app/cli/daftar.mjs start` spawned as the office would run it, timed from spawn to
// its "Daftar is ready" line; then its resident memory after two idle seconds; then SIGTERM to it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Emit = (figure: string, data: Record<string, unknown>) => void;

const rssMiB = (pid: number): number | null => {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line === undefined ? null : Number(line.replace(/\D+/g, ' ').trim().split(' ')[0]) / 1024;
  } catch {
    return null;
  }
};

async function startOnce(env: Record<string, string>, timeoutMs: number): Promise<{ readyMs: number | null; selfReportedMs: number | null; idleRssMiB: number | null; exitCode: number | null; tail: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['app/cli/daftar.mjs', 'start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let readyMs: number | null = null;
  const ready = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (readyMs === null && out.includes('Daftar is ready')) { readyMs = performance.now() - started; resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', () => resolve());
  });
  await Promise.race([ready, new Promise((r) => { setTimeout(r, timeoutMs).unref(); })]);
  let idleRssMiB: number | null = null;
  if (readyMs !== null && child.pid !== undefined) {
    await new Promise((r) => setTimeout(r, 2000));
    idleRssMiB = rssMiB(child.pid);
  }
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  child.kill('SIGTERM');
  const exitCode = await Promise.race([exited, new Promise<null>((r) => { setTimeout(() => { child.kill('SIGKILL'); r(null); }, 10_000).unref(); })]);
  const self = /Daftar is ready \((\d+) ms\)/.exec(out);
  return { readyMs, selfReportedMs: self ? Number(self[1]) : null, idleRssMiB, exitCode, tail: readyMs === null ? out.slice(-600) : '' };
}

export async function runStartup(generatedFile: string, emit: Emit, note: (l: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-start-'));
  const port = 40_000 + (process.pid % 20_000);
  const base = { DAFTAR_DATA_DIR: dir, WEB_PORT: String(port), WEB_HOST: '127.0.0.1', LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '', WHATSAPP_ENABLED: 'false' };
  try {
    note('start-up: fresh data dir');
    const fresh = await startOnce(base, 120_000);
    emit('startup.fresh', { note: 'empty data dir: migrations, demo office seed, language model trained and cached, web chat', ...fresh });
    note('start-up: existing data dir');
    const again = await startOnce(base, 120_000);
    emit('startup.existing', { note: 'same data dir again (demo office, cached language model)', ...again });
    const copy = path.join(dir, 'generated.db');
    fs.copyFileSync(generatedFile, copy);
    note('start-up: on the generated office');
    const big = await startOnce({ ...base, DAFTAR_DB_FILE: copy, DAFTAR_DEMO: 'false' }, 180_000);
    emit('startup.generated', { note: 'existing data dir holding the generated office (counts every active employee at start)', ...big });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Daftar started from another directory (a service manager's WorkingDirectory, a shell elsewhere):
// its worker threads — the PDF pool that checks every scan, the signer — must still start. They
// once looked for tsx in the working directory and every scan failed with "Cannot find package 'tsx'".
import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const url = (relative: string) => pathToFileURL(path.join(repo, relative)).href;

let elsewhere: string;
beforeAll(async () => { elsewhere = await mkdtemp(path.join(os.tmpdir(), 'daftar-elsewhere-')); });
afterAll(async () => { await rm(elsewhere, { recursive: true, force: true }); });

describe('worker threads started from another working directory', () => {
  it('the PDF pool checks a PDF and the signer verifies one', async () => {
    const script = `
      const { WorkerRenderer } = await import(${JSON.stringify(url('adapters/pdf/worker-renderer.ts'))});
      const { WorkerSigner } = await import(${JSON.stringify(url('adapters/signing/worker-signer.ts'))});
      const { loadOrCreateOfficeCa } = await import(${JSON.stringify(url('adapters/signing/office-ca.ts'))});
      const clock = { now: () => new Date() };
      const pool = new WorkerRenderer({ clock, threads: 1 });
      const check = await pool.renderer().checkPdf(new Uint8Array(0));
      const { authority } = await loadOrCreateOfficeCa(process.cwd() + '/ca', new Date());
      const signer = new WorkerSigner({ authority, clock });
      const verified = await signer.verify(new TextEncoder().encode('%PDF-1.4 not signed'));
      await pool.close(); await signer.close();
      console.log(JSON.stringify({ cwd: process.cwd(), check, verified }));
    `;
    const file = path.join(elsewhere, 'start-workers.mjs');
    await writeFile(file, script);
    const { stdout } = await run(process.execPath, ['--import', url('node_modules/tsx/dist/esm/index.mjs'), file], { cwd: elsewhere, timeout: 60_000 });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { cwd: string; check: unknown; verified: unknown };
    expect(out.cwd).toBe(await realpath(elsewhere));
    expect(out.check).toEqual({ ok: false, reason: 'empty' });
    expect(out.verified).toEqual({ signed: false });
  });
});

// What else a server is doing while the assistant answers, for the figures that ask for it:
//   startBackgroundLoad   a second process that keeps one core busy (`--background-load`): an office
//                         server is rarely idle, so every engine figure is printed with and without it
//   startOfficeJobs       the office's heavy work at the same time as messages, back to back: the
//                         Collector's pendency report built (short read transactions that take turns
//                         with the chat, as the app's do) and rendered (the renderer the rig uses: the
//                         pool's reports lane), and a 50-page PDF signed with the office CA the way
//                         the app signs (adapters/signing/worker-signer.ts, inside a store transaction)
//   RssSampler            resident memory of this process (every thread: workers included), peak and last
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadOrCreateOfficeCa } from '../adapters/signing/office-ca.ts';
import { PdfSigner } from '../adapters/signing/pdf-signer.ts';
import { WorkerSigner } from '../adapters/signing/worker-signer.ts';
import { PdfRenderer } from '../adapters/pdf/pdf-renderer.ts';
import { DEFAULT_CALENDAR } from '../core/calendar/holidays.ts';
import type { PendencyReport, PendencyRow } from '../core/leave/documents.ts';
import type { DocumentSigner } from '../core/ports.ts';
import { pendencyReport } from '../core/pendency/pendency-report.ts';
import { turnTakingReads } from '../bots/jobs/daily-digest.ts';
import type { Rig } from './instrumented.ts';

const MiB = 2 ** 20;

/**
 * A child process spinning on one core until stopped (or, if this process dies without stopping it,
 * for at most `maxSeconds`). Its CPU time is reported, to show it really kept a core busy.
 */
export async function startBackgroundLoad(maxSeconds = 3600): Promise<{ stop(): Promise<{ seconds: number; cpuSeconds: number }> }> {
  const script = fileURLToPath(new URL('./spin.mjs', import.meta.url));
  const child: ChildProcess = fork(script, [String(maxSeconds)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the background load exited at once (${String(code)})`)));
  });
  child.removeAllListeners('exit');
  const started = performance.now();
  return {
    stop: async () => {
      const cpu = new Promise<number>((resolve) => {
        child.once('message', (m: { cpuMs?: number }) => resolve((m.cpuMs ?? 0) / 1000));
        setTimeout(() => resolve(NaN), 5000).unref();
      });
      child.send('stop');
      const cpuSeconds = await cpu;
      child.kill('SIGKILL');
      return { seconds: (performance.now() - started) / 1000, cpuSeconds };
    },
  };
}

/** Peak and current RSS of this process, sampled every `everyMs`. */
export class RssSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 100) {
    this.timer = setInterval(() => { this.peak = Math.max(this.peak, process.memoryUsage.rss()); }, everyMs);
    this.timer.unref();
  }

  stop(): { peakMiB: number; lastMiB: number } {
    clearInterval(this.timer);
    const last = process.memoryUsage.rss();
    return { peakMiB: Math.max(this.peak, last) / MiB, lastMiB: last / MiB };
  }
}

/** A full collection, without starting node with --expose-gc. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose_gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** RSS after a full collection and a moment of quiet: what an idle server holds. */
export async function idleRssMiB(): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  collectGarbage();
  return process.memoryUsage.rss() / MiB;
}

function row(label: string, n: number): PendencyRow {
  const buckets = [n % 7, n % 5, n % 3, 1, n % 11] as PendencyRow['buckets'];
  return { label, buckets, total: buckets.reduce((a, b) => a + b, 0) };
}

/** A pendency report of `employees` rows: a long document to sign, made once. */
function longReport(employees: number): PendencyReport {
  const bySection = Array.from({ length: 40 }, (_, i) => row(`Section ${i + 1} / शाखा ${i + 1}`, i + 1));
  const totals = row('Total', 0);
  return {
    office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' }, asOn: '25-11-2026', bySection,
    byEmployee: Array.from({ length: employees }, (_, i) => row(`कर्मचारी ${i + 1} / Employee ${i + 1}`, i)),
    oldestFiles: [], disposedLast7Days: [], totals,
  };
}

const pagesOf = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

export interface OfficeJobsFigures {
  reportsBuilt: number;
  meanReportSeconds: number | null;
  signed: number;
  meanSignMs: number | null;
  signedPdfPages: number;
  signedPdfKiB: number;
}

/** A PDF of at least `pages` pages (a long pendency report), made once before anything is timed. */
async function pdfOfPages(pages: number): Promise<Uint8Array> {
  const renderer = new PdfRenderer({ now: () => new Date(Date.UTC(2026, 10, 25, 6)) });
  let employees = pages * 32;
  for (;;) {
    const pdf = await renderer.pendencyReport(longReport(employees));
    const n = pagesOf(pdf);
    if (n >= pages) return pdf;
    employees = Math.ceil((employees * pages) / Math.max(1, n)) + 40;
  }
}

/**
 * Starts the office's heavy work back to back until stopped: the whole office's pendency report
 * (data through short read transactions that take turns with the chat, then the PDF on the rig's
 * renderer), and a 50-page PDF signed by the office CA as the app signs: inside a store
 * transaction, on the signing worker with keys made ahead (on this thread with `--renderer thread`),
 * a fresh signer certificate each time. Set-up (the CA, the 50-page PDF) is done before
 * this returns.
 */
export async function startOfficeJobs(rig: Rig, day: string, signPages = 50): Promise<{ stop(): Promise<OfficeJobsFigures> }> {
  const caDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-bench-ca-'));
  const { authority } = await loadOrCreateOfficeCa(caDir, rig.clock.now());
  // As app/main.ts: on the signing worker with keys made ahead (the default pool renderer), or on
  // this thread as before issue 16's signing move (--renderer thread).
  const signer: DocumentSigner = rig.pool !== null ? new WorkerSigner({ authority, clock: rig.clock }) : new PdfSigner({ authority, clock: rig.clock });
  const toSign = await pdfOfPages(signPages);
  const renderer = rig.pool?.renderer() ?? new PdfRenderer(rig.clock);
  let stop = false;
  const reportSeconds: number[] = [];
  const signMs: number[] = [];
  const reads = turnTakingReads(rig.store);
  // Each job step starts as a new macrotask, so that timers (message arrivals) run between them.
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const reports = (async () => {
    while (!stop) {
      await turn();
      const t0 = performance.now();
      await renderer.pendencyReport(await pendencyReport(reads, day, DEFAULT_CALENDAR));
      reportSeconds.push((performance.now() - t0) / 1000);
    }
  })();
  const signing = (async () => {
    while (!stop) {
      await turn();
      const t0 = performance.now();
      // The app signs inside the store's transaction (core/signing/apply-signed.ts: the decision, its
      // signed copy and the audit commit together), so every other message's transaction waits for
      // it: modelled so. The OTP went out a while before: the signer was told then (warm).
      signer.warm?.();
      await rig.store.transaction(() => signer.sign(toSign, { name: 'Rakesh Kumar', code: 'SAH0002', post: 'DDC', reason: 'approved' }));
      signMs.push(performance.now() - t0);
    }
  })();
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    stop: async () => {
      stop = true;
      await Promise.all([reports, signing]);
      if (signer instanceof WorkerSigner) await signer.close();
      fs.rmSync(caDir, { recursive: true, force: true });
      return {
        reportsBuilt: reportSeconds.length, meanReportSeconds: mean(reportSeconds), signed: signMs.length, meanSignMs: mean(signMs),
        signedPdfPages: pagesOf(toSign), signedPdfKiB: toSign.length / 1024,
      };
    },
  };
}

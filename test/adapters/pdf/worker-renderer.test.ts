// The renderer on worker threads: the same bytes as in-process for the same clock reading, the
// renderer's own failures passed back, the chat thread free while a long report is laid out, and a
// pool that can be closed.
import { afterEach, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { RenderError, WorkerRenderer } from '../../../adapters/pdf/worker-renderer.ts';
import type { PendencyReport, PendencyRow } from '../../../core/leave/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

function row(label: string, n: number): PendencyRow {
  const buckets = [n % 7, n % 5, n % 3, 1, n % 11] as PendencyRow['buckets'];
  return { label, buckets, total: buckets.reduce((a, b) => a + b, 0) };
}

function report(employees: number): PendencyReport {
  const bySection = Array.from({ length: 30 }, (_, i) => row(`Section ${i + 1} / शाखा ${i + 1}`, i + 1));
  const buckets = [0, 1, 2, 3, 4].map((b) => bySection.reduce((a, r) => a + r.buckets[b]!, 0)) as PendencyRow['buckets'];
  return {
    office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' }, asOn: '25-11-2026', bySection,
    byEmployee: Array.from({ length: employees }, (_, i) => row(`कर्मचारी ${i + 1} / Employee ${i + 1}`, i)),
    oldestFiles: [{ number: 'REV-1/2024', subject: 'भूमि विवाद', holder: 'Rakesh Kumar', section: 'Revenue', days: 412 }],
    disposedLast7Days: [], totals: { label: 'Total', buckets, total: buckets.reduce((a, b) => a + b, 0) },
  };
}

describe('WorkerRenderer', () => {
  const clock = new FakeClock();
  let pool: WorkerRenderer | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('makes the same PDF as the in-process renderer at the same clock reading, dated by the caller\'s clock', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    const input = report(40);
    const [inWorker, inProcess] = [await pool.renderer().pendencyReport(input), await new PdfRenderer(clock).pendencyReport(input)];
    expect(inWorker).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(inWorker).equals(Buffer.from(inProcess))).toBe(true);
    await qpdfCheck(inWorker);
    expect(await pdfText(inWorker)).toContain('Employee 40');
    clock.advance(86_400_000);
    expect(Buffer.from(await pool.renderer().pendencyReport(input)).equals(Buffer.from(inProcess))).toBe(false);
  });

  it('answers checks with their plain results and passes the renderer\'s refusals back', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    const renderer = pool.renderer();
    expect(await renderer.checkImages([{ bytes: new Uint8Array([1, 2, 3, 4]), mime: 'image/jpeg' }])).toMatchObject({ ok: false, index: 0 });
    const refused = await renderer.receiptFromImages([], 'SAH/R/2026/000001').then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(RenderError);
    expect((refused as Error).message).toMatch(/no images/);
    const unknown = await pool.call('noSuchDocument', []).then(() => null, (e: unknown) => e);
    expect((unknown as Error).message).toMatch(/no method noSuchDocument/);
    // The worker is still there for the next call.
    expect((await renderer.checkPdf(new Uint8Array(0)))).toEqual({ ok: false, reason: 'empty' });
  });

  it('leaves the calling thread free while a long report is laid out', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    await pool.renderer().checkPdf(new Uint8Array(0)); // the worker is up
    let ticks = 0;
    let ticksWhenDone = -1;
    const timer = setInterval(() => { ticks += 1; }, 5);
    await pool.renderer().pendencyReport(report(3_000)).then(() => { ticksWhenDone = ticks; });
    clearInterval(timer);
    // Laid out on this thread, the timer would not have fired at all until the PDF was done.
    expect(ticksWhenDone).toBeGreaterThan(3);
  });

  it('fails the calls of a closed pool instead of hanging', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    const pending = pool.renderer().pendencyReport(report(2_000)).then(() => null, (e: unknown) => e);
    await pool.close();
    expect(((await pending) as Error).message).toMatch(/closed/);
    await expect(pool.renderer().checkPdf(new Uint8Array(0))).rejects.toThrow(/closed/);
  });
});

// The renderer pool's lanes: a message's uploads (checks, a receipt's PDF) never wait behind a
// report or a document being laid out, the reports lane runs at a lower OS priority, and the pool is
// sized to the machine.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { WorkerRenderer, laneOf, poolSize } from '../../../adapters/pdf/worker-renderer.ts';
import type { PendencyReport, PendencyRow } from '../../../core/leave/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url)));

function row(label: string, n: number): PendencyRow {
  const buckets = [n % 7, n % 5, n % 3, 1, n % 11] as PendencyRow['buckets'];
  return { label, buckets, total: buckets.reduce((a, b) => a + b, 0) };
}
const report = (employees: number): PendencyReport => ({
  office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' }, asOn: '25-11-2026', bySection: [row('Section 1', 1)],
  byEmployee: Array.from({ length: employees }, (_, i) => row(`Employee ${i + 1}`, i)), oldestFiles: [], disposedLast7Days: [], totals: row('Total', 0),
});

/** The nice value of each thread of this process (Linux). */
function threadNices(): number[] {
  return fs.readdirSync(`/proc/${process.pid}/task`).map((tid) => {
    const stat = fs.readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('WorkerRenderer lanes', () => {
  const clock = new FakeClock();
  let pool: WorkerRenderer | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('is sized to the machine, and sends each method to its lane (documents to intake\'s workers below 4 cores)', () => {
    expect(poolSize(1)).toEqual({ intake: 1, documents: 0, reports: 1 });
    expect(poolSize(2)).toEqual({ intake: 1, documents: 0, reports: 1 });
    expect(poolSize(4)).toEqual({ intake: 3, documents: 2, reports: 1 });
    expect(poolSize(8)).toEqual({ intake: 4, documents: 4, reports: 2 });
    expect(['checkImages', 'checkPdf', 'receiptFromImages', 'noteSheet', 'signedTaBill', 'pendencyReport'].map(laneOf))
      .toEqual(['intake', 'intake', 'intake', 'documents', 'documents', 'reports']);
  });

  it('runs documents on the intake lane\'s workers when they have none of their own', async () => {
    pool = new WorkerRenderer({ clock, threads: { intake: 1, documents: 0, reports: 1 } });
    expect(pool.size).toEqual({ intake: 1, documents: 0, reports: 1 });
    const failed = await pool.call('noSuchDocument', []).then(() => null, (e: unknown) => e);
    expect((failed as Error).message).toMatch(/no method noSuchDocument/);
  });

  it('warm starts a lane\'s first worker before any call (the server warms intake when its channels go live), once', async () => {
    pool = new WorkerRenderer({ clock, threads: { intake: 2, documents: 0, reports: 1 } });
    const slots = (lane: string) => (pool as unknown as { lanes: Record<string, { slots: unknown[] }> }).lanes[lane]?.slots.length;
    expect(slots('intake')).toBe(0);
    pool.warm('intake');
    pool.warm('intake');
    expect(slots('intake')).toBe(1);
    expect(slots('reports')).toBe(0);
    // The warmed worker answers the first call.
    expect(await pool.renderer().checkPdf(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
    expect(slots('intake')).toBe(1);
  });

  it('answers a receipt while a long report is still being laid out', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    const r = pool.renderer();
    await Promise.all([r.checkPdf(new Uint8Array(0)), r.pendencyReport(report(5))]); // both lanes up
    const order: string[] = [];
    const long = r.pendencyReport(report(800)).then(() => order.push('report'));
    const receipt = r.receiptFromImages([{ bytes: jpeg, mime: 'image/jpeg' }], 'SAH/R/2026/000001').then((pdf) => { order.push('receipt'); return pdf; });
    expect((await receipt).length).toBeGreaterThan(jpeg.length);
    await long;
    expect(order).toEqual(['receipt', 'report']);
  });

  it.runIf(process.platform === 'linux')('runs the reports lane at a lower priority than the message thread', async () => {
    pool = new WorkerRenderer({ clock, threads: 1 });
    const before = threadNices();
    const mainBefore = mainThreadNice();
    await pool.renderer().checkPdf(new Uint8Array(0));
    expect(threadNices().filter((n) => n > 0).length).toBe(before.filter((n) => n > 0).length); // intake: the usual priority
    await pool.call('noSuchDocument', []).catch(() => undefined); // a documents worker: the usual priority too
    expect(threadNices().filter((n) => n > 0).length).toBe(before.filter((n) => n > 0).length);
    await pool.renderer().pendencyReport(report(5));
    expect(threadNices().filter((n) => n >= 10).length).toBe(before.filter((n) => n >= 10).length + 1);
    expect(mainThreadNice()).toBe(mainBefore); // the message thread is untouched
  });
});

function mainThreadNice(): number {
  const stat = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

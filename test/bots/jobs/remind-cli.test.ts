// `daftar remind --dry-run` on the demo office in a data folder of its own, with pending work put in
// through the store; then a real run queues each digest once, and `daftar report pendency` writes the PDF.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../adapters/storage/open-store.ts';
import { seedDemoOffice } from '../../../app/demo.ts';
import { silentLogger } from '../../../bots/log.ts';
import type { Employee } from '../../../core/types.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfText } from '../../helpers/pdf-tools.ts';
import { PendingWriter } from '../../core/pendency/pending-office.ts';

let dataDir: string;

function daftar(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', ...args], {
    env: { ...process.env, DAFTAR_DATA_DIR: dataDir, DAFTAR_ENV: 'development', DAFTAR_DB_FILE: '', DAFTAR_DEMO: 'true' }, encoding: 'utf8', timeout: 60_000,
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-remind-'));
  const store = await openStore({ file: path.join(dataDir, 'daftar.db') });
  try {
    await seedDemoOffice(store, new FakeClock('2026-11-02T04:30:00.000Z'), silentLogger);
    const by = async (code: string): Promise<Employee> => {
      const e = await store.transaction((tx) => tx.employees.byCode(code));
      if (e === null) throw new Error(`${code} is not in the demo roll`);
      return e;
    };
    const w = new PendingWriter(store);
    const headClerk = await by('SAH0019'); // reports to the EST section officer SAH0014
    const soEst = await by('SAH0014');
    const soRev = await by('SAH0015'); // reports to Ravi Shankar Prasad (SAH0007), who reads English
    await w.file(headClerk, 'EST-1/2026', '2026-11-02', { subject: 'सेवा पुस्तिका सत्यापन' });
    await w.receipt(headClerk, 'SAH/R/2026/000001', '2026-11-24', 'अनुकंपा नियुक्ति आवेदन');
    await w.file(soRev, 'REV-3/2026', '2026-10-15', { subject: 'दाखिल-खारिज अपील', status: 'parked' });
    await w.leave(headClerk, soEst, 'LV/2026/000001', '2026-11-24');
  } finally {
    await store.close();
  }
}, 60_000);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('daftar remind and daftar report pendency', () => {
  it('prints one English block per recipient on a dry run, and writes nothing', () => {
    const run = daftar('remind', '--dry-run', '--date', '2026-11-25');
    expect(run.status, run.out).toBe(0);
    const blocks = run.out.split('── ').slice(1);
    expect(blocks.map((b) => /\((SAH\d{4})\)/.exec(b)?.[1])).toEqual(['SAH0007', 'SAH0014', 'SAH0015', 'SAH0019', 'SAH0001']);
    const block = (code: string) => blocks.find((b) => b.includes(`(${code})`)) ?? '';
    expect(block('SAH0019')).toContain('reads Hindi\n25-11-2026 — pending with you: 2 (1 overdue), oldest first:\n1. File EST-1/2026 — सेवा पुस्तिका सत्यापन — 19 working days (⚠ overdue)\n2. Receipt SAH/R/2026/000001');
    expect(block('SAH0007')).toContain('Overdue with your team: 1\n• विनोद कुमार मिश्र (प्रशाखा पदाधिकारी): 1\n   – File REV-3/2026 — दाखिल-खारिज अपील — 34 working days (⚠ overdue, parked)');
    expect(block('SAH0014')).toContain('Leave LV/2026/000001 — रामचंद्र प्रसाद: CL 01-12-2026–02-12-2026 — 1 working day');
    expect(block('SAH0014')).toContain('• रामचंद्र प्रसाद (प्रधान लिपिक): 1');
    expect(block('SAH0001')).toContain('report note\nThe pendency report for 25-11-2026 is ready: 3 files and receipts pending');
    expect(run.out).toMatch(/Dry run for 2026-11-25: 4 digest\(s\) and 1 report note\(s\) would be queued; nothing was written \(\d+ ms\)/);
    // Nothing was written: the real run afterwards queues all five.
    const real = daftar('remind', '--date', '2026-11-25');
    expect(real.status, real.out).toBe(0);
    expect(real.out).toContain('2026-11-25: queued 5 message(s)');
    expect(real.out).toContain('delivered by the outbox dispatcher of the running server');
    expect(daftar('remind', '--date', '2026-11-25').out).toContain('queued 0 message(s); 5 had been queued earlier today and were skipped');
    expect(daftar('remind', '--dry-run', '--date', '2026-11-29').out).toBe('2026-11-29 is not a working day (Sunday, second Saturday or a listed holiday): no digests.\n');
    expect(daftar('remind', '--date', '25-11-2026')).toMatchObject({ status: 2 });
  }, 120_000);

  it('writes the report PDF', async () => {
    const out = path.join(dataDir, 'report.pdf');
    const run = daftar('report', 'pendency', '--out', out);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/pendency as on \d{2}-\d{2}-\d{4}: 3 pending/);
    expect(await pdfText(fs.readFileSync(out))).toContain('EST-1/2026');
  }, 60_000);
});

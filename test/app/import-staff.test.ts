import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { runImportStaff } from '../../app/cli/import-staff.ts';
import { FakeClock } from '../helpers/clock.ts';
import { freshDatabaseFile } from '../helpers/sqlite.ts';
import { canonicalPost } from '../core/staff/roll-helpers.ts';
import { makeRollSample, SAMPLE_EXPECTED, SAMPLE_PATH } from '../fixtures/make-roll-sample.ts';

const DEMO_ROLL = fileURLToPath(new URL('../../prisma/demo/saharsa-roll.csv', import.meta.url));

async function run(store: MemoryStore, file: string, post = canonicalPost) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
  const result = await runImportStaff({ store, clock: new FakeClock('2026-11-25T05:30:00.000Z'), canonicalPost: post }, file, out);
  return { ...result, lines: text.split('\n') };
}

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-import-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('daftar import-staff: the sample roll', () => {
  it('is what its checked-in generator makes', () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8')).toBe(makeRollSample());
  });

  it('prints a line per row and the counts written at the top of the generator, and exits 1 for its rejected rows', async () => {
    const store = new MemoryStore();
    const { exitCode, report, lines } = await run(store, SAMPLE_PATH);
    const e = SAMPLE_EXPECTED;
    expect(exitCode).toBe(1);
    expect(lines.filter((l) => l !== '').at(-1)).toBe(`${e.rejected} of ${e.total} rows were rejected and not imported: correct them and import the file again (rows already in are updated, never duplicated).`);
    expect(lines).toContain(`created ${e.created}, updated ${e.updated}, unchanged ${e.unchanged}, rejected ${e.rejected} of ${e.total} rows`);
    expect(report.sectionsCreated).toHaveLength(e.sections);
    expect(lines.filter((l) => /^line \d+ +(SAH\d{4}|-) +(created|rejected: .+)$/.test(l))).toHaveLength(e.total);
    for (const code of e.reasons) {
      const rows = report.rows.filter((r) => r.status === 'rejected' && r.reasons[0]?.code === code && r.reasons.length === 1);
      expect([code, rows.length]).toEqual([code, e.perReason]);
    }
    expect(lines).toContain('line 20   SAH0520  rejected: mobile 99999999 is not a 10-digit Indian mobile number');
    expect(lines.some((l) => l.startsWith('Staff not in this file were not changed (0 on the roll)'))).toBe(true);
    expect(await store.transaction((tx) => tx.employees.count())).toBe(e.created);
  });

  it('imported again, changes nothing and refuses the same rows', async () => {
    const store = new MemoryStore();
    await run(store, SAMPLE_PATH);
    const { report, lines } = await run(store, SAMPLE_PATH);
    expect(report.summary).toMatchObject({ created: 0, updated: 0, unchanged: SAMPLE_EXPECTED.created, rejected: SAMPLE_EXPECTED.rejected });
    expect(lines).toContain(`created 0, updated 0, unchanged ${SAMPLE_EXPECTED.created}, rejected ${SAMPLE_EXPECTED.rejected} of ${SAMPLE_EXPECTED.total} rows`);
  });
});

describe('daftar import-staff: the demo office roll', () => {
  it.each([['with', canonicalPost], ['without', undefined]] as const)('imports cleanly %s a post table', async (_w, post) => {
    const store = new MemoryStore();
    const { exitCode, report } = await run(store, DEMO_ROLL, post);
    expect(exitCode).toBe(0);
    expect(report.summary).toMatchObject({ rejected: 0, updated: 0, unchanged: 0 });
    expect(report.summary.created).toBeGreaterThanOrEqual(45);
    expect(report.summary.created).toBeLessThanOrEqual(60);
    expect(report.sectionsCreated.map((s) => s.code).sort()).toEqual(['ACC', 'DEV', 'DMG', 'ELE', 'EST', 'GOP', 'LAW', 'NAZ', 'NIC', 'REV']);
    const staff = await store.transaction((tx) => tx.employees.list());
    const byId = new Map(staff.map((e) => [e.id, e]));
    const top = staff.filter((e) => e.reportingOfficerId === null);
    expect(top.map((e) => [e.code, e.name, e.post])).toEqual([['SAH0001', 'आनंद शर्मा', 'जिलाधिकारी']]);
    // Every chain ends at the Collector.
    for (const e of staff) {
      let at = e;
      for (let steps = 0; at.reportingOfficerId !== null && steps < 10; steps++) at = byId.get(at.reportingOfficerId) ?? at;
      expect(at.code).toBe('SAH0001');
    }
    expect(staff.find((e) => e.name === 'अमित आनंद')?.post).toBe('जिला सूचना विज्ञान पदाधिकारी');
    expect(staff.every((e) => e.email === null || e.email.endsWith('@saharsa.example.in'))).toBe(true);
  });
});

describe('daftar import-staff: files it cannot take', () => {
  it('exits 1 when the file cannot be read', async () => {
    const { exitCode, lines } = await run(new MemoryStore(), path.join(dir, 'absent.xlsx'));
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe(`Cannot read ${path.join(dir, 'absent.xlsx')}: not found.`);
  });

  it('exits 1 naming the missing required columns, and writes nothing', async () => {
    const file = path.join(dir, 'narrow.csv');
    await writeFile(file, 'नाम,कर्मी कोड,पद,कोषांग का नाम,Remarks\nआनंद शर्मा,SAH0001,जिलाधिकारी,जिला गोपनीय प्रशाखा,\n');
    const store = new MemoryStore();
    const { exitCode, lines } = await run(store, file);
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe(`${file} lacks required columns: date of birth (जन्मतिथि), mobile (संपर्क नंबर).`);
    expect(await store.transaction((tx) => tx.employees.count())).toBe(0);
  });

  it('exits 1 when a row was rejected, saying so last, with the good rows in; 0 when none was', async () => {
    const file = path.join(dir, 'small.csv');
    const header = 'Name,Emp Code,DOB,Designation,Mobile,Section,Remarks\n';
    await writeFile(file, `${header}आनंद शर्मा,SAH0001,14-03-1978,जिलाधिकारी,9000000001,GOP,\nX,SAH0002,01-01-1980,Clerk,98765,GOP,\n`);
    const store = new MemoryStore();
    const rejected = await run(store, file);
    expect(rejected.exitCode).toBe(1);
    expect(rejected.lines).toContain('line 3  SAH0002  rejected: mobile 98765 is not a 10-digit Indian mobile number');
    expect(rejected.lines.filter((l) => l !== '').at(-1)).toBe('1 of 2 rows were rejected and not imported: correct them and import the file again (rows already in are updated, never duplicated).');
    expect((await store.transaction((tx) => tx.employees.list())).map((e) => e.code)).toEqual(['SAH0001']);
    await writeFile(file, `${header}आनंद शर्मा,SAH0001,14-03-1978,DM,9000000011,GOP,\n`);
    const { exitCode, lines } = await run(store, file);
    expect(exitCode).toBe(0);
    expect(lines[0]).toBe('Ignored columns (not on the प्रपत्र): Remarks');
    expect(lines[1]).toBe('line 2  SAH0001  updated (post, mobile)');
    expect(lines.filter((l) => l !== '').at(-1)).toBe('Staff not in this file were not changed (0 on the roll); deactivating someone is a separate admin action.');
  });
});

describe('daftar import-staff on the command line', () => {
  it('exits 1 when a row was rejected, the good rows in, and says so in its last line', async () => {
    const db = freshDatabaseFile();
    try {
      const file = path.join(dir, 'cli.csv');
      await writeFile(file, 'Name,Emp Code,DOB,Designation,Mobile,Section\nआनंद शर्मा,SAH0001,14-03-1978,जिलाधिकारी,9000000001,GOP\nX,SAH0002,01-01-1980,Clerk,98765,GOP\n');
      const cli = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'import-staff', file], {
        env: { ...process.env, DAFTAR_DB_FILE: db, DAFTAR_DEMO: 'false', OCR_ENABLED: 'false' }, encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      const lines = cli.stdout.trim().split('\n');
      expect(lines).toContain('line 2  SAH0001  created');
      expect(lines.at(-1)).toBe('1 of 2 rows were rejected and not imported: correct them and import the file again (rows already in are updated, never duplicated).');
    } finally {
      await rm(path.dirname(db), { recursive: true, force: true });
    }
  }, 60_000);
});

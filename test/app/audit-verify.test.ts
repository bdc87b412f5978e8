// Tampering with the audit trail straight in the SQLite file is caught by `daftar audit verify`:
// the chain itself, the anchors beside the database, and the notes and movements the events vouch for.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runAuditVerify } from '../../app/cli/audit-verify.ts';
import { loadConfig } from '../../bots/config.ts';
import { createTestStore, sqliteRows, sqliteRun } from '../helpers/sqlite.ts';
import { recordEvent } from '../../core/audit/record-event.ts';
import { addNote, createFile, decideFile, forwardFile } from '../../core/efile/files.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../core/efile/numbering.ts';
import { FakeClock } from '../helpers/clock.ts';
import { seedSmallOffice } from '../helpers/office.ts';

async function databaseWithEvents(n: number): Promise<string> {
  const { store, file } = await createTestStore();
  const clock = new FakeClock();
  for (let i = 1; i <= n; i += 1) {
    // Events about no business row (files have theirs checked below), so only the chain is in question.
    await store.transaction((tx) => recordEvent(tx, clock, { actor: 'SAH0002', type: 'staff.language_set', subjectType: 'employee', subjectId: `SAH000${i}`, data: { language: 'en' } }));
  }
  await store.close();
  return file;
}

/** `daftar audit verify` as a process of its own: the exit code the shell sees. */
function verifyProcess(file: string, ...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'audit', 'verify', ...args], {
    env: { ...process.env, DAFTAR_DB_FILE: file, DAFTAR_DEMO: 'false' }, encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** The same command's code in this process (a process start costs seconds); `--anchor` values as given. */
async function verify(file: string, ...anchors: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { out += chunk.toString('utf8'); done(); } });
  const status = await runAuditVerify(loadConfig({ DAFTAR_DB_FILE: file, DAFTAR_DEMO: 'false' }), sink, { anchors });
  return { status, out };
}

const tamper = (file: string, sql: string): void => sqliteRun(file, sql);
/** Each run starts the real command line (a few seconds each under a loaded test run). */
const CLI_RUNS = { timeout: 120_000 };
const anchorLines = (file: string): string[] => readFileSync(`${file}.audit-anchors`, 'utf8').trim().split('\n');

describe('daftar audit verify on a real SQLite file', () => {
  it('passes an untouched chain, then names an edited, a deleted and a truncated event', CLI_RUNS, async () => {
    const file = await databaseWithEvents(6);
    const first = verifyProcess(file);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/^OK: 6 audit events, hash chain intact\nNo anchors yet in .*daftar\.db\.audit-anchors: this run writes the first\n/);

    tamper(file, `UPDATE AuditEvent SET actor = 'SAH0099' WHERE seq = 4`);
    const edited = await verify(file);
    expect(edited.status).toBe(1);
    expect(edited.out).toContain('event #4 was edited');

    const deleted = await databaseWithEvents(6);
    tamper(deleted, 'DELETE FROM AuditEvent WHERE seq = 2');
    expect((await verify(deleted)).out).toContain('event #2 was deleted');

    const truncated = await databaseWithEvents(6);
    tamper(truncated, 'DELETE FROM AuditEvent WHERE seq >= 5');
    expect((await verify(truncated)).out).toContain('events from #5 on were deleted');
  });
});

describe('anchors beside the database', () => {
  it('catches the newest events deleted and the head rewritten to match, and anchors only an intact chain', CLI_RUNS, async () => {
    const file = await databaseWithEvents(6);
    const first = await verify(file);
    expect(first.status).toBe(0);
    const [line] = anchorLines(file);
    const head = sqliteRows<{ hash: string }>(file, 'SELECT hash FROM AuditEvent WHERE seq = 6')[0]?.hash ?? '';
    expect(line).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z 6 ${head}$`));
    expect(first.out).toContain(`Anchored #6 ${head} in `);
    expect((await verify(file)).out).toContain('OK: the chain agrees with 1 anchor');

    // The cover-up the head row alone cannot catch: the newest events gone, the head rewritten to match.
    tamper(file, 'DELETE FROM AuditEvent WHERE seq >= 5');
    tamper(file, 'UPDATE AuditHead SET seq = 4, hash = (SELECT hash FROM AuditEvent WHERE seq = 4)');
    const covered = verifyProcess(file);
    expect(covered.status).toBe(1);
    expect(covered.out).toContain('OK: 4 audit events, hash chain intact');
    expect(covered.out).toMatch(/TAMPERED: the chain ends at #4, but the anchor of \S+ in \S+daftar\.db\.audit-anchors shows it reached #6: events were deleted from its end/);
    // A tampered chain is not anchored: the file still holds only the anchors of the intact one.
    expect(anchorLines(file)).toHaveLength(2);

    // New events written over the gap make the chain long again, but not the same.
    const { openStore } = await import('../../adapters/storage/open-store.ts');
    const store = await openStore({ file });
    for (let i = 0; i < 3; i += 1) await store.transaction((tx) => recordEvent(tx, new FakeClock(), { actor: 'SAH0099', type: 'staff.language_set', subjectType: 'employee', subjectId: 'SAH0099' }));
    await store.close();
    const rewritten = await verify(file);
    expect(rewritten.status).toBe(1);
    expect(rewritten.out).toContain('TAMPERED: event #6 is not the event recorded by the anchor of');
  });

  it('checks the head the DIO was sent (--anchor) even without the anchor file', CLI_RUNS, async () => {
    const file = await databaseWithEvents(5);
    const head = sqliteRows<{ hash: string }>(file, 'SELECT hash FROM AuditEvent WHERE seq = 5')[0]?.hash ?? '';
    tamper(file, 'DELETE FROM AuditEvent WHERE seq = 5');
    tamper(file, 'UPDATE AuditHead SET seq = 4, hash = (SELECT hash FROM AuditEvent WHERE seq = 4)');
    const checked = verifyProcess(file, '--anchor', `5:${head}`);
    expect(checked.status).toBe(1);
    expect(checked.out).toContain('TAMPERED: the chain ends at #4, but the --anchor given for #5 shows it reached #5');
    expect(await verify(file, '5:not-a-hash')).toMatchObject({ status: 2, out: expect.stringContaining('--anchor expects <seq>:<head hash>') as unknown });
  });
});

describe('business rows against their events', () => {
  /** A file noted, forwarded and approved through the eFile use cases, on a real SQLite file. */
  async function officeWithFile(): Promise<{ file: string; collectorId: number }> {
    const { store, file } = await createTestStore();
    const clock = new FakeClock();
    const staff = await seedSmallOffice(store);
    await store.transaction(async (tx) => {
      const section = await tx.sections.byCode('EST');
      if (section === null) throw new Error('no EST section');
      let f = await createFile(tx, clock, { actor: staff.clerk, subject: 'Land acquisition', section, formats: DEFAULT_NUMBER_FORMATS });
      await addNote(tx, clock, { actor: staff.clerk, file: f, text: 'Put up for orders.' });
      f = (await tx.files.byId(f.id)) ?? f;
      await addNote(tx, clock, { actor: staff.clerk, file: f, text: 'Compensation of Rs 4,20,000 is due.' });
      f = (await tx.files.byId(f.id)) ?? f;
      await forwardFile(tx, clock, { actor: staff.clerk, file: f, to: staff.so, remark: null });
      f = (await tx.files.byId(f.id)) ?? f;
      await decideFile(tx, clock, { actor: staff.so, file: f, decision: 'approve', remark: 'Approved.' });
    });
    await store.close();
    return { file, collectorId: staff.collector.id };
  }

  it('passes untouched rows, then names a note whose text was edited without its event', CLI_RUNS, async () => {
    const { file } = await officeWithFile();
    const clean = await verify(file);
    expect(clean.status).toBe(0);
    expect(clean.out).toContain('OK: the notes and movements of 1 file match their audit events');

    tamper(file, `UPDATE Note SET text = 'Compensation of Rs 42,00,000 is due.' WHERE number = 2`);
    const edited = verifyProcess(file);
    expect(edited.status).toBe(1);
    expect(edited.out).toContain('OK: ');
    expect(edited.out).toMatch(/TAMPERED: file EST-1\/2026 note 2: its text was changed \(it no longer matches audit event #\d+\)/);
  });

  it('names a changed decision, a redirected movement, and a note written in directly', CLI_RUNS, async () => {
    const { file, collectorId } = await officeWithFile();
    tamper(file, `UPDATE Note SET decision = 'return' WHERE number = 3`);
    tamper(file, `UPDATE Movement SET toId = ${collectorId} WHERE action = 'forwarded'`);
    tamper(file, `INSERT INTO Note (fileId, number, authorId, text, decision, createdAt) SELECT fileId, 4, authorId, 'Backdated order', NULL, createdAt FROM Note WHERE number = 1`);
    const out = await verify(file);
    expect(out.status).toBe(1);
    expect(out.out).toMatch(/TAMPERED: file EST-1\/2026 note 3: its decision reads "return", audit event #\d+ recorded "approve"/);
    expect(out.out).toMatch(/TAMPERED: file EST-1\/2026 movement 2 reads "forwarded to SAH0001"; audit event #\d+ recorded "forwarded to SAH0010"/);
    expect(out.out).toContain('TAMPERED: file EST-1/2026 note 4 has no audit event (written into the database directly)');
  });
});

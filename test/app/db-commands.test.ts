// The database commands as an IT cell runs them: `db migrate` and `db copy` on a real PostgreSQL
// database, and what `start` says when the database cannot be reached.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordEvent } from '../../core/audit/record-event.ts';
import { emptyPostgresDatabase, postgresRows, type TestDatabase } from '../helpers/postgres.ts';
import { createTestStore } from '../helpers/sqlite.ts';
import { FakeClock } from '../helpers/clock.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function daftar(args: string[], env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['app/cli/daftar.mjs', ...args], {
      env: { ...process.env, DAFTAR_DEMO: 'false', DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (status) => resolve({ status, out }));
  });
}

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await emptyPostgresDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function officeFile(): Promise<string> {
  const made = await createTestStore();
  const clock = new FakeClock();
  await made.store.transaction(async (tx) => {
    const est = await tx.sections.create({ code: 'EST', name: 'Establishment' });
    await tx.employees.create({
      code: 'SAH0001', name: 'Ram', dob: '1980-01-01', post: 'Clerk', postKey: null, mobile: '9876543210', email: null,
      sectionId: est.id, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
    });
    for (let i = 0; i < 3; i += 1) await recordEvent(tx, clock, { actor: null, type: 'staff.created', data: { i } });
  });
  await made.store.close();
  cleanups.push(() => made.cleanup());
  return made.file;
}

describe('daftar db commands on PostgreSQL', () => {
  it('db migrate brings an empty database up to date, then says it is', async () => {
    const db = await emptyDatabase();
    const first = await daftar(['db', 'migrate'], { DATABASE_URL: db.url });
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/applied \d+_baseline/);
    expect(await daftar(['db', 'migrate'], { DATABASE_URL: db.url })).toMatchObject({ status: 0, out: expect.stringContaining('up to date') });
  });

  it('db copy moves an embedded office, checks counts and the audit chain, and refuses to copy twice', async () => {
    const file = await officeFile();
    const db = await emptyDatabase();
    const copied = await daftar(['db', 'copy', '--to', db.url], { DAFTAR_DB_FILE: file });
    expect(copied.status).toBe(0);
    expect(copied.out).toMatch(/Employee\s+1 rows/);
    expect(copied.out).toContain('3 events, hash chain intact');
    expect(await postgresRows<{ name: string }>(db.url, 'SELECT "name" FROM "Employee"')).toEqual([{ name: 'Ram' }]);

    const again = await daftar(['db', 'copy', '--to', db.url], { DAFTAR_DB_FILE: file });
    expect(again.status).toBe(1);
    expect(again.out).toContain('db copy refused: the target already holds an office');
    // The anchor file for a PostgreSQL database is in the data folder (a temporary one here), named after it.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'daftar-data-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const verified = await daftar(['audit', 'verify'], { DATABASE_URL: db.url, DAFTAR_DATA_DIR: dataDir });
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/^OK: 3 audit events, hash chain intact\n/);
    const { hostname, port, pathname } = new URL(db.url);
    expect(verified.out).toContain(`Anchored #3 `);
    expect(verified.out).toContain(path.join(dataDir, `audit-anchors.${hostname}-${port || '5432'}-${pathname.slice(1)}`));
  });

  it('db copy takes only a PostgreSQL URL', async () => {
    const file = await officeFile();
    const run = await daftar(['db', 'copy', '--to', '/tmp/other.db'], { DAFTAR_DB_FILE: file });
    expect(run.status).toBe(2);
    expect(run.out).toContain('--to takes a PostgreSQL URL');
  });

  it('start says in one line, without the password, that the database cannot be reached', async () => {
    const run = await daftar(['start'], { DATABASE_URL: 'postgres://daftar:s3cret@127.0.0.1:1/daftar', WEB_PORT: '3979' });
    expect(run.status).toBe(2);
    expect(run.out.trim().split('\n')).toEqual(['cannot reach the database postgres://daftar:…@127.0.0.1:1/daftar: connect ECONNREFUSED 127.0.0.1:1']);
    expect(run.out).not.toContain('s3cret');
  });
});

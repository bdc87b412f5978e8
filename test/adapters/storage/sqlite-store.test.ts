// What the SQL store does on SQLite beyond the shared Store contract (test/contract): SQLite specifics.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../adapters/storage/open-store.ts';
import { CorruptRowError } from '../../../adapters/storage/sql-store.ts';
import { createTestStore, sqliteRows, type TestStore } from '../../helpers/sqlite.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

let subject: TestStore;
beforeEach(async () => {
  subject = await createTestStore();
});
afterEach(async () => {
  await subject.cleanup();
});

const sql = <T>(text: string): T[] => sqliteRows<T>(subject.file, text);

function write(text: string): void {
  const db = new Database(subject.file, { timeout: 5000 });
  try {
    db.exec(text);
  } finally {
    db.close();
  }
}

const seed = () => subject.store.transaction(async (t) => {
  const section = await t.sections.create({ code: 'EST', name: 'Establishment' });
  return t.employees.create({
    code: 'E1', name: 'Ram', dob: '1980-01-01', post: 'Clerk', postKey: null, mobile: '9876543210', email: null,
    sectionId: section.id, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
  });
});

describe('SqlStore on SQLite', () => {
  it('stores instants as ISO-8601 text with milliseconds and a UTC offset', async () => {
    await subject.store.transaction((t) => t.outbox.add({
      createdAt: new Date('2026-04-01T05:06:07.089Z'), employeeId: null, channel: 'telegram', address: '1', payload: '{}',
      nextAttemptAt: new Date('2026-04-01T05:06:07.000Z'),
    }));
    expect(sql('SELECT "createdAt", "nextAttemptAt", typeof("createdAt") AS "type" FROM "Outbox"')).toEqual([
      { createdAt: '2026-04-01T05:06:07.089+00:00', nextAttemptAt: '2026-04-01T05:06:07.000+00:00', type: 'text' },
    ]);
  });

  it('enforces foreign keys (the in-memory store does not)', async () => {
    await expect(subject.store.transaction((t) => t.accounts.create({ channel: 't', address: '1', displayName: null })
      .then((account) => t.accounts.update(account.id, { employeeId: 999 })))).rejects.toThrow(/foreign key constraint/i);
  });

  it('refuses a stored value outside the core\'s types, naming the column and not the row\'s data', async () => {
    const employee = await seed();
    write(`UPDATE "Employee" SET "language" = 'fr'`);
    const error: unknown = await subject.store.transaction((t) => t.employees.byId(employee.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptRowError);
    expect((error as Error).message).toBe('Employee.language holds "fr", which this build does not understand');
  });

  it('refuses transactions once closed, after letting the running one finish', async () => {
    const running = subject.store.transaction(async (t) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return t.sections.create({ code: 'EST', name: 'Establishment' });
    });
    const closing = subject.store.close();
    expect((await running).code).toBe('EST');
    await closing;
    await expect(subject.store.transaction((t) => t.sections.list())).rejects.toThrow('the store is closed');
  });

  it('waits for another process\'s write transaction, then sees what it committed', async () => {
    // A second process (as the admin CLI would be) holds the write lock for 300 ms.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(${JSON.stringify(subject.file)}, { timeout: 5000 });
      db.prepare('BEGIN IMMEDIATE').run();
      db.prepare("INSERT INTO \\"Section\\" (\\"code\\", \\"name\\") VALUES ('OTHER', 'Other process')").run();
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      db.prepare('COMMIT').run();
      db.close();
    `], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const seen = await subject.store.transaction(async (t) => {
      const before = (await t.sections.list()).map((s) => s.code);
      await t.sections.create({ code: 'EST', name: 'Establishment' });
      return before;
    });
    expect(await exited).toBe(0);
    expect(seen).toEqual(['OTHER']);
    expect(sql<{ code: string }>('SELECT "code" FROM "Section" ORDER BY "code"').map((r) => r.code)).toEqual(['EST', 'OTHER']);
  });
});

describe('openStore', () => {
  it('creates the folder, migrates a new file and opens it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-open-'));
    try {
      const file = path.join(dir, 'nested', 'data', 'daftar.db');
      const store = await openStore({ file });
      try {
        expect(await store.transaction((t) => t.employees.count())).toBe(0);
      } finally {
        await store.close();
      }
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('group commit on SQLite: transactions that queue up share one COMMIT (one fsync)', () => {
  it('each still runs alone and in order; one that fails is rolled back alone; the rest are answered once committed', async () => {
    const statements: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-group-'));
    const store = await openStore({ file: path.join(dir, 'office.db') }, { onQuery: (text) => statements.push(text) });
    try {
      await store.transaction((t) => t.sections.create({ code: 'EST', name: 'Establishment' }));
      statements.length = 0;
      // The first holds the connection a moment: the others wait, in order, and commit with it.
      const first = store.transaction(async (t) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return t.sections.create({ code: 'REV', name: 'Revenue' });
      });
      const order: string[] = [];
      const queued = [
        store.transaction(async (t) => { order.push('a'); return t.sections.create({ code: 'A', name: 'A' }); }),
        // Writes, then fails: its write must not survive, nor take the others with it.
        store.transaction(async (t) => { order.push('b'); await t.sections.create({ code: 'B', name: 'B' }); throw new Error('refused'); }),
        // A unique clash with an earlier transaction of the same batch.
        store.transaction(async (t) => { order.push('c'); return t.sections.create({ code: 'A', name: 'again' }); }),
        // Sees what ran before it in the batch, though nothing of the batch has committed yet.
        store.transaction(async (t) => { order.push('d'); return (await t.sections.list()).map((s) => s.code).sort(); }),
      ];
      const settled = await Promise.allSettled([first, ...queued]);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
      expect(((settled[3] as PromiseRejectedResult).reason as Error).name).toBe('UniqueViolation');
      expect((settled[4] as PromiseFulfilledResult<string[]>).value).toEqual(['A', 'EST', 'REV']);
      expect(order).toEqual(['a', 'b', 'c', 'd']);
      expect(sqliteRows<{ code: string }>(path.join(dir, 'office.db'), 'SELECT "code" FROM "Section" ORDER BY "code"').map((r) => r.code))
        .toEqual(['A', 'EST', 'REV']);
      // Asked for together, the five ran in one database transaction: a savepoint each, one COMMIT.
      expect(statements.filter((s) => /^savepoint /i.test(s.trim())), statements.join('\n')).toHaveLength(5);
      expect(statements.filter((s) => /^commit$/i.test(s.trim()))).toHaveLength(1);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

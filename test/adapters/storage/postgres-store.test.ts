// What the SQL store does on PostgreSQL beyond the shared contracts (test/contract): several stores
// (as several Daftar processes would hold) on one database, a connection the server dropped, the
// exclusive holds, and moving an embedded office over with `db copy`.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { copySqliteToPostgres, CopyRefused } from '../../../adapters/storage/copy.ts';
import { openStore } from '../../../adapters/storage/open-store.ts';
import { openPool, postgresDialect } from '../../../adapters/storage/postgres/connection.ts';
import type { SqlStore } from '../../../adapters/storage/sql-store.ts';
import { recordEvent } from '../../../core/audit/record-event.ts';
import { verifyChain } from '../../../core/audit/verify-chain.ts';
import type { Tx } from '../../../core/ports.ts';
import type { NewEmployee } from '../../../core/types.ts';
import { freshPostgresDatabase, postgresRows, type TestDatabase } from '../../helpers/postgres.ts';
import { createTestStore } from '../../helpers/sqlite.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<TestDatabase> {
  const db = await freshPostgresDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function storeOn(url: string): Promise<SqlStore> {
  const store = await openStore({ url });
  cleanups.push(() => store.close());
  return store;
}

const clock = { now: () => new Date('2026-11-25T05:00:00.000Z') };

const person = (code: string, sectionId: number, extra: Partial<NewEmployee> = {}): NewEmployee => ({
  code, name: `Name ${code}`, dob: '1980-01-01', post: 'Clerk', postKey: null, mobile: `98765${code.padStart(5, '0')}`.slice(-10),
  email: null, sectionId, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false, ...extra,
});

const section = (t: Tx) => t.sections.create({ code: 'EST', name: 'Establishment' });

describe('SqlStore on PostgreSQL, several processes on one database', () => {
  it('runs one transaction at a time across stores: the second waits, then sees what the first committed', async () => {
    const db = await database();
    const a = await storeOn(db.url);
    const b = await storeOn(db.url);
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    let firstIn = () => {};
    const entered = new Promise<void>((resolve) => { firstIn = resolve; });
    const first = a.transaction(async (t) => {
      firstIn();
      await held;
      return t.counters.next('diary:2026');
    });
    await entered;
    let secondDone = false;
    const second = b.transaction(async (t) => {
      const n = await t.counters.next('diary:2026');
      secondDone = true;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(secondDone).toBe(false);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it('group commit: transactions asked for together share one COMMIT; one that fails is rolled back alone', async () => {
    const db = await database();
    const statements: string[] = [];
    const store = await openStore({ url: db.url }, { onQuery: (text) => statements.push(text) });
    cleanups.push(() => store.close());
    await store.transaction((t) => t.sections.create({ code: 'EST', name: 'Establishment' }));
    statements.length = 0;
    const settled = await Promise.allSettled([
      store.transaction(async (t) => { await new Promise((resolve) => setTimeout(resolve, 30)); return t.sections.create({ code: 'REV', name: 'Revenue' }); }),
      store.transaction(async (t) => { await t.sections.create({ code: 'B', name: 'B' }); throw new Error('refused'); }),
      store.transaction((t) => t.sections.create({ code: 'REV', name: 'again' })),
      store.transaction(async (t) => (await t.sections.list()).map((s) => s.code).sort()),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(((settled[2] as PromiseRejectedResult).reason as Error).name).toBe('UniqueViolation');
    expect((settled[3] as PromiseFulfilledResult<string[]>).value).toEqual(['EST', 'REV']);
    expect((await postgresRows<{ code: string }>(db.url, 'SELECT "code" FROM "Section" ORDER BY "code"')).map((r) => r.code)).toEqual(['EST', 'REV']);
    expect(statements.filter((s) => /^savepoint batch/i.test(s.trim())), statements.join('\n')).toHaveLength(4);
  });

  it('keeps one audit chain when two stores append at the same time', async () => {
    const db = await database();
    const a = await storeOn(db.url);
    const b = await storeOn(db.url);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).transaction((t) =>
      recordEvent(t, clock, { actor: null, type: 'test.event', data: { i } }))));
    expect(await verifyChain(a)).toEqual({ ok: true, count: 20 });
  });

  it('sees staff added through another store at its next list (the version row moves with any roll change)', async () => {
    const db = await database();
    const a = await storeOn(db.url);
    const b = await storeOn(db.url);
    const est = await a.transaction(section);
    await a.transaction((t) => t.employees.create(person('1', est.id)));
    expect((await a.transaction((t) => t.employees.list())).map((e) => e.code)).toEqual(['1']);
    await b.transaction((t) => t.employees.create(person('2', est.id)));
    expect((await a.transaction((t) => t.employees.list())).map((e) => e.code)).toEqual(['1', '2']);
    // Even a change made behind every store's back, by hand.
    await postgresRows(db.url, `UPDATE "Employee" SET "active" = false WHERE "code" = '1'`);
    expect((await a.transaction((t) => t.employees.list({ activeOnly: true }))).map((e) => e.code)).toEqual(['2']);
  });

  it('gives an exclusive hold to one store at a time, and frees it when the holder goes away', async () => {
    const db = await database();
    const a = await storeOn(db.url);
    const b = await storeOn(db.url);
    const hold = await a.exclusive('telegram-polling');
    expect(hold).not.toBeNull();
    expect(await b.exclusive('telegram-polling')).toBeNull();
    expect(await b.exclusive('something-else')).not.toBeNull();
    await hold?.release();
    const taken = await b.exclusive('telegram-polling');
    expect(taken).not.toBeNull();
    // The holder's connection dies (its process was killed): the hold is free again.
    // Only this test's database: the server may be serving others (another test, a benchmark).
    await postgresRows(db.url, `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    let again = null;
    for (let i = 0; i < 20 && again === null; i += 1) {
      again = await a.exclusive('telegram-polling');
      if (again === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again).not.toBeNull();
    await again?.release();
  });

  it('carries on after the server dropped its connections, even one in the middle of a transaction', async () => {
    const db = await database();
    const store = await storeOn(db.url);
    const est = await store.transaction(section);
    // Dropped while a transaction holds it: that transaction fails, the process does not.
    const midway = store.transaction(async (t) => {
      await postgresRows(db.url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return t.sections.byId(est.id);
    });
    await expect(midway).rejects.toThrow();
    // At most one transaction may fail with the dropped connection; the store then works again.
    const tries = [];
    for (let i = 0; i < 3; i += 1) tries.push(await store.transaction((t) => t.sections.byId(est.id)).then((s) => s?.code ?? null, () => 'failed'));
    expect(tries.filter((x) => x === 'failed').length).toBeLessThanOrEqual(1);
    expect(tries.at(-1)).toBe('EST');
  });
});

describe('db copy: an embedded office into PostgreSQL', () => {
  async function sqliteOffice() {
    const made = await createTestStore();
    cleanups.push(() => made.cleanup());
    await made.store.transaction(async (t) => {
      const est = await section(t);
      // The clerk comes first, the officer she reports to later: the copy must fill the reference after.
      const clerk = await t.employees.create(person('10', est.id));
      const officer = await t.employees.create(person('20', est.id, { post: 'Section Officer', postKey: 'SO', active: false, remindersMuted: true }));
      await t.employees.update(clerk.id, { reportingOfficerId: officer.id });
      await t.counters.next('diary:2026');
      await t.outbox.add({ createdAt: clock.now(), employeeId: clerk.id, channel: 'telegram', address: '5', payload: '{"x":1}', nextAttemptAt: new Date('2026-11-25T05:00:00.123Z') });
      for (let i = 0; i < 5; i += 1) await recordEvent(t, clock, { actor: '10', type: 'test.event', data: { i } });
    });
    return made;
  }

  async function target(url: string): Promise<Kysely<unknown>> {
    const k = new Kysely<unknown>({ dialect: postgresDialect(openPool(url, 1)) });
    cleanups.push(() => k.destroy());
    return k;
  }

  it('copies every row with its dates, flags and references, moves the id counters on, and the audit chain verifies', async () => {
    const office = await sqliteOffice();
    // Closed first, as an office would stop the server before moving.
    await office.store.close();
    const db = await database();
    const copied = await copySqliteToPostgres(office.file, await target(db.url), db.url);
    expect(copied.find((t) => t.table === 'Employee')).toEqual({ table: 'Employee', source: 2, target: 2 });
    expect(copied.every((t) => t.source === t.target)).toBe(true);

    const store = await storeOn(db.url);
    expect(await verifyChain(store)).toEqual({ ok: true, count: 5 });
    const staff = await store.transaction((t) => t.employees.list());
    const clerk = staff.find((e) => e.code === '10');
    const officer = staff.find((e) => e.code === '20');
    expect(clerk?.reportingOfficerId).toBe(officer?.id);
    expect(officer).toMatchObject({ active: false, remindersMuted: true, postKey: 'SO' });
    expect((await store.transaction((t) => t.outbox.due(new Date('2027-01-01'), 10)))[0]?.nextAttemptAt).toEqual(new Date('2026-11-25T05:00:00.123Z'));
    expect(await store.transaction((t) => t.counters.next('diary:2026'))).toBe(2);
    // New rows take new numbers: the sequences were moved past the copied ids.
    const est = await store.transaction((t) => t.sections.byCode('EST'));
    const third = await store.transaction((t) => t.employees.create(person('30', est!.id)));
    expect(third.id).toBeGreaterThan(Math.max(...staff.map((e) => e.id)));
  });

  it('refuses a database that already holds an office, and writes nothing', async () => {
    const office = await sqliteOffice();
    await office.store.close();
    const db = await database();
    const existing = await storeOn(db.url);
    await existing.transaction(section);
    await expect(copySqliteToPostgres(office.file, await target(db.url), db.url)).rejects.toBeInstanceOf(CopyRefused);
    expect(await postgresRows<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM "Employee"')).toEqual([{ n: 0 }]);
    expect(fs.existsSync(path.dirname(office.file))).toBe(true);
  });
});

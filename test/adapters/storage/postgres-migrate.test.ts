import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError } from '../../../adapters/storage/sqlite/migrate.ts';
import { DEFAULT_PG_MIGRATIONS_DIR, migratePostgres } from '../../../adapters/storage/postgres/migrate.ts';
import { emptyPostgresDatabase, freshPostgresDatabase, postgresRows, type TestDatabase } from '../../helpers/postgres.ts';
import { freshDatabaseFile } from '../../helpers/sqlite.ts';

const repoRoot = path.resolve(DEFAULT_PG_MIGRATIONS_DIR, '../../..');
const pgMigrations = fs.readdirSync(DEFAULT_PG_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const baseline = pgMigrations[0] ?? '';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await emptyPostgresDatabase();
  cleanups.push(() => db.drop());
  return db;
}

/** A copy of the real migrations folder that a test may change. */
function migrationsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-pg-migrations-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(DEFAULT_PG_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function migrationError(work: Promise<unknown>): Promise<MigrationError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error('expected a MigrationError');
}

interface MigrationRow {
  id: string; checksum: string; finished_at: Date | null; migration_name: string; logs: string | null;
  rolled_back_at: Date | null; started_at: Date; applied_steps_count: number;
}

const recorded = (url: string) => postgresRows<MigrationRow>(url, 'SELECT * FROM _prisma_migrations ORDER BY started_at');

const publicTables = async (url: string): Promise<string[]> =>
  (await postgresRows<{ table_name: string }>(url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).map((r) => r.table_name);

describe('migratePostgres', () => {
  it('applies the baseline to an empty database and records it as Prisma does', async () => {
    expect(pgMigrations.length).toBeGreaterThan(0);
    const db = await emptyDatabase();
    expect(await migratePostgres(db.url)).toEqual({ applied: pgMigrations });

    const rows = await recorded(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(pgMigrations);
    const row = rows[0]!;
    const script = fs.readFileSync(path.join(DEFAULT_PG_MIGRATIONS_DIR, baseline, 'migration.sql'));
    expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });

    // The table itself is the one Prisma creates on PostgreSQL, so its CLI reads it as its own.
    const columns = await postgresRows<{ column_name: string; data_type: string; len: number | null; is_nullable: string; column_default: string | null }>(db.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`);
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', len: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', len: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', len: null, is_nullable: 'NO', column_default: '0' },
    ]);
    expect(await publicTables(db.url)).toEqual(expect.arrayContaining(['Employee', 'AuditEvent', 'OutgoingLetter', '_prisma_migrations']));
  });

  it('applies nothing the second time', async () => {
    const db = await emptyDatabase();
    await migratePostgres(db.url);
    expect(await migratePostgres(db.url)).toEqual({ applied: [] });
    expect(await recorded(db.url)).toHaveLength(pgMigrations.length);
  });

  it('applies each migration once when two processes start together', async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([migratePostgres(db.url), migratePostgres(db.url)]);
    expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([pgMigrations, []]);
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(pgMigrations);
  });

  it('refuses a migration edited after it was applied, naming it', async () => {
    const db = await emptyDatabase();
    const dir = migrationsCopy();
    await migratePostgres(db.url, dir);
    fs.appendFileSync(path.join(dir, baseline, 'migration.sql'), '\n-- a later edit\nCREATE TABLE "Sneaky" ("id" INTEGER);\n');
    const error = await migrationError(migratePostgres(db.url, dir));
    expect(error.migration).toBe(baseline);
    expect(error.message).toContain(baseline);
    expect(error.message).toMatch(/changed after it was applied/);
    expect(await publicTables(db.url)).not.toContain('Sneaky');
  });

  it('accepts the same migration checked out with CRLF line endings', async () => {
    const db = await emptyDatabase();
    const dir = migrationsCopy();
    await migratePostgres(db.url, dir);
    const file = path.join(dir, baseline, 'migration.sql');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(await migratePostgres(db.url, dir)).toEqual({ applied: [] });
  });

  it('rolls a failing migration back whole, records nothing, and says which one failed', async () => {
    const db = await emptyDatabase();
    const dir = migrationsCopy();
    await migratePostgres(db.url, dir);
    const name = '29991231000000_broken';
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nowhere" ADD COLUMN "x" TEXT;\n');
    const error = await migrationError(migratePostgres(db.url, dir));
    expect(error.migration).toBe(name);
    expect(error.message).toMatch(/failed and was rolled back.*"Nowhere" does not exist/);
    expect(await publicTables(db.url)).not.toContain('Half');
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(pgMigrations);
  });

  it('refuses a database that has a migration this build does not know', async () => {
    const db = await emptyDatabase();
    const dir = migrationsCopy();
    const name = '29991231000000_from_the_future';
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), 'SELECT 1;\n');
    await migratePostgres(db.url, dir);
    const error = await migrationError(migratePostgres(db.url));
    expect(error.migration).toBe(name);
    expect(error.message).toMatch(/older than the database/);
  });

  it('refuses the SQLite migrations folder before running any of it', async () => {
    const db = await emptyDatabase();
    const sqliteMigrations = path.join(repoRoot, 'prisma', 'migrations');
    const error = await migrationError(migratePostgres(db.url, sqliteMigrations));
    expect(error.message).toMatch(/sqlite migrations, not PostgreSQL ones/);
    expect(await publicTables(db.url)).toEqual([]);
  });
});

describe('the PostgreSQL schema', () => {
  it('has every table and column of the SQLite schema, with the same names and nullability', async () => {
    const file = freshDatabaseFile();
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const sqlite = new Database(file, { readonly: true });
    const fromSqlite = new Map<string, string[]>();
    try {
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        const columns = sqlite.prepare(`SELECT name, "notnull" FROM pragma_table_info(?) ORDER BY name`).all(name) as Array<{ name: string; notnull: number }>;
        fromSqlite.set(name, columns.map((c) => `${c.name}${c.notnull === 1 ? '' : '?'}`));
      }
    } finally {
      sqlite.close();
    }

    const db = await freshPostgresDatabase();
    cleanups.push(() => db.drop());
    const columns = await postgresRows<{ table_name: string; column_name: string; is_nullable: string }>(db.url,
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, column_name`);
    const fromPostgres = new Map<string, string[]>();
    for (const c of columns) {
      const list = fromPostgres.get(c.table_name) ?? [];
      list.push(`${c.column_name}${c.is_nullable === 'NO' ? '' : '?'}`);
      fromPostgres.set(c.table_name, list);
    }

    // _prisma_migrations is each migrator's own bookkeeping, with each engine's types; the rest must agree.
    fromSqlite.delete('_prisma_migrations');
    fromPostgres.delete('_prisma_migrations');
    expect(fromSqlite.size).toBeGreaterThan(20);
    // Both sides sorted with the same (code-unit) order, so only real differences show.
    const sorted = (m: Map<string, string[]>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, cs]) => [t, [...cs].sort()]));
    expect(sorted(fromPostgres)).toEqual(sorted(fromSqlite));
  });

  it('has the same indexes and unique keys as the SQLite schema (Prisma names them alike on both)', async () => {
    // A schema change whose PostgreSQL migration was forgotten shows up here or in the columns above.
    const file = freshDatabaseFile();
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const sqlite = new Database(file, { readonly: true });
    let fromSqlite: string[];
    try {
      fromSqlite = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>)
        .map((r) => r.name);
    } finally {
      sqlite.close();
    }
    const db = await freshPostgresDatabase();
    cleanups.push(() => db.drop());
    const fromPostgres = (await postgresRows<{ indexname: string }>(db.url,
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_pkey'")).map((r) => r.indexname);
    expect(fromSqlite.length).toBeGreaterThan(20);
    expect([...fromPostgres].sort()).toEqual([...fromSqlite].sort());
  });

  it('is what make-schema.ts writes from prisma/schema.prisma (make-schema --check exits 0)', async () => {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'prisma/postgres/make-schema.ts', '--check'], { cwd: repoRoot });
    expect(stdout + stderr).toBe('');
  });
});

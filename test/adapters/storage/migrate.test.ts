import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, MigrationError, migrateDatabase } from '../../../adapters/storage/sqlite/migrate.ts';

const repoRoot = path.resolve(DEFAULT_MIGRATIONS_DIR, '../..');
const realMigrations = fs.readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

let dir: string;
let file: string;
let migrations: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-migrate-'));
  file = path.join(dir, 'daftar.db');
  migrations = path.join(dir, 'migrations');
  fs.cpSync(DEFAULT_MIGRATIONS_DIR, migrations, { recursive: true });
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function run(sql: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

function addMigration(name: string, sql: string): void {
  fs.mkdirSync(path.join(migrations, name));
  fs.writeFileSync(path.join(migrations, name, 'migration.sql'), sql);
}

function migrationError(work: () => unknown): MigrationError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error('expected a MigrationError');
}

interface MigrationRow {
  id: string; checksum: string; finished_at: string | null; migration_name: string; logs: string | null;
  rolled_back_at: string | null; started_at: string; applied_steps_count: number;
}

const rows = () => query<MigrationRow>('SELECT * FROM _prisma_migrations ORDER BY migration_name');
const tables = () => query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);

describe('migrateDatabase', () => {
  it('applies every migration to a new file, in WAL mode, recorded as Prisma records them', () => {
    expect(migrateDatabase(file, migrations)).toEqual({ applied: realMigrations });
    expect(query<{ journal_mode: string }>('PRAGMA journal_mode')[0]?.journal_mode).toBe('wal');
    expect(tables()).toEqual(expect.arrayContaining([
      '_prisma_migrations', 'AuditEvent', 'AuditHead', 'ChatAccount', 'Employee', 'InboundMessage', 'OtpChallenge',
      'Outbox', 'Section', 'SentMessage',
    ]));
    const recorded = rows();
    expect(recorded.map((r) => r.migration_name)).toEqual(realMigrations);
    for (const row of recorded) {
      const sql = fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(row.finished_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(row.finished_at! >= row.started_at).toBe(true);
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
    }
  });

  it('applies nothing the second time', () => {
    migrateDatabase(file, migrations);
    const before = rows();
    expect(migrateDatabase(file, migrations)).toEqual({ applied: [] });
    expect(rows()).toEqual(before);
  });

  it('applies only the migrations added since, in name order', () => {
    migrateDatabase(file, migrations);
    addMigration('29990102000000_second', 'CREATE TABLE "Second" ("id" INTEGER NOT NULL PRIMARY KEY, "firstId" INTEGER NOT NULL REFERENCES "First" ("id"));');
    addMigration('29990101000000_first', 'CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);');
    expect(migrateDatabase(file, migrations)).toEqual({ applied: ['29990101000000_first', '29990102000000_second'] });
    expect(tables()).toEqual(expect.arrayContaining(['First', 'Second']));
  });

  it('reports a migration whose migration.sql changed after it was applied', () => {
    migrateDatabase(file, migrations);
    const name = realMigrations[0]!;
    fs.appendFileSync(path.join(migrations, name, 'migration.sql'), '\n-- edited\n');
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.migration).toBe(name);
    expect(error.message).toContain(`migration ${name} was changed after it was applied`);
  });

  it('does not take a change of line endings for a changed migration', () => {
    migrateDatabase(file, migrations);
    const sqlFile = path.join(migrations, realMigrations[0]!, 'migration.sql');
    fs.writeFileSync(sqlFile, fs.readFileSync(sqlFile, 'utf8').replace(/\r?\n/g, '\r\n'));
    expect(migrateDatabase(file, migrations)).toEqual({ applied: [] });
  });

  it('rolls a failing migration back whole, records nothing, and names it', () => {
    migrateDatabase(file, migrations);
    addMigration('29990101000000_broken', 'CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Nowhere" VALUES (1);');
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.migration).toBe('29990101000000_broken');
    expect(error.message).toMatch(/^migration 29990101000000_broken failed and was rolled back: no such table: Nowhere/);
    expect(tables()).not.toContain('Half');
    expect(rows().map((r) => r.migration_name)).toEqual(realMigrations);
  });

  it('rebuilds a table the way Prisma\'s SQLite migrations do, keeping rows that refer to it', () => {
    migrateDatabase(file, migrations);
    run(`INSERT INTO "Section" ("id", "code", "name") VALUES (1, 'EST', 'Establishment');
      INSERT INTO "Employee" ("code", "name", "dob", "post", "mobile", "sectionId", "updatedAt")
      VALUES ('E1', 'Ram', '1980-01-01', 'Clerk', '9876543210', 1, '2026-01-01T00:00:00.000+00:00');`);
    addMigration('29990101000000_section_note', `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Section" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "code" TEXT NOT NULL, "name" TEXT NOT NULL, "note" TEXT);
INSERT INTO "new_Section" ("code", "id", "name") SELECT "code", "id", "name" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_code_key" ON "Section"("code");
CREATE UNIQUE INDEX "Section_name_key" ON "Section"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`);
    expect(migrateDatabase(file, migrations)).toEqual({ applied: ['29990101000000_section_note'] });
    expect(query('SELECT "code", "note" FROM "Section"')).toEqual([{ code: 'EST', note: null }]);
    expect(query('SELECT "code", "sectionId" FROM "Employee"')).toEqual([{ code: 'E1', sectionId: 1 }]);
    expect(query('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('refuses a migration that leaves rows breaking foreign keys', () => {
    migrateDatabase(file, migrations);
    run(`INSERT INTO "Section" ("id", "code", "name") VALUES (1, 'EST', 'Establishment');
      INSERT INTO "Employee" ("code", "name", "dob", "post", "mobile", "sectionId", "updatedAt")
      VALUES ('E1', 'Ram', '1980-01-01', 'Clerk', '9876543210', 1, '2026-01-01T00:00:00.000+00:00');`);
    addMigration('29990101000000_orphans', 'DELETE FROM "Section";');
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.message).toBe('migration 29990101000000_orphans leaves 1 rows breaking foreign keys');
    expect(query('SELECT "code" FROM "Section"')).toEqual([{ code: 'EST' }]);
  });

  it('refuses a database that has a migration this build does not know', () => {
    migrateDatabase(file, migrations);
    addMigration('29990101000000_newer', 'CREATE TABLE "Newer" ("id" INTEGER PRIMARY KEY);');
    migrateDatabase(file, migrations);
    fs.rmSync(path.join(migrations, '29990101000000_newer'), { recursive: true });
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.migration).toBe('29990101000000_newer');
    expect(error.message).toContain('this build is older than the database');
  });

  it('refuses to go on past a migration Prisma recorded as failed', () => {
    migrateDatabase(file, migrations);
    addMigration('29990101000000_failed', 'CREATE TABLE "Failed" ("id" INTEGER PRIMARY KEY);');
    run(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('x', 'y', '29990101000000_failed', '2026-01-01T00:00:00.000+00:00', 0)`);
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.message).toContain('migration 29990101000000_failed failed earlier');
    expect(error.message).toContain('prisma migrate resolve');
  });

  it('reapplies a migration Prisma recorded as rolled back', () => {
    migrateDatabase(file, migrations);
    addMigration('29990101000000_retry', 'CREATE TABLE "Retry" ("id" INTEGER PRIMARY KEY);');
    run(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, rolled_back_at, applied_steps_count)
      VALUES ('x', 'y', '29990101000000_retry', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:01.000+00:00', 0)`);
    expect(migrateDatabase(file, migrations)).toEqual({ applied: ['29990101000000_retry'] });
  });

  it('names a migration folder without migration.sql', () => {
    fs.mkdirSync(path.join(migrations, '29990101000000_empty'));
    const error = migrationError(() => migrateDatabase(file, migrations));
    expect(error.migration).toBe('29990101000000_empty');
  });

  // The one test that runs the Prisma CLI (about a second): it must read our bookkeeping as its own.
  it('leaves a file that `prisma migrate status` reports as up to date', async () => {
    migrateDatabase(file);
    const prisma = path.join(repoRoot, 'node_modules', '.bin', 'prisma');
    const { stdout } = await promisify(execFile)(prisma, ['migrate', 'status'], {
      cwd: repoRoot, env: { ...process.env, DAFTAR_DB_FILE: file }, timeout: 60_000,
    });
    expect(stdout).toContain('Database schema is up to date!');
  }, 60_000);
});

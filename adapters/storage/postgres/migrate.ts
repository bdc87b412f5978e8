// Applies prisma/postgres/migrations to a PostgreSQL database without the Prisma CLI (which needs a
// native engine this install does not have, and costs seconds per run). Same rules as the SQLite
// migrator: each migration is recorded in Prisma's own `_prisma_migrations` table, in the form
// Prisma gives it on PostgreSQL, so that Prisma's tools and this agree on what is applied; an edited,
// unknown or unresolved migration is refused with a MigrationError saying what to do.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MigrationError, appliedMigrations, readMigrations, type LocalMigration, type RecordedMigration } from '../migration-history.ts';
import { StoreUnavailable } from '../rows.ts';

export const DEFAULT_PG_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/postgres/migrations', import.meta.url));

/**
 * The advisory lock held for a whole run. It is the key Prisma's own migrate commands take on
 * PostgreSQL, so this migrator, a second Daftar process and `prisma migrate deploy` all wait for one
 * another instead of racing. (Not OFFICE_LOCK_KEY: office transactions must not wait for migrations
 * of a database they are not using yet, and vice versa. Advisory locks are per database.)
 */
export const MIGRATION_LOCK_KEY = 72707369;

/** How long a run waits for another process's migration before giving up. */
export const MIGRATION_LOCK_TIMEOUT_MS = 5 * 60_000;

// Exactly the table Prisma creates on PostgreSQL (unquoted, in the connection's current schema).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

function loadMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) {
    throw new MigrationError(`no migrations folder at ${dir}: check out prisma/postgres/migrations or pass the right folder`, null);
  }
  // A SQLite migrations folder would fail halfway through its first script; say so up front.
  const lock = path.join(dir, 'migration_lock.toml');
  if (fs.existsSync(lock)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(lock, 'utf8'))?.[1];
    if (provider !== undefined && provider !== 'postgresql') {
      throw new MigrationError(`${dir} holds ${provider} migrations, not PostgreSQL ones: use ${DEFAULT_PG_MIGRATIONS_DIR}`, null);
    }
  }
  return readMigrations(dir);
}

/** What `_prisma_migrations` records as applied, checked against the folder. */
async function appliedNames(client: pg.Client, local: LocalMigration[], dir: string): Promise<Set<string>> {
  const { rows } = await client.query<RecordedMigration>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at');
  return appliedMigrations(rows, local, dir);
}

async function takeLock(client: pg.Client): Promise<void> {
  // lock_timeout bounds the wait for the advisory lock (a heavyweight lock); it is reset at once so
  // that the migrations' own statements are not cut short by it.
  await client.query(`SET lock_timeout = ${MIGRATION_LOCK_TIMEOUT_MS}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') {
      throw new MigrationError(
        `another process has been migrating this database for over ${MIGRATION_LOCK_TIMEOUT_MS / 60_000} minutes; find it with ` +
        `"SELECT pid, application_name, state, query FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks ` +
        `WHERE locktype = 'advisory' AND objid = ${MIGRATION_LOCK_KEY})"`, null);
    }
    throw error;
  }
  await client.query('RESET lock_timeout');
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { detail?: string; hint?: string };
  return [e.message, e.detail, e.hint].filter((part) => part !== undefined && part !== '').join('; ');
}

/**
 * Brings the PostgreSQL database at `url` up to date with the migrations folder: every pending
 * migration in name order, each in its own transaction together with its `_prisma_migrations` row,
 * so that a failed one leaves nothing behind. The whole run holds MIGRATION_LOCK_KEY, and what is
 * applied is read under it: a second process started at the same time waits, then applies nothing.
 */
export async function migratePostgres(url: string, migrationsDir: string = DEFAULT_PG_MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const local = loadMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: url, application_name: 'daftar-migrate' });
  // A server going away mid-run surfaces as the failing query's error; without a listener the
  // client's 'error' event would crash the process instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new StoreUnavailable(url, error);
  }
  try {
    await takeLock(client);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const done = await appliedNames(client, local, migrationsDir);
    const applied: string[] = [];
    for (const migration of local) {
      if (done.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        // The script goes as one simple-protocol query: several statements, no parameters.
        await client.query(migration.script);
        // started_at is now(): the transaction's start, i.e. when this migration began.
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${reasonOf(error)}`, migration.name);
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Ending the session releases the advisory lock as well.
    await client.end().catch(() => undefined);
  }
}

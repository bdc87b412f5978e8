// Applies prisma/migrations to a SQLite file without the Prisma CLI, which costs over a second per
// run (too slow for start-up and for tests that want hundreds of fresh databases). It records each
// migration in Prisma's own `_prisma_migrations` table, in Prisma's format, so that
// `prisma migrate status` and `prisma migrate deploy` agree with what this did.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MigrationError, appliedMigrations, readMigrations, type LocalMigration, type RecordedMigration } from '../migration-history.ts';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

import { BUSY_TIMEOUT_MS } from './connection.ts';

export { MigrationError } from '../migration-history.ts';

// Exactly the table Prisma creates, so that its CLI reads and writes the same rows.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// Prisma's timestamp text: ISO-8601 with an explicit UTC offset.
const prismaTimestamp = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/** What `_prisma_migrations` records as applied, checked against the folder. */
function appliedIn(db: Database.Database, local: LocalMigration[], dir: string): Set<string> {
  const rows = db.prepare(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  ).all() as RecordedMigration[];
  return appliedMigrations(rows, local, dir);
}

/**
 * Brings the SQLite file up to date with the migrations folder: WAL journal mode (stored in the file),
 * then every pending migration in name order, each in its own transaction together with its
 * `_prisma_migrations` row. Creates the file if it does not exist (its folder must). Safe to run
 * from two processes at once: the second waits for the first and applies nothing.
 */
export function migrateDatabase(file: string, migrationsDir: string = DEFAULT_MIGRATIONS_DIR): { applied: string[] } {
  const local = readMigrations(migrationsDir);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new MigrationError(`could not switch ${file} to WAL journal mode (got ${String(mode)})`, null);
    // Table rebuilds in Prisma's SQLite migrations need foreign keys off; that can only be switched
    // outside a transaction, so it is done here and checked with foreign_key_check before each commit.
    db.pragma('foreign_keys = OFF');
    db.exec(CREATE_MIGRATIONS_TABLE);
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    const applyOne = db.transaction((migration: LocalMigration): boolean => {
      // Read again under the write lock: another process may have applied it meanwhile.
      if (appliedIn(db, local, migrationsDir).has(migration.name)) return false;
      const startedAt = prismaTimestamp(new Date());
      db.exec(migration.script);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new MigrationError(`migration ${migration.name} leaves ${broken.length} rows breaking foreign keys`, migration.name);
      }
      record.run(randomUUID(), migration.checksum, prismaTimestamp(new Date()), migration.name, startedAt);
      return true;
    });

    const done = appliedIn(db, local, migrationsDir);
    const pending = local.filter((m) => !done.has(m.name));
    const applied: string[] = [];
    for (const migration of pending) {
      try {
        if (applyOne.immediate(migration)) applied.push(migration.name);
      } catch (error) {
        if (error instanceof MigrationError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${reason}`, migration.name);
      }
    }
    return { applied };
  } finally {
    db.close();
  }
}

// What both migrators (sqlite/migrate.ts, postgres/migrate.ts) share: the migrations folder as read
// from disk, and the check of Prisma's `_prisma_migrations` history against it. The engines differ
// only in how they run SQL and lock; the rules for an edited, unknown or unresolved migration are
// one set, here.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The database and the migrations directory disagree, or a migration failed. The message names the
 * migration and says what to do. Nothing is half-applied: each migration runs in its own transaction.
 */
export class MigrationError extends Error {
  constructor(message: string, readonly migration: string | null) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface LocalMigration {
  name: string;
  script: string;
  /** sha256 hex of the file's bytes, as Prisma records it. */
  checksum: string;
}

/** A `_prisma_migrations` row as either engine returns it. */
export interface RecordedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

// A checkout with other line endings must not look like an edited migration (Prisma tolerates it too).
function checksumMatches(migration: LocalMigration, checksum: string): boolean {
  const lf = migration.script.replace(/\r\n/g, '\n');
  return migration.checksum === checksum || sha256(lf) === checksum || sha256(lf.replace(/\n/g, '\r\n')) === checksum;
}

/** The folder's migrations in name order; a folder without its migration.sql is refused. */
export function readMigrations(dir: string): LocalMigration[] {
  const names = fs.readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const file = path.join(dir, name, 'migration.sql');
    if (!fs.existsSync(file)) {
      throw new MigrationError(`migration ${name} has no migration.sql in ${path.join(dir, name)}: restore it or delete the folder`, name);
    }
    const bytes = fs.readFileSync(file);
    return { name, script: bytes.toString('utf8'), checksum: sha256(bytes) };
  });
}

/** The names that count as applied (finished, not rolled back), after checking the history is sound. */
export function appliedMigrations(rows: readonly RecordedMigration[], local: readonly LocalMigration[], dir: string): Set<string> {
  const byName = new Map(local.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    const name = row.migration_name;
    if (row.finished_at === null) {
      // Only Prisma's CLI leaves such a row (these migrators commit the row with the migration).
      throw new MigrationError(
        `migration ${name} failed earlier and was left unresolved: repair the database, then run ` +
        `"npx prisma migrate resolve --rolled-back ${name}" (or --applied)`, name);
    }
    const mine = byName.get(name);
    if (mine === undefined) {
      throw new MigrationError(
        `the database has migration ${name}, which is not in ${dir}: this build is older than the database`, name);
    }
    if (!checksumMatches(mine, row.checksum)) {
      throw new MigrationError(
        `migration ${name} was changed after it was applied (its migration.sql no longer matches the recorded checksum): ` +
        'restore the original file and put the change in a new migration', name);
    }
    applied.add(name);
  }
  return applied;
}

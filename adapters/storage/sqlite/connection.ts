// The embedded engine: one better-sqlite3 connection that this adapter opens and owns, behind a
// Kysely dialect of our own. Written here rather than taken from Kysely's SqliteDialect for three
// things the office needs and that dialect does not do:
// - statements are prepared once per SQL text and kept (Kysely's driver prepares on every call; the
//   texts come from the query builder, so the set is bounded by the code, not by the input);
// - a transaction begins IMMEDIATE, taking the write lock up front: with a DEFERRED begin, another
//   process (the admin CLI while the bot runs) committing between this transaction's first read and
//   its first write makes the write fail at once (SQLITE_BUSY_SNAPSHOT) whatever the busy timeout;
// - values are bound as the schema stores them (Dates as ISO text with "+00:00", the form Prisma's
//   adapter wrote, so old and new rows compare as text; booleans as 0/1), and unique-key failures
//   come out as the core's UniqueViolation named as the in-memory store names them.
import Database from 'better-sqlite3';
import {
  CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult,
} from 'kysely';
import { UniqueViolation } from '../../../core/errors.ts';

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** A DateTime as stored in SQLite: ISO 8601 text with "+00:00" for Z (what Prisma's adapter wrote). */
export const stamp = (date: Date): string => date.toISOString().replace('Z', '+00:00');

function bound(value: unknown): unknown {
  if (value instanceof Date) return stamp(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

// "UNIQUE constraint failed: Note.fileId, Note.number" → "Note.fileId_number"; a composite primary key
// is the record's "id".
function uniqueViolation(error: unknown): UniqueViolation | null {
  const code = (error as { code?: unknown }).code;
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const columns = /constraint failed: (.+)$/.exec((error as Error).message)?.[1]?.split(',').map((c) => c.trim()) ?? [];
  const table = columns[0]?.split('.')[0] ?? 'unknown';
  const fields = columns.map((c) => c.split('.')[1] ?? c);
  return new UniqueViolation(code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && fields.length > 1 ? `${table}.id` : `${table}.${fields.join('_')}`);
}

class SqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(readonly db: Database.Database) {}

  private prepared(text: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[]>(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.prepared(query.sql);
    const parameters = query.parameters.map(bound);
    try {
      if (statement.reader) return { rows: statement.all(...parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(...parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by Daftar');
  }
}

class SqliteDriver implements Driver {
  private connection: SqliteConnection | null = null;

  constructor(private readonly open: () => Database.Database) {}

  async init(): Promise<void> {
    this.connection = new SqliteConnection(this.open());
  }

  // One connection; Store transactions never interleave (SqlStore's mutex), so no lock is needed here.
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.connection === null) throw new Error('the SQLite store is closed');
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.connection?.db.close();
    this.connection = null;
  }
}

/** Opens the file with the settings every Daftar connection to it uses. */
export function openSqliteFile(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, readonly: options.readonly === true, fileMustExist: options.readonly === true });
  // WAL is stored in the file (the migrator set it); FULL makes every commit durable on power loss;
  // foreign keys are checked as PostgreSQL checks them, so both engines refuse the same rows.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Without statistics SQLite may read a big table through the wrong index (the disposed-files read
  // of the pendency report scanned every movement: 129 ms against 0.9 ms at 300,000 movements).
  // SQLite's advice for long-lived connections: a bounded ANALYZE where it would help, at open.
  if (options.readonly !== true) {
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize = 0x10002');
  }
  return db;
}

export function sqliteDialect(file: string): Dialect {
  return {
    createDriver: () => new SqliteDriver(() => openSqliteFile(file)),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createAdapter: () => new SqliteAdapter(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}

/**
 * A hold only one process can have: a write transaction kept open on a small lock file beside the
 * database. SQLite refuses a second writer at once (busy timeout 0), and the operating system drops
 * the lock when the holding process ends, however it ends.
 */
export function sqliteExclusive(file: string) {
  return async (name: string): Promise<{ release(): Promise<void> } | null> => {
    const lock = new Database(`${file}.${name.replace(/[^a-z0-9-]/gi, '_')}.lock`, { timeout: 0 });
    try {
      lock.exec('BEGIN IMMEDIATE');
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
      throw error;
    }
    return { release: async () => { lock.exec('ROLLBACK'); lock.close(); } };
  };
}

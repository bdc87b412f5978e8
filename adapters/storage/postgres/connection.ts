// PostgreSQL for offices that outgrow one machine: a `pg` pool this adapter owns, behind a Kysely
// dialect of our own so that the core sees the same behaviour it sees on SQLite:
// - one writer at a time per office database: every Store transaction first takes a transaction-level
//   advisory lock. The audit trail is one hash chain (each event names the one before), and several
//   use cases read before they write (the OTP attempt count, the chain of forwards); serialising the
//   transactions of every Daftar process on the database keeps all of that exactly as correct as on
//   SQLite's single writer, with no deadlocks and no serialisation retries. Processes still answer in
//   parallel: understanding a message, rendering PDFs and delivering replies happen outside it.
// - a failed statement does not spoil the transaction: each write inside one runs under a savepoint,
//   as SQLite undoes just the failed statement, so a use case may catch a UniqueViolation and go on;
// - unique-key failures come out as the core's UniqueViolation, named as the other stores name them;
// - counts and sums come back as numbers, statements are prepared once per connection (named by a
//   hash of their text), and timestamps are `timestamptz`, so instants need no time-zone guessing.
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult,
} from 'kysely';
import { UniqueViolation } from '../../../core/errors.ts';

/** The advisory lock every office transaction holds: one number for "this database's office". */
export const OFFICE_LOCK_KEY = 0x0da1_7a2;

const INT8 = 20;
const NUMERIC = 1700;

/** Counts (bigint) and sums (numeric) as numbers: every one the schema holds fits a double. */
export const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text'),
};

// Key ("fileId", number)=(1, 2) already exists. → "Note.fileId_number"; a composite primary key is "id".
export function uniqueViolationOf(error: unknown): UniqueViolation | null {
  const e = error as { code?: unknown; table?: string; constraint?: string; detail?: string };
  if (e.code !== '23505') return null;
  const columns = /^Key \((.+?)\)=/.exec(e.detail ?? '')?.[1]?.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) ?? [];
  const table = e.table ?? 'unknown';
  return new UniqueViolation(e.constraint?.endsWith('_pkey') && columns.length > 1 ? `${table}.id` : `${table}.${columns.join('_') || e.constraint}`);
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `d${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

// A write that may fail on a unique key. An INSERT … ON CONFLICT has said what a clash means, so it
// needs no savepoint (that saves two round trips on every claim and queue insert).
const mayClash = (query: CompiledQuery): boolean => {
  const node = query.query;
  if (node.kind === 'InsertQueryNode') return node.onConflict === undefined;
  if (node.kind === 'UpdateQueryNode') return true;
  return node.kind === 'RawNode' && /^\s*(insert|update)\b/i.test(query.sql) && !/\bon\s+conflict\b/i.test(query.sql);
};

/** A failure of the connection itself (no SQLSTATE from the server): the client must not be reused. */
const brokenConnection = (error: unknown): boolean => typeof (error as { code?: unknown }).code !== 'string' || /^(08|57P)/.test((error as { code: string }).code);

class PgConnection implements DatabaseConnection {
  inTransaction = false;
  broken = false;

  constructor(readonly client: pg.PoolClient) {}

  private async run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const raw = query.query.kind === 'RawNode' && query.parameters.length === 0;
    // Raw control statements (BEGIN, SAVEPOINT …) go as they are; the rest as named prepared statements.
    const result = raw
      ? await this.client.query(query.sql)
      : await this.client.query({ name: statementName(query.sql), text: query.sql, values: query.parameters as unknown[] });
    const affected = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command) ? BigInt(result.rowCount ?? 0) : undefined;
    return { rows: (result.rows ?? []) as R[], ...(affected === undefined ? {} : { numAffectedRows: affected }) };
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.execute<R>(query);
    } catch (error) {
      if (!(error instanceof UniqueViolation) && brokenConnection(error)) this.broken = true;
      throw error;
    }
  }

  private async execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.inTransaction || !mayClash(query)) {
      try {
        return await this.run<R>(query);
      } catch (error) {
        throw uniqueViolationOf(error) ?? error;
      }
    }
    await this.client.query('SAVEPOINT daftar_write');
    try {
      const result = await this.run<R>(query);
      await this.client.query('RELEASE SAVEPOINT daftar_write');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK TO SAVEPOINT daftar_write');
      await this.client.query('RELEASE SAVEPOINT daftar_write');
      throw uniqueViolationOf(error) ?? error;
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by Daftar');
  }
}

class PgDriver implements Driver {
  private readonly connections = new WeakMap<pg.PoolClient, PgConnection>();

  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let connection = this.connections.get(client);
    if (connection === undefined) {
      const made = new PgConnection(client);
      // pg-pool listens for errors only on idle clients: without this, a server dropping a
      // checked-out connection would end the whole process instead of failing one transaction.
      client.on('error', () => { made.broken = true; });
      connection = made;
      this.connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PgConnection;
    await c.client.query('BEGIN');
    try {
      await c.client.query({ name: 'daftar_office_lock', text: 'SELECT pg_advisory_xact_lock($1)', values: [OFFICE_LOCK_KEY] });
    } catch (error) {
      // Never hand the pool a client still inside a transaction.
      c.broken = true;
      throw error;
    }
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PgConnection;
    c.inTransaction = false;
    const result = await c.client.query('COMMIT');
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier failure left the transaction aborted.
    if (result.command === 'ROLLBACK') throw new Error('the transaction was aborted by an earlier failure and rolled back');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PgConnection;
    c.inTransaction = false;
    try {
      await c.client.query('ROLLBACK');
    } catch (error) {
      c.broken = true;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PgConnection;
    // A broken client is destroyed, not pooled: the next transaction gets a fresh connection.
    c.client.release(c.broken);
    if (c.broken) this.connections.delete(c.client);
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** A pool on the URL with the settings every Daftar connection uses. */
export function openPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes });
  // An idle client whose server went away must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export function postgresDialect(pool: pg.Pool): Dialect {
  return {
    createDriver: () => new PgDriver(pool),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}



/**
 * A hold only one process can have on this database: a session-level advisory lock on a connection of
 * its own, kept for as long as the hold. PostgreSQL lets go when that connection ends, so a process
 * that dies (or whose machine does) frees it for the next one.
 */
export function postgresExclusive(url: string) {
  return async (name: string): Promise<{ release(): Promise<void> } | null> => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [`daftar:${name}`]);
    if (rows[0]?.held !== true) {
      await client.end();
      return null;
    }
    return { release: async () => { await client.end(); } };
  };
}

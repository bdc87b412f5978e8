// What every Prisma repository here shares: Prisma's errors turned into the core's, and the checks
// that keep a stored value the core's types do not allow from leaking into the core.
import { UniqueViolation } from '../../core/errors.ts';
import { Prisma } from './generated/client.ts';

export type Db = Prisma.TransactionClient;

/** A stored value the core's types do not allow: the database was edited by hand or by a newer build. */
export class CorruptRowError extends Error {
  constructor(readonly table: string, readonly column: string, readonly value: unknown) {
    super(`${table}.${column} holds ${JSON.stringify(value)}, which this build does not understand`);
    this.name = 'CorruptRowError';
  }
}

export function oneOf<T extends string>(table: string, column: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CorruptRowError(table, column, value);
}

// Named as the in-memory store names them; a composite primary key is the record's "id".
function uniqueName(error: Prisma.PrismaClientKnownRequestError): string {
  const meta = (error.meta ?? {}) as {
    modelName?: string;
    target?: string[] | string;
    driverAdapterError?: { cause?: { originalCode?: string; constraint?: { fields?: string[] } } };
  };
  const cause = meta.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields ?? (Array.isArray(meta.target) ? meta.target : meta.target ? [meta.target] : []);
  const model = meta.modelName ?? 'unknown';
  if (cause?.originalCode === 'SQLITE_CONSTRAINT_PRIMARYKEY' && fields.length > 1) return `${model}.id`;
  return `${model}.${fields.join('_') || 'unknown'}`;
}

export const isKnown = (error: unknown, code: string): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** Runs one Prisma call, turning a unique-key failure into UniqueViolation and a missing row into `notFound`. */
export async function call<T>(query: () => Promise<T>, notFound?: string): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (isKnown(error, 'P2002')) throw new UniqueViolation(uniqueName(error));
    if (notFound !== undefined && isKnown(error, 'P2025')) throw new Error(`${notFound} not found`);
    throw error;
  }
}

export const orNull = <R, T>(row: R | null, map: (row: R) => T): T | null => (row === null ? null : map(row));

/** Only the listed keys, and of those only the ones given a value: a patch as the port means it. */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

// ---- the hot path: prepared statements on Prisma's own connection ----
//
// A Prisma call costs ≈0.4 ms here (query building, the engine, row mapping) against a few µs for a
// prepared better-sqlite3 statement, and a chat message needs a dozen or more of them, so the calls
// every message makes go through `Sql` instead. It runs on the very connection the Prisma adapter
// holds (open-store.ts finds it), between the BEGIN and COMMIT of the Store transaction that Prisma
// started, so such a statement reads the transaction's own writes (Prisma's and its own), and its
// writes commit or roll back with the rest. Store transactions never interleave (PrismaStore's
// mutex), so nothing else runs on the connection in between. SQL stays plain and portable (no
// SQLite-only syntax beyond what PostgreSQL also accepts: ON CONFLICT, RETURNING).

/** The better-sqlite3 connection's surface that `sqlOn` uses (the type better-sqlite3 exports). */
export type Connection = import('better-sqlite3').Database;

export interface Sql {
  get<T>(text: string, ...params: unknown[]): T | undefined;
  all<T>(text: string, ...params: unknown[]): T[];
  /** A write; `changes` rows changed. */
  run(text: string, ...params: unknown[]): { changes: number; lastInsertRowid: number };
}

/** Statements prepared once per SQL text and kept (the texts are constants, so the cache is bounded). */
export function sqlOn(connection: Connection): Sql {
  const statements = new Map<string, import('better-sqlite3').Statement<unknown[]>>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = connection.prepare<unknown[]>(text);
      // The adapter turns safe integers on for the whole connection (BigInt for every integer);
      // every integer the schema holds (ids, counts, versions) fits a double.
      statement.safeIntegers(false);
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    get: <T>(text: string, ...params: unknown[]) => rawCall(() => prepared(text).get(...params) as T | undefined),
    all: <T>(text: string, ...params: unknown[]) => rawCall(() => prepared(text).all(...params) as T[]),
    run: (text, ...params) => rawCall(() => {
      const result = prepared(text).run(...params);
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    }),
  };
}

// "UNIQUE constraint failed: Note.fileId, Note.number" → "Note.fileId_number", as the in-memory store
// and the Prisma path (uniqueName above) name it; a composite primary key is the record's "id".
function rawCall<T>(statement: () => T): T {
  try {
    return statement();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const columns = /constraint failed: (.+)$/.exec((error as Error).message)?.[1]?.split(',').map((c) => c.trim()) ?? [];
      const model = columns[0]?.split('.')[0] ?? 'unknown';
      const fields = columns.map((c) => c.split('.')[1] ?? c);
      throw new UniqueViolation(code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && fields.length > 1 ? `${model}.id` : `${model}.${fields.join('_')}`);
    }
    throw error;
  }
}

/** A DateTime as the Prisma adapter writes it (ISO 8601 text, "+00:00" for Z), so both paths agree. */
export const stamp = (date: Date): string => date.toISOString().replace('Z', '+00:00');
export const stampOrNull = (date: Date | null): string | null => (date === null ? null : stamp(date));

/** A DateTime column read raw: ISO text (as written above), or epoch milliseconds. */
export function dateOf(value: unknown): Date {
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') {
    // "2026-11-25 06:00:00" (SQL's CURRENT_TIMESTAMP) is UTC; Date would read it as local time.
    const iso = /^\d{4}-\d\d-\d\d \d/.test(value) ? `${value.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}` : value;
    const date = new Date(iso);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new CorruptRowError('?', 'DateTime', value);
}
export const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : dateOf(value));

/**
 * A raw row as Prisma would have returned it: the named DateTime columns as Dates and Boolean columns
 * as booleans (SQLite keeps 0/1), so that the same row → record mappers serve both paths.
 */
export function prismaRow<R>(row: Record<string, unknown>, kinds: { dates?: readonly string[]; booleans?: readonly string[] }): R {
  // In place: each row is a fresh object from better-sqlite3, read once.
  const out = row;
  for (const column of kinds.dates ?? []) out[column] = dateOrNull(row[column]);
  for (const column of kinds.booleans ?? []) out[column] = row[column] === null ? null : Boolean(row[column]);
  return out as R;
}

/** `?, ?, ?` for a list bound as separate parameters. */
export const marks = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** A value as the Prisma adapter binds it: Dates as its text, booleans as 0/1, undefined as NULL. */
export function bound(value: unknown): unknown {
  if (value instanceof Date) return stamp(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

const quoted = (column: string) => `"${column}"`;

/** INSERT of the given columns (names from the code, never from input), the stored row back. */
export function insertRow(sql: Sql, table: string, data: Record<string, unknown>): Record<string, unknown> {
  const columns = Object.keys(data);
  const row = sql.get<Record<string, unknown>>(
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${marks(columns.length)}) RETURNING *`,
    ...columns.map((c) => bound(data[c])),
  );
  if (row === undefined) throw new Error(`${table}: the insert returned no row`);
  return row;
}

/** The version check and the write in one statement, so no other writer comes in between; undefined if the version moved. */
export function updateVersioned(sql: Sql, table: string, id: number, expectedVersion: number, patch: Record<string, unknown>): Record<string, unknown> | undefined {
  const columns = Object.keys(patch);
  return sql.get<Record<string, unknown>>(
    `UPDATE ${quoted(table)} SET ${[...columns.map((c) => `${quoted(c)} = ?`), '"version" = "version" + 1'].join(', ')} WHERE "id" = ? AND "version" = ? RETURNING *`,
    ...columns.map((c) => bound(patch[c])), id, expectedVersion,
  );
}

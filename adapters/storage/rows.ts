// What every repository shares, on either engine: the row types generated from prisma/schema.prisma,
// the checks that keep a stored value the core's types do not allow from leaking into the core, and
// the few conversions between what the drivers return and the core's records. SQLite keeps dates as
// ISO text and booleans as 0/1; PostgreSQL returns Date and boolean: each mapper says `dateOf(…)` or
// `flag(…)` once per column and works on both.
import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely';
import type { DB } from './generated/db.ts';

export type { DB } from './generated/db.ts';
/** The unit every repository works in: one Store transaction. */
export type Db = Transaction<DB> | Kysely<DB>;

/** The database could not be reached or opened: said in one line, without the password. */
export class StoreUnavailable extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach the database ${where.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@')}: ${reason}`);
    this.name = 'StoreUnavailable';
  }
}

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

/** A DateTime column as read: a Date (PostgreSQL), ISO text (SQLite), or epoch milliseconds (old rows). */
export function dateOf(value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
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

/** A Boolean column as read: boolean (PostgreSQL) or 0/1 (SQLite). */
export const flag = (value: boolean | number): boolean => value === true || value === 1;

/** A count or sum as read: a number, or the text PostgreSQL gives for numeric (null when no rows). */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Only the listed keys, and of those only the ones given a value: a patch as the port means it. */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export const orNull = <R, T>(row: R | undefined | null, map: (row: R) => T): T | null => (row === undefined || row === null ? null : map(row));

/**
 * A LIKE pattern that matches the word anywhere, with `!` escaping LIKE's own characters: SQLite's
 * LIKE has no escape character unless told one, so "50%" or "a_b" would match too much. Used with
 * `lower(col) LIKE lower(pattern) ESCAPE '!'`, which is case-insensitive alike on SQLite (ASCII
 * letters; Devanagari has no case) and PostgreSQL.
 */
export const likeAnywhere = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** Stands for the n-th argument of a query compiled once (see once()). */
class Param {
  constructor(readonly index: number) {}
}

/**
 * A query of fixed shape, built and compiled to SQL once per engine; each call binds its own values.
 * Kysely builds an immutable tree for every query and compiles it to text on every call, and on the
 * message path (15–25 queries a message, the same few each time) that cost as much as running the
 * statements. Only for queries whose shape does not depend on the values (no `in` lists, no
 * optional clauses): `build` is called once with placeholders standing for the arguments.
 */
export function once<A extends unknown[], R>(build: (db: Db, ...params: A) => Compilable<R>): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  // By the dialect's adapter class: the same query is different SQL on SQLite and on PostgreSQL.
  const byEngine = new Map<unknown, CompiledQuery<R>>();
  return (db, ...args) => {
    const engine = db.getExecutor().adapter.constructor;
    let compiled = byEngine.get(engine);
    if (compiled === undefined) {
      compiled = build(db, ...(args.map((_, i) => new Param(i)) as A)).compile();
      byEngine.set(engine, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Param ? args[p.index] : p));
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}

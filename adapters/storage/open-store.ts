// Opens the office's database, migrated to the current schema: a SQLite file (the embedded default)
// or PostgreSQL (`DATABASE_URL=postgres://…`, for several Daftar processes serving one office).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, type LogEvent } from 'kysely';
import type { DB } from './rows.ts';
import { SqlStore } from './sql-store.ts';
import { migrateDatabase } from './sqlite/migrate.ts';
import { sqliteDialect, sqliteExclusive } from './sqlite/connection.ts';
import { migratePostgres } from './postgres/migrate.ts';
import { openPool, postgresDialect, postgresExclusive } from './postgres/connection.ts';

/** Where the office's data lives: a SQLite file, or a PostgreSQL URL. */
export type StoreLocation = { file: string } | { url: string };

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

export interface OpenStoreOptions {
  /** Hears every statement with its duration (the benchmarks' meters). */
  onQuery?: (sql: string, ms: number) => void;
}

/** Migrates the database to the current schema (throws MigrationError if it cannot) and opens a Store on it. */
export async function openStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<SqlStore> {
  const { onQuery } = options;
  const log = onQuery === undefined ? undefined : (event: LogEvent) => onQuery(event.query.sql, event.queryDurationMillis);
  if ('url' in location) {
    if (!isPostgresUrl(location.url)) throw new Error(`not a PostgreSQL URL: ${describeLocation(location)}`);
    await migratePostgres(location.url);
    return new SqlStore(new Kysely<DB>({ dialect: postgresDialect(openPool(location.url)), log }), 'postgres', postgresExclusive(location.url));
  }
  fs.mkdirSync(path.dirname(path.resolve(location.file)), { recursive: true });
  migrateDatabase(location.file);
  return new SqlStore(new Kysely<DB>({ dialect: sqliteDialect(location.file), log }), 'sqlite', sqliteExclusive(location.file));
}

/** What to print for the location: the file, or the URL without its password. */
export const describeLocation = (location: StoreLocation): string =>
  ('url' in location ? location.url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@') : location.file);

// Opens the office's SQLite database: folder, migrations, then the Prisma client over better-sqlite3.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { BUSY_TIMEOUT_MS, migrateDatabase } from './migrate.ts';
import { PrismaStore } from './prisma-store.ts';

export interface OpenStoreOptions {
  /** Path of the SQLite file; it and its folder are created when missing. */
  file: string;
}

/** Migrates the file to the current schema (throws MigrationError if it cannot) and opens a Store on it. */
export async function openStore(options: OpenStoreOptions): Promise<PrismaStore> {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  migrateDatabase(options.file);
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: options.file, timeout: BUSY_TIMEOUT_MS }),
  });
  await client.$connect();
  return new PrismaStore(client);
}

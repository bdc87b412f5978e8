// Opens the office's SQLite database: folder, migrations, then the Prisma client over better-sqlite3.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client.ts';
import { BUSY_TIMEOUT_MS, migrateDatabase } from './migrate.ts';
import type { Connection } from './prisma-common.ts';
import { PrismaStore } from './prisma-store.ts';

export interface OpenStoreOptions {
  /** Path of the SQLite file; it and its folder are created when missing. */
  file: string;
}

/** Migrates the file to the current schema (throws MigrationError if it cannot) and opens a Store on it. */
export async function openStore(options: OpenStoreOptions): Promise<PrismaStore> {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  migrateDatabase(options.file);
  const { client, connection } = await connectPrisma(options.file);
  return new PrismaStore(client, connection);
}

/**
 * The Prisma client on the file and the better-sqlite3 connection its adapter opened. The store runs
 * its hot statements on that same connection (prisma-common.ts says why); the adapter does not
 * publish it, so the factory is wrapped to see the adapter it makes, whose `client` field holds it.
 * A Prisma upgrade that moves it fails here, at start-up, with this message — not later.
 */
export async function connectPrisma(file: string): Promise<{ client: PrismaClient; connection: Connection }> {
  const factory = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  let connection: Connection | null = null;
  const watched = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      // Once only: were Prisma to open a second connection, the store's statements would run
      // outside its transactions. (It opens one per client; PrismaStore never reconnects a closed one.)
      if (connection !== null) throw new Error('the Prisma adapter was asked for a second connection; adapters/storage/open-store.ts assumes one');
      const adapter = await factory.connect();
      const held: unknown = (adapter as unknown as { client?: unknown }).client;
      if (held instanceof Database) connection = held;
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } satisfies Pick<typeof factory, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'>;
  const client = new PrismaClient({ adapter: watched });
  await client.$connect();
  if (connection === null) {
    await client.$disconnect();
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`: adapters/storage/open-store.ts needs updating for this Prisma version');
  }
  return { client, connection };
}

// Prisma CLI configuration: the JS schema engine over the better-sqlite3 driver adapter, so that
// generate, migrate diff and migrate deploy all work offline without a native engine download.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// Daftar's run time has no Prisma Client (it queries through Kysely); the CLI must not go looking
// for the native query engine, which it cannot download on an office network.
process.env.PRISMA_CLIENT_ENGINE_TYPE ??= 'client';

const dataDir = process.env.DAFTAR_DATA_DIR ?? 'data';
const dbFile = process.env.DAFTAR_DB_FILE ?? path.join(dataDir, 'daftar.db');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: dbFile }),
});

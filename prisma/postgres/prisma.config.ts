// Prisma CLI configuration for the PostgreSQL schema, used only to write migrations offline:
//   npx prisma migrate diff --config prisma/postgres/prisma.config.ts --from-… --to-… --script
// (see README.md here). This install has no native schema engine and no PostgreSQL driver adapter
// for Prisma (the machine reaches no binaries.prisma.sh), so the JS schema engine is given an
// adapter of our own that connects to nothing. Diffing two schema files needs no database: the
// engine only asks which server version it is writing for, answered here with the one Daftar
// supports. Every other statement is refused with what to do instead, so a command that would need
// a real database (--from-url, --from-migrations, migrate deploy) fails plainly instead of hanging.
// Migrations are applied by adapters/storage/postgres/migrate.ts, not by this CLI.
import { defineConfig } from 'prisma/config';

// The CLI otherwise tries to download a query engine before it even reads the flags; the JS
// ("client") engine is already installed. Set here so that the documented command needs no env.
process.env.PRISMA_CLIENT_ENGINE_TYPE ??= 'client';
// The schema's datasource reads DATABASE_URL (Daftar's PostgreSQL URL at run time); the schema
// only has to validate here, nothing connects to it.
process.env.DATABASE_URL ??= 'postgresql://offline.invalid/daftar';

/** The PostgreSQL release the migrations are written for (server_version_num). */
const SERVER_VERSION_NUM = 150000;

const TYPE_BOOLEAN = 5; // ColumnTypeEnum in @prisma/driver-adapter-utils
const TYPE_TEXT = 7;
const TYPE_INT32 = 0;

interface Query { sql: string }

const refuse = async (): Promise<never> => {
  throw new Error(
    'prisma/postgres/prisma.config.ts connects to no database: it can only diff schema files ' +
    '(--from-schema-datamodel / --from-empty / --to-schema-datamodel). Apply migrations with ' +
    'migratePostgres (adapters/storage/postgres/migrate.ts)');
};

const offline = {
  provider: 'postgres' as const,
  adapterName: 'daftar-offline',
  // The engine's first question on connecting: does the schema exist, which server is this.
  async queryRaw(query: Query) {
    if (!/current_setting\('server_version_num'\)/.test(query.sql)) return refuse();
    return {
      columnNames: ['exists', 'version', 'numeric_version'],
      columnTypes: [TYPE_BOOLEAN, TYPE_TEXT, TYPE_INT32],
      rows: [[true, `PostgreSQL ${SERVER_VERSION_NUM / 10000}`, SERVER_VERSION_NUM]],
    };
  },
  executeRaw: refuse,
  executeScript: refuse,
  startTransaction: refuse,
  getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
  dispose: async () => undefined,
};

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  engine: 'js',
  experimental: { adapter: true },
  // The config's type wants Prisma's own adapter classes; this object has the same shape.
  adapter: async () => ({
    provider: 'postgres',
    adapterName: 'daftar-offline',
    connect: async () => offline,
    connectToShadowDb: async () => offline,
  }) as never,
});

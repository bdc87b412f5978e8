// Scratch PostgreSQL databases for `--store postgres`: the generated office (a SQLite file, cached) is
// copied with the product's own `db copy` code into a fresh database, and every database made here
// is dropped when the run ends, so nothing of a run is left on the server. Loopback servers only: the
// figures are about this machine, and a bench must not write to a database somewhere else.
import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import pg from 'pg';
import { copySqliteToPostgres } from '../adapters/storage/copy.ts';
import { openPool, postgresDialect } from '../adapters/storage/postgres/connection.ts';

/** The server the bench uses unless `--pg-url` says otherwise: its maintenance database, for CREATE/DROP. */
export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function checkLoopback(adminUrl: string): void {
  const host = new URL(adminUrl).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`--pg-url must name a server on this machine (127.0.0.1, localhost or ::1), not ${host}`);
}

/** The same server, another database. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A client whose connection may be dropped by the server (another session's pg_terminate_backend) ends
 * its pending query with the error; without a listener the 'error' event would end the whole process.
 */
export function listenedClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  return client;
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = listenedClient(adminUrl);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database name no other run (or other person's tests) uses: bench_ and random hex. */
export const scratchName = (suffix = ''): string => `bench_${randomBytes(5).toString('hex')}${suffix}`;

/** CREATE DATABASE, empty or as a copy of `template` (a file-level copy: seconds, not a re-import). */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"${template === undefined ? '' : ` TEMPLATE "${template}"`}`));
  return databaseUrl(adminUrl, name);
}

/** DROP DATABASE, ending any session still on it (a child process killed at a bound may have left one). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * The generated office into the (new, empty) database, as `daftar db copy` moves an office: every
 * table in one transaction. Then VACUUM ANALYZE, so that the planner has the statistics and the
 * visibility map a running office gets from autovacuum within minutes of such a copy; without them
 * the first minutes' plans (and so the figures) would depend on when autovacuum happened to run.
 */
export async function copyOffice(file: string, url: string, note: (line: string) => void): Promise<{ seconds: number; rows: number; tables: number }> {
  const t0 = performance.now();
  const target = new Kysely<unknown>({ dialect: postgresDialect(openPool(url, 1)) });
  let rows = 0;
  let tables = 0;
  try {
    await copySqliteToPostgres(file, target, url, (done) => {
      rows += done.target;
      tables += 1;
      if (done.target >= 50_000) note(`  copied ${done.table}: ${done.target} rows`);
    });
  } finally {
    await target.destroy();
  }
  const client = listenedClient(url);
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - t0) / 1000, rows, tables };
}

/** The server's settings that decide what a COMMIT costs, printed with the figures. */
export async function serverSettings(adminUrl: string): Promise<Record<string, string>> {
  return admin(adminUrl, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers') ORDER BY name`);
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
}

// Real PostgreSQL databases for tests. Which server: DAFTAR_TEST_PG_URL if set (the globalSetup in
// postgres-global-setup.ts sets it for every worker), else the usual local server on 127.0.0.1:5432,
// else a throwaway cluster started for the run. The real migrations run once per run into a template
// database named after the hash of the migrations; each test gets `CREATE DATABASE … TEMPLATE`, which
// copies files instead of running the migrations again.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_PG_MIGRATIONS_DIR, migratePostgres } from '../../adapters/storage/postgres/migrate.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { SqlStore } from '../../adapters/storage/sql-store.ts';

/** The server most development machines have (Debian's cluster, trust auth for local TCP). */
export const LOCAL_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

// Templates are built under this advisory lock on the admin database, so two workers (or two runs)
// never build the same template twice or clone a half-built one. Any number unlike the migrator's
// and the office's keys.
const TEMPLATE_LOCK_KEY = 0x0da1_7e57;

const STAGING_PREFIX = 'daftar_stage_';

/** A PostgreSQL server started for this run; `stop` is synchronous so it can run from an exit handler. */
export interface ThrowawayServer {
  url: string;
  dir: string;
  stop(): void;
}

const envUrl = (): string | undefined => {
  const value = process.env.DAFTAR_TEST_PG_URL?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const forceThrowaway = (): boolean => process.env.DAFTAR_TEST_PG_THROWAWAY === '1';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const isRoot = (): boolean => process.getuid?.() === 0;

function run(command: string, args: string[], options: { asPostgres?: boolean; inherit?: boolean } = {}): { ok: boolean; output: string } {
  // initdb and postgres refuse to run as root; Debian's package creates the `postgres` user for that.
  const [file, argv] = options.asPostgres === true && isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, {
    encoding: 'utf8',
    stdio: options.inherit === true ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error === undefined ? '' : result.error.message}`.trim();
  return { ok: result.status === 0, output };
}

function newestPgBin(): string | undefined {
  // Debian keeps the server binaries off PATH, one folder per major version; elsewhere they are on PATH.
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] !== undefined) return path.join(root, versions[0], 'bin');
  return (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir !== '' && fs.existsSync(path.join(dir, 'initdb')));
}

/** The folder holding initdb and pg_ctl, installing Debian's server package first if we may. */
function pgBin(): string {
  const found = newestPgBin();
  if (found !== undefined) return found;
  const command = 'apt-get update && apt-get install -y postgresql';
  if (!isRoot()) {
    throw new Error('no PostgreSQL server for the tests and none installed: run "sudo apt-get update && sudo apt-get install -y postgresql" ' +
      '(or set DAFTAR_TEST_PG_URL=postgresql://user@host:port/db)');
  }
  process.stderr.write('test/helpers/postgres.ts: installing Debian\'s postgresql package for a throwaway test server\n');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    const step = run('apt-get', args, { inherit: true });
    if (!step.ok) throw new Error(`"apt-get ${args.join(' ')}" failed (${step.output || 'see above'}): run "${command}" by hand`);
  }
  const installed = newestPgBin();
  if (installed === undefined) throw new Error(`apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb appeared: run "${command}" and check`);
  return installed;
}

function postgresIds(): { uid: number; gid: number } {
  const uid = run('id', ['-u', 'postgres']);
  const gid = run('id', ['-g', 'postgres']);
  if (!uid.ok || !gid.ok) throw new Error('running as root, initdb needs the "postgres" user: run "apt-get install -y postgresql" (it creates it)');
  return { uid: Number(uid.output), gid: Number(gid.output) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb + pg_ctl start into a new temp folder, on a free port, listening on 127.0.0.1 only, trust
 * auth, durability off (a test server has nothing to keep). The caller must call stop().
 */
export async function startThrowawayServer(): Promise<ThrowawayServer> {
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    fs.chownSync(dir, uid, gid);
  }
  const stop = (): void => {
    // postmaster.pid exists while a server runs on the folder, also one whose start timed out.
    if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
      run(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w'], { asPostgres: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const init = run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { asPostgres: true });
    if (!init.ok) throw new Error(`initdb failed for a throwaway test server: ${init.output}`);
    // A port found free can be taken before the server binds it; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      fs.rmSync(log, { force: true });
      const options = `-p ${port} -k "${dir}" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      const start = run(path.join(bin, 'pg_ctl'), ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options], { asPostgres: true });
      if (start.ok) {
        return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir, stop };
      }
      const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
      if (attempt < 3 && /already in use|could not bind/i.test(serverLog)) continue;
      throw new Error(`pg_ctl could not start a throwaway test server: ${start.output}\n${serverLog.split('\n').slice(-15).join('\n')}`);
    }
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * The server for this run: DAFTAR_TEST_PG_URL, else 127.0.0.1:5432 if it answers, else a throwaway
 * server (always a throwaway one when DAFTAR_TEST_PG_THROWAWAY=1). Used by the globalSetup, and by
 * postgresServerUrl() when there is none.
 */
export async function findOrStartServer(): Promise<{ url: string; stop?: () => void }> {
  const given = envUrl();
  if (given !== undefined) return { url: given };
  if (!forceThrowaway() && await answers(LOCAL_SERVER_URL)) return { url: LOCAL_SERVER_URL };
  return startThrowawayServer();
}

let serverUrl: Promise<string> | undefined;

/**
 * The admin URL (a superuser, on its maintenance database) of the server the tests use. Normally
 * the globalSetup has put it in DAFTAR_TEST_PG_URL; without that setup, this process finds one
 * itself (and stops a throwaway server it started when it exits).
 */
export async function postgresServerUrl(): Promise<string> {
  const given = envUrl();
  if (given !== undefined) return given;
  // The globalSetup already tried and failed: say why, rather than every worker trying again.
  const failed = process.env.DAFTAR_TEST_PG_ERROR;
  if (failed !== undefined && failed !== '') throw new Error(failed);
  serverUrl ??= (async () => {
    const server = await findOrStartServer();
    if (server.stop !== undefined) {
      const stop = server.stop;
      // Vitest ends workers with SIGTERM; an exit handler can only do synchronous work, which stop() is.
      process.once('exit', stop);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          stop();
          process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
        });
      }
    }
    return server.url;
  })();
  // A failed attempt is not cached: the next test says why again rather than a stale rejection.
  serverUrl.catch(() => { serverUrl = undefined; });
  return serverUrl;
}

/** The URL of database `name` on the server at `adminUrl` (same host, port, user and options). */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(DEFAULT_PG_MIGRATIONS_DIR).sort()) {
    const sql = path.join(DEFAULT_PG_MIGRATIONS_DIR, name, 'migration.sql');
    if (fs.existsSync(sql)) hash.update(`${name}\n`).update(fs.readFileSync(sql));
  }
  return hash.digest('hex').slice(0, 16);
}

let admin: { url: string; pool: pg.Pool } | undefined;

function adminPool(url: string): pg.Pool {
  if (admin?.url !== url) {
    const pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    pool.on('error', () => undefined);
    admin = { url, pool };
  }
  return admin.pool;
}

let template: Promise<string> | undefined;

/** Makes sure the migrated template for the current migrations exists on the server; returns its name. */
async function templateDatabase(adminUrl: string): Promise<string> {
  template ??= (async () => {
    const name = `daftar_tpl_${migrationsHash()}`;
    const client = await adminPool(adminUrl).connect();
    let broken: unknown;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        // Staging databases left by a builder that died: any live builder would hold the lock we hold.
        const stale = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [STAGING_PREFIX]);
        for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(row.datname)} WITH (FORCE)`);
        // Built under another name and renamed when complete, so a crash never leaves a half-built template.
        const staging = `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`;
        await client.query(`CREATE DATABASE ${quoteIdent(staging)}`);
        await migratePostgres(databaseUrl(adminUrl, staging));
        await client.query(`ALTER DATABASE ${quoteIdent(staging)} RENAME TO ${quoteIdent(name)}`);
        // Nobody may connect to it (a session on a template blocks every copy), and it is marked as one.
        await client.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      }
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    } catch (error) {
      broken = error;
      throw error;
    } finally {
      // A client that failed mid-way is closed rather than pooled: that also drops its lock.
      client.release(broken !== undefined);
    }
    return name;
  })();
  template.catch(() => { template = undefined; });
  return template;
}

export interface TestDatabase {
  /** Connection URL of the new database (same server and user as the admin URL). */
  url: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/** A new, empty, migrated database of its own; call drop() when the test is done. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = await postgresServerUrl();
  const tpl = await templateDatabase(adminUrl);
  const name = `t_${randomBytes(8).toString('hex')}`;
  await adminPool(adminUrl).query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(tpl)}`);
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      await adminPool(adminUrl).query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

/** A new empty database with nothing in it, not even migrations (to test migrating itself). */
export async function emptyPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = await postgresServerUrl();
  const name = `t_${randomBytes(8).toString('hex')}`;
  await adminPool(adminUrl).query(`CREATE DATABASE ${quoteIdent(name)}`);
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      await adminPool(adminUrl).query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

/** Runs one query on the database at `url` (a connection of its own, closed after). */
export async function postgresRows<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export interface PgTestStore {
  store: SqlStore;
  /** The database behind `store`, of this test alone. */
  url: string;
  /** Closes the store and drops its database. */
  cleanup(): Promise<void>;
}

/** A SqlStore on a fresh, migrated PostgreSQL database of its own (openStore re-checks the migrations). */
export async function createPgTestStore(): Promise<PgTestStore> {
  const db = await freshPostgresDatabase();
  let store: SqlStore;
  try {
    store = await openStore({ url: db.url });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    store,
    url: db.url,
    async cleanup() {
      await store.close();
      await db.drop();
    },
  };
}

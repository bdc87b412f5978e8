// Real SQLite files for tests. The real migrations run once into a template file, kept in the temp
// folder under the hash of the migrations (so every test process and later runs reuse it); each test
// gets its own copy, which costs a file copy instead of a migration.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '../../adapters/storage/sqlite/migrate.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { SqlStore } from '../../adapters/storage/sql-store.ts';

export interface TestStore {
  store: SqlStore;
  /** The SQLite file behind `store`, in a folder of its own. */
  file: string;
  /** Closes the store and deletes its folder. */
  cleanup(): Promise<void>;
}

let template: string | undefined;

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(DEFAULT_MIGRATIONS_DIR).sort()) {
    const sql = path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql');
    if (fs.existsSync(sql)) hash.update(`${name}\n`).update(fs.readFileSync(sql));
  }
  return hash.digest('hex').slice(0, 16);
}

function templateFile(): string {
  if (template !== undefined) return template;
  const file = path.join(os.tmpdir(), `daftar-test-template-${migrationsHash()}.db`);
  if (!fs.existsSync(file)) {
    // Built under a name of its own and renamed into place, so a process never copies a half-built
    // template. migrateDatabase closes its connection, which checkpoints the WAL into the main file
    // and deletes the side files: the one file is the whole database, WAL mode included.
    const staging = `${file}.${randomUUID()}.tmp`;
    migrateDatabase(staging);
    if (fs.existsSync(`${staging}-wal`)) throw new Error(`template ${staging} still has a WAL file after migration`);
    fs.renameSync(staging, file);
  }
  template = file;
  return file;
}

/** A new temporary folder holding `daftar.db`, a migrated, empty database. */
export function freshDatabaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-'));
  const file = path.join(dir, 'daftar.db');
  fs.copyFileSync(templateFile(), file);
  return file;
}

/** A SqlStore on a fresh database file; openStore re-checks the copy against the migrations. */
export async function createTestStore(): Promise<TestStore> {
  const file = freshDatabaseFile();
  let store: SqlStore;
  try {
    store = await openStore({ file });
  } catch (error) {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    throw error;
  }
  return {
    store,
    file,
    async cleanup() {
      await store.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

/** Reads rows straight from the file, behind the store's back (what is really stored). */
export function sqliteRows<T>(file: string, text: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(text).all() as T[];
  } finally {
    db.close();
  }
}

/** Writes straight to the file, behind the store's back (to simulate tampering or corruption). */
export function sqliteRun(file: string, text: string, ...params: unknown[]): void {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.prepare(text).run(...params);
  } finally {
    db.close();
  }
}

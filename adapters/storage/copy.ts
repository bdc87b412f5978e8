// Moving an office from its embedded SQLite file to PostgreSQL (`daftar db copy --to postgres://…`):
// every table, row for row, in one PostgreSQL transaction, so a failure leaves the target as empty as
// it was. Values are turned into what each PostgreSQL column takes (SQLite's ISO text and 0/1 into
// timestamptz and boolean), tables go parents first (read from PostgreSQL's own foreign keys), a
// column that refers to its own table (an employee's reporting officer) is filled in a second pass,
// and each id sequence is moved past the highest id copied, so new rows never take an old number.
import { sql, type Kysely } from 'kysely';
import { dateOf, flag } from './rows.ts';
import { openSqliteFile } from './sqlite/connection.ts';
import { migrateDatabase } from './sqlite/migrate.ts';
import { migratePostgres } from './postgres/migrate.ts';

/** What `db copy` refuses, in words for the person running it. */
export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

export interface TableCopied {
  table: string;
  source: number;
  target: number;
}

interface Column {
  name: string;
  type: string;
}

const BATCH_PARAMETERS = 30_000;
const ignored = (table: string) => table.startsWith('_prisma') || table.startsWith('sqlite_');

/** Tables parents first; foreign keys as PostgreSQL knows them (the schema is the same on both engines). */
async function tablesInOrder(target: Kysely<unknown>, tables: string[]): Promise<{ order: string[]; selfRefs: Map<string, string[]> }> {
  const { rows } = await sql<{ child: string; parent: string; column: string }>`
    SELECT c.relname AS child, p.relname AS parent, a.attname AS column
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(target);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  const selfRefs = new Map<string, string[]>();
  for (const r of rows) {
    if (r.child === r.parent) selfRefs.set(r.child, [...(selfRefs.get(r.child) ?? []), r.column]);
    else parents.get(r.child)?.add(r.parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready) { order.push(t); placed.add(t); }
  }
  return { order, selfRefs };
}

function converter(type: string): (value: unknown) => unknown {
  if (type.startsWith('timestamp')) return (v) => (v === null ? null : dateOf(v));
  if (type === 'boolean') return (v) => (v === null ? null : flag(v as number));
  return (v) => v;
}

async function targetColumns(target: Kysely<unknown>, table: string): Promise<Column[]> {
  const { rows } = await sql<{ name: string; type: string }>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(target);
  return rows;
}

/**
 * Copies the SQLite file's office into the (empty) PostgreSQL database. The source is migrated first
 * (it must be at this build's schema), read with a read-only connection; the target is migrated and
 * must hold no office yet. `progress` hears each table as it is done.
 */
export async function copySqliteToPostgres(
  file: string, target: Kysely<unknown>, targetUrl: string, progress: (done: TableCopied) => void = () => {},
): Promise<TableCopied[]> {
  migrateDatabase(file);
  await migratePostgres(targetUrl);
  const source = openSqliteFile(file, { readonly: true });
  // One read transaction over the whole copy: in WAL mode it is a snapshot, so a server still
  // running on the file cannot make the tables disagree with each other (what it writes after the
  // snapshot is not copied: stop it first to move everything).
  source.exec('BEGIN');
  try {
    const tables = (source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>)
      .map((r) => r.name).filter((t) => !ignored(t));
    const { order, selfRefs } = await tablesInOrder(target, tables);
    return await target.transaction().execute(async (trx) => {
      const done: TableCopied[] = [];
      for (const table of order) {
        const existing = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(trx)).rows[0]?.n ?? 0);
        if (existing > 0) throw new CopyRefused(`the target already holds an office (table ${table} has ${existing} rows): copy into an empty database`);
        const columns = await targetColumns(trx, table);
        const later = selfRefs.get(table) ?? [];
        const convert = columns.map((c) => converter(c.type));
        const perBatch = Math.max(1, Math.floor(BATCH_PARAMETERS / columns.length));
        const fixes: Array<{ key: unknown[]; values: unknown[] }> = [];
        const keyColumns = columns.some((c) => c.name === 'id') ? ['id'] : columns.map((c) => c.name);
        let batch: unknown[][] = [];
        let copied = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) VALUES ${sql.join(batch.map((row) => sql`(${sql.join(row)})`))}`.execute(trx);
          copied += batch.length;
          batch = [];
        };
        for (const raw of source.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
          const row = columns.map((c, i) => (later.includes(c.name) ? null : convert[i]!(raw[c.name] ?? null)));
          if (later.some((c) => raw[c] !== null && raw[c] !== undefined)) {
            fixes.push({ key: keyColumns.map((k) => raw[k]), values: later.map((c) => raw[c]) });
          }
          batch.push(row);
          if (batch.length >= perBatch) await flush();
        }
        await flush();
        for (const fix of fixes) {
          await sql`UPDATE ${sql.table(table)} SET ${sql.join(later.map((c, i) => sql`${sql.ref(c)} = ${fix.values[i]}`))}
            WHERE ${sql.join(keyColumns.map((k, i) => sql`${sql.ref(k)} = ${fix.key[i]}`), sql` AND `)}`.execute(trx);
        }
        const sequence = columns.some((c) => c.name === 'id')
          ? (await sql<{ seq: string | null }>`SELECT pg_get_serial_sequence(${`"${table}"`}, 'id') AS seq`.execute(trx)).rows[0]?.seq ?? null
          : null;
        if (sequence !== null) {
          await sql`SELECT setval(${sequence}::regclass, coalesce(max("id"), 0) + 1, false) FROM ${sql.table(table)}`.execute(trx);
        }
        const source_ = Number((source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
        const target_ = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(trx)).rows[0]?.n ?? 0);
        const result = { table, source: source_, target: target_ };
        if (target_ !== source_ || copied !== source_) throw new Error(`${table}: ${source_} rows in the file but ${target_} in PostgreSQL`);
        done.push(result);
        progress(result);
      }
      return done;
    });
  } finally {
    source.exec('ROLLBACK');
    source.close();
  }
}

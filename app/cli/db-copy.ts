// `daftar db copy --to postgres://…`: moves the embedded office (the SQLite file this configuration
// names) into an empty PostgreSQL database, then checks what arrived: row counts per table and the
// audit trail's hash chain on the target. The SQLite file is only read.
import { Kysely } from 'kysely';
import { CopyRefused, copySqliteToPostgres } from '../../adapters/storage/copy.ts';
import { describeLocation, isPostgresUrl, openStore } from '../../adapters/storage/open-store.ts';
import { openPool, postgresDialect } from '../../adapters/storage/postgres/connection.ts';
import { verifyChain } from '../../core/audit/verify-chain.ts';
import type { Config } from '../../bots/config.ts';

export async function runDbCopy(config: Config, to: string, out: NodeJS.WritableStream): Promise<number> {
  if (!isPostgresUrl(to)) {
    out.write('db copy: --to takes a PostgreSQL URL, e.g. postgres://daftar@db.example:5432/daftar\n');
    return 2;
  }
  const where = describeLocation({ url: to });
  out.write(`Copying ${config.dbFile} to ${where}\n`);
  const target = new Kysely<unknown>({ dialect: postgresDialect(openPool(to, 1)) });
  try {
    const copied = await copySqliteToPostgres(config.dbFile, target, to, (t) => out.write(`  ${t.table.padEnd(20)} ${t.target} rows\n`));
    out.write(`Copied ${copied.length} tables, ${copied.reduce((n, t) => n + t.target, 0)} rows; every count matches the file.\n`);
  } catch (error) {
    if (!(error instanceof CopyRefused)) throw error;
    out.write(`db copy refused: ${error.message}. Nothing was written.\n`);
    return 1;
  } finally {
    await target.destroy();
  }
  const store = await openStore({ url: to });
  try {
    const report = await verifyChain(store);
    if (!report.ok) {
      out.write(`The audit trail on ${where} does not verify (event #${report.problem.seq}, ${report.problem.kind}): do not use it.\n`);
      return 1;
    }
    out.write(`Audit trail on ${where}: ${report.count} events, hash chain intact.\n`);
    out.write(`Start Daftar on it with DATABASE_URL=${where} (and DAFTAR_BLOB_DIR pointing at ${config.blobDir} or a copy of it).\n`);
    return 0;
  } finally {
    await store.close();
  }
}

// The core's Store on a SQL database through Kysely: the same repositories on SQLite (embedded
// default) and PostgreSQL, each engine's few differences kept in its own dialect under sqlite/ and
// postgres/. One Store transaction is one database transaction on a connection this adapter owns.
import { Kysely, sql } from 'kysely';
import type { Store, Tx } from '../../core/ports.ts';
import type { Employee } from '../../core/types.ts';
import { Mutex } from '../../core/store/mutex.ts';
import type { DB, Db } from './rows.ts';
import { coreRepositories } from './repos/core.ts';
import { StaffList } from './repos/staff-list.ts';
import { efileRepositories } from './repos/efile.ts';
import { leaveRepositories } from './repos/leave.ts';
import { jobRepository } from './repos/jobs.ts';
import { circularRepository } from './repos/circulars.ts';
import { scanTextRepository } from './repos/scans.ts';
import { trainingRepository } from './repos/training.ts';
import { letterRepository } from './repos/letters.ts';
import { pendencyRepository } from './repos/pendency.ts';
import { draftRepository } from './repos/drafts.ts';
import { deadlineRepository } from './repos/deadlines.ts';

export { CorruptRowError } from './rows.ts';

export type Engine = 'sqlite' | 'postgres';

/** Held while this process does something only one process may do; released by `release` or by dying. */
export interface ExclusiveHold {
  release(): Promise<void>;
}

/** How an engine takes a process-wide exclusive hold by name (sqlite/ and postgres/ say how). */
export type TakeExclusive = (name: string) => Promise<ExclusiveHold | null>;

/**
 * One transaction's view of the repositories. A message reads the same employees by id several
 * times (the sender, the holder, their officers); within a transaction each is read once, and any
 * write to employees forgets what was read. Callers get copies, as from every other read.
 */
function perTransaction(tx: Tx): Tx {
  const base = tx.employees;
  const seen = new Map<number, Employee | null>();
  const copy = (e: Employee | null) => (e === null ? null : { ...e });
  return {
    ...tx,
    employees: {
      ...base,
      byId: async (id) => {
        if (seen.has(id)) return copy(seen.get(id) ?? null);
        const employee = await base.byId(id);
        seen.set(id, copy(employee));
        return employee;
      },
      create: (data) => { seen.clear(); return base.create(data); },
      update: (id, patch) => { seen.clear(); return base.update(id, patch); },
    },
  };
}

function repositories(db: Db, staff: StaffList): Tx {
  return {
    ...coreRepositories(db, staff),
    ...efileRepositories(db),
    ...leaveRepositories(db),
    ...jobRepository(db),
    ...circularRepository(db),
    ...scanTextRepository(db),
    ...trainingRepository(db),
    ...letterRepository(db),
    ...pendencyRepository(db),
    ...draftRepository(db),
    ...deadlineRepository(db),
  };
}

/** A transaction waiting for its turn (group commit, below). */
interface Queued {
  work: (tx: Tx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** At most this many transactions share one COMMIT (and its fsync). */
export const GROUP_COMMIT_MAX = 32;

export class SqlStore implements Store {
  // Transactions of this process run one after another: on SQLite there is one connection and one
  // writer; on PostgreSQL every transaction takes the office's advisory lock anyway (postgres/
  // connection.ts says why), and queueing here keeps waiting transactions from holding pool
  // connections. The staff cache relies on it too.
  private readonly mutex = new Mutex();
  private closed = false;
  private readonly staff = new StaffList();
  private readonly queued: Queued[] = [];
  private draining = false;
  /**
   * SQLite: the repositories, built once. The dialect has one connection, used only by this store's
   * transactions (one at a time), so a query on the root Kysely instance runs inside whichever
   * transaction is open: no per-transaction Kysely Transaction object, repositories or plumbing.
   */
  private readonly sqliteRepos: Tx | null;

  constructor(readonly db: Kysely<DB>, readonly engine: Engine, private readonly takeExclusive: TakeExclusive) {
    this.sqliteRepos = engine === 'sqlite' ? repositories(db, this.staff) : null;
  }

  /**
   * Takes the named hold for this process, or null when another process on the same database holds
   * it (Telegram long polling: Telegram serves one poller per bot). A process that dies lets go.
   */
  exclusive(name: string): Promise<ExclusiveHold | null> {
    return this.takeExclusive(name);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.drain();
    });
  }

  /**
   * Group commit. On the embedded database every COMMIT is an fsync (synchronous = FULL:
   * an acknowledged message survives a power cut), which costs more than the work of a typical
   * message. Transactions that queued up while one ran are run together in one database
   * transaction, each inside a savepoint of its own, and share one COMMIT: a transaction that
   * throws is rolled back to its savepoint and fails alone; the others are answered only after the
   * shared COMMIT has reached the disk (or all fail, if it does not). Alone in the queue, a
   * transaction is run as it always was. Semantics are unchanged — each transaction still runs by
   * itself, in order, and sees everything committed or run before it — only acknowledgements wait
   * for a shared fsync (PostgreSQL's commit_delay/commit_siblings do the same on the server).
   */
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void this.mutex.run(async () => {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0, GROUP_COMMIT_MAX);
        if (this.closed) {
          for (const item of batch) item.reject(new Error('the store is closed'));
          continue;
        }
        if (this.engine === 'postgres') await this.runOnPostgres(batch);
        else if (batch.length === 1) await this.runAlone(batch[0] as Queued);
        else await this.runTogether(batch);
      }
    }).finally(() => {
      this.draining = false;
      if (this.queued.length > 0) this.drain();
    });
  }

  private async runAlone(item: Queued): Promise<void> {
    const { db } = this;
    try {
      await sql`BEGIN IMMEDIATE`.execute(db);
    } catch (error) {
      item.reject(error);
      return;
    }
    let value: unknown;
    try {
      value = await item.work(perTransaction(this.sqliteRepos as Tx));
    } catch (error) {
      await sql`ROLLBACK`.execute(db).catch(() => undefined);
      item.reject(error);
      return;
    } finally {
      this.staff.settle();
    }
    try {
      await sql`COMMIT`.execute(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db).catch(() => undefined);
      this.forgetStaff();
      item.reject(error);
      return;
    }
    item.resolve(value);
  }

  private async runTogether(batch: Queued[]): Promise<void> {
    const repos = this.sqliteRepos as Tx;
    await (async (conn: Kysely<DB>) => {
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
      } catch (error) {
        for (const item of batch) item.reject(error);
        return;
      }
      const done: { item: Queued; value: unknown }[] = [];
      for (const [i, item] of batch.entries()) {
        const savepoint = sql.raw(`"batch${i}"`);
        try {
          await sql`SAVEPOINT ${savepoint}`.execute(conn);
          const value = await item.work(perTransaction(repos));
          await sql`RELEASE ${savepoint}`.execute(conn);
          done.push({ item, value });
        } catch (error) {
          try {
            await sql`ROLLBACK TO ${savepoint}`.execute(conn);
            await sql`RELEASE ${savepoint}`.execute(conn);
            item.reject(error);
          } catch (broken) {
            // The connection itself failed: nothing of the batch can be trusted to commit.
            await sql`ROLLBACK`.execute(conn).catch(() => undefined);
            this.forgetStaff();
            for (const rest of [...done.map((d) => d.item), ...batch.slice(i)]) rest.reject(broken);
            return;
          }
        } finally {
          this.staff.settle();
        }
      }
      try {
        await sql`COMMIT`.execute(conn);
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        this.forgetStaff();
        for (const d of done) d.item.reject(error);
        return;
      }
      for (const d of done) d.item.resolve(d.value);
    })(this.db);
  }

  /**
   * PostgreSQL: the batch in one Kysely transaction (BEGIN and the office lock: postgres/connection.ts),
   * each transaction of it under a savepoint as on SQLite. A server's COMMIT waits for its WAL flush
   * too, and the office lock is held until it is done, so sharing it matters as much here.
   */
  private async runOnPostgres(batch: Queued[]): Promise<void> {
    const done: { item: Queued; value: unknown }[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        const repos = repositories(trx, this.staff);
        for (const [i, item] of batch.entries()) {
          const savepoint = sql.raw(`batch${i}`);
          if (batch.length > 1) await sql`SAVEPOINT ${savepoint}`.execute(trx);
          try {
            const value = await item.work(perTransaction(repos));
            if (batch.length > 1) await sql`RELEASE SAVEPOINT ${savepoint}`.execute(trx);
            done.push({ item, value });
          } catch (error) {
            // Alone, the transaction is simply rolled back (the error leaves execute below).
            if (batch.length === 1) throw error;
            await sql`ROLLBACK TO SAVEPOINT ${savepoint}`.execute(trx);
            await sql`RELEASE SAVEPOINT ${savepoint}`.execute(trx);
            item.reject(error);
          } finally {
            this.staff.settle();
          }
        }
      });
    } catch (error) {
      // The COMMIT (or the connection) failed, or the one transaction threw: nothing of it stands.
      if (done.length > 0) this.forgetStaff();
      for (const item of batch) if (!done.some((d) => d.item === item)) item.reject(error);
      for (const d of done) d.item.reject(error);
      return;
    }
    for (const d of done) d.item.resolve(d.value);
  }

  /** A batch that did not commit may have left the staff cache holding rows it wrote. */
  private forgetStaff(): void {
    this.staff.changed();
    this.staff.settle();
  }

  /** Waits for the running transactions, then closes the connection; later transactions are refused. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.db.destroy();
    });
  }
}

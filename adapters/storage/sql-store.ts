// The core's Store on a SQL database through Kysely: the same repositories on SQLite (embedded
// default) and PostgreSQL, each engine's few differences kept in its own dialect under sqlite/ and
// postgres/. One Store transaction is one database transaction on a connection this adapter owns.
import { Kysely } from 'kysely';
import type { Store, Tx } from '../../core/ports.ts';
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

export { CorruptRowError } from './rows.ts';

export type Engine = 'sqlite' | 'postgres';

/** Held while this process does something only one process may do; released by `release` or by dying. */
export interface ExclusiveHold {
  release(): Promise<void>;
}

/** How an engine takes a process-wide exclusive hold by name (sqlite/ and postgres/ say how). */
export type TakeExclusive = (name: string) => Promise<ExclusiveHold | null>;

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
  };
}

export class SqlStore implements Store {
  // Transactions of this process run one after another: on SQLite there is one connection and one
  // writer; on PostgreSQL every transaction takes the office's advisory lock anyway (postgres/
  // connection.ts says why), and queueing here keeps waiting transactions from holding pool
  // connections. The staff cache relies on it too.
  private readonly mutex = new Mutex();
  private closed = false;
  private readonly staff = new StaffList();

  constructor(readonly db: Kysely<DB>, readonly engine: Engine, private readonly takeExclusive: TakeExclusive) {}

  /**
   * Takes the named hold for this process, or null when another process on the same database holds
   * it (Telegram long polling: Telegram serves one poller per bot). A process that dies lets go.
   */
  exclusive(name: string): Promise<ExclusiveHold | null> {
    return this.takeExclusive(name);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('the store is closed');
      try {
        return await this.db.transaction().execute((trx) => work(repositories(trx, this.staff)));
      } finally {
        this.staff.settle();
      }
    });
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

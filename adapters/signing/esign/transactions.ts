// The eSign transactions an ASP has started, in memory: for tests and a single process. The core
// use case that wires eSign in keeps them in the database behind the same interface (types.ts).
import type { EsignOutcome, EsignTransaction, EsignTransactions, EsignTransactionState } from './types.ts';

export class InMemoryEsignTransactions implements EsignTransactions {
  private readonly rows = new Map<string, EsignTransactionState>();

  async begin(transaction: EsignTransaction): Promise<void> {
    if (this.rows.has(transaction.txn)) throw new Error(`eSign transaction ${transaction.txn} already exists`);
    this.rows.set(transaction.txn, { transaction: { ...transaction }, finished: null });
  }

  async find(txn: string): Promise<EsignTransactionState | null> {
    const row = this.rows.get(txn);
    return row === undefined ? null : { transaction: { ...row.transaction }, finished: row.finished === null ? null : { ...row.finished } };
  }

  async finish(txn: string, outcome: EsignOutcome, at: Date): Promise<boolean> {
    const row = this.rows.get(txn);
    if (row === undefined || row.finished !== null) return false;
    row.finished = { at, outcome };
    return true;
  }

  async overdue(now: Date): Promise<EsignTransaction[]> {
    return [...this.rows.values()]
      .filter((row) => row.finished === null && row.transaction.expiresAt.getTime() <= now.getTime())
      .map((row) => ({ ...row.transaction }));
  }
}

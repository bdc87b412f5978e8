import type { ExclusiveHold, SqlStore } from '../adapters/storage/sql-store.ts';

/** This process's exclusive holds on the database (SqlStore.exclusive), released when it closes. */
export class Holds {
  private readonly held = new Map<string, ExclusiveHold>();

  constructor(private readonly store: SqlStore) {}

  has(name: string): boolean {
    return this.held.has(name);
  }

  async take(name: string): Promise<ExclusiveHold | null> {
    const hold = await this.store.exclusive(name);
    if (hold !== null) this.held.set(name, hold);
    return hold;
  }

  /** Runs `work` holding the name, waiting (up to a minute) while another process holds it. */
  async while<T>(name: string, work: () => Promise<T>): Promise<T> {
    const until = Date.now() + 60_000;
    let hold = await this.store.exclusive(name);
    while (hold === null) {
      if (Date.now() > until) throw new Error(`another Daftar process has held "${name}" for over a minute`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      hold = await this.store.exclusive(name);
    }
    try {
      return await work();
    } finally {
      await hold.release();
    }
  }

  async releaseAll(): Promise<void> {
    for (const hold of this.held.values()) await hold.release().catch(() => undefined);
    this.held.clear();
  }
}

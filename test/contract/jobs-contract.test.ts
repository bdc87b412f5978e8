// The job records' contract, on both stores: one run per job and day, one delivery per recipient.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../core/ports.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { createTestStore } from '../helpers/sqlite.ts';
import { createPgTestStore } from '../helpers/postgres.ts';

const at = new Date('2026-11-25T04:30:00.000Z');

for (const [name, make] of [
  ['MemoryStore', async () => ({ store: new MemoryStore() as Store, cleanup: async () => {} })],
  ['SqlStore (SQLite)', async () => {
    const made = await createTestStore();
    return { store: made.store as Store, cleanup: made.cleanup };
  }],
  ['SqlStore (PostgreSQL)', async () => {
    const made = await createPgTestStore();
    return { store: made.store as Store, cleanup: made.cleanup };
  }],
] as const) {
  describe(`job records: ${name}`, () => {
    it('starts a day once, finishes it, and claims each recipient once', async () => {
      const { store, cleanup } = await make();
      try {
        expect(await store.transaction((tx) => tx.jobs.start('digest', '2026-11-25', at))).toBe(true);
        expect(await store.transaction((tx) => tx.jobs.start('digest', '2026-11-25', at))).toBe(false);
        expect(await store.transaction((tx) => tx.jobs.start('digest', '2026-11-26', at))).toBe(true);
        expect(await store.transaction((tx) => tx.jobs.claimDelivery('digest', '2026-11-25', 7, at))).toBe(true);
        // A refused claim inside a transaction leaves it usable.
        const again = await store.transaction(async (tx) => {
          const second = await tx.jobs.claimDelivery('digest', '2026-11-25', 7, at);
          const other = await tx.jobs.claimDelivery('digest', '2026-11-25', 8, at);
          return [second, other];
        });
        expect(again).toEqual([false, true]);
        expect(await store.transaction((tx) => tx.jobs.claimDelivery('digest', '2026-11-26', 7, at))).toBe(true);
        expect(await store.transaction((tx) => tx.jobs.deliveries('digest', '2026-11-25'))).toBe(2);
        await store.transaction((tx) => tx.jobs.finish('digest', '2026-11-25', new Date(at.getTime() + 5000), 2));
        expect(await store.transaction((tx) => tx.jobs.find('digest', '2026-11-25'))).toMatchObject({
          status: 'done', sent: 2, startedAt: at, finishedAt: new Date(at.getTime() + 5000),
        });
        expect(await store.transaction((tx) => tx.jobs.find('digest', '2026-12-01'))).toBeNull();
        // Rolled back with its transaction.
        await expect(store.transaction(async (tx) => {
          await tx.jobs.claimDelivery('digest', '2026-11-25', 9, at);
          throw new Error('boom');
        })).rejects.toThrow('boom');
        expect(await store.transaction((tx) => tx.jobs.claimDelivery('digest', '2026-11-25', 9, at))).toBe(true);
      } finally {
        await cleanup();
      }
    });
  });
}

// The report and the digests read through short transactions that take turns with chat: a message's
// transaction asked for while a report is being read runs before the report's next read, not after
// the whole report.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Store } from '../../../core/ports.ts';
import { pendencyReport } from '../../../core/pendency/pendency-report.ts';
import { loadOfficePendency } from '../../../core/pendency/pending-for.ts';
import { turnTakingReads } from '../../../bots/jobs/daily-digest.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { CALENDAR, PendingWriter } from '../../core/pendency/pending-office.ts';

const TODAY = '2026-11-25';

/** A store whose transactions are logged in the order they run, by who asked. */
function logged(store: Store, log: string[], who: () => string): Store {
  return { ...store, transaction: (work) => store.transaction((tx) => { log.push(who()); return work(tx); }) } as Store;
}

async function office(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const { clerk, so } = await seedSmallOffice(store);
  const w = new PendingWriter(store);
  for (let i = 1; i <= 6; i++) await w.file(i % 2 === 0 ? clerk : so, `EST-${i}/2026`, '2026-11-0' + String(i));
  await w.receipt(clerk, 'SAH/R/2026/000001', '2026-11-20');
  return store;
}

describe('reads that take turns with chat', () => {
  for (const [name, read] of [
    ['the report', (store: Store) => pendencyReport(turnTakingReads(store), TODAY, CALENDAR, undefined, { ids: 1, movers: 1 })],
    ['the digests\' office load', (store: Store) => loadOfficePendency(turnTakingReads(store), TODAY, CALENDAR, 1)],
  ] as const) {
    it(`lets a chat transaction in between ${name}'s reads`, async () => {
      const base = await office();
      const log: string[] = [];
      let reads = 0;
      const background = logged(base, log, () => `read ${++reads}`);
      const building = read(background);
      // Once two reads have run, a chat message asks for the store.
      while (reads < 2) await new Promise((resolve) => { setImmediate(resolve); });
      const chat = base.transaction(async () => { log.push('chat'); });
      await Promise.all([building, chat]);
      const at = log.indexOf('chat');
      expect(reads).toBeGreaterThan(4);
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThanOrEqual(3);
    });
  }
});

// The statutory-deadline escalation run "later", for the walkthroughs (issue 20): the running server's
// clock cannot be injected, so the test opens the same SQLite database beside it (WAL; every write
// transaction takes the write lock up front, BEGIN IMMEDIATE, as the admin CLI does while the bot
// runs) and runs the job the way the server runs it (bots/jobs/statutory-deadlines.ts) with a clock
// set to a later instant.
//
// What this cannot do by itself: the job stamps the notifications it queues with its clock
// (core/outbox/notify.ts: nextAttemptAt = clock.now()), so they are due at that later instant — weeks
// after the server's real now — and the server's dispatcher, which lives at the real time and claims
// only items due by its now, would hold them until then. The nearest honest bridge is madeDueNow:
// after the run, exactly the items it queued (undelivered, due at that instant) are made due now.
// Their contents, recipients, the audit events and the raised marks stay as the run wrote them; only
// the moment the server may deliver them is brought forward to the server's present.
import { openStore } from '../../adapters/storage/open-store.ts';
import type { SqlStore } from '../../adapters/storage/sql-store.ts';
import { runDeadlineEscalation } from '../../bots/jobs/statutory-deadlines.ts';

export { openStore, runDeadlineEscalation };

/** Makes the undelivered notifications queued for `at` due now; returns how many there were. */
export async function madeDueNow(store: SqlStore, at: Date): Promise<number> {
  return store.transaction(async () => {
    // On SQLite a query on the store's root Kysely runs inside the open transaction (sql-store.ts).
    const result = await store.db.updateTable('Outbox').set({ nextAttemptAt: new Date() })
      .where('deliveredAt', 'is', null).where('nextAttemptAt', '=', at).executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

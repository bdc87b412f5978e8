// OCR text of scans, one row per blob, in Kysely.
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { ScanText, ScanTextStatus } from '../../../core/efile/scan-types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, num, oneOf, orNull, type Db } from '../rows.ts';
import { distinctWords, holdsWord } from './efile.ts';

const STATUSES = ['pending', 'done', 'failed'] as const satisfies readonly ScanTextStatus[];

const toScan = (r: Selectable<Row.ScanText>): ScanText => ({
  blob: r.blob, status: oneOf('ScanText', 'status', r.status, STATUSES), text: r.text, attempts: r.attempts,
  updatedAt: dateOf(r.updatedAt),
});

export function scanTextRepository(db: Db): Pick<Tx, 'scanTexts'> {
  return {
    scanTexts: {
      enqueue: async (blobs, at) => {
        // On the message path (every receipt). One statement per blob rather than one multi-row
        // INSERT: the text stays the same whatever the number of blobs, so both drivers prepare it
        // once (a multi-row text per count would grow their statement caches with the input). A known
        // blob is left as it is: ON CONFLICT … DO NOTHING is the same on SQLite and PostgreSQL.
        for (const blob of new Set(blobs)) {
          await db.insertInto('ScanText').values({ blob, status: 'pending', attempts: 0, updatedAt: at })
            .onConflict((oc) => oc.column('blob').doNothing()).execute();
        }
      },
      pending: async (limit) => (await db.selectFrom('ScanText').selectAll().where('status', '=', 'pending')
        .orderBy('updatedAt', 'asc').orderBy('blob', 'asc').limit(Math.max(0, limit)).execute()).map(toScan),
      claimPending: async (limit, now, leaseUntil) => {
        const due = (await db.selectFrom('ScanText').selectAll().where('status', '=', 'pending').where('updatedAt', '<=', now)
          .orderBy('updatedAt', 'asc').orderBy('blob', 'asc').limit(Math.max(0, limit)).execute()).map(toScan);
        // Under the office's write lock (every Store transaction holds it): nobody reads them as due in between.
        if (due.length > 0) await db.updateTable('ScanText').set({ updatedAt: leaseUntil }).where('blob', 'in', due.map((d) => d.blob)).execute();
        return due;
      },
      save: async (blob, p) => {
        await db.insertInto('ScanText').values({ blob, status: p.status, text: p.text, attempts: p.attempts, updatedAt: p.updatedAt })
          .onConflict((oc) => oc.column('blob').doUpdateSet((x) => ({
            status: x.ref('excluded.status'), text: x.ref('excluded.text'), attempts: x.ref('excluded.attempts'),
            updatedAt: x.ref('excluded.updatedAt'),
          })))
          .execute();
      },
      byBlob: async (blob) => orNull(await db.selectFrom('ScanText').selectAll().where('blob', '=', blob).executeTakeFirst(), toScan),
      counts: async () => {
        const counts: Record<ScanTextStatus, number> = { pending: 0, done: 0, failed: 0 };
        const groups = await db.selectFrom('ScanText').select((e) => ['status', e.fn.countAll().as('n')]).groupBy('status').execute();
        for (const g of groups) counts[oneOf('ScanText', 'status', g.status, STATUSES)] = num(g.n);
        return counts;
      },
      // Every word in a read scan of the receipt (its PDF or one of its originals); the words may
      // come from different scans of one receipt. LIKE with an escape character, as in efile.ts.
      receiptsWithPdf: async (blob) => {
        const rows = await db.selectFrom('Receipt').select('id').where('pdfBlob', '=', blob).orderBy('id').execute();
        return rows.map((row) => Number(row.id));
      },
      searchReceipts: async (words, limit) => {
        const unique = distinctWords(words);
        if (limit <= 0 || unique.length === 0) return [];
        const rows = await db.selectFrom('Receipt as r').select('r.id')
          .where((eb) => eb.and(unique.map((word) => eb.exists(eb.selectFrom('ScanText as s').select('s.blob')
            .where('s.status', '=', 'done').where(holdsWord('s.text', word))
            .where((inner) => inner.or([
              inner('s.blob', '=', inner.ref('r.pdfBlob')),
              inner('s.blob', 'in', inner.selectFrom('ReceiptOriginal as o').select('o.blob').whereRef('o.receiptId', '=', 'r.id')),
            ]))))))
          .orderBy('r.id', 'desc').limit(limit).execute();
        return rows.map((row) => Number(row.id));
      },
    },
  };
}

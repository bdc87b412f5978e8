// OCR text of scans over Prisma, one row per blob.
import type { Tx } from '../../core/ports.ts';
import type { ScanText, ScanTextStatus } from '../../core/efile/scan-types.ts';
import type * as Rows from './generated/client.ts';
import { Prisma } from './generated/client.ts';
import { oneOf, orNull, stamp, type Db, type Sql } from './prisma-common.ts';

const STATUSES = ['pending', 'done', 'failed'] as const;

const toScan = (r: Rows.ScanText): ScanText => ({
  blob: r.blob, status: oneOf('ScanText', 'status', r.status, STATUSES), text: r.text, attempts: r.attempts, updatedAt: r.updatedAt,
});

// As prisma-efile.ts: raw LIKE with an escape character, so "50%" or "a_b" match only themselves.
const likeAnywhere = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** A read scan of receipt r (its PDF or one of its originals) holds the word. */
const scanHolds = (word: string): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM "ScanText" s WHERE s."status" = 'done' AND lower(s."text") LIKE lower(${likeAnywhere(word)}) ESCAPE '!'
    AND (s."blob" = r."pdfBlob" OR s."blob" IN (SELECT o."blob" FROM "ReceiptOriginal" o WHERE o."receiptId" = r."id")))`;

export function scanTextRepository(db: Db, sql: Sql): Pick<Tx, 'scanTexts'> {
  return {
    scanTexts: {
      enqueue: async (blobs, at) => {
        // On the message path (every receipt): a prepared statement per blob on the store's own
        // connection (prisma-common.ts says why), not a Prisma call. A known blob is left as it is;
        // ON CONFLICT … DO NOTHING is the same on SQLite and PostgreSQL. The time is written as
        // Prisma's typed writes write it, so pending() orders raw and typed rows alike.
        for (const blob of new Set(blobs)) {
          sql.run('INSERT INTO "ScanText" ("blob", "status", "attempts", "updatedAt") VALUES (?, \'pending\', 0, ?) ON CONFLICT ("blob") DO NOTHING', blob, stamp(at));
        }
      },
      pending: async (limit) => (await db.scanText.findMany({
        where: { status: 'pending' }, orderBy: [{ updatedAt: 'asc' }, { blob: 'asc' }], take: limit,
      })).map(toScan),
      save: async (blob, p) => {
        const data = { status: p.status, text: p.text, attempts: p.attempts, updatedAt: p.updatedAt };
        await db.scanText.upsert({ where: { blob }, create: { blob, ...data }, update: data, select: { blob: true } });
      },
      byBlob: async (blob) => orNull(await db.scanText.findUnique({ where: { blob } }), toScan),
      counts: async () => {
        const counts: Record<ScanTextStatus, number> = { pending: 0, done: 0, failed: 0 };
        for (const g of await db.scanText.groupBy({ by: ['status'], _count: { _all: true } })) {
          counts[oneOf('ScanText', 'status', g.status, STATUSES)] = g._count._all;
        }
        return counts;
      },
      searchReceipts: async (words, limit) => {
        const unique = [...new Set(words)];
        if (limit <= 0 || unique.length === 0) return [];
        const rows = await db.$queryRaw<Array<{ id: number | bigint }>>`
          SELECT r."id" FROM "Receipt" r WHERE ${Prisma.join(unique.map(scanHolds), ' AND ')}
          ORDER BY r."id" DESC LIMIT ${limit}`;
        return rows.map((row) => Number(row.id));
      },
    },
  };
}

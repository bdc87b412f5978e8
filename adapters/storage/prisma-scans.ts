// OCR text of scans over Prisma, one row per blob.
import type { Tx } from '../../core/ports.ts';
import type { ScanText, ScanTextStatus } from '../../core/efile/scan-types.ts';
import type * as Rows from './generated/client.ts';
import { Prisma } from './generated/client.ts';
import { oneOf, orNull, type Db } from './prisma-common.ts';

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

export function scanTextRepository(db: Db): Pick<Tx, 'scanTexts'> {
  return {
    scanTexts: {
      enqueue: async (blobs, at) => {
        const unique = [...new Set(blobs)];
        if (unique.length === 0) return;
        // One statement for a receipt's PDF and originals; a known blob is left as it is. ON CONFLICT
        // … DO NOTHING is the same on SQLite and PostgreSQL. A Date parameter is encoded as Prisma's
        // typed writes encode it, so pending() orders raw and typed rows alike.
        // Chunks keep a folder of hundreds of page images under the bound-parameter limit.
        for (let i = 0; i < unique.length; i += 400) {
          const rows = unique.slice(i, i + 400).map((blob) => Prisma.sql`(${blob}, 'pending', 0, ${at})`);
          await db.$executeRaw`INSERT INTO "ScanText" ("blob", "status", "attempts", "updatedAt") VALUES ${Prisma.join(rows)}
            ON CONFLICT ("blob") DO NOTHING`;
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

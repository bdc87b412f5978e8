// OCR text of scans over Prisma, one row per blob.
import type { Tx } from '../../core/ports.ts';
import type { ScanText, ScanTextStatus } from '../../core/efile/scan-types.ts';
import type * as Rows from './generated/client.ts';
import { oneOf, orNull, type Db } from './prisma-common.ts';

const STATUSES = ['pending', 'done', 'failed'] as const;

const toScan = (r: Rows.ScanText): ScanText => ({
  blob: r.blob, status: oneOf('ScanText', 'status', r.status, STATUSES), text: r.text, attempts: r.attempts, updatedAt: r.updatedAt,
});

export function scanTextRepository(db: Db): Pick<Tx, 'scanTexts'> {
  return {
    scanTexts: {
      enqueue: async (blob, at) => {
        // An upsert that changes nothing on a known blob: enqueueing twice is harmless.
        await db.scanText.upsert({ where: { blob }, create: { blob, status: 'pending', updatedAt: at }, update: {}, select: { blob: true } });
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
    },
  };
}

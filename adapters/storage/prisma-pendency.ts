// Office-wide pendency reads over Prisma: aggregate queries (see core/pendency/pendency-port.ts).
// Row lists go through Prisma with a narrow select; the per-holder age counts and the disposal
// movements are portable SQL (CASE, IN (SELECT …)) that SQLite and PostgreSQL both answer from one scan
// or from the indexes the schema has.
import type { Tx } from '../../core/ports.ts';
import type { HolderCounts, PendingApplicationRow } from '../../core/pendency/pendency-port.ts';
import { Prisma } from './generated/client.ts';
import { CorruptRowError, type Db } from './prisma-common.ts';

const PENDING_FILE = ['open', 'parked'];
const PENDING_APPLICATION = ['pending', 'returned'];
const FILE_SELECT = { id: true, fileNumber: true, subject: true, holderId: true, sectionId: true, status: true, movedAt: true } as const;
/** Ids per IN list: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;

const toFileRow = (f: { id: number; fileNumber: string; subject: string; holderId: number; sectionId: number; status: string; movedAt: Date }) => ({
  id: f.id, fileNumber: f.fileNumber, subject: f.subject, holderId: f.holderId, sectionId: f.sectionId, parked: f.status === 'parked', movedAt: f.movedAt,
});

function destinationsOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    // reported below
  }
  throw new CorruptRowError('TourProgramme', 'destinations', text);
}

/** Ids after `afterId`, up to `upToId` when given. */
const ids = (afterId: number, upToId: number | undefined) => (upToId === undefined ? { gt: afterId } : { gt: afterId, lte: upToId });

/** Per holder, how many pending rows of `table` fall in each age bucket (one scan, grouped). */
async function counts(db: Db, table: 'EFile' | 'Receipt', statuses: string[], cutoffs: readonly Date[], ids: [number, number], kind: HolderCounts['kind']): Promise<HolderCounts[]> {
  const edges = [...cutoffs];
  const columns = edges.map((cutoff, i) => {
    const newer = i === 0 ? Prisma.sql`` : Prisma.sql` AND "movedAt" < ${edges[i - 1]}`;
    return Prisma.sql`SUM(CASE WHEN "movedAt" >= ${cutoff}${newer} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"b${i}"`)}`;
  });
  const rows = await db.$queryRaw<Array<Record<string, number | bigint | null>>>`
    SELECT "holderId", COUNT(*) AS "n"${columns.length > 0 ? Prisma.sql`, ${Prisma.join(columns)}` : Prisma.empty}
    FROM ${Prisma.raw(`"${table}"`)} WHERE "id" > ${ids[0]} AND "id" <= ${ids[1]} AND "status" IN (${Prisma.join(statuses)}) GROUP BY "holderId"`;
  return rows.map((r) => {
    const newer = edges.map((_, i) => Number(r[`b${i}`] ?? 0));
    const older = Number(r.n ?? 0) - newer.reduce((a, b) => a + b, 0);
    return { holderId: Number(r.holderId), kind, counts: [...newer, older] };
  });
}

export function pendencyRepository(db: Db): Pick<Tx, 'pendency'> {
  return {
    pendency: {
      files: async (afterId, limit, upToId) => (await db.eFile.findMany({
        where: { id: ids(afterId, upToId), status: { in: PENDING_FILE } }, orderBy: { id: 'asc' }, take: Math.max(0, limit), select: FILE_SELECT,
      })).map(toFileRow),
      receipts: async (afterId, limit, upToId) => db.receipt.findMany({
        where: { id: ids(afterId, upToId), status: 'open' }, orderBy: { id: 'asc' }, take: Math.max(0, limit),
        select: { id: true, diaryNumber: true, subject: true, holderId: true, movedAt: true },
      }),
      applications: async () => {
        const base = { id: true, number: true, employeeId: true, holderId: true, status: true, movedAt: true } as const;
        const where = { status: { in: PENDING_APPLICATION } };
        const common = (a: { id: number; number: string; employeeId: number; holderId: number; status: string; movedAt: Date }) => ({
          id: a.id, number: a.number, employeeId: a.employeeId, holderId: a.holderId, returned: a.status === 'returned', movedAt: a.movedAt,
        });
        const leave = await db.leaveApplication.findMany({ where, orderBy: { id: 'asc' }, select: { ...base, type: true, startDate: true, endDate: true } });
        const tours = await db.tourProgramme.findMany({ where, orderBy: { id: 'asc' }, select: { ...base, destinations: true, startDate: true, endDate: true } });
        const claims = await db.taClaim.findMany({ where, orderBy: { id: 'asc' }, select: { ...base, total: true } });
        const rows: PendingApplicationRow[] = [
          ...leave.map((l) => ({ ...common(l), kind: 'leave' as const, type: l.type, startDate: l.startDate, endDate: l.endDate })),
          ...tours.map((t) => ({ ...common(t), kind: 'tour' as const, destinations: destinationsOf(t.destinations), startDate: t.startDate, endDate: t.endDate })),
          ...claims.map((c) => ({ ...common(c), kind: 'ta' as const, total: c.total })),
        ];
        return rows;
      },
      countsByHolder: async (cutoffs, afterId, upToId) => {
        const ids: [number, number] = [afterId, upToId];
        const rows = [...await counts(db, 'EFile', PENDING_FILE, cutoffs, ids, 'file'), ...await counts(db, 'Receipt', ['open'], cutoffs, ids, 'receipt')];
        return rows.sort((a, b) => a.holderId - b.holderId || a.kind.localeCompare(b.kind));
      },
      lastId: async () => {
        // The last row by primary key, one seek each (an aggregate's MAX goes through a subquery).
        const file = await db.eFile.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
        const receipt = await db.receipt.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
        return Math.max(file?.id ?? 0, receipt?.id ?? 0);
      },
      oldestFiles: async (limit, range) => (await db.eFile.findMany({
        where: { ...(range === undefined ? {} : { id: ids(range.afterId, range.upToId) }), status: { in: PENDING_FILE } },
        orderBy: [{ movedAt: 'asc' }, { id: 'asc' }], take: Math.max(0, limit), select: FILE_SELECT,
      })).map(toFileRow),
      disposedFiles: async (from, to, movers) => {
        // Through the (fromId, at) index, one seek per employee: there is no index on "at" alone.
        const employees = movers === undefined ? Prisma.empty : Prisma.sql` WHERE "id" > ${movers.afterId} AND "id" <= ${movers.upToId}`;
        const moves = await db.$queryRaw<Array<{ subjectId: number | bigint; toId: number | bigint; action: string }>>`
          SELECT "subjectId", "toId", "action" FROM "Movement"
          WHERE "fromId" IN (SELECT "id" FROM "Employee"${employees}) AND "at" >= ${from} AND "at" < ${to}
            AND "subjectType" = 'file' AND "action" IN ('closed', 'approved')`;
        const ids = [...new Set(moves.map((m) => Number(m.subjectId)))];
        const files = new Map<number, { sectionId: number; createdById: number }>();
        for (let i = 0; i < ids.length; i += IN_CHUNK) {
          for (const f of await db.eFile.findMany({ where: { id: { in: ids.slice(i, i + IN_CHUNK) } }, select: { id: true, sectionId: true, createdById: true } })) {
            files.set(f.id, f);
          }
        }
        const out = new Map<number, number>();
        for (const m of moves) {
          const file = files.get(Number(m.subjectId));
          if (file === undefined) continue;
          if (m.action === 'closed' || Number(m.toId) === file.createdById) out.set(Number(m.subjectId), file.sectionId);
        }
        return [...out].sort((a, b) => a[0] - b[0]).map(([fileId, sectionId]) => ({ fileId, sectionId }));
      },
    },
  };
}

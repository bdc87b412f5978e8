// Office-wide pendency reads in Kysely: aggregate queries (see core/pendency/pendency-port.ts), read
// in short ranges of ids so that 50,000 staff and a million files stay within seconds. Row lists are
// narrow selects by primary key; the per-holder age counts are one grouped scan of the range (SUM of
// CASE, which SQLite and PostgreSQL both answer alike), and the disposal movements come through the
// Movement (fromId, at) index.
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { HolderCounts, IdRange, PendingApplicationRow, PendingFileRow, PendingReceiptRow } from '../../../core/pendency/pendency-port.ts';
import type * as Row from '../generated/db.ts';
import { CorruptRowError, dateOf, num, type DB, type Db } from '../rows.ts';

const PENDING_FILE = ['open', 'parked'];
const PENDING_RECEIPT = ['open'];
const PENDING_APPLICATION = ['pending', 'returned'];
const FILE_COLUMNS = ['id', 'fileNumber', 'subject', 'holderId', 'sectionId', 'status', 'movedAt'] as const;
const RECEIPT_COLUMNS = ['id', 'diaryNumber', 'subject', 'holderId', 'movedAt'] as const;
const APPLICATION_COLUMNS = ['id', 'number', 'employeeId', 'holderId', 'status', 'movedAt'] as const;
/** Ids per IN list: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;

const toFileRow = (f: Pick<Selectable<Row.EFile>, (typeof FILE_COLUMNS)[number]>): PendingFileRow => ({
  id: f.id, fileNumber: f.fileNumber, subject: f.subject, holderId: f.holderId, sectionId: f.sectionId,
  parked: f.status === 'parked', movedAt: dateOf(f.movedAt),
});

const toReceiptRow = (r: Pick<Selectable<Row.Receipt>, (typeof RECEIPT_COLUMNS)[number]>): PendingReceiptRow => ({
  id: r.id, diaryNumber: r.diaryNumber, subject: r.subject, holderId: r.holderId, movedAt: dateOf(r.movedAt),
});

/** What the three kinds of application share; the table's columns of the same names. */
const toApplication = (a: Pick<Selectable<Row.LeaveApplication>, (typeof APPLICATION_COLUMNS)[number]>) => ({
  id: a.id, number: a.number, employeeId: a.employeeId, holderId: a.holderId, returned: a.status === 'returned',
  movedAt: dateOf(a.movedAt),
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

/**
 * The ids in lists of exactly IN_CHUNK, the last one padded with its own last id: both connections
 * keep every statement text they prepare, so an IN list must not come in as many lengths as there are
 * answers. A repeated id in an IN list changes nothing.
 */
function* idLists(ids: readonly number[]): Generator<number[]> {
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const list = ids.slice(i, i + IN_CHUNK);
    while (list.length < IN_CHUNK) list.push(list[list.length - 1]!);
    yield list;
  }
}

type Counted = 'EFile' | 'Receipt';

/** 1 when the row's movedAt falls in bucket i ([cutoffs[i], cutoffs[i-1]), cutoffs newest first), else 0. */
function inBucket(eb: ExpressionBuilder<DB, Counted>, cutoffs: readonly Date[], i: number) {
  const since = eb('movedAt', '>=', cutoffs[i]!);
  const when = i === 0 ? since : eb.and([since, eb('movedAt', '<', cutoffs[i - 1]!)]);
  return eb.case().when(when).then(eb.lit(1)).else(eb.lit(0)).end();
}

/**
 * Per holder, how many pending rows of `table` with id in (afterId, upToId] fall in each age bucket:
 * one scan of the range, grouped. The oldest bucket is the count less the newer ones.
 */
async function counts(db: Db, table: Counted, statuses: string[], cutoffs: readonly Date[], afterId: number, upToId: number, kind: HolderCounts['kind']): Promise<HolderCounts[]> {
  const rows = await db.selectFrom(table)
    .select((eb) => ['holderId', eb.fn.countAll().as('n'), ...cutoffs.map((_, i) => eb.fn.sum(inBucket(eb, cutoffs, i)).as(`b${i}`))])
    .where('id', '>', afterId).where('id', '<=', upToId).where('status', 'in', statuses)
    .groupBy('holderId').execute();
  return rows.map((r) => {
    const sums = r as Record<string, unknown>;
    const newer = cutoffs.map((_, i) => num(sums[`b${i}`]));
    return { holderId: r.holderId, kind, counts: [...newer, num(r.n) - newer.reduce((a, b) => a + b, 0)] };
  });
}

export function pendencyRepository(db: Db): Pick<Tx, 'pendency'> {
  /** Pending files with id in (afterId, upToId], each bound left out when absent. */
  const pendingFiles = (afterId: number | undefined, upToId: number | undefined) => {
    let query = db.selectFrom('EFile').select(FILE_COLUMNS).where('status', 'in', PENDING_FILE);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    if (upToId !== undefined) query = query.where('id', '<=', upToId);
    return query;
  };
  /** The highest id of the table, one seek down its primary key (0 when empty). */
  const lastOf = async (table: Counted) =>
    (await db.selectFrom(table).select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? 0;
  /** Who made the movements counted: everyone, or the employees with ids in the range. */
  const movers = (range: IdRange | undefined) => {
    const query = db.selectFrom('Employee').select('id');
    return range === undefined ? query : query.where('id', '>', range.afterId).where('id', '<=', range.upToId);
  };
  return {
    pendency: {
      files: async (afterId, limit, upToId) =>
        (await pendingFiles(afterId, upToId).orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toFileRow),
      receipts: async (afterId, limit, upToId) => {
        const query = db.selectFrom('Receipt').select(RECEIPT_COLUMNS).where('id', '>', afterId).where('status', 'in', PENDING_RECEIPT);
        const ranged = upToId === undefined ? query : query.where('id', '<=', upToId);
        return (await ranged.orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toReceiptRow);
      },
      applications: async () => {
        const leave = await db.selectFrom('LeaveApplication').select([...APPLICATION_COLUMNS, 'type', 'startDate', 'endDate'])
          .where('status', 'in', PENDING_APPLICATION).orderBy('id', 'asc').execute();
        const tours = await db.selectFrom('TourProgramme').select([...APPLICATION_COLUMNS, 'destinations', 'startDate', 'endDate'])
          .where('status', 'in', PENDING_APPLICATION).orderBy('id', 'asc').execute();
        const claims = await db.selectFrom('TaClaim').select([...APPLICATION_COLUMNS, 'total'])
          .where('status', 'in', PENDING_APPLICATION).orderBy('id', 'asc').execute();
        const rows: PendingApplicationRow[] = [
          ...leave.map((l) => ({ ...toApplication(l), kind: 'leave' as const, type: l.type, startDate: l.startDate, endDate: l.endDate })),
          ...tours.map((t) => ({
            ...toApplication(t), kind: 'tour' as const, destinations: destinationsOf(t.destinations), startDate: t.startDate, endDate: t.endDate,
          })),
          ...claims.map((c) => ({ ...toApplication(c), kind: 'ta' as const, total: c.total })),
        ];
        return rows;
      },
      countsByHolder: async (cutoffs, afterId, upToId) => {
        const rows = [
          ...await counts(db, 'EFile', PENDING_FILE, cutoffs, afterId, upToId, 'file'),
          ...await counts(db, 'Receipt', PENDING_RECEIPT, cutoffs, afterId, upToId, 'receipt'),
        ];
        return rows.sort((a, b) => a.holderId - b.holderId || a.kind.localeCompare(b.kind));
      },
      // The last row by primary key, one seek each (an aggregate's MAX can go through a subquery).
      lastId: async () => Math.max(await lastOf('EFile'), await lastOf('Receipt')),
      oldestFiles: async (limit, range) => (await pendingFiles(range?.afterId, range?.upToId)
        .orderBy('movedAt', 'asc').orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toFileRow),
      disposedFiles: async (from, to, range) => {
        // Through the (fromId, at) index, one seek per employee: there is no index on "at" alone.
        const moves = await db.selectFrom('Movement').select(['subjectId', 'toId', 'action'])
          .where('fromId', 'in', movers(range)).where('at', '>=', from).where('at', '<', to)
          .where('subjectType', '=', 'file').where('action', 'in', ['closed', 'approved']).execute();
        const files = new Map<number, { sectionId: number; createdById: number }>();
        for (const list of idLists([...new Set(moves.map((m) => m.subjectId))])) {
          for (const f of await db.selectFrom('EFile').select(['id', 'sectionId', 'createdById']).where('id', 'in', list).execute()) {
            files.set(f.id, { sectionId: f.sectionId, createdById: f.createdById });
          }
        }
        const out = new Map<number, number>();
        for (const m of moves) {
          const file = files.get(m.subjectId);
          if (file === undefined) continue;
          if (m.action === 'closed' || m.toId === file.createdById) out.set(m.subjectId, file.sectionId);
        }
        return [...out].sort((a, b) => a[0] - b[0]).map(([fileId, sectionId]) => ({ fileId, sectionId }));
      },
    },
  };
}

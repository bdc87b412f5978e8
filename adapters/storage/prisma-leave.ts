// The leave and tour repositories (leave applications, the leave ledger, tour programmes and their
// diary, TA claims) over Prisma. Same rules as prisma-efile.ts: rows mapped field by field, only the
// columns a port lets its caller write, one Prisma call per method.
import type { Tx } from '../../core/ports.ts';
import type { LeaveApplication, LeaveLedgerEntry, LeaveStatus, LedgerKind } from '../../core/leave/types.ts';
import type { ClaimStatus, Journey, TaClaim, TourDiaryEntry, TourProgramme, TourStatus } from '../../core/tour/types.ts';
import type * as Rows from './generated/client.ts';
import {
  call, CorruptRowError, insertRow, oneOf, orNull, pick, prismaRow, updateVersioned, type Db, type Sql,
} from './prisma-common.ts';

type LeaveRepos = Pick<Tx, 'leave' | 'leaveLedger' | 'tours' | 'taClaims'>;

const LEAVE_STATUSES = ['pending', 'sanctioned', 'refused', 'returned', 'cancelled', 'curtailed'] as const satisfies readonly LeaveStatus[];
const TOUR_STATUSES = ['pending', 'approved', 'refused', 'returned', 'cancelled'] as const satisfies readonly TourStatus[];
const CLAIM_STATUSES = ['pending', 'approved', 'refused', 'returned'] as const satisfies readonly ClaimStatus[];
const LEDGER_KINDS = [
  'opening', 'accrual', 'sanction', 'cancel', 'curtail', 'lapse', 'carry_forward',
] as const satisfies readonly LedgerKind[];
const HALF_DAYS = ['first', 'second'] as const satisfies ReadonlyArray<NonNullable<LeaveApplication['halfDay']>>;

// What `update` may change; `version` is the store's alone.
const LEAVE_PATCH = [
  'status', 'holderId', 'remark', 'decidedAt', 'movedAt', 'endDate', 'days', 'chargeToId',
] as const satisfies readonly (keyof LeaveApplication)[];
const TOUR_PATCH = ['status', 'holderId', 'remark', 'decidedAt', 'movedAt'] as const satisfies readonly (keyof TourProgramme)[];
const CLAIM_PATCH = [
  'status', 'holderId', 'remark', 'decidedAt', 'movedAt', 'daDays', 'daRate', 'total',
] as const satisfies readonly (keyof TaClaim)[];

// ---- JSON columns: text the core never sees, checked shape by shape ----

function parseJson(table: string, column: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CorruptRowError(table, column, text);
  }
}

function toDestinations(text: string): string[] {
  const value = parseJson('TourProgramme', 'destinations', text);
  if (!Array.isArray(value) || !value.every((d): d is string => typeof d === 'string')) {
    throw new CorruptRowError('TourProgramme', 'destinations', text);
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toJourneys(text: string): Journey[] {
  const value = parseJson('TaClaim', 'journeys', text);
  if (!Array.isArray(value)) throw new CorruptRowError('TaClaim', 'journeys', text);
  return value.map((j: unknown): Journey => {
    if (!isRecord(j)) throw new CorruptRowError('TaClaim', 'journeys', text);
    const { date, from, to, mode, fare } = j;
    if (typeof date !== 'string' || typeof from !== 'string' || typeof to !== 'string' || typeof mode !== 'string'
      || typeof fare !== 'number' || !Number.isFinite(fare)) {
      throw new CorruptRowError('TaClaim', 'journeys', text);
    }
    return { date, from, to, mode, fare };
  });
}

// Written field by field too, so a journey carrying other keys stores what it reads back.
const journeysText = (journeys: readonly Journey[]): string =>
  JSON.stringify(journeys.map((j) => ({ date: j.date, from: j.from, to: j.to, mode: j.mode, fare: j.fare })));

// ---- rows → records ----

const toLeave = (r: Rows.LeaveApplication): LeaveApplication => ({
  id: r.id, number: r.number, employeeId: r.employeeId, type: r.type, startDate: r.startDate, endDate: r.endDate,
  halfDay: r.halfDay === null ? null : oneOf('LeaveApplication', 'halfDay', r.halfDay, HALF_DAYS),
  days: r.days, reason: r.reason, chargeToId: r.chargeToId, sanctionerId: r.sanctionerId, holderId: r.holderId,
  status: oneOf('LeaveApplication', 'status', r.status, LEAVE_STATUSES), remark: r.remark, createdAt: r.createdAt,
  decidedAt: r.decidedAt, movedAt: r.movedAt, version: r.version,
});

const toLedger = (r: Rows.LeaveLedger): LeaveLedgerEntry => ({
  id: r.id, employeeId: r.employeeId, year: r.year, type: r.type, days: r.days,
  kind: oneOf('LeaveLedger', 'kind', r.kind, LEDGER_KINDS), refId: r.refId, note: r.note, at: r.at,
});

const toTour = (r: Rows.TourProgramme): TourProgramme => ({
  id: r.id, number: r.number, employeeId: r.employeeId, destinations: toDestinations(r.destinations),
  startDate: r.startDate, endDate: r.endDate, purpose: r.purpose, travelMode: r.travelMode, chargeToId: r.chargeToId,
  sanctionerId: r.sanctionerId, holderId: r.holderId, status: oneOf('TourProgramme', 'status', r.status, TOUR_STATUSES),
  remark: r.remark, createdAt: r.createdAt, decidedAt: r.decidedAt, movedAt: r.movedAt, version: r.version,
});

const toDiaryEntry = (r: Rows.TourDiaryEntry): TourDiaryEntry => ({
  id: r.id, tourId: r.tourId, date: r.date, text: r.text, createdAt: r.createdAt,
});

const toClaim = (r: Rows.TaClaim): TaClaim => ({
  id: r.id, number: r.number, tourId: r.tourId, employeeId: r.employeeId, journeys: toJourneys(r.journeys),
  daDays: r.daDays, daRate: r.daRate, total: r.total, sanctionerId: r.sanctionerId, holderId: r.holderId,
  status: oneOf('TaClaim', 'status', r.status, CLAIM_STATUSES), remark: r.remark, createdAt: r.createdAt,
  decidedAt: r.decidedAt, movedAt: r.movedAt, version: r.version,
});

/** Rows whose inclusive [startDate, endDate] meets [start, end]: ISO dates compare as text. */
const meeting = (start: string, end: string) => ({ startDate: { lte: end }, endDate: { gte: start } });

// Raw rows (the hot path: prisma-common.ts) → what Prisma would have returned → records.
type Raw = Record<string, unknown>;
const DECIDED = { dates: ['createdAt', 'decidedAt', 'movedAt'] } as const;
const leaveOf = (r: Raw) => toLeave(prismaRow<Rows.LeaveApplication>(r, DECIDED));
const tourOf = (r: Raw) => toTour(prismaRow<Rows.TourProgramme>(r, DECIDED));
const claimOf = (r: Raw) => toClaim(prismaRow<Rows.TaClaim>(r, DECIDED));
const ledgerOf = (r: Raw) => toLedger(prismaRow<Rows.LeaveLedger>(r, { dates: ['at'] }));
const maybe = <T>(row: Raw | undefined, map: (r: Raw) => T): T | null => (row === undefined ? null : map(row));
const statusIn = (statuses: readonly string[]) => (statuses.length === 0 ? '0 = 1' : `"status" IN (${statuses.map(() => '?').join(', ')})`);
/** Inclusive [startDate, endDate] meets [?, ?] (bound as end, start): ISO dates compare as text. */
const MEETS = '"startDate" <= ? AND "endDate" >= ?';

export function leaveRepositories(db: Db, sql: Sql): LeaveRepos {
  return {
    leave: {
      create: async (d) => leaveOf(insertRow(sql, 'LeaveApplication', {
        number: d.number, employeeId: d.employeeId, type: d.type, startDate: d.startDate, endDate: d.endDate,
        halfDay: d.halfDay, days: d.days, reason: d.reason, chargeToId: d.chargeToId, sanctionerId: d.sanctionerId,
        holderId: d.holderId, status: d.status, remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt,
        movedAt: d.movedAt,
      })),
      byId: async (id) => maybe(sql.get('SELECT * FROM "LeaveApplication" WHERE "id" = ?', id), leaveOf),
      byNumber: async (number) => maybe(sql.get('SELECT * FROM "LeaveApplication" WHERE "number" = ?', number), leaveOf),
      update: async (id, expectedVersion, patch) => maybe(updateVersioned(sql, 'LeaveApplication', id, expectedVersion, pick(patch, LEAVE_PATCH)), leaveOf),
      listByEmployee: async (employeeId, limit) => sql.all<Raw>(
        'SELECT * FROM "LeaveApplication" WHERE "employeeId" = ? ORDER BY "id" DESC LIMIT ?', employeeId, Math.max(0, limit),
      ).map(leaveOf),
      listByHolder: async (holderId, statuses) => sql.all<Raw>(
        `SELECT * FROM "LeaveApplication" WHERE "holderId" = ? AND ${statusIn(statuses)} ORDER BY "movedAt" ASC, "id" ASC`, holderId, ...statuses,
      ).map(leaveOf),
      overlapping: async (employeeId, start, end, statuses) => sql.all<Raw>(
        `SELECT * FROM "LeaveApplication" WHERE "employeeId" = ? AND ${statusIn(statuses)} AND ${MEETS} ORDER BY "id" ASC`, employeeId, ...statuses, end, start,
      ).map(leaveOf),
      covering: async (date, statuses) => (await db.leaveApplication.findMany({
        where: { status: { in: statuses }, ...meeting(date, date) }, orderBy: { id: 'asc' },
      })).map(toLeave),
    },
    leaveLedger: {
      add: async (d) => ledgerOf(insertRow(sql, 'LeaveLedger', {
        employeeId: d.employeeId, year: d.year, type: d.type, days: d.days, kind: d.kind, refId: d.refId, note: d.note, at: d.at,
      })),
      balance: async (employeeId, year, type) => sql.get<{ days: number | null }>(
        'SELECT sum("days") AS "days" FROM "LeaveLedger" WHERE "employeeId" = ? AND "year" = ? AND "type" = ?', employeeId, year, type,
      )?.days ?? 0,
      entries: async (employeeId, year) => (await db.leaveLedger.findMany({
        where: { employeeId, year }, orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })).map(toLedger),
    },
    tours: {
      create: async (d) => toTour(await call(() => db.tourProgramme.create({
        data: {
          number: d.number, employeeId: d.employeeId, destinations: JSON.stringify(d.destinations),
          startDate: d.startDate, endDate: d.endDate, purpose: d.purpose, travelMode: d.travelMode,
          chargeToId: d.chargeToId, sanctionerId: d.sanctionerId, holderId: d.holderId, status: d.status,
          remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt, movedAt: d.movedAt,
        },
      }))),
      byId: async (id) => maybe(sql.get('SELECT * FROM "TourProgramme" WHERE "id" = ?', id), tourOf),
      byNumber: async (number) => maybe(sql.get('SELECT * FROM "TourProgramme" WHERE "number" = ?', number), tourOf),
      update: async (id, expectedVersion, patch) => {
        const [row] = await db.tourProgramme.updateManyAndReturn({
          where: { id, version: expectedVersion },
          data: { ...pick(patch, TOUR_PATCH), version: { increment: 1 } },
        });
        return row === undefined ? null : toTour(row);
      },
      listByEmployee: async (employeeId, limit) => (await db.tourProgramme.findMany({
        where: { employeeId }, orderBy: { id: 'desc' }, take: Math.max(0, limit),
      })).map(toTour),
      listByHolder: async (holderId, statuses) => sql.all<Raw>(
        `SELECT * FROM "TourProgramme" WHERE "holderId" = ? AND ${statusIn(statuses)} ORDER BY "movedAt" ASC, "id" ASC`, holderId, ...statuses,
      ).map(tourOf),
      overlapping: async (employeeId, start, end, statuses) => sql.all<Raw>(
        `SELECT * FROM "TourProgramme" WHERE "employeeId" = ? AND ${statusIn(statuses)} AND ${MEETS} ORDER BY "id" ASC`, employeeId, ...statuses, end, start,
      ).map(tourOf),
      covering: async (date, statuses) => (await db.tourProgramme.findMany({
        where: { status: { in: statuses }, ...meeting(date, date) }, orderBy: { id: 'asc' },
      })).map(toTour),
      addDiaryEntry: async (d) => toDiaryEntry(await db.tourDiaryEntry.create({
        data: { tourId: d.tourId, date: d.date, text: d.text, createdAt: d.createdAt },
      })),
      diary: async (tourId) => (await db.tourDiaryEntry.findMany({
        where: { tourId }, orderBy: [{ date: 'asc' }, { id: 'asc' }],
      })).map(toDiaryEntry),
    },
    taClaims: {
      create: async (d) => toClaim(await call(() => db.taClaim.create({
        data: {
          number: d.number, tourId: d.tourId, employeeId: d.employeeId, journeys: journeysText(d.journeys),
          daDays: d.daDays, daRate: d.daRate, total: d.total, sanctionerId: d.sanctionerId, holderId: d.holderId,
          status: d.status, remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt, movedAt: d.movedAt,
        },
      }))),
      byId: async (id) => maybe(sql.get('SELECT * FROM "TaClaim" WHERE "id" = ?', id), claimOf),
      byNumber: async (number) => maybe(sql.get('SELECT * FROM "TaClaim" WHERE "number" = ?', number), claimOf),
      byTour: async (tourId) => orNull(await db.taClaim.findUnique({ where: { tourId } }), toClaim),
      update: async (id, expectedVersion, patch) => {
        const [row] = await db.taClaim.updateManyAndReturn({
          where: { id, version: expectedVersion },
          data: {
            ...pick(patch, CLAIM_PATCH),
            ...(patch.journeys === undefined ? {} : { journeys: journeysText(patch.journeys) }),
            version: { increment: 1 },
          },
        });
        return row === undefined ? null : toClaim(row);
      },
      listByHolder: async (holderId, statuses) => sql.all<Raw>(
        `SELECT * FROM "TaClaim" WHERE "holderId" = ? AND ${statusIn(statuses)} ORDER BY "movedAt" ASC, "id" ASC`, holderId, ...statuses,
      ).map(claimOf),
    },
  };
}

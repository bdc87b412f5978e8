// The leave and tour repositories (leave applications, the leave ledger, tour programmes and their
// diary, TA claims) over Prisma. Same rules as prisma-efile.ts: rows mapped field by field, only the
// columns a port lets its caller write, one Prisma call per method.
import type { Tx } from '../../core/ports.ts';
import type { LeaveApplication, LeaveLedgerEntry, LeaveStatus, LedgerKind } from '../../core/leave/types.ts';
import type { ClaimStatus, Journey, TaClaim, TourDiaryEntry, TourProgramme, TourStatus } from '../../core/tour/types.ts';
import type * as Rows from './generated/client.ts';
import { call, CorruptRowError, oneOf, orNull, pick, type Db } from './prisma-common.ts';

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

export function leaveRepositories(db: Db): LeaveRepos {
  return {
    leave: {
      create: async (d) => toLeave(await call(() => db.leaveApplication.create({
        data: {
          number: d.number, employeeId: d.employeeId, type: d.type, startDate: d.startDate, endDate: d.endDate,
          halfDay: d.halfDay, days: d.days, reason: d.reason, chargeToId: d.chargeToId, sanctionerId: d.sanctionerId,
          holderId: d.holderId, status: d.status, remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt,
          movedAt: d.movedAt,
        },
      }))),
      byId: async (id) => orNull(await db.leaveApplication.findUnique({ where: { id } }), toLeave),
      byNumber: async (number) => orNull(await db.leaveApplication.findUnique({ where: { number } }), toLeave),
      // The version check and the write are one statement, so no other writer can come in between.
      update: async (id, expectedVersion, patch) => {
        const [row] = await db.leaveApplication.updateManyAndReturn({
          where: { id, version: expectedVersion },
          data: { ...pick(patch, LEAVE_PATCH), version: { increment: 1 } },
        });
        return row === undefined ? null : toLeave(row);
      },
      listByEmployee: async (employeeId, limit) => (await db.leaveApplication.findMany({
        where: { employeeId }, orderBy: { id: 'desc' }, take: Math.max(0, limit),
      })).map(toLeave),
      listByHolder: async (holderId, statuses) => (await db.leaveApplication.findMany({
        where: { holderId, status: { in: statuses } }, orderBy: [{ movedAt: 'asc' }, { id: 'asc' }],
      })).map(toLeave),
      overlapping: async (employeeId, start, end, statuses) => (await db.leaveApplication.findMany({
        where: { employeeId, status: { in: statuses }, ...meeting(start, end) }, orderBy: { id: 'asc' },
      })).map(toLeave),
      covering: async (date, statuses) => (await db.leaveApplication.findMany({
        where: { status: { in: statuses }, ...meeting(date, date) }, orderBy: { id: 'asc' },
      })).map(toLeave),
    },
    leaveLedger: {
      add: async (d) => toLedger(await db.leaveLedger.create({
        data: {
          employeeId: d.employeeId, year: d.year, type: d.type, days: d.days, kind: d.kind, refId: d.refId,
          note: d.note, at: d.at,
        },
      })),
      balance: async (employeeId, year, type) => (await db.leaveLedger.aggregate({
        where: { employeeId, year, type }, _sum: { days: true },
      }))._sum.days ?? 0,
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
      byId: async (id) => orNull(await db.tourProgramme.findUnique({ where: { id } }), toTour),
      byNumber: async (number) => orNull(await db.tourProgramme.findUnique({ where: { number } }), toTour),
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
      listByHolder: async (holderId, statuses) => (await db.tourProgramme.findMany({
        where: { holderId, status: { in: statuses } }, orderBy: [{ movedAt: 'asc' }, { id: 'asc' }],
      })).map(toTour),
      overlapping: async (employeeId, start, end, statuses) => (await db.tourProgramme.findMany({
        where: { employeeId, status: { in: statuses }, ...meeting(start, end) }, orderBy: { id: 'asc' },
      })).map(toTour),
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
      byId: async (id) => orNull(await db.taClaim.findUnique({ where: { id } }), toClaim),
      byNumber: async (number) => orNull(await db.taClaim.findUnique({ where: { number } }), toClaim),
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
      listByHolder: async (holderId, statuses) => (await db.taClaim.findMany({
        where: { holderId, status: { in: statuses } }, orderBy: [{ movedAt: 'asc' }, { id: 'asc' }],
      })).map(toClaim),
    },
  };
}

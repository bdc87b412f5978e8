// The leave and tour repositories (leave applications, the leave ledger, tour programmes and their
// diary, TA claims) in Kysely. Same rules as core.ts: rows mapped field by field once per table, only
// the columns a port lets its caller write, one statement per method.
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { LeaveApplication, LeaveLedgerEntry, LeaveStatus, LedgerKind } from '../../../core/leave/types.ts';
import type { ClaimStatus, Journey, TaClaim, TourDiaryEntry, TourProgramme, TourStatus } from '../../../core/tour/types.ts';
import type * as Row from '../generated/db.ts';
import { CorruptRowError, dateOf, dateOrNull, num, oneOf, orNull, pick, type DB, type Db } from '../rows.ts';

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
// `journeys` is written as text, separately.
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

const toLeave = (r: Selectable<Row.LeaveApplication>): LeaveApplication => ({
  id: r.id, number: r.number, employeeId: r.employeeId, type: r.type, startDate: r.startDate, endDate: r.endDate,
  halfDay: r.halfDay === null ? null : oneOf('LeaveApplication', 'halfDay', r.halfDay, HALF_DAYS),
  days: r.days, reason: r.reason, chargeToId: r.chargeToId, sanctionerId: r.sanctionerId, holderId: r.holderId,
  status: oneOf('LeaveApplication', 'status', r.status, LEAVE_STATUSES), remark: r.remark, createdAt: dateOf(r.createdAt),
  decidedAt: dateOrNull(r.decidedAt), movedAt: dateOf(r.movedAt), version: r.version,
});

const toLedger = (r: Selectable<Row.LeaveLedger>): LeaveLedgerEntry => ({
  id: r.id, employeeId: r.employeeId, year: r.year, type: r.type, days: r.days,
  kind: oneOf('LeaveLedger', 'kind', r.kind, LEDGER_KINDS), refId: r.refId, note: r.note, at: dateOf(r.at),
});

const toTour = (r: Selectable<Row.TourProgramme>): TourProgramme => ({
  id: r.id, number: r.number, employeeId: r.employeeId, destinations: toDestinations(r.destinations),
  startDate: r.startDate, endDate: r.endDate, purpose: r.purpose, travelMode: r.travelMode, chargeToId: r.chargeToId,
  sanctionerId: r.sanctionerId, holderId: r.holderId, status: oneOf('TourProgramme', 'status', r.status, TOUR_STATUSES),
  remark: r.remark, createdAt: dateOf(r.createdAt), decidedAt: dateOrNull(r.decidedAt), movedAt: dateOf(r.movedAt),
  version: r.version,
});

const toDiaryEntry = (r: Selectable<Row.TourDiaryEntry>): TourDiaryEntry => ({
  id: r.id, tourId: r.tourId, date: r.date, text: r.text, createdAt: dateOf(r.createdAt),
});

const toClaim = (r: Selectable<Row.TaClaim>): TaClaim => ({
  id: r.id, number: r.number, tourId: r.tourId, employeeId: r.employeeId, journeys: toJourneys(r.journeys),
  daDays: r.daDays, daRate: r.daRate, total: r.total, sanctionerId: r.sanctionerId, holderId: r.holderId,
  status: oneOf('TaClaim', 'status', r.status, CLAIM_STATUSES), remark: r.remark, createdAt: dateOf(r.createdAt),
  decidedAt: dateOrNull(r.decidedAt), movedAt: dateOf(r.movedAt), version: r.version,
});

// ---- shared conditions ----

/** Rows whose inclusive [startDate, endDate] meets [start, end]: ISO dates compare as text. */
const meeting = (start: string, end: string) =>
  (eb: ExpressionBuilder<DB, 'LeaveApplication' | 'TourProgramme'>) => eb.and([eb('startDate', '<=', end), eb('endDate', '>=', start)]);

/**
 * Rows with one of the statuses: none asked for, none found, and no query made — `IN ()` is not SQL
 * on either engine (the old raw statement said `0 = 1` instead).
 */
const withStatus = async <T>(statuses: readonly string[], query: () => Promise<T[]>): Promise<T[]> =>
  (statuses.length === 0 ? [] : query());

export function leaveRepositories(db: Db): LeaveRepos {
  const leaves = () => db.selectFrom('LeaveApplication').selectAll();
  const tours = () => db.selectFrom('TourProgramme').selectAll();
  const claims = () => db.selectFrom('TaClaim').selectAll();
  return {
    leave: {
      create: async (d) => toLeave(await db.insertInto('LeaveApplication').values({
        number: d.number, employeeId: d.employeeId, type: d.type, startDate: d.startDate, endDate: d.endDate,
        halfDay: d.halfDay, days: d.days, reason: d.reason, chargeToId: d.chargeToId, sanctionerId: d.sanctionerId,
        holderId: d.holderId, status: d.status, remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt,
        movedAt: d.movedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await leaves().where('id', '=', id).executeTakeFirst(), toLeave),
      byNumber: async (number) => orNull(await leaves().where('number', '=', number).executeTakeFirst(), toLeave),
      // The version check and the write in one statement, so no other writer comes in between.
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('LeaveApplication')
        .set({ ...pick(patch, LEAVE_PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toLeave),
      listByEmployee: async (employeeId, limit) => (await leaves().where('employeeId', '=', employeeId)
        .orderBy('id', 'desc').limit(Math.max(0, limit)).execute()).map(toLeave),
      listByHolder: async (holderId, statuses) => withStatus(statuses, async () => (await leaves()
        .where('holderId', '=', holderId).where('status', 'in', statuses)
        .orderBy('movedAt', 'asc').orderBy('id', 'asc').execute()).map(toLeave)),
      overlapping: async (employeeId, start, end, statuses) => withStatus(statuses, async () => (await leaves()
        .where('employeeId', '=', employeeId).where('status', 'in', statuses).where(meeting(start, end))
        .orderBy('id', 'asc').execute()).map(toLeave)),
      covering: async (date, statuses) => withStatus(statuses, async () => (await leaves()
        .where('status', 'in', statuses).where(meeting(date, date)).orderBy('id', 'asc').execute()).map(toLeave)),
    },
    leaveLedger: {
      add: async (d) => toLedger(await db.insertInto('LeaveLedger').values({
        employeeId: d.employeeId, year: d.year, type: d.type, days: d.days, kind: d.kind, refId: d.refId, note: d.note, at: d.at,
      }).returningAll().executeTakeFirstOrThrow()),
      // SUM over no rows is NULL, which num() reads as 0.
      balance: async (employeeId, year, type) => num((await db.selectFrom('LeaveLedger')
        .select((eb) => eb.fn.sum<number | string | null>('days').as('days'))
        .where('employeeId', '=', employeeId).where('year', '=', year).where('type', '=', type)
        .executeTakeFirstOrThrow()).days),
      entries: async (employeeId, year) => (await db.selectFrom('LeaveLedger').selectAll()
        .where('employeeId', '=', employeeId).where('year', '=', year)
        .orderBy('at', 'asc').orderBy('id', 'asc').execute()).map(toLedger),
    },
    tours: {
      create: async (d) => toTour(await db.insertInto('TourProgramme').values({
        number: d.number, employeeId: d.employeeId, destinations: JSON.stringify(d.destinations),
        startDate: d.startDate, endDate: d.endDate, purpose: d.purpose, travelMode: d.travelMode,
        chargeToId: d.chargeToId, sanctionerId: d.sanctionerId, holderId: d.holderId, status: d.status,
        remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt, movedAt: d.movedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await tours().where('id', '=', id).executeTakeFirst(), toTour),
      byNumber: async (number) => orNull(await tours().where('number', '=', number).executeTakeFirst(), toTour),
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('TourProgramme')
        .set({ ...pick(patch, TOUR_PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toTour),
      listByEmployee: async (employeeId, limit) => (await tours().where('employeeId', '=', employeeId)
        .orderBy('id', 'desc').limit(Math.max(0, limit)).execute()).map(toTour),
      listByHolder: async (holderId, statuses) => withStatus(statuses, async () => (await tours()
        .where('holderId', '=', holderId).where('status', 'in', statuses)
        .orderBy('movedAt', 'asc').orderBy('id', 'asc').execute()).map(toTour)),
      overlapping: async (employeeId, start, end, statuses) => withStatus(statuses, async () => (await tours()
        .where('employeeId', '=', employeeId).where('status', 'in', statuses).where(meeting(start, end))
        .orderBy('id', 'asc').execute()).map(toTour)),
      covering: async (date, statuses) => withStatus(statuses, async () => (await tours()
        .where('status', 'in', statuses).where(meeting(date, date)).orderBy('id', 'asc').execute()).map(toTour)),
      addDiaryEntry: async (d) => toDiaryEntry(await db.insertInto('TourDiaryEntry').values({
        tourId: d.tourId, date: d.date, text: d.text, createdAt: d.createdAt,
      }).returningAll().executeTakeFirstOrThrow()),
      diary: async (tourId) => (await db.selectFrom('TourDiaryEntry').selectAll().where('tourId', '=', tourId)
        .orderBy('date', 'asc').orderBy('id', 'asc').execute()).map(toDiaryEntry),
    },
    taClaims: {
      create: async (d) => toClaim(await db.insertInto('TaClaim').values({
        number: d.number, tourId: d.tourId, employeeId: d.employeeId, journeys: journeysText(d.journeys),
        daDays: d.daDays, daRate: d.daRate, total: d.total, sanctionerId: d.sanctionerId, holderId: d.holderId,
        status: d.status, remark: d.remark, createdAt: d.createdAt, decidedAt: d.decidedAt, movedAt: d.movedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await claims().where('id', '=', id).executeTakeFirst(), toClaim),
      byNumber: async (number) => orNull(await claims().where('number', '=', number).executeTakeFirst(), toClaim),
      byTour: async (tourId) => orNull(await claims().where('tourId', '=', tourId).executeTakeFirst(), toClaim),
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('TaClaim')
        .set({
          ...pick(patch, CLAIM_PATCH),
          ...(patch.journeys === undefined ? {} : { journeys: journeysText(patch.journeys) }),
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toClaim),
      listByHolder: async (holderId, statuses) => withStatus(statuses, async () => (await claims()
        .where('holderId', '=', holderId).where('status', 'in', statuses)
        .orderBy('movedAt', 'asc').orderBy('id', 'asc').execute()).map(toClaim)),
    },
  };
}

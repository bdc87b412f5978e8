// The leave and tour repositories of the in-memory store (same contract as the Prisma ones).
import type { LeaveLedgerRepo, LeaveRepo, TaClaimRepo, TourRepo } from '../ports.ts';
import type { LeaveApplication, LeaveLedgerEntry } from '../leave/types.ts';
import type { TaClaim, TourDiaryEntry, TourProgramme } from '../tour/types.ts';
import { UniqueViolation } from '../errors.ts';

export interface LeaveState {
  applications: LeaveApplication[];
  ledger: LeaveLedgerEntry[];
  tours: TourProgramme[];
  diary: TourDiaryEntry[];
  claims: TaClaim[];
}

export function emptyLeaveState(): LeaveState {
  return { applications: [], ledger: [], tours: [], diary: [], claims: [] };
}

const copy = <T>(value: T): T => structuredClone(value);

/** Dates are ISO yyyy-mm-dd, so they compare as strings. */
interface Dated { startDate: string; endDate: string }
const meets = (row: Dated, start: string, end: string): boolean => row.startDate <= end && row.endDate >= start;

interface Versioned { id: number; version: number }

/** Applies the defined keys of the patch if the version matches, bumping it; null otherwise. */
function versioned<T extends Versioned>(rows: T[], id: number, expectedVersion: number, patch: object): T | null {
  const row = rows.find((r) => r.id === id);
  if (row === undefined || row.version !== expectedVersion) return null;
  Object.assign(row, copy(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))), { version: row.version + 1 });
  return copy(row);
}

const byMovedAt = <T extends { movedAt: Date; id: number }>(a: T, b: T) => a.movedAt.getTime() - b.movedAt.getTime() || a.id - b.id;
const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;
const newestFirst = <T extends { id: number }>(a: T, b: T) => b.id - a.id;

export function memoryLeaveRepos(s: () => LeaveState, nextId: (kind: string) => number): {
  leave: LeaveRepo; leaveLedger: LeaveLedgerRepo; tours: TourRepo; taClaims: TaClaimRepo;
} {
  return {
    leave: {
      create: async (data) => {
        if (s().applications.some((a) => a.number === data.number)) throw new UniqueViolation('LeaveApplication.number');
        const row: LeaveApplication = { ...copy(data), id: nextId('leave'), version: 0 };
        s().applications.push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().applications.find((a) => a.id === id) ?? null),
      byNumber: async (n) => copy(s().applications.find((a) => a.number === n) ?? null),
      update: async (id, expectedVersion, patch) => versioned(s().applications, id, expectedVersion, patch),
      listByEmployee: async (employeeId, limit) =>
        copy(s().applications.filter((a) => a.employeeId === employeeId).sort(newestFirst).slice(0, Math.max(0, limit))),
      listByHolder: async (holderId, statuses) =>
        copy(s().applications.filter((a) => a.holderId === holderId && statuses.includes(a.status)).sort(byMovedAt)),
      overlapping: async (employeeId, start, end, statuses) => copy(s().applications
        .filter((a) => a.employeeId === employeeId && statuses.includes(a.status) && meets(a, start, end)).sort(byId)),
      covering: async (date, statuses) =>
        copy(s().applications.filter((a) => statuses.includes(a.status) && meets(a, date, date)).sort(byId)),
    },
    leaveLedger: {
      add: async (entry) => {
        const row: LeaveLedgerEntry = { ...copy(entry), id: nextId('ledger') };
        s().ledger.push(row);
        return copy(row);
      },
      balance: async (employeeId, year, type) => s().ledger
        .filter((e) => e.employeeId === employeeId && e.year === year && e.type === type)
        .reduce((sum, e) => sum + e.days, 0),
      entries: async (employeeId, year) => copy(s().ledger
        .filter((e) => e.employeeId === employeeId && e.year === year)
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id)),
    },
    tours: {
      create: async (data) => {
        if (s().tours.some((t) => t.number === data.number)) throw new UniqueViolation('TourProgramme.number');
        const row: TourProgramme = { ...copy(data), id: nextId('tour'), version: 0 };
        s().tours.push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().tours.find((t) => t.id === id) ?? null),
      byNumber: async (n) => copy(s().tours.find((t) => t.number === n) ?? null),
      update: async (id, expectedVersion, patch) => versioned(s().tours, id, expectedVersion, patch),
      listByEmployee: async (employeeId, limit) =>
        copy(s().tours.filter((t) => t.employeeId === employeeId).sort(newestFirst).slice(0, Math.max(0, limit))),
      listByHolder: async (holderId, statuses) =>
        copy(s().tours.filter((t) => t.holderId === holderId && statuses.includes(t.status)).sort(byMovedAt)),
      overlapping: async (employeeId, start, end, statuses) => copy(s().tours
        .filter((t) => t.employeeId === employeeId && statuses.includes(t.status) && meets(t, start, end)).sort(byId)),
      covering: async (date, statuses) =>
        copy(s().tours.filter((t) => statuses.includes(t.status) && meets(t, date, date)).sort(byId)),
      addDiaryEntry: async (entry) => {
        const row: TourDiaryEntry = { ...copy(entry), id: nextId('diary') };
        s().diary.push(row);
        return copy(row);
      },
      diary: async (tourId) => copy(s().diary
        .filter((d) => d.tourId === tourId)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))),
    },
    taClaims: {
      create: async (data) => {
        if (s().claims.some((c) => c.number === data.number)) throw new UniqueViolation('TaClaim.number');
        if (s().claims.some((c) => c.tourId === data.tourId)) throw new UniqueViolation('TaClaim.tourId');
        const row: TaClaim = { ...copy(data), id: nextId('claim'), version: 0 };
        s().claims.push(row);
        return copy(row);
      },
      byId: async (id) => copy(s().claims.find((c) => c.id === id) ?? null),
      byNumber: async (n) => copy(s().claims.find((c) => c.number === n) ?? null),
      byTour: async (tourId) => copy(s().claims.find((c) => c.tourId === tourId) ?? null),
      update: async (id, expectedVersion, patch) => versioned(s().claims, id, expectedVersion, patch),
      listByHolder: async (holderId, statuses) =>
        copy(s().claims.filter((c) => c.holderId === holderId && statuses.includes(c.status)).sort(byMovedAt)),
    },
  };
}

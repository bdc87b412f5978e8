// What every Store must do for leave applications, the leave ledger, tour programmes with their diary
// and TA claims, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { LeaveApplication, LeaveLedgerEntry } from '../../core/leave/types.ts';
import type { Journey, TaClaim, TourDiaryEntry, TourProgramme } from '../../core/tour/types.ts';
import { UniqueViolation } from '../../core/errors.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

type NewLeave = Omit<LeaveApplication, 'id' | 'version'>;
type NewTour = Omit<TourProgramme, 'id' | 'version'>;
type NewClaim = Omit<TaClaim, 'id' | 'version'>;
type NewEntry = Omit<LeaveLedgerEntry, 'id'>;

const T0 = new Date('2026-03-31T18:29:59.999Z');
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
const DAY = 86_400_000;

async function expectUnique(promise: Promise<unknown>, what: string): Promise<void> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UniqueViolation);
  expect((error as UniqueViolation).what).toBe(what);
}

function leaveData(serial: number, patch: Partial<NewLeave> = {}): NewLeave {
  return {
    number: `LV/2026/${String(serial).padStart(6, '0')}`, employeeId: 1, type: 'CL', startDate: '2026-04-10',
    endDate: '2026-04-12', halfDay: null, days: 3, reason: `Reason ${serial}`, chargeToId: null, sanctionerId: 2,
    holderId: 2, status: 'pending', remark: null, createdAt: T0, decidedAt: null, movedAt: plus(T0, serial), ...patch,
  };
}

function tourData(serial: number, patch: Partial<NewTour> = {}): NewTour {
  return {
    number: `TR/2026/${String(serial).padStart(6, '0')}`, employeeId: 1, destinations: ['Lucknow'],
    startDate: '2026-04-10', endDate: '2026-04-12', purpose: `Meeting ${serial}`, travelMode: null, chargeToId: null,
    sanctionerId: 2, holderId: 2, status: 'pending', remark: null, createdAt: T0, decidedAt: null,
    movedAt: plus(T0, serial), ...patch,
  };
}

const journey = (n: number, patch: Partial<Journey> = {}): Journey =>
  ({ date: `2026-04-${String(10 + n).padStart(2, '0')}`, from: 'Saharanpur', to: 'Lucknow', mode: 'train', fare: 100 * n, ...patch });

function claimData(serial: number, tourId: number, patch: Partial<NewClaim> = {}): NewClaim {
  return {
    number: `TA/2026/${String(serial).padStart(6, '0')}`, tourId, employeeId: 1, journeys: [journey(1)], daDays: 2,
    daRate: 500, total: 1100, sanctionerId: 2, holderId: 2, status: 'pending', remark: null, createdAt: T0,
    decidedAt: null, movedAt: plus(T0, serial), ...patch,
  };
}

function entryData(n: number, patch: Partial<NewEntry> = {}): NewEntry {
  return { employeeId: 1, year: 2026, type: 'CL', days: 1, kind: 'accrual', refId: null, note: null, at: plus(T0, n), ...patch };
}

const ids = (rows: ReadonlyArray<{ id: number }>): number[] => rows.map((r) => r.id);

export function describeLeaveContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, leave and tour: ${name}`, () => {
    setUp();
    const leaves = (...rows: NewLeave[]) => tx(async (t) => {
      const out: LeaveApplication[] = [];
      for (const row of rows) out.push(await t.leave.create(row));
      return out;
    });
    const tours = (...rows: NewTour[]) => tx(async (t) => {
      const out: TourProgramme[] = [];
      for (const row of rows) out.push(await t.tours.create(row));
      return out;
    });

    describe('leave applications', () => {
      it('creates with every field at version 0 and finds by id and number; null when absent', async () => {
        const data = leaveData(12, {
          type: 'EL', halfDay: 'second', days: 0.5, reason: 'पारिवारिक कार्य — family function', chargeToId: 7,
          sanctionerId: 3, holderId: 4, status: 'sanctioned', remark: 'स्वीकृत', decidedAt: plus(T0, 5),
        });
        const [made] = await leaves(data);
        expect(made).toEqual({ ...data, id: expect.any(Number), version: 0 });
        await tx(async (t) => {
          expect(await t.leave.byId(made!.id)).toEqual(made);
          expect(await t.leave.byNumber('LV/2026/000012')).toEqual(made);
          expect(await t.leave.byId(made!.id + 1000)).toBeNull();
          expect(await t.leave.byNumber('LV/2026/000013')).toBeNull();
          expect(await t.leave.byNumber('lv/2026/000012')).toBeNull();
        });
      });

      it('rejects a duplicate number', async () => {
        await leaves(leaveData(1));
        await expectUnique(tx((t) => t.leave.create(leaveData(2, { number: 'LV/2026/000001' }))), 'LeaveApplication.number');
        expect(await tx((t) => t.leave.byNumber('LV/2026/000001'))).toMatchObject({ reason: 'Reason 1' });
      });

      it('updates only the fields in the patch when the version matches, and bumps the version', async () => {
        const [made] = await leaves(leaveData(1, { chargeToId: 5 }));
        const decidedAt = plus(T0, DAY);
        const sanctioned = await tx((t) => t.leave.update(made!.id, 0, {
          status: 'sanctioned', holderId: 1, remark: 'ठीक है', decidedAt, movedAt: decidedAt, days: undefined,
        }));
        expect(sanctioned).toEqual({ ...made, status: 'sanctioned', holderId: 1, remark: 'ठीक है', decidedAt, movedAt: decidedAt, version: 1 });
        const curtailed = await tx((t) => t.leave.update(made!.id, 1, {
          status: 'curtailed', endDate: '2026-04-11', days: 1.5, chargeToId: null, remark: null, decidedAt: null,
        }));
        expect(curtailed).toEqual({
          ...sanctioned, status: 'curtailed', endDate: '2026-04-11', days: 1.5, chargeToId: null, remark: null, decidedAt: null, version: 2,
        });
        const touched = await tx((t) => t.leave.update(made!.id, 2, {}));
        expect(touched).toEqual({ ...curtailed, version: 3 });
        expect(await tx((t) => t.leave.byId(made!.id))).toEqual(touched);
      });

      it('refuses an update against another version, changing nothing', async () => {
        const [made, other] = await leaves(leaveData(1), leaveData(2));
        await tx(async (t) => {
          expect(await t.leave.update(made!.id, 1, { status: 'refused' })).toBeNull();
          expect(await t.leave.update(made!.id + 1000, 0, { status: 'refused' })).toBeNull();
          expect(await t.leave.update(made!.id, 0, { holderId: 1 })).toMatchObject({ holderId: 1, version: 1 });
          expect(await t.leave.update(made!.id, 0, { status: 'refused', holderId: 3 })).toBeNull();
        });
        expect(await tx((t) => t.leave.byId(made!.id))).toEqual({ ...made, holderId: 1, version: 1 });
        expect(await tx((t) => t.leave.byId(other!.id))).toEqual(other);
      });

      it('of two updates made against the same version, only the first applies', async () => {
        const [made] = await leaves(leaveData(1));
        const results = await Promise.all([
          tx((t) => t.leave.update(made!.id, 0, { status: 'sanctioned' })),
          tx((t) => t.leave.update(made!.id, 0, { status: 'refused' })),
        ]);
        expect(results.map((r) => r?.status ?? null)).toEqual(['sanctioned', null]);
        expect((await tx((t) => t.leave.byId(made!.id)))?.status).toBe('sanctioned');
      });

      it('lists an employee\'s applications newest first, at most limit', async () => {
        const made = await leaves(
          leaveData(1, { movedAt: plus(T0, 50) }), leaveData(2, { employeeId: 2 }), leaveData(3, { status: 'cancelled' }), leaveData(4),
        );
        const [l1, l2, l3, l4] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.leave.listByEmployee(1, 10))).toEqual([l4, l3, l1]);
          expect(ids(await t.leave.listByEmployee(1, 2))).toEqual([l4, l3]);
          expect(await t.leave.listByEmployee(2, 10)).toEqual([made[1]]);
          expect(ids(await t.leave.listByEmployee(2, 10))).toEqual([l2]);
          expect(await t.leave.listByEmployee(1, 0)).toEqual([]);
          expect(await t.leave.listByEmployee(9, 10)).toEqual([]);
        });
      });

      it('lists a holder\'s applications of the given statuses, oldest movedAt first, then id', async () => {
        const made = await leaves(
          leaveData(1, { movedAt: plus(T0, 30) }),
          leaveData(2, { movedAt: plus(T0, 10) }),
          leaveData(3, { movedAt: plus(T0, 20), status: 'returned' }),
          leaveData(4, { movedAt: plus(T0, 10) }),
          leaveData(5, { movedAt: plus(T0, 5), holderId: 3 }),
          leaveData(6, { movedAt: plus(T0, 1), status: 'sanctioned' }),
        );
        const [l1, l2, l3, l4, l5] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.leave.listByHolder(2, ['pending']))).toEqual([l2, l4, l1]);
          expect(ids(await t.leave.listByHolder(2, ['pending', 'returned']))).toEqual([l2, l4, l3, l1]);
          expect(ids(await t.leave.listByHolder(3, ['pending', 'returned']))).toEqual([l5]);
          expect(await t.leave.listByHolder(2, [])).toEqual([]);
          expect((await t.leave.listByHolder(2, ['pending']))[0]).toEqual(made[1]);
        });
      });

      it('finds an employee\'s applications whose dates meet a range, both ends inclusive, by status', async () => {
        const made = await leaves(
          leaveData(1, { startDate: '2026-04-10', endDate: '2026-04-12' }),
          leaveData(2, { startDate: '2026-04-15', endDate: '2026-04-15', status: 'sanctioned' }),
          leaveData(3, { startDate: '2026-04-11', endDate: '2026-04-11', status: 'cancelled' }),
          leaveData(4, { startDate: '2026-04-10', endDate: '2026-04-12', employeeId: 2 }),
          leaveData(5, { startDate: '2026-12-30', endDate: '2027-01-02', status: 'sanctioned' }),
        );
        const [l1, l2, l3, , l5] = ids(made);
        const live = ['pending', 'sanctioned'] as const;
        await tx(async (t) => {
          const found = async (start: string, end: string, statuses: LeaveApplication['status'][] = [...live]) =>
            ids(await t.leave.overlapping(1, start, end, statuses));
          expect(await found('2026-04-10', '2026-04-10')).toEqual([l1]);
          expect(await found('2026-04-12', '2026-04-12')).toEqual([l1]);
          expect(await found('2026-04-11', '2026-04-11')).toEqual([l1]);
          expect(await found('2026-04-08', '2026-04-10')).toEqual([l1]);
          expect(await found('2026-04-12', '2026-04-14')).toEqual([l1]);
          expect(await found('2026-04-13', '2026-04-14')).toEqual([]);
          expect(await found('2026-04-08', '2026-04-09')).toEqual([]);
          expect(await found('2026-04-01', '2026-04-30')).toEqual([l1, l2]);
          expect(await found('2026-04-15', '2026-04-15')).toEqual([l2]);
          expect(await found('2026-04-14', '2026-04-16')).toEqual([l2]);
          expect(await found('2026-04-16', '2026-04-16')).toEqual([]);
          expect(await found('2027-01-01', '2027-01-01')).toEqual([l5]);
          expect(await found('2026-12-31', '2027-01-05')).toEqual([l5]);
          expect(await found('2027-01-03', '2027-01-03')).toEqual([]);
          expect(await found('2026-04-11', '2026-04-11', ['cancelled'])).toEqual([l3]);
          expect(await found('2026-04-11', '2026-04-11', ['pending', 'cancelled'])).toEqual([l1, l3]);
          expect(await found('2026-04-01', '2026-04-30', ['sanctioned'])).toEqual([l2]);
          expect(await found('2026-04-01', '2026-04-30', [])).toEqual([]);
          expect(await t.leave.overlapping(3, '2026-01-01', '2026-12-31', [...live])).toEqual([]);
          expect((await t.leave.overlapping(1, '2026-04-10', '2026-04-10', [...live]))[0]).toEqual(made[0]);
        });
      });

      it('finds everyone\'s applications of the given statuses covering a date', async () => {
        const made = await leaves(
          leaveData(1, { startDate: '2026-04-10', endDate: '2026-04-12', status: 'sanctioned' }),
          leaveData(2, { startDate: '2026-04-12', endDate: '2026-04-12', employeeId: 2, status: 'sanctioned' }),
          leaveData(3, { startDate: '2026-04-11', endDate: '2026-04-13', employeeId: 3 }),
          leaveData(4, { startDate: '2026-04-12', endDate: '2026-04-20', employeeId: 4, status: 'refused' }),
        );
        const [l1, l2, l3, l4] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.leave.covering('2026-04-12', ['sanctioned']))).toEqual([l1, l2]);
          expect(ids(await t.leave.covering('2026-04-12', ['sanctioned', 'pending']))).toEqual([l1, l2, l3]);
          expect(ids(await t.leave.covering('2026-04-10', ['sanctioned', 'pending']))).toEqual([l1]);
          expect(ids(await t.leave.covering('2026-04-13', ['sanctioned', 'pending', 'refused']))).toEqual([l3, l4]);
          expect(ids(await t.leave.covering('2026-04-09', ['sanctioned', 'pending', 'refused']))).toEqual([]);
          expect(ids(await t.leave.covering('2026-04-21', ['refused']))).toEqual([]);
          expect(await t.leave.covering('2026-04-12', [])).toEqual([]);
          expect(await t.leave.covering('2026-04-13', ['pending'])).toEqual([made[2]]);
        });
      });
    });

    describe('leave ledger', () => {
      it('adds entries and lists an employee\'s year oldest first (by when, then entry order), every type', async () => {
        const added = await tx(async (t) => [
          await t.leaveLedger.add(entryData(20, { kind: 'opening', days: 8, note: 'प्रारम्भिक शेष' })),
          await t.leaveLedger.add(entryData(10, { type: 'EL', days: 15, kind: 'carry_forward' })),
          await t.leaveLedger.add(entryData(20, { kind: 'sanction', days: -0.5, refId: 12 })),
          await t.leaveLedger.add(entryData(5, { year: 2025 })),
          await t.leaveLedger.add(entryData(5, { employeeId: 2 })),
        ]);
        expect(added[0]).toEqual({ ...entryData(20, { kind: 'opening', days: 8, note: 'प्रारम्भिक शेष' }), id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.leaveLedger.entries(1, 2026)).toEqual([added[1], added[0], added[2]]);
          expect(await t.leaveLedger.entries(1, 2025)).toEqual([added[3]]);
          expect(await t.leaveLedger.entries(2, 2026)).toEqual([added[4]]);
          expect(await t.leaveLedger.entries(1, 2027)).toEqual([]);
        });
      });

      it('sums an employee\'s entries of a year and type, credits and debits, halves included; 0 when none', async () => {
        await tx(async (t) => {
          expect(await t.leaveLedger.balance(1, 2026, 'CL')).toBe(0);
          for (const [n, days, kind] of [
            [1, 8, 'opening'], [2, -0.5, 'sanction'], [3, -2, 'sanction'], [4, 0.5, 'cancel'], [5, -1.5, 'sanction'], [6, 1, 'curtail'],
          ] as const) {
            await t.leaveLedger.add(entryData(n, { days, kind }));
          }
          await t.leaveLedger.add(entryData(7, { type: 'EL', days: 30, kind: 'opening' }));
          await t.leaveLedger.add(entryData(8, { year: 2025, days: 4 }));
          await t.leaveLedger.add(entryData(9, { employeeId: 2, days: 2.5 }));
          await t.leaveLedger.add(entryData(10, { type: 'HPL', days: -0.5, kind: 'sanction' }));
          await t.leaveLedger.add(entryData(11, { type: 'RH', days: 1 }));
          await t.leaveLedger.add(entryData(12, { type: 'RH', days: -1, kind: 'sanction' }));
        });
        await tx(async (t) => {
          expect(await t.leaveLedger.balance(1, 2026, 'CL')).toBe(5.5);
          expect(await t.leaveLedger.balance(1, 2026, 'EL')).toBe(30);
          expect(await t.leaveLedger.balance(1, 2026, 'HPL')).toBe(-0.5);
          expect(await t.leaveLedger.balance(1, 2026, 'RH')).toBe(0);
          expect(await t.leaveLedger.balance(1, 2025, 'CL')).toBe(4);
          expect(await t.leaveLedger.balance(2, 2026, 'CL')).toBe(2.5);
          expect(await t.leaveLedger.balance(1, 2026, 'cl')).toBe(0);
          expect(await t.leaveLedger.balance(3, 2026, 'CL')).toBe(0);
        });
      });
    });

    describe('tour programmes', () => {
      it('creates with every field at version 0, destinations in order and in Hindi, and finds by id and number', async () => {
        const data = tourData(7, {
          destinations: ['लखनऊ', 'प्रयागराज', 'New Delhi', 'say "hi" \\ back', ''], purpose: 'समीक्षा बैठक', travelMode: 'rail',
          chargeToId: 6, sanctionerId: 3, holderId: 4, status: 'approved', remark: 'अनुमोदित', decidedAt: plus(T0, 9),
        });
        const [made, bare] = await tours(data, tourData(8, { destinations: [] }));
        expect(made).toEqual({ ...data, id: expect.any(Number), version: 0 });
        expect(bare?.destinations).toEqual([]);
        await tx(async (t) => {
          expect(await t.tours.byId(made!.id)).toEqual(made);
          expect(await t.tours.byNumber('TR/2026/000007')).toEqual(made);
          expect(await t.tours.byId(bare!.id)).toEqual(bare);
          expect(await t.tours.byId(made!.id + 1000)).toBeNull();
          expect(await t.tours.byNumber('TR/2026/000009')).toBeNull();
        });
      });

      it('rejects a duplicate number', async () => {
        await tours(tourData(1));
        await expectUnique(tx((t) => t.tours.create(tourData(2, { number: 'TR/2026/000001' }))), 'TourProgramme.number');
      });

      it('updates only the fields in the patch when the version matches, bumps the version, and refuses a stale one', async () => {
        const [made] = await tours(tourData(1, { destinations: ['सहारनपुर', 'देहरादून'] }));
        const decidedAt = plus(T0, DAY);
        const approved = await tx((t) => t.tours.update(made!.id, 0, {
          status: 'approved', holderId: 1, remark: 'ok', decidedAt, movedAt: decidedAt,
        }));
        expect(approved).toEqual({ ...made, status: 'approved', holderId: 1, remark: 'ok', decidedAt, movedAt: decidedAt, version: 1 });
        await tx(async (t) => {
          expect(await t.tours.update(made!.id, 0, { status: 'cancelled' })).toBeNull();
          expect(await t.tours.update(made!.id + 1000, 0, { status: 'cancelled' })).toBeNull();
        });
        const cancelled = await tx((t) => t.tours.update(made!.id, 1, { status: 'cancelled', remark: null, decidedAt: null }));
        expect(cancelled).toEqual({ ...approved, status: 'cancelled', remark: null, decidedAt: null, version: 2 });
        expect(await tx((t) => t.tours.byId(made!.id))).toEqual(cancelled);
      });

      it('lists by employee newest first and by holder oldest movedAt first, then id', async () => {
        const made = await tours(
          tourData(1, { movedAt: plus(T0, 30) }),
          tourData(2, { movedAt: plus(T0, 10), employeeId: 2 }),
          tourData(3, { movedAt: plus(T0, 10), status: 'returned', holderId: 1 }),
          tourData(4, { movedAt: plus(T0, 10) }),
          tourData(5, { movedAt: plus(T0, 1), status: 'approved' }),
        );
        const [t1, t2, t3, t4, t5] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.tours.listByEmployee(1, 10))).toEqual([t5, t4, t3, t1]);
          expect(ids(await t.tours.listByEmployee(1, 1))).toEqual([t5]);
          expect(await t.tours.listByEmployee(1, 0)).toEqual([]);
          expect(await t.tours.listByEmployee(2, 10)).toEqual([made[1]]);
          expect(ids(await t.tours.listByHolder(2, ['pending']))).toEqual([t2, t4, t1]);
          expect(ids(await t.tours.listByHolder(2, ['pending', 'approved']))).toEqual([t5, t2, t4, t1]);
          expect(ids(await t.tours.listByHolder(1, ['returned']))).toEqual([t3]);
          expect(await t.tours.listByHolder(2, [])).toEqual([]);
        });
      });

      it('finds overlapping tours (ends inclusive, by status) and tours covering a date', async () => {
        const made = await tours(
          tourData(1, { startDate: '2026-04-10', endDate: '2026-04-12', status: 'approved' }),
          tourData(2, { startDate: '2026-04-13', endDate: '2026-04-13' }),
          tourData(3, { startDate: '2026-04-01', endDate: '2026-04-30', status: 'cancelled' }),
          tourData(4, { startDate: '2026-04-12', endDate: '2026-04-14', employeeId: 2, status: 'approved' }),
        );
        const [t1, t2, t3, t4] = ids(made);
        await tx(async (t) => {
          const live: TourProgramme['status'][] = ['pending', 'approved'];
          expect(ids(await t.tours.overlapping(1, '2026-04-12', '2026-04-12', live))).toEqual([t1]);
          expect(ids(await t.tours.overlapping(1, '2026-04-12', '2026-04-13', live))).toEqual([t1, t2]);
          expect(ids(await t.tours.overlapping(1, '2026-04-13', '2026-04-13', live))).toEqual([t2]);
          expect(ids(await t.tours.overlapping(1, '2026-04-14', '2026-04-20', live))).toEqual([]);
          expect(ids(await t.tours.overlapping(1, '2026-04-05', '2026-04-09', live))).toEqual([]);
          expect(ids(await t.tours.overlapping(1, '2026-04-05', '2026-04-09', ['cancelled']))).toEqual([t3]);
          expect(ids(await t.tours.overlapping(2, '2026-04-01', '2026-04-30', live))).toEqual([t4]);
          expect(await t.tours.overlapping(1, '2026-04-01', '2026-04-30', [])).toEqual([]);
          expect(ids(await t.tours.covering('2026-04-12', ['approved']))).toEqual([t1, t4]);
          expect(ids(await t.tours.covering('2026-04-13', live))).toEqual([t2, t4]);
          expect(ids(await t.tours.covering('2026-04-15', live))).toEqual([]);
          expect(ids(await t.tours.covering('2026-04-15', ['cancelled']))).toEqual([t3]);
          expect((await t.tours.covering('2026-04-10', live))[0]).toEqual(made[0]);
        });
      });

      it('keeps a tour\'s diary by date, then in the order written', async () => {
        const [a, b] = await tours(tourData(1), tourData(2));
        const entry = (tourId: number, date: string, text: string, n: number): Omit<TourDiaryEntry, 'id'> =>
          ({ tourId, date, text, createdAt: plus(T0, n) });
        const added = await tx(async (t) => [
          await t.tours.addDiaryEntry(entry(a!.id, '2026-04-11', 'बैठक में भाग लिया', 1)),
          await t.tours.addDiaryEntry(entry(a!.id, '2026-04-10', 'Left for Lucknow', 2)),
          await t.tours.addDiaryEntry(entry(b!.id, '2026-04-09', 'Other tour', 3)),
          await t.tours.addDiaryEntry(entry(a!.id, '2026-04-11', 'Site visit', 0)),
        ]);
        expect(added[0]).toEqual({ ...entry(a!.id, '2026-04-11', 'बैठक में भाग लिया', 1), id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.tours.diary(a!.id)).toEqual([added[1], added[0], added[3]]);
          expect(await t.tours.diary(b!.id)).toEqual([added[2]]);
          expect(await t.tours.diary(b!.id + 1000)).toEqual([]);
        });
      });
    });

    describe('TA claims', () => {
      it('creates with every field at version 0, journeys round-tripped, and finds by id, number and tour', async () => {
        const [tour, other] = await tours(tourData(1), tourData(2));
        const data = claimData(5, tour!.id, {
          journeys: [
            journey(0, { from: 'सहारनपुर', to: 'लखनऊ', mode: 'रेल (AC-3)', fare: 1234.5 }),
            journey(2, { from: 'लखनऊ', to: 'सहारनपुर', mode: 'bus', fare: 0 }),
          ],
          daDays: 2.5, daRate: 437.5, total: 2328.25, status: 'approved', remark: 'पारित', decidedAt: plus(T0, 3),
        });
        const made = await tx((t) => t.taClaims.create(data));
        expect(made).toEqual({ ...data, id: expect.any(Number), version: 0 });
        const empty = await tx((t) => t.taClaims.create(claimData(6, other!.id, { journeys: [] })));
        await tx(async (t) => {
          expect(await t.taClaims.byId(made.id)).toEqual(made);
          expect(await t.taClaims.byNumber('TA/2026/000005')).toEqual(made);
          expect(await t.taClaims.byTour(tour!.id)).toEqual(made);
          expect(await t.taClaims.byTour(other!.id)).toEqual(empty);
          expect(empty.journeys).toEqual([]);
          expect(await t.taClaims.byId(made.id + 1000)).toBeNull();
          expect(await t.taClaims.byNumber('TA/2026/000007')).toBeNull();
          expect(await t.taClaims.byTour(other!.id + 1000)).toBeNull();
        });
      });

      it('rejects a duplicate number, and a second claim for the same tour', async () => {
        const [tour, other] = await tours(tourData(1), tourData(2));
        await tx((t) => t.taClaims.create(claimData(1, tour!.id)));
        await expectUnique(tx((t) => t.taClaims.create(claimData(1, other!.id))), 'TaClaim.number');
        await expectUnique(tx((t) => t.taClaims.create(claimData(2, tour!.id))), 'TaClaim.tourId');
        expect(await tx((t) => t.taClaims.byTour(other!.id))).toBeNull();
      });

      it('updates only the fields in the patch, journeys included, and refuses a stale version', async () => {
        const [tour] = await tours(tourData(1));
        const made = await tx((t) => t.taClaims.create(claimData(1, tour!.id)));
        const journeys = [journey(1, { fare: 99.75 }), journey(2, { from: 'लखनऊ', to: 'सहारनपुर' })];
        const returned = await tx((t) => t.taClaims.update(made.id, 0, {
          journeys, total: 1299.75, status: 'returned', holderId: 1, remark: 'टिकट संलग्न करें', daDays: undefined,
        }));
        expect(returned).toEqual({ ...made, journeys, total: 1299.75, status: 'returned', holderId: 1, remark: 'टिकट संलग्न करें', version: 1 });
        await tx(async (t) => {
          expect(await t.taClaims.update(made.id, 0, { status: 'approved' })).toBeNull();
          expect(await t.taClaims.update(made.id + 1000, 0, { status: 'approved' })).toBeNull();
        });
        const decidedAt = plus(T0, DAY);
        const approved = await tx((t) => t.taClaims.update(made.id, 1, {
          status: 'approved', daDays: 1.5, daRate: 800, remark: null, decidedAt, movedAt: decidedAt, journeys: [],
        }));
        expect(approved).toEqual({
          ...returned, status: 'approved', daDays: 1.5, daRate: 800, remark: null, decidedAt, movedAt: decidedAt, journeys: [], version: 2,
        });
        expect(await tx((t) => t.taClaims.byId(made.id))).toEqual(approved);
      });

      it('lists a holder\'s claims of the given statuses, oldest movedAt first, then id', async () => {
        const made = await tx(async (t) => {
          const out: TaClaim[] = [];
          const rows: Array<Partial<NewClaim>> = [
            { movedAt: plus(T0, 20) }, { movedAt: plus(T0, 10) }, { movedAt: plus(T0, 10) },
            { movedAt: plus(T0, 1), status: 'approved' }, { movedAt: plus(T0, 1), holderId: 3 },
          ];
          for (const [i, patch] of rows.entries()) out.push(await t.taClaims.create(claimData(i + 1, 100 + i, patch)));
          return out;
        });
        const [c1, c2, c3, c4, c5] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.taClaims.listByHolder(2, ['pending']))).toEqual([c2, c3, c1]);
          expect(ids(await t.taClaims.listByHolder(2, ['pending', 'approved']))).toEqual([c4, c2, c3, c1]);
          expect(ids(await t.taClaims.listByHolder(3, ['pending']))).toEqual([c5]);
          expect(await t.taClaims.listByHolder(2, [])).toEqual([]);
          expect((await t.taClaims.listByHolder(2, ['approved']))[0]).toEqual(made[3]);
        });
      });
    });

    describe('transactions', () => {
      it('rolls back every leave and tour write when the work throws', async () => {
        const [leave] = await leaves(leaveData(1));
        const [tour] = await tours(tourData(1));
        const claim = await tx((t) => t.taClaims.create(claimData(1, tour!.id)));
        await tx((t) => t.leaveLedger.add(entryData(1, { days: 8, kind: 'opening' })));
        const before = await tx(async (t) => ({
          leave: await t.leave.byId(leave!.id), tour: await t.tours.byId(tour!.id), claim: await t.taClaims.byId(claim.id),
          entries: await t.leaveLedger.entries(1, 2026),
        }));
        const boom = new Error('boom');
        const failed = tx(async (t) => {
          await t.leave.create(leaveData(2));
          await t.leave.update(leave!.id, 0, { status: 'sanctioned', days: 0.5 });
          await t.leaveLedger.add(entryData(2, { days: -3, kind: 'sanction' }));
          expect(await t.leaveLedger.balance(1, 2026, 'CL')).toBe(5);
          await t.tours.create(tourData(2));
          await t.tours.update(tour!.id, 0, { status: 'approved' });
          await t.tours.addDiaryEntry({ tourId: tour!.id, date: '2026-04-10', text: 'x', createdAt: T0 });
          await t.taClaims.update(claim.id, 0, { journeys: [], total: 0 });
          await t.taClaims.create(claimData(2, tour!.id + 1));
          throw boom;
        });
        await expect(failed).rejects.toBe(boom);
        await tx(async (t) => {
          expect(await t.leave.byId(leave!.id)).toEqual(before.leave);
          expect(await t.leave.byNumber(leaveData(2).number)).toBeNull();
          expect(await t.leaveLedger.entries(1, 2026)).toEqual(before.entries);
          expect(await t.leaveLedger.balance(1, 2026, 'CL')).toBe(8);
          expect(await t.tours.byId(tour!.id)).toEqual(before.tour);
          expect(await t.tours.byNumber(tourData(2).number)).toBeNull();
          expect(await t.tours.diary(tour!.id)).toEqual([]);
          expect(await t.taClaims.byId(claim.id)).toEqual(before.claim);
          expect(await t.taClaims.byTour(tour!.id + 1)).toBeNull();
        });
      });

      it('a refused duplicate caught inside the work leaves the transaction usable', async () => {
        await leaves(leaveData(1));
        const made = await tx(async (t) => {
          await expect(t.leave.create(leaveData(1))).rejects.toBeInstanceOf(UniqueViolation);
          return t.leave.create(leaveData(2));
        });
        expect(await tx((t) => t.leave.byId(made.id))).toEqual(made);
      });
    });

    describe('dates', () => {
      it('round-trip to the millisecond', async () => {
        const instants = [new Date('2026-01-01T00:00:00.001Z'), new Date('2026-12-31T23:59:59.999Z'), new Date('1999-06-15T12:30:45.500Z')];
        const made = await tx(async (t) => {
          const out: Array<{ leave: LeaveApplication; tour: TourProgramme; claim: TaClaim }> = [];
          for (const [i, instant] of instants.entries()) {
            const leave = await t.leave.create(leaveData(i + 1, { createdAt: instant, decidedAt: plus(instant, 1), movedAt: plus(instant, 2) }));
            const tour = await t.tours.create(tourData(i + 1, { createdAt: plus(instant, 3), decidedAt: plus(instant, 4), movedAt: plus(instant, 5) }));
            const claim = await t.taClaims.create(claimData(i + 1, tour.id, { createdAt: plus(instant, 6), decidedAt: plus(instant, 7), movedAt: plus(instant, 8) }));
            await t.tours.addDiaryEntry({ tourId: tour.id, date: '2026-04-10', text: 'd', createdAt: plus(instant, 9) });
            await t.leaveLedger.add(entryData(0, { employeeId: 10 + i, at: plus(instant, 10) }));
            out.push({ leave, tour, claim });
          }
          return out;
        });
        await tx(async (t) => {
          for (const [i, instant] of instants.entries()) {
            const { leave, tour, claim } = made[i]!;
            const ms = instant.getTime();
            const storedLeave = await t.leave.byId(leave.id);
            expect(storedLeave?.createdAt).toBeInstanceOf(Date);
            expect([storedLeave?.createdAt.getTime(), storedLeave?.decidedAt?.getTime(), storedLeave?.movedAt.getTime()]).toEqual([ms, ms + 1, ms + 2]);
            const storedTour = await t.tours.byId(tour.id);
            expect([storedTour?.createdAt.getTime(), storedTour?.decidedAt?.getTime(), storedTour?.movedAt.getTime()]).toEqual([ms + 3, ms + 4, ms + 5]);
            const storedClaim = await t.taClaims.byId(claim.id);
            expect([storedClaim?.createdAt.getTime(), storedClaim?.decidedAt?.getTime(), storedClaim?.movedAt.getTime()]).toEqual([ms + 6, ms + 7, ms + 8]);
            expect((await t.tours.diary(tour.id))[0]?.createdAt.getTime()).toBe(ms + 9);
            expect((await t.leaveLedger.entries(10 + i, 2026))[0]?.at.getTime()).toBe(ms + 10);
          }
        });
        const later = plus(instants[0]!, DAY + 1);
        const moved = await tx((t) => t.leave.update(made[0]!.leave.id, 0, { movedAt: later, decidedAt: later }));
        expect(moved?.movedAt.getTime()).toBe(later.getTime());
        expect((await tx((t) => t.leave.byId(made[0]!.leave.id)))?.decidedAt?.getTime()).toBe(later.getTime());
      });

      it('order to the millisecond', async () => {
        const made = await leaves(
          leaveData(1, { movedAt: plus(T0, 2) }),
          leaveData(2, { movedAt: plus(T0, 1) }),
          leaveData(3, { movedAt: new Date('2026-04-01T00:00:00.000Z') }),
        );
        expect(ids(await tx((t) => t.leave.listByHolder(2, ['pending'])))).toEqual([made[1]!.id, made[0]!.id, made[2]!.id]);
        const added = await tx(async (t) => [
          await t.leaveLedger.add(entryData(0, { at: plus(T0, 1) })),
          await t.leaveLedger.add(entryData(0, { at: T0 })),
        ]);
        expect(ids(await tx((t) => t.leaveLedger.entries(1, 2026)))).toEqual([added[1]!.id, added[0]!.id]);
      });
    });

    checkGaps();
  });
}

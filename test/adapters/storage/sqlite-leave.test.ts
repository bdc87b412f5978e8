// What the Prisma leave and tour repositories do beyond the shared contract (test/contract): the JSON
// columns as stored, and stored values outside the core's types refused by column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../../../core/ports.ts';
import { CorruptRowError } from '../../../adapters/storage/sql-store.ts';
import { createTestStore, sqliteRows, sqliteRun, type TestStore } from '../../helpers/sqlite.ts';

let subject: TestStore;
beforeEach(async () => {
  subject = await createTestStore();
});
afterEach(async () => {
  await subject.cleanup();
});

const sql = <T>(text: string): T[] => sqliteRows<T>(subject.file, text);

const write = (text: string, ...params: unknown[]): void => sqliteRun(subject.file, text, ...params);

const T0 = new Date('2026-04-01T05:00:00.000Z');
const common = { sanctionerId: 2, holderId: 2, status: 'pending', remark: null, createdAt: T0, decidedAt: null, movedAt: T0 } as const;

const seed = () => subject.store.transaction(async (t) => {
  const leave = await t.leave.create({
    ...common, number: 'LV/2026/000001', employeeId: 1, type: 'CL', startDate: '2026-04-10', endDate: '2026-04-10',
    halfDay: 'first', days: 0.5, reason: 'r', chargeToId: null,
  });
  const entry = await t.leaveLedger.add({ employeeId: 1, year: 2026, type: 'CL', days: 8, kind: 'opening', refId: null, note: null, at: T0 });
  const tour = await t.tours.create({
    ...common, number: 'TR/2026/000001', employeeId: 1, destinations: ['लखनऊ', 'Delhi'], startDate: '2026-04-10',
    endDate: '2026-04-12', purpose: 'p', travelMode: null, chargeToId: null,
  });
  const claim = await t.taClaims.create({
    ...common, number: 'TA/2026/000001', tourId: tour.id, employeeId: 1,
    journeys: [{ date: '2026-04-10', from: 'सहारनपुर', to: 'लखनऊ', mode: 'rail', fare: 412.5 }], daDays: 2, daRate: 500, total: 1412.5,
  });
  return { leave, entry, tour, claim };
});

async function refusal(read: (t: Tx) => Promise<unknown>): Promise<Error> {
  const error: unknown = await subject.store.transaction(read).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CorruptRowError);
  return error as Error;
}

describe('Prisma leave and tour repositories on SQLite', () => {
  it('store destinations and journeys as readable JSON text', async () => {
    await seed();
    expect(sql('SELECT "destinations" FROM "TourProgramme"')).toEqual([{ destinations: '["लखनऊ","Delhi"]' }]);
    expect(sql('SELECT "journeys" FROM "TaClaim"')).toEqual([
      { journeys: '[{"date":"2026-04-10","from":"सहारनपुर","to":"लखनऊ","mode":"rail","fare":412.5}]' },
    ]);
  });

  it('refuse destinations that are not a JSON array of strings', async () => {
    const { tour } = await seed();
    for (const bad of ['not json', '"लखनऊ"', '{"0":"Delhi"}', '["Delhi",1]', '[null]', 'null', '']) {
      write('UPDATE "TourProgramme" SET "destinations" = ?', bad);
      const error = await refusal((t) => t.tours.byId(tour.id));
      expect(error.message).toBe(`TourProgramme.destinations holds ${JSON.stringify(bad)}, which this build does not understand`);
      await refusal((t) => t.tours.listByEmployee(1, 10));
    }
  });

  it('refuse journeys that are not a JSON array of whole journeys', async () => {
    const { claim } = await seed();
    const good = { date: '2026-04-10', from: 'a', to: 'b', mode: 'bus', fare: 10 };
    for (const bad of [
      '{}', '[1]', '[[]]', JSON.stringify([{ ...good, fare: '10' }]), JSON.stringify([{ ...good, mode: undefined }]),
      JSON.stringify([{ ...good, to: null }]), JSON.stringify([good, null]), '[{"date":"2026-04-10"', '1e999',
    ]) {
      write('UPDATE "TaClaim" SET "journeys" = ?', bad);
      const error = await refusal((t) => t.taClaims.byTour(claim.tourId));
      expect(error.message).toBe(`TaClaim.journeys holds ${JSON.stringify(bad)}, which this build does not understand`);
    }
    write('UPDATE "TaClaim" SET "journeys" = ?', JSON.stringify([{ ...good, extra: 'ignored' }]));
    expect((await subject.store.transaction((t) => t.taClaims.byId(claim.id)))?.journeys).toEqual([good]);
  });

  it('refuse statuses, half days and ledger kinds outside the core\'s types', async () => {
    const { leave, tour, claim } = await seed();
    write(`UPDATE "LeaveApplication" SET "status" = 'approved'`);
    expect((await refusal((t) => t.leave.byId(leave.id))).message).toBe('LeaveApplication.status holds "approved", which this build does not understand');
    write(`UPDATE "LeaveApplication" SET "status" = 'pending', "halfDay" = 'third'`);
    expect((await refusal((t) => t.leave.covering('2026-04-10', ['pending']))).message).toContain('LeaveApplication.halfDay');
    write(`UPDATE "LeaveLedger" SET "kind" = 'bonus'`);
    expect((await refusal((t) => t.leaveLedger.entries(1, 2026))).message).toContain('LeaveLedger.kind');
    write(`UPDATE "TourProgramme" SET "status" = 'sanctioned'`);
    expect((await refusal((t) => t.tours.byId(tour.id))).message).toContain('TourProgramme.status');
    write(`UPDATE "TaClaim" SET "status" = 'cancelled'`);
    expect((await refusal((t) => t.taClaims.byId(claim.id))).message).toContain('TaClaim.status');
  });
});

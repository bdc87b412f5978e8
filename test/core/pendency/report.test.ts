// The Collector's report counted from the store's aggregates agrees with the one counted from the
// morning job's loaded office; ages fall in the right buckets across holidays; the employee table
// stays bounded however many hold files.
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { bucketCutoffs, pendencyReport, TOP_EMPLOYEES } from '../../../core/pendency/pendency-report.ts';
import { ageOn, loadOfficePendency, workingAge } from '../../../core/pendency/pending-for.ts';
import { addDays } from '../../../core/calendar/dates.ts';
import { seedSmallOffice, type TestOffice } from '../../helpers/office.ts';
import { CALENDAR, on, PendingWriter } from './pending-office.ts';

const TODAY = '2026-11-25';

describe('pendency report', () => {
  let store: MemoryStore;
  let staff: TestOffice['staff'];
  let w: PendingWriter;

  beforeEach(async () => {
    store = new MemoryStore();
    staff = await seedSmallOffice(store);
    w = new PendingWriter(store);
  });

  it('puts each arrival day in the bucket of its working-day age, the cutoffs at IST midnight', () => {
    const cutoffs = bucketCutoffs(CALENDAR, TODAY);
    const bucket = (at: Date) => {
      const i = cutoffs.findIndex((c) => at >= c);
      return i < 0 ? 4 : i;
    };
    const tops = [3, 7, 15, 30];
    for (let day = TODAY, n = 0; n < 60; n++, day = addDays(day, -1)) {
      const age = workingAge(CALENDAR, on(day), TODAY);
      const expected = tops.findIndex((t) => age <= t);
      expect(bucket(on(day)), `${day} (age ${age})`).toBe(expected < 0 ? 4 : expected);
      // 00:00 IST (18:30 UTC the day before) is the same day in Saharsa.
      expect(bucket(new Date(`${day}T00:00:00.000+05:30`)), `${day} 00:00 IST`).toBe(expected < 0 ? 4 : expected);
    }
  });

  it('ages a run\'s items by arrival day exactly as workingAge does, in any order of asking', () => {
    const age = ageOn(CALENDAR, TODAY);
    const days = Array.from({ length: 90 }, (_, n) => addDays(TODAY, -n));
    // Near days, then far ones, then the ones between, backwards: the cache must not depend on order.
    const order = [...days.slice(0, 10), ...days.slice(60), ...days.slice(10, 60).reverse(), addDays(TODAY, 3)];
    for (const day of order) expect(age(on(day)), day).toBe(workingAge(CALENDAR, on(day), TODAY));
  });

  it('counts the same from the stored aggregates as from the loaded office', async () => {
    const { so, clerk, clerkEn, ddc } = staff;
    await w.file(clerk, 'EST-1/2026', '2026-11-13'); // 8 working days
    await w.file(clerk, 'EST-2/2026', '2026-11-24');
    await w.file(clerkEn, 'EST-3/2026', '2026-09-01', { status: 'parked' });
    await w.file(so, 'EST-4/2026', '2026-11-02', { status: 'closed' });
    await w.receipt(so, 'SAH/R/2026/000001', '2026-11-20');
    await w.leave(clerk, so, 'LV/2026/000001', '2026-11-20'); // not in the report
    const opened = await w.file(ddc, 'EST-5/2026', '2026-11-02', { createdBy: clerk });
    await store.transaction(async (tx) => {
      await tx.movements.add({ subjectType: 'file', subjectId: opened.id, fromId: ddc.id, toId: clerk.id, action: 'approved', remark: null, at: on('2026-11-23') });
    });

    const stored = await store.transaction((tx) => pendencyReport(tx, TODAY, CALENDAR));
    const loaded = await store.transaction(async (tx) => pendencyReport(tx, TODAY, CALENDAR, await loadOfficePendency(tx, TODAY, CALENDAR)));
    expect(loaded).toEqual(stored);
    expect(stored.totals).toEqual({ label: 'योग / Total', buckets: [1, 1, 1, 1, 1], total: 5 });
    expect(stored.oldestFiles.map((f) => [f.number, f.holder])).toEqual([
      ['EST-3/2026', clerkEn.name], ['EST-5/2026', ddc.name], ['EST-1/2026', clerk.name], ['EST-2/2026', clerk.name],
    ]);
    expect(stored.disposedLast7Days.map((d) => d.count)).toEqual([1]);

    // Read one id (and one mover) per transaction, as a state-scale office is read in spans: the same
    // report — the spans' oldest files merged, a file disposed by movers in two spans counted once.
    await store.transaction(async (tx) => {
      await tx.movements.add({ subjectType: 'file', subjectId: opened.id, fromId: clerk.id, toId: clerk.id, action: 'closed', remark: null, at: on('2026-11-24') });
    });
    const again = await store.transaction((tx) => pendencyReport(tx, TODAY, CALENDAR));
    let reads = 0;
    const spanned = await pendencyReport(async (work) => { reads += 1; return store.transaction(work); }, TODAY, CALENDAR, undefined, { ids: 1, movers: 1 });
    expect(spanned).toEqual(again);
    expect(again.disposedLast7Days.map((d) => d.count)).toEqual([1]);
    expect(reads).toBeGreaterThan(10);
    let pages = 0;
    const office = await loadOfficePendency(async (work) => { pages += 1; return store.transaction(work); }, TODAY, CALENDAR, 1);
    expect(office).toEqual(await store.transaction((tx) => loadOfficePendency(tx, TODAY, CALENDAR)));
    expect(pages).toBeGreaterThan(6);
  });

  it(`lists the ${TOP_EMPLOYEES} employees holding most and sums the rest in one row`, async () => {
    const { so } = staff;
    const extra = TOP_EMPLOYEES + 4;
    await store.transaction(async (tx) => {
      for (let i = 0; i < extra; i++) {
        const e = await tx.employees.create({
          code: `X${i}`, name: `कर्मचारी ${i}`, dob: '1980-01-01', post: 'Clerk', postKey: null, mobile: `7100000${String(i).padStart(3, '0')}`,
          email: null, sectionId: so.sectionId, reportingOfficerId: so.id, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
        });
        await tx.files.create({
          fileNumber: `X-${i}/2026`, sectionId: so.sectionId, year: 2026, serial: 1000 + i, subject: 's', createdById: e.id, holderId: e.id,
          status: 'open', createdAt: on('2026-11-24'), movedAt: on('2026-11-24'), closedRemark: null,
        });
      }
    });
    await w.file(so, 'EST-1/2026', '2026-11-24');
    await w.file(so, 'EST-2/2026', '2026-11-24');
    const report = await store.transaction((tx) => pendencyReport(tx, TODAY, CALENDAR));
    expect(report.byEmployee).toHaveLength(TOP_EMPLOYEES + 1);
    expect(report.byEmployee[0]!.label).toContain(so.name);
    expect(report.byEmployee.at(-1)).toEqual({ label: `शेष 5 कर्मचारी / 5 other employees`, buckets: [5, 0, 0, 0, 0], total: 5 });
    expect(report.byEmployee.reduce((n, r) => n + r.total, 0)).toBe(report.totals.total);
  });
});

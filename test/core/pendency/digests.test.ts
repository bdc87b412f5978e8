// Working-day ages, service levels, and who gets what in the morning digest.
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { buildDigests } from '../../../core/pendency/build-digests.ts';
import { isOverdue, pendingFor, workingAge } from '../../../core/pendency/pending-for.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import type { TestOffice } from '../../helpers/office.ts';
import { CALENDAR, on, PendingWriter, POLICY } from './pending-office.ts';

const TODAY = '2026-11-25';

describe('working-day ageing', () => {
  it('counts neither the day of arrival nor Sundays, the second Saturday or a listed holiday', () => {
    // Friday the 13th → Tuesday the 17th: Sat 14 (2nd), Sun 15, Mon 16 (holiday) are closed.
    expect(workingAge(CALENDAR, on('2026-11-13'), '2026-11-17')).toBe(1);
    expect(workingAge(CALENDAR, on('2026-11-13'), '2026-11-16')).toBe(0);
    // The third Saturday is open: Fri 20 → Mon 23 is Sat 21 and Mon 23.
    expect(workingAge(CALENDAR, on('2026-11-20'), '2026-11-23')).toBe(2);
    expect(workingAge(CALENDAR, on(TODAY), TODAY)).toBe(0);
    // Late evening UTC is already the next day in Saharsa.
    expect(workingAge(CALENDAR, new Date('2026-11-24T19:00:00Z'), TODAY)).toBe(0);
    expect(workingAge(CALENDAR, on('2026-11-18'), TODAY)).toBe(6);
    expect(workingAge(CALENDAR, on('2026-11-17'), TODAY)).toBe(7);
    expect(workingAge(CALENDAR, on('2026-11-13'), TODAY)).toBe(8);
  });

  it('escalates strictly past the service level: 6 and 7 days are within 7, 8 is not', () => {
    const sla = { slaFilesDays: 7, slaAbsenceDays: 2 };
    expect([6, 7, 8].map((age) => isOverdue({ kind: 'file', age }, sla))).toEqual([false, false, true]);
    expect([6, 7, 8].map((age) => isOverdue({ kind: 'receipt', age }, sla))).toEqual([false, false, true]);
    expect([1, 2, 3].map((age) => isOverdue({ kind: 'leave', age }, sla))).toEqual([false, false, true]);
    expect(isOverdue({ kind: 'ta', age: 3 }, { slaFilesDays: 7, slaAbsenceDays: 5 })).toBe(false);
  });
});

describe('digests', () => {
  let store: MemoryStore;
  let staff: TestOffice['staff'];
  let w: PendingWriter;

  beforeEach(async () => {
    store = new MemoryStore();
    staff = await seedSmallOffice(store);
    w = new PendingWriter(store);
  });

  it('gives nobody a digest when nothing is pending', async () => {
    expect(await store.transaction((tx) => buildDigests(tx, TODAY, POLICY))).toEqual([]);
  });

  it('lists own items oldest first, marks the overdue, and sends overdue work up one level', async () => {
    const { collector, ddc, so, clerk, clerkEn } = staff;
    await w.file(clerk, 'EST-2/2026', '2026-11-18'); // 6
    await w.file(clerk, 'EST-1/2026', '2026-11-13'); // 8: overdue
    await w.receipt(clerk, 'SAH/R/2026/000007', '2026-11-17'); // 7
    await w.file(clerk, 'EST-3/2026', '2026-11-24', { status: 'parked' }); // 1, parked
    await w.file(clerk, 'EST-9/2026', '2026-11-02', { status: 'closed' }); // not pending
    await w.leave(clerk, so, 'LV/2026/000001', '2026-11-20'); // 4 > 2: overdue
    await w.leave(clerkEn, clerkEn, 'LV/2026/000002', '2026-11-24', 'returned'); // returned to the applicant
    await w.tour(clerk, so, 'TR/2026/000001', '2026-11-24'); // 1
    await w.file(clerkEn, 'EST-4/2026', '2026-11-03'); // overdue, but clerkEn muted reminders
    await w.mute(clerkEn);

    const digests = await store.transaction((tx) => buildDigests(tx, TODAY, POLICY));
    const summary = digests.map((d) => ({
      to: d.employee.code,
      own: d.own.map((i) => `${i.number}:${i.age}${i.overdue ? '!' : ''}${i.parked ? 'P' : ''}${i.returned ? 'R' : ''}`),
      team: d.team.map((t) => `${t.member.code}=${t.items.map((i) => i.number).join(',')}`),
    }));
    expect(summary).toEqual([
      { to: ddc.code, own: [], team: [`${so.code}=LV/2026/000001`] },
      { to: so.code, own: ['LV/2026/000001:4!', 'TR/2026/000001:1'], team: [`${clerkEn.code}=EST-4/2026`, `${clerk.code}=EST-1/2026`] },
      { to: clerk.code, own: ['EST-1/2026:8!', 'SAH/R/2026/000007:7', 'EST-2/2026:6', 'EST-3/2026:1P'], team: [] },
    ]);
    expect(digests.some((d) => d.employee.id === collector.id || d.employee.id === clerkEn.id)).toBe(false);
    // The applicant's name says whose application it is.
    expect(digests.find((d) => d.employee.id === so.id)?.own[0]?.subject).toContain(clerk.name);
  });

  it('pendingFor gives one employee the same items, with returned applications flagged', async () => {
    const { clerkEn } = staff;
    await w.leave(clerkEn, clerkEn, 'LV/2026/000002', '2026-11-24', 'returned');
    await w.receipt(clerkEn, 'SAH/R/2026/000009', '2026-11-23');
    const items = await store.transaction(async (tx) => pendingFor(tx, clerkEn, TODAY, CALENDAR));
    expect(items.map((i) => [i.kind, i.number, i.age, i.returned])).toEqual([
      ['receipt', 'SAH/R/2026/000009', 2, false],
      ['leave', 'LV/2026/000002', 1, true],
    ]);
  });

  it('escalates past an inactive officer to the next active one', async () => {
    const { ddc, so, clerk } = staff;
    await store.transaction((tx) => tx.employees.update(so.id, { active: false }));
    await w.file(clerk, 'EST-1/2026', '2026-11-02');
    const digests = await store.transaction((tx) => buildDigests(tx, TODAY, POLICY));
    expect(digests.map((d) => [d.employee.code, d.team.map((t) => t.member.code)])).toEqual([[ddc.code, [clerk.code]], [clerk.code, []]]);
  });
});

import { describe, expect, test } from 'vitest';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { decideLeave } from '../../../core/leave/decide-leave.ts';
import { cancelLeave, curtailLeave } from '../../../core/leave/cancel-leave.ts';
import { closeYear, creditAccrual } from '../../../core/leave/close-year.ts';
import { actingFor } from '../../../core/leave/acting-for.ts';
import { leaveOrderOf } from '../../../core/leave/leave-order.ts';
import { findLeave, findTaClaim, findTour, normaliseNumber } from '../../../core/leave/find.ts';
import type { LeaveApplication } from '../../../core/leave/types.ts';
import type { Employee } from '../../../core/types.ts';
import { absenceOffice, failure, policy, value } from './absence-office.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;

async function sanctioned(o: Office, employee: Employee, type: string, startDate: string, endDate: string, chargeTo: Employee | null = null): Promise<LeaveApplication> {
  const { leave } = value(await o.run((tx) => applyForLeave(tx, o.clock, { employee, type, startDate, endDate, halfDay: null, reason: 'निजी', chargeTo, policy })));
  const sanctioner = Object.values(o.staff).find((e) => e.id === leave.sanctionerId);
  if (sanctioner === undefined) throw new Error('no sanctioner');
  return value(await o.run((tx) => decideLeave(tx, o.clock, { actor: sanctioner, leave, decision: 'sanction', remark: null, policy }))).leave;
}

describe('the balance through a leave year', () => {
  test('opening, sanction, cancellation before start, curtailment after start and the year end', async () => {
    const o = await absenceOffice('2026-11-25');
    const { clerk } = o.staff;
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }, { code: 'SAH0020', type: 'EL', days: 310 }, { code: 'SAH0020', type: 'HPL', days: 45 }]);
    // 30 Nov (Mon) – 4 Dec (Fri): 5 working days.
    const long = await sanctioned(o, clerk, 'CL', '2026-11-30', '2026-12-04');
    expect(long.days).toBe(5);
    const later = await sanctioned(o, clerk, 'CL', '2026-12-21', '2026-12-22');
    expect(await o.balance(clerk.id, 'CL')).toBe(9);

    // Before it starts, a sanctioned leave is cancelled whole and its days come back.
    const cancelled = value(await o.run((tx) => cancelLeave(tx, o.clock, { actor: clerk, leave: later, reason: 'कार्यक्रम स्थगित', policy })));
    expect(cancelled).toMatchObject({ credited: 2, leave: { status: 'cancelled' } });
    expect(await o.balance(clerk.id, 'CL')).toBe(11);

    // Curtailment is for a leave that has started.
    expect(failure(await o.run((tx) => curtailLeave(tx, o.clock, { actor: clerk, leave: long, lastDay: '2026-12-01', policy }))).code).toBe('LEAVE.NOT_STARTED');
    o.setToday('2026-12-01');
    expect(failure(await o.run((tx) => cancelLeave(tx, o.clock, { actor: clerk, leave: long, reason: null, policy })))).toEqual({
      code: 'LEAVE.ALREADY_STARTED', params: { number: 'LV/2026/000001', from: '2026-11-30' },
    });
    expect(failure(await o.run((tx) => curtailLeave(tx, o.clock, { actor: clerk, leave: long, lastDay: '2026-12-04', policy }))).code).toBe('LEAVE.CURTAIL_OUTSIDE');
    expect(failure(await o.run((tx) => curtailLeave(tx, o.clock, { actor: o.staff.clerkEn, leave: long, lastDay: '2026-12-01', policy }))).code).toBe('LEAVE.NOT_ALLOWED');
    const curtailed = value(await o.run((tx) => curtailLeave(tx, o.clock, { actor: clerk, leave: long, lastDay: '2026-12-01', policy })));
    expect(curtailed.credited).toBe(3);
    expect(curtailed.leave).toMatchObject({ status: 'curtailed', endDate: '2026-12-01', days: 2 });
    expect(await o.balance(clerk.id, 'CL')).toBe(14);
    const told = (await o.notifications()).filter((n) => n.kind === 'leave.curtailed' || n.kind === 'leave.cancelled');
    expect(told.map((n) => [n.kind, n.employeeId, n.params.was])).toEqual([['leave.cancelled', o.staff.so.id, 'sanctioned'], ['leave.curtailed', o.staff.so.id, '2026-12-04']]);

    expect((await o.run((tx) => tx.leaveLedger.entries(clerk.id, 2026))).filter((e) => e.type === 'CL').map((e) => [e.kind, e.days])).toEqual([
      ['opening', 16], ['sanction', -5], ['sanction', -2], ['cancel', 2], ['curtail', 3],
    ]);

    // Year end: CL lapses, EL carries up to 300, HPL carries whole.
    o.setToday('2026-12-31');
    const rows = await o.run((tx) => closeYear(tx, o.clock, { year: 2026, policy }));
    expect(rows.filter((r) => r.employeeId === clerk.id)).toEqual([
      { employeeId: clerk.id, type: 'CL', closing: 14, carried: 0, lapsed: 14 },
      { employeeId: clerk.id, type: 'EL', closing: 310, carried: 300, lapsed: 10 },
      { employeeId: clerk.id, type: 'HPL', closing: 45, carried: 45, lapsed: 0 },
    ]);
    expect(await o.balance(clerk.id, 'CL')).toBe(0);
    expect(await o.balance(clerk.id, 'EL')).toBe(0);
    expect(await o.balance(clerk.id, 'EL', 2027)).toBe(300);
    expect(await o.balance(clerk.id, 'HPL', 2027)).toBe(45);
    // Running it again writes nothing.
    expect(await o.run((tx) => closeYear(tx, o.clock, { year: 2026, policy }))).toEqual([]);
    expect(await o.balance(clerk.id, 'EL', 2027)).toBe(300);

    // 1 January: yearly credits; EL stops at its 300 cap.
    o.setToday('2027-01-01');
    await o.run((tx) => creditAccrual(tx, o.clock, { year: 2027, half: 1, policy }));
    await o.run((tx) => creditAccrual(tx, o.clock, { year: 2027, half: 1, policy }));
    expect([await o.balance(clerk.id, 'CL', 2027), await o.balance(clerk.id, 'EL', 2027), await o.balance(clerk.id, 'HPL', 2027), await o.balance(clerk.id, 'RH', 2027)])
      .toEqual([16, 300, 65, 2]);
    // A colleague with no EL gets half the year's 30 on 1 January and half on 1 July.
    expect(await o.balance(o.staff.clerkEn.id, 'EL', 2027)).toBe(15);
    await o.run((tx) => creditAccrual(tx, o.clock, { year: 2027, half: 2, policy }));
    expect([await o.balance(o.staff.clerkEn.id, 'EL', 2027), await o.balance(o.staff.clerkEn.id, 'CL', 2027)]).toEqual([30, 16]);
  });

  test('an undecided application can be cancelled at any time and frees its reserved days', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 3 }]);
    const { leave } = value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: o.staff.clerk, type: 'CL', startDate: '2026-11-24', endDate: '2026-11-26', halfDay: null, reason: 'बीमारी', chargeTo: null, policy })));
    expect(failure(await o.run((tx) => cancelLeave(tx, o.clock, { actor: o.staff.so, leave, reason: null, policy }))).code).toBe('LEAVE.NOT_YOURS');
    expect(value(await o.run((tx) => cancelLeave(tx, o.clock, { actor: o.staff.clerk, leave, reason: null, policy }))).credited).toBe(0);
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(3);
    expect(value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: o.staff.clerk, type: 'CL', startDate: '2026-11-24', endDate: '2026-11-26', halfDay: null, reason: 'बीमारी', chargeTo: null, policy }))).preview.balanceAfter).toBe(0);
  });
});

describe('opening balances', () => {
  test('re-importing corrects instead of duplicating; a wrong row stops the whole import', async () => {
    const o = await absenceOffice();
    expect(await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }, { code: 'SAH0021', type: 'el', days: 120.5 }])).toEqual({ ok: true, written: 2, unchanged: 0 });
    expect(await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }, { code: 'SAH0021', type: 'EL', days: 120.5 }])).toEqual({ ok: true, written: 0, unchanged: 2 });
    expect(await o.opening([{ code: 'SAH0020', type: 'CL', days: 12 }])).toEqual({ ok: true, written: 1, unchanged: 0 });
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(12);
    expect((await o.run((tx) => tx.leaveLedger.entries(o.staff.clerk.id, 2026))).map((e) => [e.kind, e.days, e.note])).toEqual([
      ['opening', 16, 'opening balance'], ['opening', -4, 'opening balance corrected from 16 to 12'],
    ]);
    expect(await o.opening([
      { code: 'SAH0020', type: 'CL', days: 10 }, { code: 'SAH9999', type: 'CL', days: 1 }, { code: 'SAH0021', type: 'ML', days: 1 },
      { code: 'SAH0021', type: 'CL', days: -2 }, { code: 'SAH0021', type: 'CL', days: 1.3 }, { code: 'SAH0020', type: 'cl', days: 1 }, { code: 'SAH0021', type: 'ZZ', days: 1 },
    ])).toEqual({
      ok: false,
      problems: [
        { row: 1, problem: 'unknown_employee' }, { row: 2, problem: 'not_a_ledger_type' }, { row: 3, problem: 'bad_days' },
        { row: 4, problem: 'bad_days' }, { row: 5, problem: 'repeated' }, { row: 6, problem: 'unknown_type' },
      ],
    });
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(12);
  });
});

describe('charge arrangement', () => {
  test('the one named in charge acts for an officer away on sanctioned leave, and onward if they are away too', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0010', type: 'CL', days: 16 }, { code: 'SAH0021', type: 'CL', days: 16 }]);
    const { so, clerk, clerkEn } = o.staff;
    const leave = await sanctioned(o, so, 'CL', '2026-12-01', '2026-12-03', clerk);
    expect(await o.run((tx) => actingFor(tx, { employeeId: so.id, date: '2026-12-02' }))).toEqual({
      employee: clerk, on: { kind: 'leave', number: leave.number, until: '2026-12-03' },
    });
    expect(await o.run((tx) => actingFor(tx, { employeeId: so.id, date: '2026-12-04' }))).toBeNull();
    expect(await o.run((tx) => actingFor(tx, { employeeId: clerk.id, date: '2026-12-02' }))).toBeNull();
    // A pending application gives nobody charge yet.
    value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: clerkEn, type: 'CL', startDate: '2026-12-02', endDate: '2026-12-02', halfDay: null, reason: 'x', chargeTo: so, policy })));
    expect(await o.run((tx) => actingFor(tx, { employeeId: clerkEn.id, date: '2026-12-02' }))).toBeNull();
  });
});

describe('finding by number', () => {
  test('typed numbers in any reasonable form find the application; unknown ones are named', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const leave = await sanctioned(o, o.staff.clerk, 'CL', '2026-12-01', '2026-12-01');
    expect(normaliseNumber('LV', 'lv 2026 1')).toBe('LV/2026/000001');
    expect(normaliseNumber('LV', 'TR/2026/1')).toBeNull();
    expect(value(await o.run((tx) => findLeave(tx, ' LV/2026/01 '))).id).toBe(leave.id);
    expect(failure(await o.run((tx) => findLeave(tx, 'LV/2026/7')))).toEqual({ code: 'LEAVE.NOT_FOUND', params: { number: 'LV/2026/000007' } });
    expect(failure(await o.run((tx) => findTour(tx, 'kal wala')))).toEqual({ code: 'TOUR.NOT_FOUND', params: { number: 'kal wala' } });
    expect(failure(await o.run((tx) => findTaClaim(tx, 'TA-2026-3')))).toEqual({ code: 'TOUR.CLAIM_NOT_FOUND', params: { number: 'TA/2026/000003' } });
  });
});

describe('the sanction order', () => {
  test('carries the parties, dates in the office order, and the balance after', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const office = { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' };
    const { leave } = value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: o.staff.clerk, type: 'CL', startDate: '2026-12-10', endDate: '2026-12-14', halfDay: null, reason: 'विवाह समारोह', chargeTo: o.staff.clerkEn, policy })));
    expect(await o.run((tx) => leaveOrderOf(tx, { leave, policy, office }))).toBeNull();
    const done = await sanctionedAlready(o, leave);
    expect(await o.run((tx) => leaveOrderOf(tx, { leave: done, policy, office }))).toEqual({
      office, number: 'LV/2026/000001', date: '25-11-2026',
      employee: { name: 'मनोज कुमार', post: 'लिपिक', code: 'SAH0020', section: 'स्थापना' },
      leaveType: { code: 'CL', en: 'Casual Leave', hi: 'आकस्मिक अवकाश' },
      from: '10-12-2026', to: '14-12-2026', days: 3, halfDay: null, reason: 'विवाह समारोह',
      chargeTo: { name: 'Priya Singh', post: 'Clerk', code: 'SAH0021', section: 'स्थापना' },
      sanctionedBy: { name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', code: 'SAH0010', section: 'स्थापना' },
      balanceAfter: 13,
      copyTo: ['स्थापना प्रशाखा / Establishment Section', 'मनोज कुमार, लिपिक', 'Priya Singh, Clerk'],
    });
  });
});

async function sanctionedAlready(o: Office, leave: LeaveApplication): Promise<LeaveApplication> {
  return value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave, decision: 'sanction', remark: null, policy }))).leave;
}

import { describe, expect, test } from 'vitest';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { decideLeave, resubmitLeave } from '../../../core/leave/decide-leave.ts';
import { previewLeave } from '../../../core/leave/preview-leave.ts';
import { leaveBalances } from '../../../core/leave/leave-balances.ts';
import { DEFAULT_LEAVE_RULES } from '../../../core/leave/rules.ts';
import type { Employee } from '../../../core/types.ts';
import type { LeavePolicy } from '../../../core/leave/common.ts';
import { absenceOffice, failure, policy, value } from './absence-office.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;

function apply(o: Office, employee: Employee, type: string, startDate: string, endDate: string, extra: { halfDay?: 'first' | 'second'; chargeTo?: Employee; policy?: LeavePolicy } = {}) {
  return o.run((tx) => applyForLeave(tx, o.clock, {
    employee, type, startDate, endDate, halfDay: extra.halfDay ?? null, reason: 'पारिवारिक कार्य', chargeTo: extra.chargeTo ?? null, policy: extra.policy ?? policy,
  }));
}

describe('applying for leave', () => {
  test('counts working days, numbers the application, puts it with the reporting officer and tells them', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    // 10 Thu, 11 Fri, 12 second Saturday, 13 Sunday, 14 Mon.
    const { leave, preview } = value(await apply(o, o.staff.clerk, 'cl', '2026-12-10', '2026-12-14', { chargeTo: o.staff.clerkEn }));
    expect(leave).toMatchObject({
      number: 'LV/2026/000001', type: 'CL', days: 3, status: 'pending', sanctionerId: o.staff.so.id, holderId: o.staff.so.id, chargeToId: o.staff.clerkEn.id,
    });
    expect(preview).toMatchObject({ days: 3, balance: 16, reserved: 0, balanceAfter: 13 });
    const [note] = await o.notifications();
    expect(note).toEqual({
      employeeId: o.staff.so.id, kind: 'leave.applied', subject: { type: 'leave', id: 'LV/2026/000001' },
      params: {
        number: 'LV/2026/000001', type: 'CL', typeEn: 'Casual Leave', typeHi: 'आकस्मिक अवकाश', from: '2026-12-10', to: '2026-12-14', days: 3, halfDay: '',
        applicant: 'मनोज कुमार', applicantPost: 'लिपिक', reason: 'पारिवारिक कार्य', chargeTo: 'Priya Singh', balanceAfter: 13,
      },
    });
    const audit = await o.run((tx) => tx.audit.page(1, 100));
    expect(audit.map((e) => e.type)).toEqual(['leave.opening_imported', 'leave.applied']);
  });

  test('a listed holiday inside a CL spell is not charged; EL counts every calendar day', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }, { code: 'SAH0020', type: 'EL', days: 40 }]);
    const cl = await o.run((tx) => previewLeave(tx, o.clock, { employee: o.staff.clerk, type: 'CL', startDate: '2026-12-16', endDate: '2026-12-18', halfDay: null, policy }));
    expect(value(cl).days).toBe(2);
    const el = await o.run((tx) => previewLeave(tx, o.clock, { employee: o.staff.clerk, type: 'EL', startDate: '2026-12-10', endDate: '2026-12-19', halfDay: null, policy }));
    expect(value(el)).toMatchObject({ days: 10, balance: 40, balanceAfter: 30 });
    expect(value(el).sanctioner.id).toBe(o.staff.collector.id);
  });

  test('pending applications hold their days back, and the balance cannot be overdrawn', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 5 }]);
    value(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-14'));
    const second = await o.run((tx) => previewLeave(tx, o.clock, { employee: o.staff.clerk, type: 'CL', startDate: '2026-12-21', endDate: '2026-12-22', halfDay: null, policy }));
    expect(value(second)).toMatchObject({ days: 2, balance: 5, reserved: 3, balanceAfter: 0 });
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-21', '2026-12-23'))).toEqual({
      code: 'LEAVE.INSUFFICIENT_BALANCE', params: { type: 'CL', days: 3, balance: 5, reserved: 3, available: 2 },
    });
    expect(failure(await apply(o, o.staff.clerk, 'EL', '2026-12-21', '2026-12-23')).code).toBe('LEAVE.INSUFFICIENT_BALANCE');
    // Maternity leave is not charged to a balance, only limited per spell.
    expect(value(await apply(o, o.staff.clerk, 'ML', '2027-01-04', '2027-06-30')).leave.days).toBe(178);
    expect(failure(await apply(o, o.staff.clerk, 'PL', '2027-07-01', '2027-07-16'))).toEqual({ code: 'LEAVE.TOO_LONG', params: { days: 16, max: 15, type: 'PL' } });
    expect(await o.notifications()).toHaveLength(2);
  });

  test('refuses impossible dates, end before start, too far back, across a year end and unknown types', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }, { code: 'SAH0020', type: 'EL', days: 40 }]);
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-02-30', '2026-03-02'))).toEqual({ code: 'LEAVE.BAD_DATE', params: { date: '2026-02-30' } });
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-09'))).toEqual({ code: 'LEAVE.END_BEFORE_START', params: { from: '2026-12-10', to: '2026-12-09' } });
    // CL may be applied for up to 3 days after it began; EL not at all.
    expect(value(await apply(o, o.staff.clerk, 'CL', '2026-11-23', '2026-11-23')).leave.days).toBe(1);
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-11-21', '2026-11-21'))).toEqual({
      code: 'LEAVE.TOO_FAR_BACK', params: { from: '2026-11-21', earliest: '2026-11-22', days: 3, type: 'CL' },
    });
    expect(failure(await apply(o, o.staff.clerk, 'EL', '2026-11-24', '2026-11-26')).code).toBe('LEAVE.TOO_FAR_BACK');
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-31', '2027-01-01')).code).toBe('LEAVE.SPANS_YEARS');
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-12', '2026-12-13')).code).toBe('LEAVE.NO_WORKING_DAYS');
    expect(failure(await apply(o, o.staff.clerk, 'XL', '2026-12-10', '2026-12-10'))).toEqual({
      code: 'LEAVE.UNKNOWN_TYPE', params: { type: 'XL', known: 'CL, EL, HPL, ML, PL, RH, SCL, station_leave' },
    });
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-10', { chargeTo: o.staff.clerk })).code).toBe('LEAVE.BAD_CHARGE');
  });

  test('half days: only for types that allow them, one day at a time, charged 0.5', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 1 }, { code: 'SAH0020', type: 'EL', days: 30 }]);
    const half = value(await apply(o, o.staff.clerk, 'CL', '2026-11-26', '2026-11-26', { halfDay: 'second' }));
    expect(half.leave).toMatchObject({ days: 0.5, halfDay: 'second' });
    expect(half.preview.balanceAfter).toBe(0.5);
    expect(value(await apply(o, o.staff.clerk, 'CL', '2026-11-27', '2026-11-27', { halfDay: 'first' })).preview.balanceAfter).toBe(0);
    expect(failure(await apply(o, o.staff.clerk, 'EL', '2026-12-01', '2026-12-01', { halfDay: 'first' }))).toEqual({ code: 'LEAVE.HALF_DAY_NOT_ALLOWED', params: { type: 'EL' } });
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-01', '2026-12-02', { halfDay: 'first' })).code).toBe('LEAVE.HALF_DAY_ONE_DAY');
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-13', '2026-12-13', { halfDay: 'first' })).code).toBe('LEAVE.NO_WORKING_DAYS');
  });

  test('overlap with pending or sanctioned leave is refused; refused leave frees the days', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const first = value(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-14')).leave;
    expect(failure(await apply(o, o.staff.clerk, 'CL', '2026-12-14', '2026-12-15'))).toEqual({
      code: 'LEAVE.OVERLAP', params: { number: 'LV/2026/000001', from: '2026-12-10', to: '2026-12-14', kind: 'leave' },
    });
    value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: first, decision: 'refuse', remark: 'कार्य की अधिकता', policy })));
    expect(value(await apply(o, o.staff.clerk, 'CL', '2026-12-14', '2026-12-15')).leave.number).toBe('LV/2026/000002');
  });
});

describe('the sanctioning officer', () => {
  test('comes from the rules: reporting officer, the Collector, or a post', async () => {
    const o = await absenceOffice();
    const post: LeavePolicy = { ...policy, rules: { ...DEFAULT_LEAVE_RULES, types: DEFAULT_LEAVE_RULES.types.map((t) => (t.code === 'SCL' ? { ...t, sanctioner: 'post:DDC' } : t)) } };
    const who = async (employee: Employee, type: string, p = policy) => {
      const r = await o.run((tx) => previewLeave(tx, o.clock, { employee, type, startDate: '2026-12-01', endDate: '2026-12-01', halfDay: null, policy: p }));
      return r.ok ? r.value.sanctioner.code : r.failure.code;
    };
    await o.opening(Object.values(o.staff).map((e) => ({ code: e.code, type: 'CL', days: 16 })));
    expect(await who(o.staff.clerk, 'CL')).toBe('SAH0010');
    expect(await who(o.staff.so, 'CL')).toBe('SAH0002');
    expect(await who(o.staff.clerk, 'ML')).toBe('SAH0001');
    expect(await who(o.staff.clerk, 'SCL', post)).toBe('SAH0002');
    // The DDC cannot sanction their own: it goes up their chain.
    expect(await who(o.staff.ddc, 'SCL', post)).toBe('SAH0001');
    expect(await who(o.staff.collector, 'CL')).toBe('LEAVE.NO_SANCTIONER');
    // A vacant link in the chain is skipped.
    await o.run((tx) => tx.employees.update(o.staff.so.id, { active: false }));
    expect(await who(o.staff.clerk, 'CL')).toBe('SAH0002');
  });
});

describe('deciding', () => {
  test('sanction debits the ledger and tells the applicant and the one given charge', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const a = value(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-14', { chargeTo: o.staff.clerkEn })).leave;
    value(await apply(o, o.staff.clerk, 'CL', '2026-12-21', '2026-12-23'));
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.ddc, leave: a, decision: 'sanction', remark: null, policy })))).toEqual({
      code: 'LEAVE.NOT_IN_YOUR_HANDS', params: { number: 'LV/2026/000001', holder: 'सुनीता देवी (प्रशाखा पदाधिकारी)' },
    });
    const decided = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: a, decision: 'sanction', remark: null, policy })));
    expect(decided.leave).toMatchObject({ status: 'sanctioned', holderId: o.staff.so.id });
    expect(decided.balanceAfter).toBe(10);
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(13);
    const ledger = await o.run((tx) => tx.leaveLedger.entries(o.staff.clerk.id, 2026));
    expect(ledger.map((e) => [e.kind, e.days, e.note])).toEqual([['opening', 16, 'opening balance'], ['sanction', -3, 'LV/2026/000001']]);
    const notes = (await o.notifications()).slice(2);
    expect(notes.map((n) => [n.kind, n.employeeId])).toEqual([['leave.sanctioned', o.staff.clerk.id], ['leave.charge_given', o.staff.clerkEn.id]]);
    expect(notes[0]?.params).toMatchObject({ by: 'सुनीता देवी', balanceAfter: 10, remark: '' });
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: decided.leave, decision: 'sanction', remark: null, policy }))).code).toBe('LEAVE.WRONG_STATUS');
    const rows = await o.run((tx) => leaveBalances(tx, { employeeId: o.staff.clerk.id, year: 2026, policy }));
    expect(rows.find((r) => r.type === 'CL')).toEqual({ type: 'CL', en: 'Casual Leave', hi: 'आकस्मिक अवकाश', balance: 13, reserved: 3, available: 10 });
    expect(rows.map((r) => r.type)).toEqual(['CL', 'EL', 'HPL', 'RH']);
  });

  test('a stale copy loses the race and changes nothing', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const a = value(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-14')).leave;
    value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: a, decision: 'return', remark: 'कारण स्पष्ट करें', policy })));
    const stale = { ...a };
    await expect(o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: { ...stale, status: 'pending' }, decision: 'sanction', remark: null, policy })))
      .rejects.toMatchObject({ name: 'OfficeError', failure: { code: 'LEAVE.CHANGED_MEANWHILE', params: { number: 'LV/2026/000001' } } });
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(16);
  });

  test('refusal and return need a reason; a returned application goes to the applicant and comes back on resubmission', async () => {
    const o = await absenceOffice();
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    const a = value(await apply(o, o.staff.clerk, 'CL', '2026-12-10', '2026-12-14')).leave;
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: a, decision: 'refuse', remark: '  ', policy }))).code).toBe('LEAVE.REASON_REQUIRED');
    const returned = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: a, decision: 'return', remark: 'प्रभार किसे देंगे?', policy }))).leave;
    expect(returned).toMatchObject({ status: 'returned', holderId: o.staff.clerk.id, remark: 'प्रभार किसे देंगे?' });
    // Still reserved while returned.
    expect((await o.run((tx) => leaveBalances(tx, { employeeId: o.staff.clerk.id, year: 2026, policy })))[0]).toMatchObject({ balance: 16, reserved: 3, available: 13 });
    expect(failure(await o.run((tx) => resubmitLeave(tx, o.clock, { actor: o.staff.so, leave: returned, remark: null, policy }))).code).toBe('LEAVE.NOT_YOURS');
    const again = value(await o.run((tx) => resubmitLeave(tx, o.clock, { actor: o.staff.clerk, leave: returned, remark: 'प्रिया सिंह प्रभार में रहेंगी', policy })));
    expect(again).toMatchObject({ status: 'pending', holderId: o.staff.so.id });
    expect((await o.notifications()).map((n) => [n.kind, n.employeeId])).toEqual([
      ['leave.applied', o.staff.so.id], ['leave.returned', o.staff.clerk.id], ['leave.resubmitted', o.staff.so.id],
    ]);
    const refused = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.so, leave: again, decision: 'refuse', remark: 'नहीं', policy }))).leave;
    expect(refused.status).toBe('refused');
    expect(await o.balance(o.staff.clerk.id, 'CL')).toBe(16);
    expect((await o.run((tx) => leaveBalances(tx, { employeeId: o.staff.clerk.id, year: 2026, policy })))[0]).toMatchObject({ reserved: 0, available: 16 });
  });
});

import { describe, expect, test } from 'vitest';
import { applyForTour, type ApplyForTourOptions } from '../../../core/tour/apply-for-tour.ts';
import { cancelTour, decideTour, resubmitTour } from '../../../core/tour/decide-tour.ts';
import { addDiaryEntry } from '../../../core/tour/add-diary-entry.ts';
import { submitTaClaim } from '../../../core/tour/submit-ta-claim.ts';
import { decideTaClaim } from '../../../core/tour/decide-ta-claim.ts';
import { taBillOf } from '../../../core/tour/ta-bill.ts';
import { whoIsOut } from '../../../core/tour/who-is-out.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { decideLeave } from '../../../core/leave/decide-leave.ts';
import { actingFor } from '../../../core/leave/acting-for.ts';
import { DEFAULT_LEAVE_RULES } from '../../../core/leave/rules.ts';
import type { Journey } from '../../../core/tour/types.ts';
import { absenceOffice, failure, policy, value } from '../leave/absence-office.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;

const patnaTrip = (o: Office, extra: Partial<ApplyForTourOptions> = {}) => o.run((tx) => applyForTour(tx, o.clock, {
  employee: o.staff.clerk, destinations: [' Patna ', 'Simri Bakhtiyarpur', ''], startDate: '2026-12-01', endDate: '2026-12-03',
  purpose: 'राजस्व वसूली समीक्षा बैठक', travelMode: 'Bus', chargeTo: o.staff.clerkEn, rules: DEFAULT_TOUR_RULES, ...extra,
}));

const journeys: Journey[] = [
  { date: '2026-12-01', from: 'Saharsa', to: 'Patna', mode: 'Bus', fare: 320 },
  { date: '2026-12-03', from: 'Patna', to: 'Saharsa', mode: 'Bus', fare: 320.5 },
];

describe('a tour from programme to TA claim', () => {
  test('apply, approve, keep the diary, claim TA with the daily allowance computed, approve the claim', async () => {
    const o = await absenceOffice('2026-11-25');
    const { clerk, so, clerkEn } = o.staff;
    const tour = value(await patnaTrip(o));
    expect(tour).toMatchObject({
      number: 'TR/2026/000001', destinations: ['Patna', 'Simri Bakhtiyarpur'], status: 'pending', sanctionerId: so.id, holderId: so.id, chargeToId: clerkEn.id, travelMode: 'Bus',
    });
    expect(failure(await o.run((tx) => decideTour(tx, o.clock, { actor: clerk, tour, decision: 'approve', remark: null }))).code).toBe('TOUR.NOT_IN_YOUR_HANDS');
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour, decision: 'approve', remark: null })));
    expect(approved).toMatchObject({ status: 'approved', decidedAt: o.clock.now() });

    // The diary opens when the tour starts, for the touring officer only, for days lived on tour.
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-12-01', text: 'बैठक' }))).code).toBe('TOUR.NOT_STARTED');
    o.setToday('2026-12-02');
    expect(value(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-12-01', text: ' प्रमंडलीय आयुक्त के साथ बैठक ' }))).text).toBe('प्रमंडलीय आयुक्त के साथ बैठक');
    value(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-12-02', text: 'राजस्व अभिलेखों का निरीक्षण' })));
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-12-03', text: 'कल' })))).toEqual({
      code: 'TOUR.DIARY_DATE_OUTSIDE', params: { number: 'TR/2026/000001', date: '2026-12-03', from: '2026-12-01', to: '2026-12-02' },
    });
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-11-30', text: 'x' }))).code).toBe('TOUR.DIARY_DATE_OUTSIDE');
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: so, tour: approved, date: '2026-12-02', text: 'x' }))).code).toBe('TOUR.NOT_YOURS');
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: clerk, tour: approved, date: '2026-12-02', text: '  ' }))).code).toBe('TOUR.EMPTY_DIARY');
    expect((await o.run((tx) => tx.tours.diary(tour.id))).map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02']);

    // The claim waits for the last day of the tour.
    const claim = (payLevel: number | null, js = journeys) => o.run((tx) => submitTaClaim(tx, o.clock, { actor: clerk, tour: approved, journeys: js, payLevel, rules: DEFAULT_TOUR_RULES }));
    expect(failure(await claim(null))).toEqual({ code: 'TOUR.NOT_OVER', params: { number: 'TR/2026/000001', to: '2026-12-03' } });
    o.setToday('2026-12-04');
    expect(failure(await claim(null, [{ ...journeys[0]!, date: '2026-12-05' }]))).toEqual({ code: 'TOUR.BAD_JOURNEY', params: { number: 'TR/2026/000001', row: 1, why: 'date' } });
    expect(failure(await claim(null, [journeys[0]!, { ...journeys[1]!, fare: -1 }]))).toEqual({ code: 'TOUR.BAD_JOURNEY', params: { number: 'TR/2026/000001', row: 2, why: 'fare' } });
    // Patna is a class Y city; the roll has no pay level, so the default level 6 applies: ₹450 a day for 3 days.
    const submitted = value(await claim(null));
    expect(submitted.computed).toEqual({ daDays: 3, daRate: 450, cityClass: 'Y', payLevel: 6, fares: 640.5, total: 1990.5 });
    expect(submitted.claim).toMatchObject({ number: 'TA/2026/000001', daDays: 3, daRate: 450, total: 1990.5, status: 'pending', holderId: so.id });
    expect(failure(await claim(12))).toEqual({ code: 'TOUR.CLAIM_EXISTS', params: { number: 'TA/2026/000001', tour: 'TR/2026/000001', status: 'pending' } });

    // Returned for correction, resubmitted with the officer's pay level: ₹900 a day.
    value(await o.run((tx) => decideTaClaim(tx, o.clock, { actor: so, claim: submitted.claim, decision: 'return', remark: 'वेतन स्तर लिखें' })));
    const again = value(await claim(12));
    expect(again.claim).toMatchObject({ number: 'TA/2026/000001', daRate: 900, total: 3340.5, status: 'pending', holderId: so.id });
    const office = { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' };
    expect(await o.run((tx) => taBillOf(tx, { claim: again.claim, office, payLevel: 12 }))).toBeNull();
    const paid = value(await o.run((tx) => decideTaClaim(tx, o.clock, { actor: so, claim: again.claim, decision: 'approve', remark: null })));
    expect(paid.status).toBe('approved');
    expect(await o.run((tx) => taBillOf(tx, { claim: paid, office, payLevel: 12 }))).toEqual({
      office, number: 'TA/2026/000001', date: '04-12-2026',
      employee: { name: 'मनोज कुमार', post: 'लिपिक', code: 'SAH0020', section: 'स्थापना', payLevel: 12 },
      tour: { number: 'TR/2026/000001', purpose: 'राजस्व वसूली समीक्षा बैठक', destinations: ['Patna', 'Simri Bakhtiyarpur'], from: '01-12-2026', to: '03-12-2026' },
      journeys: [
        { date: '01-12-2026', from: 'Saharsa', to: 'Patna', mode: 'Bus', fare: 320 },
        { date: '03-12-2026', from: 'Patna', to: 'Saharsa', mode: 'Bus', fare: 320.5 },
      ],
      daDays: 3, daRate: 900, daAmount: 2700, fares: 640.5, total: 3340.5,
      totalInWords: { en: 'Rupees Three Thousand Three Hundred Forty and Paise Fifty Only', hi: 'तीन हज़ार तीन सौ चालीस रुपये पचास पैसे मात्र' },
      approvedBy: { name: 'सुनीता देवी', post: 'प्रशाखा पदाधिकारी', code: 'SAH0010', section: 'स्थापना' },
    });

    expect((await o.notifications()).map((n) => [n.kind, n.employeeId, n.subject?.id])).toEqual([
      ['tour.applied', so.id, 'TR/2026/000001'],
      ['tour.approved', clerk.id, 'TR/2026/000001'],
      ['tour.charge_given', clerkEn.id, 'TR/2026/000001'],
      ['ta.submitted', so.id, 'TA/2026/000001'],
      ['ta.returned', clerk.id, 'TA/2026/000001'],
      ['ta.submitted', so.id, 'TA/2026/000001'],
      ['ta.approved', clerk.id, 'TA/2026/000001'],
    ]);
    expect((await o.notifications())[0]?.params).toEqual({
      number: 'TR/2026/000001', destinations: 'Patna, Simri Bakhtiyarpur', from: '2026-12-01', to: '2026-12-03', purpose: 'राजस्व वसूली समीक्षा बैठक',
      mode: 'Bus', employee: 'मनोज कुमार', employeePost: 'लिपिक', chargeTo: 'Priya Singh',
    });
  });

  test('refusals: dates, places, purpose, overlap with leave and other tours', async () => {
    const o = await absenceOffice('2026-11-25');
    expect(failure(await patnaTrip(o, { endDate: '2026-11-30' })).code).toBe('TOUR.END_BEFORE_START');
    expect(failure(await patnaTrip(o, { startDate: '2026-11-31' }))).toEqual({ code: 'TOUR.BAD_DATE', params: { date: '2026-11-31' } });
    expect(failure(await patnaTrip(o, { startDate: '2026-11-21' }))).toEqual({ code: 'TOUR.TOO_FAR_BACK', params: { from: '2026-11-21', earliest: '2026-11-22', days: 3 } });
    expect(failure(await patnaTrip(o, { destinations: [' '] })).code).toBe('TOUR.NO_DESTINATION');
    expect(failure(await patnaTrip(o, { purpose: '' })).code).toBe('TOUR.NO_PURPOSE');
    expect(failure(await patnaTrip(o, { chargeTo: o.staff.clerk })).code).toBe('TOUR.BAD_CHARGE');
    value(await patnaTrip(o));
    expect(failure(await patnaTrip(o, { startDate: '2026-12-03', endDate: '2026-12-04' }))).toEqual({
      code: 'TOUR.OVERLAP', params: { number: 'TR/2026/000001', from: '2026-12-01', to: '2026-12-03', kind: 'tour' },
    });
    await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
    expect(failure(await o.run((tx) => applyForLeave(tx, o.clock, {
      employee: o.staff.clerk, type: 'CL', startDate: '2026-12-02', endDate: '2026-12-02', halfDay: null, reason: 'x', chargeTo: null, policy,
    })))).toEqual({ code: 'LEAVE.OVERLAP', params: { number: 'TR/2026/000001', from: '2026-12-01', to: '2026-12-03', kind: 'tour' } });
    value(await o.run((tx) => applyForLeave(tx, o.clock, {
      employee: o.staff.clerk, type: 'CL', startDate: '2026-12-07', endDate: '2026-12-07', halfDay: null, reason: 'x', chargeTo: null, policy,
    })));
    expect(failure(await patnaTrip(o, { startDate: '2026-12-07', endDate: '2026-12-08' }))).toMatchObject({ code: 'TOUR.OVERLAP', params: { number: 'LV/2026/000001', kind: 'leave' } });
  });

  test('return and resubmit; cancel before start only; a cancelled tour frees its dates', async () => {
    const o = await absenceOffice('2026-11-25');
    const { clerk, so } = o.staff;
    const tour = value(await patnaTrip(o));
    expect(failure(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour, decision: 'return', remark: null }))).code).toBe('TOUR.REASON_REQUIRED');
    const returned = value(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour, decision: 'return', remark: 'यात्रा का साधन?' })));
    expect(returned).toMatchObject({ status: 'returned', holderId: clerk.id });
    const again = value(await o.run((tx) => resubmitTour(tx, o.clock, { actor: clerk, tour: returned, remark: 'सरकारी वाहन' })));
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour: again, decision: 'approve', remark: null })));
    o.setToday('2026-12-01');
    expect(failure(await o.run((tx) => cancelTour(tx, o.clock, { actor: clerk, tour: approved, reason: null }))).code).toBe('TOUR.ALREADY_STARTED');
    o.setToday('2026-11-30');
    expect(value(await o.run((tx) => cancelTour(tx, o.clock, { actor: clerk, tour: approved, reason: 'बैठक स्थगित' }))).status).toBe('cancelled');
    expect(value(await patnaTrip(o)).number).toBe('TR/2026/000002');
  });
});

describe('who is out', () => {
  test('lists sanctioned leave and approved tours for the day, with who holds charge', async () => {
    const o = await absenceOffice('2026-11-25');
    const { clerk, clerkEn, so, ddc } = o.staff;
    await o.opening([{ code: 'SAH0010', type: 'CL', days: 16 }, { code: 'SAH0002', type: 'CL', days: 16 }]);
    const tour = value(await patnaTrip(o));
    value(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour, decision: 'approve', remark: null })));
    const soLeave = value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: so, type: 'CL', startDate: '2026-12-02', endDate: '2026-12-02', halfDay: 'first', reason: 'x', chargeTo: clerk, policy }))).leave;
    value(await o.run((tx) => decideLeave(tx, o.clock, { actor: ddc, leave: soLeave, decision: 'sanction', remark: null, policy })));
    // Pending: not out yet.
    value(await o.run((tx) => applyForLeave(tx, o.clock, { employee: ddc, type: 'CL', startDate: '2026-12-02', endDate: '2026-12-02', halfDay: null, reason: 'x', chargeTo: null, policy })));

    const out = await o.run((tx) => whoIsOut(tx, { date: '2026-12-02', leaveRules: DEFAULT_LEAVE_RULES }));
    expect(out).toEqual([
      { employee: clerk, kind: 'tour', number: 'TR/2026/000001', destinations: ['Patna', 'Simri Bakhtiyarpur'], from: '2026-12-01', until: '2026-12-03', chargeTo: clerkEn },
      { employee: so, kind: 'leave', number: 'LV/2026/000001', type: 'CL', typeEn: 'Casual Leave', typeHi: 'आकस्मिक अवकाश', from: '2026-12-02', until: '2026-12-02', halfDay: 'first', chargeTo: clerk },
    ]);
    expect(await o.run((tx) => whoIsOut(tx, { date: '2026-12-04', leaveRules: DEFAULT_LEAVE_RULES }))).toEqual([]);
    // The SO's charge went to the clerk, who is on tour with charge to Priya: items for the SO go to her.
    expect(await o.run((tx) => actingFor(tx, { employeeId: so.id, date: '2026-12-02' }))).toEqual({
      employee: clerkEn, on: { kind: 'leave', number: 'LV/2026/000001', until: '2026-12-02' },
    });
    expect((await o.run((tx) => actingFor(tx, { employeeId: clerk.id, date: '2026-12-01' })))?.on).toEqual({ kind: 'tour', number: 'TR/2026/000001', until: '2026-12-03' });
  });
});

describe('tour rules', () => {
  test('the sanctioning officer is configurable; the Collector has nobody in the district; no band, no rate', async () => {
    const o = await absenceOffice('2026-11-25');
    const byDdc = { ...DEFAULT_TOUR_RULES, sanctioner: 'post:DDC' as const };
    expect(value(await patnaTrip(o, { rules: byDdc })).sanctionerId).toBe(o.staff.ddc.id);
    expect(failure(await patnaTrip(o, { employee: o.staff.collector, chargeTo: null }))).toEqual({ code: 'TOUR.NO_SANCTIONER', params: {} });
    const tour = value(await patnaTrip(o, { employee: o.staff.so, chargeTo: null }));
    expect(tour.sanctionerId).toBe(o.staff.ddc.id);
    expect(failure(await o.run((tx) => addDiaryEntry(tx, o.clock, { actor: o.staff.so, tour, date: '2026-12-01', text: 'x' })))).toEqual({
      code: 'TOUR.WRONG_STATUS', params: { number: tour.number, status: 'pending' },
    });
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.ddc, tour, decision: 'approve', remark: null })));
    o.setToday('2026-12-03');
    const onlyLow = { ...DEFAULT_TOUR_RULES, bands: DEFAULT_TOUR_RULES.bands.slice(0, 1) };
    expect(failure(await o.run((tx) => submitTaClaim(tx, o.clock, { actor: o.staff.so, tour: approved, journeys, payLevel: 9, rules: onlyLow })))).toEqual({
      code: 'TOUR.NO_DA_RATE', params: { payLevel: 9, cityClass: 'Y' },
    });
    expect(value(await o.run((tx) => submitTaClaim(tx, o.clock, { actor: o.staff.so, tour: approved, journeys, payLevel: 3, rules: onlyLow }))).computed)
      .toMatchObject({ daDays: 3, daRate: 300, total: 1540.5 });
  });
});

// Issue 20 item 5: while the officer who decides a leave, tour or TA application is away on leave or
// tour, the officer holding their charge (the link officer) decides it: new applications go to them,
// applications already waiting may be decided by them, the absent officer is told, and every step
// says in the audit for whom it was done.
import { describe, expect, test } from 'vitest';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { decideLeave, resubmitLeave } from '../../../core/leave/decide-leave.ts';
import { leaveOrderOf } from '../../../core/leave/leave-order.ts';
import { applyForTour } from '../../../core/tour/apply-for-tour.ts';
import { decideTour } from '../../../core/tour/decide-tour.ts';
import { submitTaClaim } from '../../../core/tour/submit-ta-claim.ts';
import { decideTaClaim } from '../../../core/tour/decide-ta-claim.ts';
import { taBillOf } from '../../../core/tour/ta-bill.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import type { Employee } from '../../../core/types.ts';
import { absenceOffice, failure, policy, value } from './absence-office.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;

const apply = (o: Office, employee: Employee, from: string, to: string, chargeTo: Employee | null = null) => o.run((tx) => applyForLeave(tx, o.clock, {
  employee, type: 'CL', startDate: from, endDate: to, halfDay: null, reason: 'पारिवारिक कार्य', chargeTo, policy,
}));

/** The section officer (who sanctions the clerks' leave) away on CL from..to, Priya Singh holding charge; the DDC sanctions it. */
async function soAway(o: Office, from: string, to: string): Promise<void> {
  const { leave } = value(await apply(o, o.staff.so, from, to, o.staff.clerkEn));
  value(await o.run((tx) => decideLeave(tx, o.clock, { actor: o.staff.ddc, leave, decision: 'sanction', remark: null, policy })));
}

async function events(o: Office, type: string) {
  return (await o.run((tx) => tx.audit.page(1, 1000))).filter((e) => e.type === type).map((e) => ({ actor: e.actor, subject: e.subjectId, data: JSON.parse(e.data) as Record<string, unknown> }));
}

async function office(): Promise<Office> {
  const o = await absenceOffice('2026-11-25');
  await o.opening(['SAH0010', 'SAH0020', 'SAH0021'].map((code) => ({ code, type: 'CL', days: 16 })));
  return o;
}

describe('leave decided by the link officer', () => {
  test('an application made while the sanctioning officer is away goes to their link officer, who sanctions it; the officer is told', async () => {
    const o = await office();
    const { so, clerk, clerkEn, collector } = o.staff;
    await soAway(o, '2026-11-25', '2026-11-27');
    const { leave, preview } = value(await apply(o, clerk, '2026-11-26', '2026-11-26'));
    expect(leave).toMatchObject({ sanctionerId: clerkEn.id, holderId: clerkEn.id, status: 'pending' });
    expect(preview.awaySanctioner).toMatchObject({ officer: { id: so.id }, on: { kind: 'leave', until: '2026-11-27' } });
    const notes = (await o.notifications()).filter((n) => n.subject?.id === leave.number);
    expect(notes.find((n) => n.kind === 'leave.applied')).toMatchObject({ employeeId: clerkEn.id, params: { onBehalfOf: `${so.name} (${so.post})` } });
    expect(notes.find((n) => n.kind === 'leave.routed_to_charge')).toMatchObject({ employeeId: so.id, params: { inCharge: clerkEn.name } });
    expect((await events(o, 'leave.applied')).at(-1)).toMatchObject({ subject: leave.number, data: { sanctioner: 'SAH0021', actingFor: 'SAH0010', charge: 'LV/2026/000001' } });
    // Only the link officer decides it; a stranger is told who holds it.
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: collector, leave, decision: 'sanction', remark: null, policy }))).code).toBe('LEAVE.NOT_IN_YOUR_HANDS');
    const sanctioned = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: clerkEn, leave, decision: 'sanction', remark: null, policy })));
    expect(sanctioned.leave.status).toBe('sanctioned');
    const order = await o.run((tx) => leaveOrderOf(tx, { leave: sanctioned.leave, policy, office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' } }));
    expect(order?.sanctionedBy.name).toBe(clerkEn.name);
  });

  test('an application already waiting with the officer when they left: the link officer decides it, audited as acting for them', async () => {
    const o = await office();
    const { so, clerk, clerkEn, collector } = o.staff;
    o.setToday('2026-11-24');
    const { leave } = value(await apply(o, clerk, '2026-11-30', '2026-11-30'));
    expect(leave.holderId).toBe(so.id);
    await soAway(o, '2026-11-25', '2026-11-27');
    // The one taking charge is told what waits, and from when they may decide it.
    expect((await o.notifications()).filter((n) => n.employeeId === clerkEn.id && n.kind === 'leave.waiting_in_charge')).toMatchObject([{
      subject: { type: 'leave', id: leave.number }, params: { onBehalfOf: `${so.name} (${so.post})`, awayFrom: '2026-11-25', awayUntil: '2026-11-27' },
    }]);
    // Not yet away: the one who will hold charge may not decide it.
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: clerkEn, leave, decision: 'refuse', remark: 'x', policy }))).code).toBe('LEAVE.NOT_IN_YOUR_HANDS');
    o.setToday('2026-11-25');
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: collector, leave, decision: 'refuse', remark: 'x', policy }))).code).toBe('LEAVE.NOT_IN_YOUR_HANDS');
    const refused = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: clerkEn, leave, decision: 'refuse', remark: 'निर्वाचन कार्य', policy })));
    expect(refused.leave).toMatchObject({ status: 'refused', holderId: clerkEn.id, remark: 'निर्वाचन कार्य' });
    expect((await events(o, 'leave.refused'))[0]).toEqual({ actor: 'SAH0021', subject: leave.number, data: { remark: 'निर्वाचन कार्य', days: 1, actingFor: 'SAH0010', charge: 'LV/2026/000002' } });
    expect((await o.notifications()).filter((n) => n.kind === 'leave.refused')).toMatchObject([{ employeeId: clerk.id, params: { by: clerkEn.name, remark: 'निर्वाचन कार्य' } }]);
  });

  test('a returned application resubmitted while the officer is away goes to the link officer', async () => {
    const o = await office();
    const { so, clerk, clerkEn } = o.staff;
    o.setToday('2026-11-24');
    const { leave } = value(await apply(o, clerk, '2026-11-30', '2026-11-30'));
    const returned = value(await o.run((tx) => decideLeave(tx, o.clock, { actor: so, leave, decision: 'return', remark: 'कारण स्पष्ट करें', policy })));
    await soAway(o, '2026-11-25', '2026-11-27');
    o.setToday('2026-11-25');
    const again = value(await o.run((tx) => resubmitLeave(tx, o.clock, { actor: clerk, leave: returned.leave, remark: 'बैंक कार्य', policy })));
    expect(again.holderId).toBe(clerkEn.id);
    expect((await events(o, 'leave.resubmitted'))[0]?.data).toMatchObject({ to: 'SAH0021', charge: 'LV/2026/000002' });
  });

  test('the applicant holding the officer\'s charge does not decide their own: it stays with the officer', async () => {
    const o = await office();
    const { so, clerkEn } = o.staff;
    await soAway(o, '2026-11-25', '2026-11-27');
    const { leave, preview } = value(await apply(o, clerkEn, '2026-11-30', '2026-11-30'));
    expect(leave).toMatchObject({ sanctionerId: so.id, holderId: so.id });
    expect(preview.awaySanctioner).toBeNull();
    expect(failure(await o.run((tx) => decideLeave(tx, o.clock, { actor: clerkEn, leave, decision: 'sanction', remark: null, policy }))).code).toBe('LEAVE.NOT_IN_YOUR_HANDS');
  });
});

describe('tour and TA decided by the link officer', () => {
  test('a tour applied for while the officer is away goes to the link officer; a waiting one may be approved by them; so may the TA claim', async () => {
    const o = await office();
    const { so, clerk, clerkEn } = o.staff;
    const trip = (from: string, to: string) => o.run((tx) => applyForTour(tx, o.clock, {
      employee: clerk, destinations: ['Patna'], startDate: from, endDate: to, purpose: 'राजस्व बैठक', travelMode: 'Bus', chargeTo: null, rules: DEFAULT_TOUR_RULES,
    }));
    // Waiting with the section officer before they leave.
    o.setToday('2026-11-24');
    const waiting = value(await trip('2026-11-26', '2026-11-26'));
    expect(waiting.holderId).toBe(so.id);
    await soAway(o, '2026-11-25', '2026-11-27');
    expect((await o.notifications()).filter((n) => n.employeeId === clerkEn.id && n.kind === 'tour.waiting_in_charge').map((n) => n.subject?.id)).toEqual([waiting.number]);
    o.setToday('2026-11-25');
    const approved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: clerkEn, tour: waiting, decision: 'approve', remark: null })));
    expect(approved).toMatchObject({ status: 'approved', holderId: clerkEn.id });
    expect((await events(o, 'tour.approved'))[0]).toMatchObject({ actor: 'SAH0021', data: { actingFor: 'SAH0010', charge: 'LV/2026/000001' } });
    // A new programme goes straight to the link officer; the officer is told.
    const fresh = value(await trip('2026-12-07', '2026-12-08'));
    expect(fresh).toMatchObject({ sanctionerId: clerkEn.id, holderId: clerkEn.id });
    const notes = (await o.notifications()).filter((n) => n.subject?.id === fresh.number);
    expect(notes.map((n) => [n.kind, n.employeeId])).toEqual([['tour.applied', clerkEn.id], ['tour.routed_to_charge', so.id]]);
    expect((await events(o, 'tour.applied')).at(-1)?.data).toMatchObject({ sanctioner: 'SAH0021', actingFor: 'SAH0010' });
    // The TA claim of the tour approved by the section officer waits for the officer who approved it, or their link officer while away.
    o.setToday('2026-11-24');
    const other = value(await trip('2026-11-24', '2026-11-24'));
    const otherApproved = value(await o.run((tx) => decideTour(tx, o.clock, { actor: so, tour: other, decision: 'approve', remark: null })));
    o.setToday('2026-11-26');
    const { claim } = value(await o.run((tx) => submitTaClaim(tx, o.clock, {
      actor: clerk, tour: otherApproved, journeys: [{ date: '2026-11-24', from: 'Saharsa', to: 'Patna', mode: 'Bus', fare: 320 }], payLevel: null, rules: DEFAULT_TOUR_RULES,
    })));
    expect(claim).toMatchObject({ holderId: clerkEn.id, sanctionerId: clerkEn.id });
    expect((await events(o, 'ta.submitted'))[0]?.data).toMatchObject({ to: 'SAH0021', charge: 'LV/2026/000001' });
    const approvedClaim = value(await o.run((tx) => decideTaClaim(tx, o.clock, { actor: clerkEn, claim, decision: 'approve', remark: null })));
    expect(approvedClaim.status).toBe('approved');
    const bill = await o.run((tx) => taBillOf(tx, { claim: approvedClaim, office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' }, payLevel: null }));
    expect(bill?.approvedBy.name).toBe(clerkEn.name);
  });
});

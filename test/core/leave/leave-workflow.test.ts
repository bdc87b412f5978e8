// The leave table (core/leave/leave-workflow.ts), row by row, through applyForLeave, decideLeave,
// resubmitLeave, cancelLeave and curtailLeave on the in-memory store.
import { describe, expect, test } from 'vitest';
import { applyForLeave } from '../../../core/leave/apply-for-leave.ts';
import { cancelLeave, curtailLeave } from '../../../core/leave/cancel-leave.ts';
import { decideLeave, resubmitLeave } from '../../../core/leave/decide-leave.ts';
import { LEAVE_WORKFLOW, type LeaveAction } from '../../../core/leave/leave-workflow.ts';
import type { LeaveApplication, LeaveStatus } from '../../../core/leave/types.ts';
import type { Result } from '../../../core/errors.ts';
import type { Employee } from '../../../core/types.ts';
import { transition } from '../../../core/workflow.ts';
import { absenceOffice, policy } from './absence-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;
type Walk = RowWalk<Office, LeaveApplication>;

async function office(): Promise<Office> {
  const o = await absenceOffice('2026-11-25');
  await o.opening([{ code: 'SAH0020', type: 'CL', days: 16 }]);
  return o;
}

const apply = async (o: Office, startDate = '2026-12-10', endDate = '2026-12-11'): Promise<LeaveApplication> =>
  valueOf(await o.run((tx) => applyForLeave(tx, o.clock, {
    employee: o.staff.clerk, type: 'CL', startDate, endDate, halfDay: null, reason: 'पारिवारिक कार्य', chargeTo: null, policy,
  }))).leave;

const fresh = async (o: Office, leave: LeaveApplication): Promise<LeaveApplication> => {
  const found = await o.run((tx) => tx.leave.byNumber(leave.number));
  if (found === null) throw new Error(`${leave.number} is not stored`);
  return found;
};

/** Who takes each action when the test wants it to pass the rule. */
const act = (o: Office, action: LeaveAction, actor: Employee, leave: LeaveApplication): Promise<Result<unknown>> => o.run<Result<unknown>>((tx) => {
  switch (action) {
    case 'sanction': case 'refuse': case 'return':
      return decideLeave(tx, o.clock, { actor, leave, decision: action, remark: 'कारण / reason', policy });
    case 'resubmit': return resubmitLeave(tx, o.clock, { actor, leave, remark: 'स्पष्टीकरण', policy });
    case 'cancel': return cancelLeave(tx, o.clock, { actor, leave, reason: 'अब आवश्यक नहीं', policy });
    case 'curtail': return curtailLeave(tx, o.clock, { actor, leave, lastDay: '2026-12-02', policy });
    case 'apply': throw new Error('applying makes a new application');
  }
});

/** An application in each status, reached through the use cases. */
async function leaveIn(o: Office, status: LeaveStatus): Promise<LeaveApplication> {
  const { clerk, so } = o.staff;
  if (status === 'curtailed' || status === 'sanctioned') {
    // Mon 30 Nov – Fri 4 Dec: sanctioned now, started once today is 1 Dec.
    const leave = await apply(o, '2026-11-30', '2026-12-04');
    valueOf(await act(o, 'sanction', so, leave));
    if (status === 'sanctioned') return fresh(o, leave);
    o.setToday('2026-12-01');
    valueOf(await act(o, 'curtail', clerk, await fresh(o, leave)));
    return fresh(o, leave);
  }
  const leave = await apply(o);
  if (status === 'pending') return leave;
  if (status === 'cancelled') valueOf(await act(o, 'cancel', clerk, leave));
  else valueOf(await act(o, status === 'refused' ? 'refuse' : 'return', so, leave));
  return fresh(o, leave);
}

const stateAfter = async (o: Office, leave: LeaveApplication | null): Promise<string | undefined> =>
  (await o.run((tx) => tx.leave.byNumber(leave?.number ?? 'LV/2026/000001')))?.status;

const byHolder = (action: 'sanction' | 'refuse' | 'return'): Walk => ({
  start: (o) => apply(o),
  right: [(o) => o.staff.so],
  wrong: { actor: (o) => o.staff.clerkEn, code: 'LEAVE.NOT_IN_YOUR_HANDS' },
  act: (o, actor, leave) => act(o, action, actor!, leave!),
  stateAfter,
});

const byApplicant = (action: LeaveAction, from: LeaveStatus, before?: (o: Office) => void): Walk => ({
  start: async (o) => {
    const leave = await leaveIn(o, from);
    before?.(o);
    return leave;
  },
  right: [(o) => o.staff.clerk],
  wrong: { actor: (o) => o.staff.clerkEn, code: 'LEAVE.NOT_YOURS' },
  act: (o, actor, leave) => act(o, action, actor!, leave!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × apply': {
    start: async () => null,
    right: [(o) => o.staff.clerk],
    act: (o) => o.run((tx) => applyForLeave(tx, o.clock, {
      employee: o.staff.clerk, type: 'CL', startDate: '2026-12-10', endDate: '2026-12-11', halfDay: null, reason: 'x', chargeTo: null, policy,
    })),
    stateAfter,
  },
  'pending × sanction': byHolder('sanction'),
  'pending × refuse': byHolder('refuse'),
  'pending × return': byHolder('return'),
  'returned × resubmit': byApplicant('resubmit', 'returned'),
  'pending × cancel': byApplicant('cancel', 'pending'),
  'returned × cancel': byApplicant('cancel', 'returned'),
  // The sanctioning officer is not the applicant: cancelling is the applicant's.
  'sanctioned × cancel': { ...byApplicant('cancel', 'sanctioned'), wrong: { actor: (o) => o.staff.so, code: 'LEAVE.NOT_YOURS' } },
  'sanctioned × curtail': {
    start: async (o) => {
      const leave = await leaveIn(o, 'sanctioned');
      o.setToday('2026-12-01');
      return leave;
    },
    // The applicant rejoining early, or the sanctioning officer recalling them.
    right: [(o) => o.staff.clerk, (o) => o.staff.so],
    wrong: { actor: (o) => o.staff.clerkEn, code: 'LEAVE.NOT_ALLOWED' },
    act: (o, actor, leave) => act(o, 'curtail', actor!, leave!),
    stateAfter,
  },
};

const STATUSES: LeaveStatus[] = ['pending', 'sanctioned', 'refused', 'returned', 'cancelled', 'curtailed'];
const ACTIONS: LeaveAction[] = ['apply', 'sanction', 'refuse', 'return', 'resubmit', 'cancel', 'curtail'];

describe('the leave table', () => {
  test('has the rows of DESIGN: nine, each with its audit event', () => {
    expect(LEAVE_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(LEAVE_WORKFLOW.rows.map((r) => r.event)).toEqual([
      'leave.applied', 'leave.sanctioned', 'leave.refused', 'leave.returned', 'leave.resubmitted',
      'leave.cancelled', 'leave.cancelled', 'leave.cancelled', 'leave.curtailed',
    ]);
  });

  test.each(LEAVE_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], office);
  });

  test('a sanctioned leave is cancelled only before its first day, and curtailed only from it', async () => {
    const o = await office();
    const leave = await leaveIn(o, 'sanctioned');
    await refusedWith(o, () => act(o, 'curtail', o.staff.clerk, leave), 'LEAVE.NOT_STARTED');
    o.setToday('2026-11-30');
    await refusedWith(o, () => act(o, 'cancel', o.staff.clerk, leave), 'LEAVE.ALREADY_STARTED');
  });

  const notInTable = pairsNotInTable(LEAVE_WORKFLOW, STATUSES, ACTIONS);

  test.each(notInTable.filter((p) => p.action !== 'apply').map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: LEAVE.WRONG_STATUS through the use case, nothing written',
    async (_name, { state, action }) => {
      const o = await office();
      const leave = await leaveIn(o, state as LeaveStatus);
      // An actor the rule lets through, so that it is the state that refuses.
      const holder = Object.values(o.staff).find((e) => e.id === leave.holderId) ?? o.staff.clerk;
      const actor = ['sanction', 'refuse', 'return'].includes(action) ? holder : o.staff.clerk;
      await refusedWith(o, () => act(o, action, actor, leave), 'LEAVE.WRONG_STATUS');
    },
  );

  test('applying is only from nothing: any existing application is LEAVE.WRONG_STATUS for it', async () => {
    const o = await office();
    for (const status of STATUSES) {
      const leave = await leaveIn(await office(), status);
      const step = await o.run((tx) => transition(tx, LEAVE_WORKFLOW, 'apply', { actor: o.staff.clerk, leave, today: '2026-11-25' }));
      expect(step).toEqual({ ok: false, failure: { code: 'LEAVE.WRONG_STATUS', params: { number: leave.number, status } } });
    }
    expect(notInTable.filter((p) => p.action === 'apply').map((p) => p.state)).toEqual(STATUSES);
  });
});

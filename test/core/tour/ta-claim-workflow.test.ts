// The TA claim table (core/tour/ta-claim-workflow.ts), row by row, through submitTaClaim and
// decideTaClaim on the in-memory store.
import { describe, expect, test } from 'vitest';
import { applyForTour } from '../../../core/tour/apply-for-tour.ts';
import { decideTour } from '../../../core/tour/decide-tour.ts';
import { submitTaClaim } from '../../../core/tour/submit-ta-claim.ts';
import { decideTaClaim } from '../../../core/tour/decide-ta-claim.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { TA_CLAIM_WORKFLOW, type ClaimAction } from '../../../core/tour/ta-claim-workflow.ts';
import type { ClaimStatus, Journey, TaClaim, TourProgramme } from '../../../core/tour/types.ts';
import type { Result } from '../../../core/errors.ts';
import type { Employee } from '../../../core/types.ts';
import { absenceOffice } from '../leave/absence-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;
/** The approved tour, and its claim once there is one. */
interface Claimed { tour: TourProgramme; claim: TaClaim | null }
type TourOffice = Office & { tour: TourProgramme };
type Walk = RowWalk<TourOffice, Claimed>;

const journeys: Journey[] = [
  { date: '2026-12-01', from: 'Saharsa', to: 'Patna', mode: 'Bus', fare: 320 },
  { date: '2026-12-03', from: 'Patna', to: 'Saharsa', mode: 'Bus', fare: 320 },
];

/** Clerk's tour of 1–3 December, approved by the section officer; today the 4th, the tour over. */
async function office(): Promise<TourOffice> {
  const o = await absenceOffice('2026-11-25');
  const applied = valueOf(await o.run((tx) => applyForTour(tx, o.clock, {
    employee: o.staff.clerk, destinations: ['Patna'], startDate: '2026-12-01', endDate: '2026-12-03',
    purpose: 'राजस्व वसूली समीक्षा बैठक', travelMode: 'Bus', chargeTo: null, rules: DEFAULT_TOUR_RULES,
  })));
  const tour = valueOf(await o.run((tx) => decideTour(tx, o.clock, { actor: o.staff.so, tour: applied, decision: 'approve', remark: null })));
  o.setToday('2026-12-04');
  return { ...o, tour };
}

const submit = (o: Office, actor: Employee, tour: TourProgramme) =>
  o.run((tx) => submitTaClaim(tx, o.clock, { actor, tour, journeys, payLevel: 6, rules: DEFAULT_TOUR_RULES }));

const act = (o: Office, action: ClaimAction, actor: Employee, at: Claimed): Promise<Result<unknown>> => {
  if (action === 'submit') return submit(o, actor, at.tour);
  const claim = at.claim;
  if (claim === null) throw new Error('no claim to decide');
  return o.run((tx) => decideTaClaim(tx, o.clock, { actor, claim, decision: action, remark: 'कारण / reason' }));
};

/** The tour with a claim in each status (null: none yet), reached through the use cases. */
async function claimIn(o: TourOffice, status: ClaimStatus | 'none'): Promise<Claimed> {
  const { tour } = o;
  if (status === 'none') return { tour, claim: null };
  const { claim } = valueOf(await submit(o, o.staff.clerk, tour));
  if (status !== 'pending') valueOf(await act(o, status === 'approved' ? 'approve' : status === 'refused' ? 'refuse' : 'return', o.staff.so, { tour, claim }));
  return { tour, claim: await o.run((tx) => tx.taClaims.byTour(tour.id)) };
}

const stateAfter = async (o: Office, at: Claimed | null): Promise<string | undefined> =>
  at === null ? undefined : (await o.run((tx) => tx.taClaims.byTour(at.tour.id)))?.status;

const bySubmitting = (from: 'none' | 'returned'): Walk => ({
  start: (o) => claimIn(o, from),
  right: [(o) => o.staff.clerk],
  // The officer who approved the tour does not claim its TA.
  wrong: { actor: (o) => o.staff.so, code: 'TOUR.NOT_YOURS' },
  act: (o, actor, at) => act(o, 'submit', actor!, at!),
  stateAfter,
});

const byHolder = (action: 'approve' | 'refuse' | 'return'): Walk => ({
  start: (o) => claimIn(o, 'pending'),
  right: [(o) => o.staff.so],
  wrong: { actor: (o) => o.staff.clerk, code: 'TOUR.NOT_IN_YOUR_HANDS' },
  act: (o, actor, at) => act(o, action, actor!, at!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × submit': bySubmitting('none'),
  'returned × submit': bySubmitting('returned'),
  'pending × approve': byHolder('approve'),
  'pending × refuse': byHolder('refuse'),
  'pending × return': byHolder('return'),
};

const STATUSES: (ClaimStatus | 'none')[] = ['none', 'pending', 'approved', 'refused', 'returned'];
const ACTIONS: ClaimAction[] = ['submit', 'approve', 'refuse', 'return'];

describe('the TA claim table', () => {
  test('has five rows, each with its audit event', () => {
    expect(TA_CLAIM_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(TA_CLAIM_WORKFLOW.rows.map((r) => r.event)).toEqual(['ta.submitted', 'ta.resubmitted', 'ta.approved', 'ta.refused', 'ta.returned']);
  });

  test.each(TA_CLAIM_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], office);
  });

  test('submitting asks whose tour first, then the tour (approved, over), then the claim', async () => {
    const o = await office();
    const early = { ...o.tour, endDate: '2026-12-05' };
    await refusedWith(o, () => submit(o, o.staff.so, { ...early, status: 'pending' }), 'TOUR.NOT_YOURS');
    await refusedWith(o, () => submit(o, o.staff.clerk, { ...early, status: 'pending' }), 'TOUR.WRONG_STATUS');
    await refusedWith(o, () => submit(o, o.staff.clerk, early), 'TOUR.NOT_OVER');
  });

  // Deciding needs a claim (the use case takes one), so the pairs from "none" are only the decisions.
  const notInTable = pairsNotInTable(TA_CLAIM_WORKFLOW, STATUSES, ACTIONS);
  test('from none, only submitting is in the table', () => {
    expect(notInTable.filter((p) => p.state === 'none').map((p) => p.action)).toEqual(['approve', 'refuse', 'return']);
  });

  test.each(notInTable.filter((p) => p.state !== 'none').map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: the typed failure through the use case, nothing written',
    async (_name, { state, action }) => {
      const o = await office();
      const at = await claimIn(o, state);
      const holder = Object.values(o.staff).find((e) => e.id === at.claim?.holderId) ?? o.staff.clerk;
      const actor = action === 'submit' ? o.staff.clerk : holder;
      await refusedWith(o, () => act(o, action, actor, at), action === 'submit' ? 'TOUR.CLAIM_EXISTS' : 'TOUR.WRONG_STATUS');
    },
  );
});

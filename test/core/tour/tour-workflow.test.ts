// The tour table (core/tour/tour-workflow.ts), row by row, through applyForTour, decideTour,
// resubmitTour, cancelTour and addDiaryEntry on the in-memory store.
import { describe, expect, test } from 'vitest';
import { applyForTour } from '../../../core/tour/apply-for-tour.ts';
import { cancelTour, decideTour, resubmitTour } from '../../../core/tour/decide-tour.ts';
import { addDiaryEntry } from '../../../core/tour/add-diary-entry.ts';
import { DEFAULT_TOUR_RULES } from '../../../core/tour/ta-rates.ts';
import { TOUR_WORKFLOW, type TourAction } from '../../../core/tour/tour-workflow.ts';
import type { TourProgramme, TourStatus } from '../../../core/tour/types.ts';
import type { Result } from '../../../core/errors.ts';
import type { Employee } from '../../../core/types.ts';
import { transition } from '../../../core/workflow.ts';
import { absenceOffice } from '../leave/absence-office.ts';
import { pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

type Office = Awaited<ReturnType<typeof absenceOffice>>;
type Walk = RowWalk<Office, TourProgramme>;

const office = (): Promise<Office> => absenceOffice('2026-11-25');

const applyFor = (o: Office) => o.run((tx) => applyForTour(tx, o.clock, {
  employee: o.staff.clerk, destinations: ['Patna'], startDate: '2026-12-01', endDate: '2026-12-03',
  purpose: 'राजस्व वसूली समीक्षा बैठक', travelMode: 'Bus', chargeTo: null, rules: DEFAULT_TOUR_RULES,
}));

const fresh = async (o: Office, tour: TourProgramme): Promise<TourProgramme> => {
  const found = await o.run((tx) => tx.tours.byNumber(tour.number));
  if (found === null) throw new Error(`${tour.number} is not stored`);
  return found;
};

const act = (o: Office, action: TourAction, actor: Employee, tour: TourProgramme): Promise<Result<unknown>> => o.run<Result<unknown>>((tx) => {
  switch (action) {
    case 'approve': case 'refuse': case 'return':
      return decideTour(tx, o.clock, { actor, tour, decision: action, remark: 'कारण / reason' });
    case 'resubmit': return resubmitTour(tx, o.clock, { actor, tour, remark: 'संशोधित' });
    case 'cancel': return cancelTour(tx, o.clock, { actor, tour, reason: 'बैठक स्थगित' });
    case 'keep_diary': return addDiaryEntry(tx, o.clock, { actor, tour, date: '2026-12-01', text: 'प्रमंडलीय आयुक्त के साथ बैठक' });
    case 'apply': throw new Error('applying makes a new programme');
  }
});

/** A programme in each status, reached through the use cases. */
async function tourIn(o: Office, status: TourStatus): Promise<TourProgramme> {
  const tour = valueOf(await applyFor(o));
  if (status === 'pending') return tour;
  if (status === 'cancelled') valueOf(await act(o, 'cancel', o.staff.clerk, tour));
  else valueOf(await act(o, status === 'approved' ? 'approve' : status === 'refused' ? 'refuse' : 'return', o.staff.so, tour));
  return fresh(o, tour);
}

const stateAfter = async (o: Office, tour: TourProgramme | null): Promise<string | undefined> =>
  (await o.run((tx) => tx.tours.byNumber(tour?.number ?? 'TR/2026/000001')))?.status;

const byHolder = (action: 'approve' | 'refuse' | 'return'): Walk => ({
  start: (o) => tourIn(o, 'pending'),
  right: [(o) => o.staff.so],
  wrong: { actor: (o) => o.staff.clerkEn, code: 'TOUR.NOT_IN_YOUR_HANDS' },
  act: (o, actor, tour) => act(o, action, actor!, tour!),
  stateAfter,
});

const byApplicant = (action: TourAction, from: TourStatus, today?: string): Walk => ({
  start: async (o) => {
    const tour = await tourIn(o, from);
    if (today !== undefined) o.setToday(today);
    return tour;
  },
  right: [(o) => o.staff.clerk],
  // The sanctioning officer is not the one on tour.
  wrong: { actor: (o) => o.staff.so, code: 'TOUR.NOT_YOURS' },
  act: (o, actor, tour) => act(o, action, actor!, tour!),
  stateAfter,
});

const WALKS: Record<string, Walk> = {
  'none × apply': { start: async () => null, right: [(o) => o.staff.clerk], act: (o) => applyFor(o), stateAfter },
  'pending × approve': byHolder('approve'),
  'pending × refuse': byHolder('refuse'),
  'pending × return': byHolder('return'),
  'returned × resubmit': byApplicant('resubmit', 'returned'),
  'pending × cancel': byApplicant('cancel', 'pending'),
  'returned × cancel': byApplicant('cancel', 'returned'),
  'approved × cancel': byApplicant('cancel', 'approved'),
  'approved × keep_diary': byApplicant('keep_diary', 'approved', '2026-12-02'),
};

const STATUSES: TourStatus[] = ['pending', 'approved', 'refused', 'returned', 'cancelled'];
const ACTIONS: TourAction[] = ['apply', 'approve', 'refuse', 'return', 'resubmit', 'cancel', 'keep_diary'];

describe('the tour table', () => {
  test('has nine rows, each with its audit event', () => {
    expect(TOUR_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(TOUR_WORKFLOW.rows.map((r) => r.event)).toEqual([
      'tour.applied', 'tour.approved', 'tour.refused', 'tour.returned', 'tour.resubmitted',
      'tour.cancelled', 'tour.cancelled', 'tour.cancelled', 'tour.diary',
    ]);
  });

  test.each(TOUR_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], office);
  });

  test('an approved tour is cancelled only before its first day, and its diary opens on that day', async () => {
    const o = await office();
    const tour = await tourIn(o, 'approved');
    await refusedWith(o, () => act(o, 'keep_diary', o.staff.clerk, tour), 'TOUR.NOT_STARTED');
    o.setToday('2026-12-01');
    await refusedWith(o, () => act(o, 'cancel', o.staff.clerk, tour), 'TOUR.ALREADY_STARTED');
  });

  const notInTable = pairsNotInTable(TOUR_WORKFLOW, STATUSES, ACTIONS);

  test.each(notInTable.filter((p) => p.action !== 'apply').map((p) => [`${p.state} × ${p.action}`, p] as const))(
    '%s is not in the table: TOUR.WRONG_STATUS through the use case, nothing written',
    async (_name, { state, action }) => {
      const o = await office();
      const tour = await tourIn(o, state as TourStatus);
      const holder = Object.values(o.staff).find((e) => e.id === tour.holderId) ?? o.staff.clerk;
      const actor = ['approve', 'refuse', 'return'].includes(action) ? holder : o.staff.clerk;
      await refusedWith(o, () => act(o, action, actor, tour), 'TOUR.WRONG_STATUS');
    },
  );

  test('applying is only from nothing: any existing programme is TOUR.WRONG_STATUS for it', async () => {
    const o = await office();
    for (const status of STATUSES) {
      const tour = await tourIn(await office(), status);
      const step = await o.run((tx) => transition(tx, TOUR_WORKFLOW, 'apply', { actor: o.staff.clerk, tour, today: '2026-11-25' }));
      expect(step).toEqual({ ok: false, failure: { code: 'TOUR.WRONG_STATUS', params: { number: tour.number, status } } });
    }
  });
});

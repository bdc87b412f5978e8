// The circular table (core/messaging/circular-workflow.ts), row by row, through sendCircular,
// acknowledgeCircular and remindCircular on the in-memory store: a circular as each recipient holds it.
import { describe, expect, test } from 'vitest';
import { acknowledgeCircular } from '../../../core/messaging/acknowledge-circular.ts';
import { CIRCULAR_WORKFLOW, type CircularAction } from '../../../core/messaging/circular-workflow.ts';
import type { Circular } from '../../../core/messaging/circular-types.ts';
import { remindCircular } from '../../../core/messaging/remind-circulars.ts';
import { DEFAULT_CIRCULAR_POLICY, sendCircular } from '../../../core/messaging/send-circular.ts';
import { ok, type Result } from '../../../core/errors.ts';
import type { Notification } from '../../../core/outbox/notify.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee } from '../../../core/types.ts';
import { transition } from '../../../core/workflow.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { auditTypes, pairsNotInTable, refusedWith, rowKey, rowName, valueOf, walkRow, type RowWalk } from '../workflow-walk.ts';

/** The seeded office, everyone with a linked chat; the DDC sends circulars. */
async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const staff = await seedSmallOffice(store);
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  await run(async (tx) => {
    for (const e of Object.values(staff)) {
      const account = await tx.accounts.create({ channel: 'test', address: e.code, displayName: e.name });
      await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
    }
  });
  const send = (from: Employee) => run((tx) => sendCircular(tx, clock, {
    from, audience: { kind: 'all' }, text: 'समीक्षा बैठक कल 11 बजे', notice: false, ackBy: new Date(clock.now().getTime() + 3_600_000),
    pdfBlob: null, policy: DEFAULT_CIRCULAR_POLICY, office: 'SAH',
  }));
  /** The state of the employee's copy, as the table reads it. */
  const stateOf = async (circular: Circular, employee: Employee): Promise<string> => {
    const copy = await run((tx) => tx.circulars.recipient(circular.id, employee.id));
    return CIRCULAR_WORKFLOW.stateOf({ actor: employee, circular, copy });
  };
  const reminders = async (employee: Employee): Promise<number> => run(async (tx) =>
    (await tx.outbox.due(new Date('2100-01-01'), 1000)).filter((o) => o.employeeId === employee.id && (JSON.parse(o.payload) as Notification).kind === 'circular.reminder').length);
  return { store, clock, staff, run, send, stateOf, reminders };
}

type Office = Awaited<ReturnType<typeof office>>;
type Walk = RowWalk<Office, Circular>;

const acknowledge = (o: Office, employee: Employee, circular: Circular) => o.run((tx) => acknowledgeCircular(tx, o.clock, { employee, circular }));
const remind = async (o: Office, circular: Circular): Promise<Result<number | null>> =>
  ok(await o.run(async (tx) => remindCircular(tx, o.clock, (await tx.circulars.byId(circular.id)) ?? circular, o.clock.now())));
const sent = async (o: Office): Promise<Circular> => valueOf(await o.send(o.staff.ddc)).circular;

const WALKS: Record<string, Walk> = {
  'none × send': {
    start: async () => null,
    right: [(o) => o.staff.ddc, (o) => o.staff.collector],
    // A clerk's post is not among CIRCULAR_POSTS.
    wrong: { actor: (o) => o.staff.clerk, code: 'CIRCULAR.NOT_ALLOWED' },
    act: (o, actor) => o.send(actor!),
    // The state of a recipient's copy (the clerk is one of "all", whoever sent it).
    stateAfter: (o, _c, value) => o.stateOf((value as { circular: Circular }).circular, o.staff.clerk),
  },
  'awaiting × acknowledge': {
    start: (o) => sent(o),
    right: [(o) => o.staff.clerk],
    // The sender is not among the recipients.
    wrong: { actor: (o) => o.staff.ddc, code: 'CIRCULAR.NOT_A_RECIPIENT' },
    act: (o, actor, circular) => acknowledge(o, actor!, circular!),
    stateAfter: (o, circular) => o.stateOf(circular!, o.staff.clerk),
  },
  'awaiting × remind': {
    start: (o) => sent(o),
    right: [() => null],
    act: async (o, _actor, circular) => {
      o.clock.advance(2 * 3_600_000);
      const reminded = await remind(o, circular!);
      expect(await o.reminders(o.staff.clerk)).toBe(1);
      return reminded;
    },
    stateAfter: (o, circular) => o.stateOf(circular!, o.staff.clerk),
  },
};

describe('the circular table', () => {
  test('has three rows, each with its audit event', () => {
    expect(CIRCULAR_WORKFLOW.rows.map(rowKey)).toEqual(Object.keys(WALKS));
    expect(CIRCULAR_WORKFLOW.rows.map((r) => r.event)).toEqual(['circular.sent', 'circular.acknowledged', 'circular.reminded']);
  });

  test.each(CIRCULAR_WORKFLOW.rows.map((row) => [rowName(row), row] as const))('%s', async (_name, row) => {
    await walkRow(row, WALKS[rowKey(row)], office);
  });

  test('reminding is the office\'s own step (the scheduler), never a chat\'s', async () => {
    const o = await office();
    const circular = await sent(o);
    const copy = await o.run((tx) => tx.circulars.recipient(circular.id, o.staff.clerk.id));
    const step = await o.run((tx) => transition(tx, CIRCULAR_WORKFLOW, 'remind', { actor: o.staff.ddc, circular, copy }));
    expect(step).toEqual({ ok: false, failure: { code: 'ADMIN.NOT_ALLOWED', params: {} } });
  });

  const notInTable = pairsNotInTable(CIRCULAR_WORKFLOW, ['awaiting', 'acknowledged'], ['send', 'acknowledge', 'remind'] as CircularAction[]);

  test('an acknowledged copy has no step: acknowledging again is answered "already", not redone', async () => {
    expect(notInTable.map((p) => `${p.state} × ${p.action}`)).toEqual(['awaiting × send', 'acknowledged × send', 'acknowledged × acknowledge', 'acknowledged × remind']);
    const o = await office();
    const circular = await sent(o);
    const first = valueOf(await acknowledge(o, o.staff.clerk, circular));
    const before = await auditTypes(o);
    expect(valueOf(await acknowledge(o, o.staff.clerk, circular))).toEqual({ already: true, at: first.at });
    expect(await auditTypes(o)).toEqual(before);
    const copy = await o.run((tx) => tx.circulars.recipient(circular.id, o.staff.clerk.id));
    const again = await o.run((tx) => transition(tx, CIRCULAR_WORKFLOW, 'acknowledge', { actor: o.staff.clerk, circular, copy }));
    expect(again).toEqual({ ok: false, failure: { code: 'CIRCULAR.ALREADY_ACKNOWLEDGED', params: { number: circular.number } } });
  });

  test('an acknowledged copy is not reminded; the others are', async () => {
    const o = await office();
    const circular = await sent(o);
    valueOf(await acknowledge(o, o.staff.clerk, circular));
    o.clock.advance(2 * 3_600_000);
    valueOf(await remind(o, circular));
    expect(await o.reminders(o.staff.clerk)).toBe(0);
    expect(await o.reminders(o.staff.clerkEn)).toBe(1);
    const copy = await o.run((tx) => tx.circulars.recipient(circular.id, o.staff.clerk.id));
    const step = await o.run((tx) => transition(tx, CIRCULAR_WORKFLOW, 'remind', { actor: null, circular, copy }));
    expect(step).toEqual({ ok: false, failure: { code: 'CIRCULAR.ALREADY_ACKNOWLEDGED', params: { number: circular.number } } });
  });

  test('a copy cannot be sent again', async () => {
    const o = await office();
    const circular = await sent(o);
    const copy = await o.run((tx) => tx.circulars.recipient(circular.id, o.staff.clerk.id));
    const step = await o.run((tx) => transition(tx, CIRCULAR_WORKFLOW, 'send', { actor: o.staff.ddc, circular, copy, senderPosts: DEFAULT_CIRCULAR_POLICY.senderPosts }));
    expect(step).toEqual({ ok: false, failure: { code: 'CIRCULAR.NOT_ALLOWED', params: {} } });
    await refusedWith(o, () => acknowledge(o, o.staff.ddc, circular), 'CIRCULAR.NOT_A_RECIPIENT');
  });
});

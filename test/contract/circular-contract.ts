// What every Store must do for tx.circulars, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { UniqueViolation } from '../../core/errors.ts';
import type { Circular } from '../../core/messaging/circular-types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const T0 = new Date('2026-11-25T05:30:00.000Z');
const plus = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function circularData(n: number, patch: Partial<Omit<Circular, 'id'>> = {}): Omit<Circular, 'id'> {
  return {
    number: `SAH/C/2026/${String(n).padStart(4, '0')}`, senderId: 1, audience: '{"kind":"all"}', text: `परिपत्र ${n}`,
    pdfBlob: null, ackBy: plus(60 * 24), createdAt: plus(n), remindedAt: null, ...patch,
  };
}

export function describeCircularContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, circulars: ${name}`, () => {
    setUp();

    it('creates a circular and finds it by id and by number, with every field as written', async () => {
      const data = circularData(1, { pdfBlob: 'a'.repeat(64), audience: '{"kind":"sections","codes":["EST"],"notice":true}', text: 'कल 11 बजे बैठक\nसभाकक्ष में' });
      const created = await tx((t) => t.circulars.create(data));
      expect(created).toEqual({ ...data, id: created.id });
      expect(await tx((t) => t.circulars.byId(created.id))).toEqual(created);
      expect(await tx((t) => t.circulars.byNumber(data.number))).toEqual(created);
      expect(await tx((t) => t.circulars.byNumber('SAH/C/2026/9999'))).toBeNull();
      expect(await tx((t) => t.circulars.byId(created.id + 100))).toBeNull();
    });

    it('refuses a second circular with the same number', async () => {
      await tx((t) => t.circulars.create(circularData(1)));
      const error: unknown = await tx((t) => t.circulars.create(circularData(1, { text: 'again' }))).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UniqueViolation);
      expect((error as UniqueViolation).what).toBe('Circular.number');
    });

    it('updates remindedAt and pdfBlob, leaving fields not given alone', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      const updated = await tx((t) => t.circulars.update(c.id, { remindedAt: plus(5) }));
      expect(updated).toEqual({ ...c, remindedAt: plus(5) });
      expect(await tx((t) => t.circulars.update(c.id, { pdfBlob: 'b'.repeat(64) }))).toEqual({ ...c, remindedAt: plus(5), pdfBlob: 'b'.repeat(64) });
    });

    it('adds recipients in bulk once each, and lists them by employee id', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      const other = await tx((t) => t.circulars.create(circularData(2)));
      await tx((t) => t.circulars.addRecipients(c.id, [7, 3, 5, 3]));
      await tx((t) => t.circulars.addRecipients(c.id, [5, 9]));
      await tx((t) => t.circulars.addRecipients(other.id, [3]));
      const rows = await tx((t) => t.circulars.recipients(c.id));
      expect(rows.map((r) => r.employeeId)).toEqual([3, 5, 7, 9]);
      expect(rows[0]).toEqual({ circularId: c.id, employeeId: 3, deliveredAt: null, ackAt: null, remindedAt: null });
      expect(await tx((t) => t.circulars.recipient(c.id, 9))).toEqual({ circularId: c.id, employeeId: 9, deliveredAt: null, ackAt: null, remindedAt: null });
      expect(await tx((t) => t.circulars.recipient(c.id, 4))).toBeNull();
      await tx((t) => t.circulars.addRecipients(c.id, []));
      expect(await tx((t) => t.circulars.recipients(other.id))).toHaveLength(1);
    });

    it('writes a large audience (more rows than one SQLite statement can bind)', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      const ids = Array.from({ length: 12_000 }, (_, i) => i + 1);
      await tx((t) => t.circulars.addRecipients(c.id, ids));
      expect(await tx((t) => t.circulars.recipients(c.id))).toHaveLength(12_000);
    });

    it('marks a recipient row, and says false for someone who is not a recipient', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      await tx((t) => t.circulars.addRecipients(c.id, [3]));
      expect(await tx((t) => t.circulars.markRecipient(c.id, 3, { deliveredAt: plus(1) }))).toBe(true);
      expect(await tx((t) => t.circulars.markRecipient(c.id, 3, { ackAt: plus(2) }))).toBe(true);
      expect(await tx((t) => t.circulars.recipient(c.id, 3))).toEqual({ circularId: c.id, employeeId: 3, deliveredAt: plus(1), ackAt: plus(2), remindedAt: null });
      expect(await tx((t) => t.circulars.markRecipient(c.id, 4, { ackAt: plus(2) }))).toBe(false);
      expect(await tx((t) => t.circulars.recipient(c.id, 4))).toBeNull();
    });

    it('markFirst sets a timestamp only while it is empty', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      await tx((t) => t.circulars.addRecipients(c.id, [3]));
      expect(await tx((t) => t.circulars.markFirst(c.id, 3, 'ackAt', plus(1)))).toBe(true);
      expect(await tx((t) => t.circulars.markFirst(c.id, 3, 'ackAt', plus(2)))).toBe(false);
      expect(await tx((t) => t.circulars.markFirst(c.id, 3, 'deliveredAt', plus(3)))).toBe(true);
      expect(await tx((t) => t.circulars.markFirst(c.id, 3, 'remindedAt', plus(4)))).toBe(true);
      expect(await tx((t) => t.circulars.recipient(c.id, 3))).toEqual({ circularId: c.id, employeeId: 3, deliveredAt: plus(3), ackAt: plus(1), remindedAt: plus(4) });
      expect(await tx((t) => t.circulars.markFirst(c.id, 4, 'ackAt', plus(1)))).toBe(false);
    });

    it('claimReminder succeeds once per circular', async () => {
      const c = await tx((t) => t.circulars.create(circularData(1)));
      expect(await tx((t) => t.circulars.claimReminder(c.id, plus(10)))).toBe(true);
      expect(await tx((t) => t.circulars.claimReminder(c.id, plus(11)))).toBe(false);
      expect((await tx((t) => t.circulars.byId(c.id)))?.remindedAt).toEqual(plus(10));
      expect(await tx((t) => t.circulars.claimReminder(c.id + 100, plus(11)))).toBe(false);
    });

    it('lists a sender\'s circulars newest first, up to the limit', async () => {
      await tx((t) => t.circulars.create(circularData(1, { senderId: 1 })));
      await tx((t) => t.circulars.create(circularData(2, { senderId: 2 })));
      await tx((t) => t.circulars.create(circularData(3, { senderId: 1 })));
      await tx((t) => t.circulars.create(circularData(4, { senderId: 1, createdAt: plus(3) })));
      expect((await tx((t) => t.circulars.listBySender(1, 10))).map((c) => c.number)).toEqual(['SAH/C/2026/0004', 'SAH/C/2026/0003', 'SAH/C/2026/0001']);
      expect((await tx((t) => t.circulars.listBySender(1, 1))).map((c) => c.number)).toEqual(['SAH/C/2026/0004']);
      expect(await tx((t) => t.circulars.listBySender(3, 10))).toEqual([]);
    });

    it('lists what an employee has not acknowledged, newest first', async () => {
      const a = await tx((t) => t.circulars.create(circularData(1)));
      const b = await tx((t) => t.circulars.create(circularData(2)));
      const c = await tx((t) => t.circulars.create(circularData(3)));
      for (const x of [a, b, c]) await tx((t) => t.circulars.addRecipients(x.id, [5, 6]));
      await tx((t) => t.circulars.markFirst(b.id, 5, 'ackAt', plus(4)));
      expect((await tx((t) => t.circulars.unacknowledged(5, 10))).map((x) => x.number)).toEqual([c.number, a.number]);
      expect((await tx((t) => t.circulars.unacknowledged(5, 1))).map((x) => x.number)).toEqual([c.number]);
      expect(await tx((t) => t.circulars.unacknowledged(6, 10))).toHaveLength(3);
      expect(await tx((t) => t.circulars.unacknowledged(7, 10))).toEqual([]);
    });

    it('finds circulars due for a reminder: ack-by passed, not reminded, oldest ack-by first', async () => {
      await tx((t) => t.circulars.create(circularData(1, { ackBy: plus(30) })));
      await tx((t) => t.circulars.create(circularData(2, { ackBy: plus(10) })));
      await tx((t) => t.circulars.create(circularData(3, { ackBy: plus(20), remindedAt: plus(21) })));
      await tx((t) => t.circulars.create(circularData(4, { ackBy: null })));
      await tx((t) => t.circulars.create(circularData(5, { ackBy: plus(90) })));
      expect((await tx((t) => t.circulars.dueForReminder(plus(30), 10))).map((c) => c.number)).toEqual(['SAH/C/2026/0002', 'SAH/C/2026/0001']);
      expect((await tx((t) => t.circulars.dueForReminder(plus(30), 1))).map((c) => c.number)).toEqual(['SAH/C/2026/0002']);
      expect(await tx((t) => t.circulars.dueForReminder(plus(5), 10))).toEqual([]);
    });

    it('rolls back circulars and recipients with the transaction', async () => {
      await tx(async (t) => {
        const c = await t.circulars.create(circularData(1));
        await t.circulars.addRecipients(c.id, [3]);
        throw new Error('abort');
      }).catch(() => undefined);
      expect(await tx((t) => t.circulars.byNumber('SAH/C/2026/0001'))).toBeNull();
      expect(await tx((t) => t.circulars.unacknowledged(3, 10))).toEqual([]);
    });

    checkGaps();
  });
}

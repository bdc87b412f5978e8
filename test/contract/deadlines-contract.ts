// What every Store must do for tx.deadlines (statutory deadlines), run against each implementation
// like store-contract.ts: one per receipt, versioned writes, lists by receipt and file, and the
// escalation job's once-only claims on each event.
import { describe, expect } from 'vitest';
import { UniqueViolation } from '../../core/errors.ts';
import type { NewStatutoryDeadline } from '../../core/deadlines/statutory-types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const received = new Date('2026-12-07T05:30:00.000Z');
const row = (receiptId: number, over: Partial<NewStatutoryDeadline> = {}): NewStatutoryDeadline => ({
  receiptId, fileId: null, kind: 'rti', serious: false, receivedAt: received, statedDate: null, dueDate: '2027-01-06',
  dueBy: new Date('2027-01-06T18:30:00.000Z'), warnAt: new Date('2026-12-29T18:30:00.000Z'),
  evidence: '[{"source":"subject","text":"RTI","as":"word"}]', state: 'confirmed', decidedById: 4, decidedAt: received, corrected: false,
  warningRaisedAt: null, dueRaisedAt: null, closedAt: null, ...over,
});

export function describeDeadlineContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, statutory deadlines: ${name}`, () => {
    setUp();
    it('creates at version 0 and reads back by receipt exactly as written (dates, flags, null stated date)', async () => {
      const created = await tx((t) => t.deadlines.create(row(11, { serious: true, corrected: true, statedDate: '2027-01-20' })));
      expect(created).toMatchObject({ ...row(11, { serious: true, corrected: true, statedDate: '2027-01-20' }), version: 0 });
      expect(await tx((t) => t.deadlines.byReceipt(11))).toEqual(created);
      expect(await tx((t) => t.deadlines.byReceipt(12))).toBeNull();
    });

    it('refuses a second deadline for the same receipt', async () => {
      await tx((t) => t.deadlines.create(row(11)));
      await expect(tx((t) => t.deadlines.create(row(11, { kind: 'cwjc' })))).rejects.toBeInstanceOf(UniqueViolation);
    });

    it('updates only at the expected version, bumping it; a stale version changes nothing', async () => {
      const created = await tx((t) => t.deadlines.create(row(11)));
      const closedAt = new Date('2027-01-02T06:00:00.000Z');
      const updated = await tx((t) => t.deadlines.update(created.id, 0, { fileId: 3, state: 'closed', closedAt }));
      expect(updated).toMatchObject({ fileId: 3, state: 'closed', closedAt, kind: 'rti', dueDate: '2027-01-06', version: 1 });
      expect(await tx((t) => t.deadlines.update(created.id, 0, { state: 'dismissed' }))).toBeNull();
      expect(await tx((t) => t.deadlines.byReceipt(11))).toEqual(updated);
    });

    it('lists by receipts and by files, in any state; an empty list asks for nothing', async () => {
      const a = await tx((t) => t.deadlines.create(row(11, { fileId: 3 })));
      const b = await tx((t) => t.deadlines.create(row(12, { state: 'dismissed' })));
      await tx((t) => t.deadlines.create(row(13, { fileId: 4 })));
      expect((await tx((t) => t.deadlines.forReceipts([12, 11, 99]))).map((d) => d.id)).toEqual([a.id, b.id]);
      expect((await tx((t) => t.deadlines.forFiles([3]))).map((d) => d.receiptId)).toEqual([11]);
      expect(await tx((t) => t.deadlines.forReceipts([]))).toEqual([]);
      expect(await tx((t) => t.deadlines.forFiles([]))).toEqual([]);
    });

    it('lists the confirmed ones earliest due first', async () => {
      await tx((t) => t.deadlines.create(row(11, { dueBy: new Date('2027-02-01T00:00:00Z') })));
      await tx((t) => t.deadlines.create(row(12, { dueBy: new Date('2027-01-01T00:00:00Z') })));
      await tx((t) => t.deadlines.create(row(13, { state: 'dismissed', dueBy: new Date('2026-12-01T00:00:00Z') })));
      expect((await tx((t) => t.deadlines.confirmed())).map((d) => d.receiptId)).toEqual([12, 11]);
    });

    it('finds the deadlines with an event due now, and each event is claimed once', async () => {
      const warnOnly = await tx((t) => t.deadlines.create(row(11)));
      const overdue = await tx((t) => t.deadlines.create(row(12, { dueBy: new Date('2026-12-30T00:00:00Z'), warnAt: new Date('2026-12-20T00:00:00Z') })));
      await tx((t) => t.deadlines.create(row(13, { warnAt: new Date('2027-01-05T00:00:00Z') })));
      await tx((t) => t.deadlines.create(row(14, { state: 'closed', warnAt: new Date('2026-12-20T00:00:00Z') })));
      const now = new Date('2026-12-31T00:00:00Z');
      expect((await tx((t) => t.deadlines.withEventsDue(now, 10))).map((d) => d.receiptId)).toEqual([12, 11]);
      expect(await tx((t) => t.deadlines.markRaised(warnOnly.id, 'deadline.warning', now))).toBe(true);
      expect(await tx((t) => t.deadlines.markRaised(warnOnly.id, 'deadline.warning', now))).toBe(false);
      expect(await tx((t) => t.deadlines.markRaised(overdue.id, 'deadline.due', now))).toBe(true);
      expect(await tx((t) => t.deadlines.withEventsDue(now, 10))).toEqual([]);
      expect(await tx((t) => t.deadlines.byReceipt(11))).toMatchObject({ warningRaisedAt: now, dueRaisedAt: null, version: 1 });
      expect(await tx((t) => t.deadlines.markRaised(9999, 'deadline.due', now))).toBe(false);
    });

    it('rolls a claim back with its transaction', async () => {
      const d = await tx((t) => t.deadlines.create(row(11)));
      const now = new Date('2026-12-31T00:00:00Z');
      await expect(tx(async (t) => {
        await t.deadlines.markRaised(d.id, 'deadline.warning', now);
        throw new Error('crash before the notifications were queued');
      })).rejects.toThrow('crash');
      expect(await tx((t) => t.deadlines.markRaised(d.id, 'deadline.warning', now))).toBe(true);
    });
    checkGaps();
  });
}

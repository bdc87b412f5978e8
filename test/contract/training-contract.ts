// What every Store must do for tx.training, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import type { TrainingProgress } from '../../core/training/types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const T0 = new Date('2026-11-25T05:30:00.123Z');
const plus = (ms: number): Date => new Date(T0.getTime() + ms);

const progress = (employeeId: number, patch: Partial<TrainingProgress> = {}): TrainingProgress => ({
  employeeId, steps: [], startedAt: T0, completedAt: null, updatedAt: T0, ...patch,
});

export function describeTrainingContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, training: ${name}`, () => {
    setUp();

    it('starts empty', async () => {
      expect(await tx((t) => t.training.get(1))).toBeNull();
      expect(await tx((t) => t.training.list())).toEqual([]);
    });

    it('save then get gives back the same progress, steps in the order done and dates to the millisecond', async () => {
      const saved = progress(7, { steps: ['scan', 'note', 'move'], updatedAt: plus(90_000) });
      await tx((t) => t.training.save(saved));
      expect(await tx((t) => t.training.get(7))).toEqual(saved);
      expect(await tx((t) => t.training.get(8))).toBeNull();
    });

    it('save replaces the whole progress of the same employee (no second row)', async () => {
      await tx((t) => t.training.save(progress(3, { steps: ['scan'] })));
      const finished = progress(3, { steps: ['scan', 'note', 'move', 'leave', 'approve', 'sign'], completedAt: plus(3_600_000), updatedAt: plus(3_600_000) });
      await tx((t) => t.training.save(finished));
      expect(await tx((t) => t.training.get(3))).toEqual(finished);
      expect(await tx((t) => t.training.list())).toEqual([finished]);
      // And back: a completedAt can be cleared by a save (the store keeps what it is given).
      await tx((t) => t.training.save({ ...finished, completedAt: null }));
      expect((await tx((t) => t.training.get(3)))?.completedAt).toBeNull();
    });

    it('list gives everyone who has started, by employee id', async () => {
      await tx(async (t) => {
        await t.training.save(progress(12, { steps: ['note'] }));
        await t.training.save(progress(2));
        await t.training.save(progress(5, { completedAt: plus(1) }));
      });
      expect((await tx((t) => t.training.list())).map((p) => p.employeeId)).toEqual([2, 5, 12]);
      expect((await tx((t) => t.training.list()))[1]?.completedAt).toEqual(plus(1));
    });

    it('what get and list return is a copy: changing it changes nothing stored', async () => {
      await tx((t) => t.training.save(progress(4, { steps: ['scan'] })));
      const got = await tx((t) => t.training.get(4));
      got?.steps.push('note');
      const listed = await tx((t) => t.training.list());
      listed[0]?.steps.push('move');
      expect((await tx((t) => t.training.get(4)))?.steps).toEqual(['scan']);
    });

    it('a rolled-back transaction saves nothing', async () => {
      await expect(tx(async (t) => {
        await t.training.save(progress(9, { steps: ['scan'] }));
        expect(await t.training.get(9)).not.toBeNull();
        throw new Error('rolled back on purpose');
      })).rejects.toThrow('rolled back on purpose');
      expect(await tx((t) => t.training.get(9))).toBeNull();
      expect(await tx((t) => t.training.list())).toEqual([]);
    });

    checkGaps();
  });
}

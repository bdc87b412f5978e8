// What every Store must do for yellow notes (tx.drafts) and the "pulled back" movement (issue 20),
// run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import type { DraftNote } from '../../core/efile/draft-types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const at = new Date('2026-03-02T05:30:00.123Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const draft = (fileId: number, text: string, patch: Partial<Omit<DraftNote, 'id' | 'version'>> = {}): Omit<DraftNote, 'id' | 'version'> => ({
  fileId, authorId: 7, text, status: 'draft', noteNumber: null, createdAt: at, updatedAt: at, updatedById: null, ...patch,
});

export function describeDraftContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, draft notes and pull back: ${name}`, () => {
    setUp();
    it('starts empty', async () => {
      expect(await tx((t) => t.drafts.byId(1))).toBeNull();
      expect(await tx((t) => t.drafts.listByFile(1, ['draft', 'signing', 'confirmed', 'discarded']))).toEqual([]);
    });

    it('adds a draft at version 0 and reads it back exactly, Hindi text and milliseconds included', async () => {
      const added = await tx((t) => t.drafts.add(draft(3, 'प्रस्ताव स्वीकृति हेतु प्रस्तुत।\nSee C/1.')));
      expect(added).toEqual({ ...draft(3, 'प्रस्ताव स्वीकृति हेतु प्रस्तुत।\nSee C/1.'), id: expect.any(Number), version: 0 });
      expect(await tx((t) => t.drafts.byId(added.id))).toEqual(added);
    });

    it('updates only at the expected version, bumping it; a stale version or a missing draft changes nothing', async () => {
      const added = await tx((t) => t.drafts.add(draft(3, 'a')));
      const edited = await tx((t) => t.drafts.update(added.id, 0, { text: 'b', updatedAt: later(5), updatedById: 9 }));
      expect(edited).toEqual({ ...added, text: 'b', updatedAt: later(5), updatedById: 9, version: 1 });
      expect(await tx((t) => t.drafts.update(added.id, 0, { status: 'discarded' }))).toBeNull();
      const confirmed = await tx((t) => t.drafts.update(added.id, 1, { status: 'confirmed', noteNumber: 4 }));
      expect(confirmed).toMatchObject({ status: 'confirmed', noteNumber: 4, text: 'b', version: 2 });
      expect(await tx((t) => t.drafts.byId(added.id))).toEqual(confirmed);
      expect(await tx((t) => t.drafts.update(9999, 0, { text: 'x' }))).toBeNull();
    });

    it('lists a file\'s drafts of the given statuses, oldest first, then by id', async () => {
      const [a, b, c, d] = await tx(async (t) => [
        await t.drafts.add(draft(3, 'second', { createdAt: later(10) })),
        await t.drafts.add(draft(3, 'first', { createdAt: later(1) })),
        await t.drafts.add(draft(3, 'gone', { status: 'discarded' })),
        await t.drafts.add(draft(4, 'other file')),
      ]);
      const e = await tx((t) => t.drafts.add(draft(3, 'same time as second', { createdAt: later(10), status: 'signing' })));
      expect((await tx((t) => t.drafts.listByFile(3, ['draft', 'signing']))).map((x) => x.id)).toEqual([b!.id, a!.id, e.id]);
      expect((await tx((t) => t.drafts.listByFile(3, ['discarded']))).map((x) => x.id)).toEqual([c!.id]);
      expect((await tx((t) => t.drafts.listByFile(4, ['draft']))).map((x) => x.id)).toEqual([d!.id]);
      expect(await tx((t) => t.drafts.listByFile(3, []))).toEqual([]);
    });

    it('rolls a draft back with its transaction', async () => {
      await expect(tx(async (t) => {
        await t.drafts.add(draft(3, 'lost'));
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await tx((t) => t.drafts.listByFile(3, ['draft']))).toEqual([]);
    });

    it('keeps a "pulled back" movement like any other', async () => {
      const moved = await tx((t) => t.movements.add({ subjectType: 'file', subjectId: 1, fromId: 2, toId: 1, action: 'pulled_back', remark: null, at }));
      expect(await tx((t) => t.movements.listFor('file', 1))).toEqual([moved]);
      expect(moved.action).toBe('pulled_back');
    });

    checkGaps();
  });
}

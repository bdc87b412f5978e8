// What every Store must do for tx.letters, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { UniqueViolation } from '../../core/errors.ts';
import type { OutgoingLetter } from '../../core/signing/letter-types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const at = new Date('2026-03-02T05:30:00.000Z');
const draft = (fileId: number, subject: string): Omit<OutgoingLetter, 'id' | 'version'> => ({
  number: null, fileId, authorId: 7, addressee: 'The Secretary, Revenue and Land Reforms Dept, Patna', subject, body: 'उपर्युक्त विषय में प्रतिवेदन संलग्न है।\nLine two.',
  status: 'draft', createdAt: at, dispatchedAt: null, signerId: null, blob: null,
});

export function describeLetterContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, letters: ${name}`, () => {
    setUp();
    it('starts empty', async () => {
      expect(await tx((t) => t.letters.byId(1))).toBeNull();
      expect(await tx((t) => t.letters.byNumber('SAH/D/2026/000001'))).toBeNull();
      expect(await tx((t) => t.letters.listByFile(1))).toEqual([]);
    });

    it('creates a draft at version 0 and reads it back by id, exactly as written', async () => {
      const created = await tx((t) => t.letters.create(draft(3, 'भूमि अभिलेख')));
      expect(created).toMatchObject({ ...draft(3, 'भूमि अभिलेख'), version: 0 });
      expect(await tx((t) => t.letters.byId(created.id))).toEqual(created);
    });

    it('updates only at the expected version, bumping it; a stale version changes nothing', async () => {
      const created = await tx((t) => t.letters.create(draft(3, 'a')));
      const dispatchedAt = new Date('2026-03-02T06:00:00.000Z');
      const sent = await tx((t) => t.letters.update(created.id, 0, { number: 'SAH/D/2026/000001', status: 'dispatched', dispatchedAt, signerId: 7, blob: 'abc123' }));
      expect(sent).toMatchObject({ id: created.id, number: 'SAH/D/2026/000001', status: 'dispatched', dispatchedAt, signerId: 7, blob: 'abc123', subject: 'a', version: 1 });
      expect(await tx((t) => t.letters.update(created.id, 0, { status: 'cancelled' }))).toBeNull();
      expect(await tx((t) => t.letters.byId(created.id))).toEqual(sent);
      expect(await tx((t) => t.letters.byNumber('SAH/D/2026/000001'))).toEqual(sent);
      expect(await tx((t) => t.letters.update(9999, 0, { status: 'cancelled' }))).toBeNull();
    });

    it('edits the text of a draft and leaves what the patch does not name', async () => {
      const created = await tx((t) => t.letters.create(draft(3, 'old')));
      const edited = await tx((t) => t.letters.update(created.id, 0, { subject: 'new', addressee: 'DM, Supaul', body: 'b' }));
      expect(edited).toMatchObject({ subject: 'new', addressee: 'DM, Supaul', body: 'b', status: 'draft', number: null, version: 1 });
    });

    it('refuses a dispatch number already given to another letter', async () => {
      const [a, b] = await tx(async (t) => [await t.letters.create(draft(3, 'a')), await t.letters.create(draft(3, 'b'))]);
      await tx((t) => t.letters.update(a.id, 0, { number: 'SAH/D/2026/000001', status: 'dispatched' }));
      await expect(tx((t) => t.letters.update(b.id, 0, { number: 'SAH/D/2026/000001', status: 'dispatched' }))).rejects.toBeInstanceOf(UniqueViolation);
      await expect(tx((t) => t.letters.create({ ...draft(3, 'c'), number: 'SAH/D/2026/000001' }))).rejects.toBeInstanceOf(UniqueViolation);
      expect((await tx((t) => t.letters.byId(b.id)))?.number).toBeNull();
    });

    it('lists a file\'s letters oldest first, and no other file\'s', async () => {
      const ids = await tx(async (t) => [
        (await t.letters.create(draft(3, 'first'))).id, (await t.letters.create(draft(4, 'other file'))).id, (await t.letters.create(draft(3, 'second'))).id,
      ]);
      expect((await tx((t) => t.letters.listByFile(3))).map((l) => [l.id, l.subject])).toEqual([[ids[0], 'first'], [ids[2], 'second']]);
    });

    it('rolls a letter back with its transaction', async () => {
      await expect(tx(async (t) => {
        await t.letters.create(draft(5, 'lost'));
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      expect(await tx((t) => t.letters.listByFile(5))).toEqual([]);
    });
    checkGaps();
  });
}

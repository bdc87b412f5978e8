// What every Store must do for tx.letters, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

export function describeLetterContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, letters: ${name}`, () => {
    setUp();
    it('starts empty', async () => {
      expect(await tx(async (t) => typeof t.letters)).toBe('object');
    });
    checkGaps();
  });
}

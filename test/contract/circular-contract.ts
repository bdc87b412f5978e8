// What every Store must do for tx.circulars, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

export function describeCircularContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, circulars: ${name}`, () => {
    setUp();
    it('starts empty', async () => {
      expect(await tx(async (t) => typeof t.circulars)).toBe('object');
    });
    checkGaps();
  });
}

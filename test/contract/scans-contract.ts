// What every Store must do for tx.scanTexts, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

export function describeScanContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, scanTexts: ${name}`, () => {
    setUp();
    it('starts empty', async () => {
      expect(await tx(async (t) => typeof t.scanTexts)).toBe('object');
    });
    checkGaps();
  });
}

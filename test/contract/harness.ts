// What every storage contract file shares: a fresh store per test, a transaction helper, and tests
// listed as known gaps that run as expected failures (checked to name real tests).
import { afterEach, beforeEach, expect, it as vitestIt } from 'vitest';
import type { Tx } from '../../core/ports.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

export interface ContractHarness {
  /** `it`, but a test named in knownGaps is expected to fail. */
  it(title: string, test: () => Promise<void>): void;
  tx<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Call inside the contract's describe: fresh store before each test, cleaned up after. */
  setUp(): void;
  /** Call last inside the describe: a misspelt gap would otherwise hide nothing. */
  checkGaps(): void;
}

export function contractHarness(make: () => Promise<StoreUnderTest>, options: ContractOptions): ContractHarness {
  const gaps = new Set(options.knownGaps ?? []);
  const titles = new Set<string>();
  let subject: StoreUnderTest | null = null;
  return {
    it: (title, test) => {
      titles.add(title);
      (gaps.has(title) ? vitestIt.fails : vitestIt)(title, test);
    },
    tx: (work) => {
      if (subject === null) throw new Error('contract store used outside a test');
      return subject.store.transaction(work);
    },
    setUp: () => {
      beforeEach(async () => {
        subject = await make();
      });
      afterEach(async () => {
        await subject?.cleanup();
        subject = null;
      });
    },
    checkGaps: () => {
      vitestIt('knownGaps names only tests of this contract', () => {
        expect([...gaps].filter((title) => !titles.has(title))).toEqual([]);
      });
    },
  };
}

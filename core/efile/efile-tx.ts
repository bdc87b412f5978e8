import type { Tx } from '../ports.ts';

/** Kept as a name for the eFile use cases' transaction; every Tx has the eFile repositories. */
export type EfileTx = Tx;

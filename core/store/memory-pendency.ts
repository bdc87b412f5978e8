// Office-wide pendency reads of the in-memory store (same contract as the Prisma ones).
import type { PendencyRepo } from '../pendency/pendency-port.ts';
import type { MemoryState } from './memory-store.ts';

export function memoryPendencyRepo(_s: () => MemoryState): { pendency: PendencyRepo } {
  return { pendency: {} };
}

import type { Store } from '../ports.ts';
import { GENESIS_HASH, hashEvent } from './record-event.ts';

export type ChainProblem =
  | { kind: 'edited'; seq: number }
  | { kind: 'missing'; seq: number }
  | { kind: 'inserted'; seq: number }
  | { kind: 'truncated'; seq: number };

export type ChainReport = { ok: true; count: number } | { ok: false; count: number; problem: ChainProblem };

const PAGE = 1000;

/**
 * Walks the whole chain and names the first event that does not hold: its content no longer
 * matches its hash (edited), a sequence number is skipped (deleted), a row's link to its
 * predecessor is wrong (the predecessor was rewritten), rows stand past the recorded head (inserted),
 * or the chain ends before it (truncated).
 */
export async function verifyChain(store: Store): Promise<ChainReport> {
  return store.transaction(async (tx) => {
    const head = await tx.audit.head();
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    for (;;) {
      const page = await tx.audit.page(expectedSeq, PAGE);
      for (const event of page) {
        if (event.seq !== expectedSeq) return { ok: false, count, problem: { kind: 'missing', seq: expectedSeq } };
        const { hash, ...rest } = event;
        if (event.prevHash !== prevHash) {
          // This row still matches its own hash, so it is its predecessor that was rewritten
          // (content and hash together); otherwise this row itself was changed.
          const seq = hashEvent(rest) === hash ? event.seq - 1 : event.seq;
          return { ok: false, count, problem: { kind: 'edited', seq } };
        }
        if (hashEvent(rest) !== hash) return { ok: false, count, problem: { kind: 'edited', seq: event.seq } };
        prevHash = hash;
        expectedSeq += 1;
        count += 1;
      }
      if (page.length < PAGE) break;
    }
    const headSeq = head?.seq ?? 0;
    if (headSeq > count) return { ok: false, count, problem: { kind: 'truncated', seq: count + 1 } };
    if (headSeq < count) return { ok: false, count, problem: { kind: 'inserted', seq: headSeq + 1 } };
    if (head !== null && head.hash !== prevHash) return { ok: false, count, problem: { kind: 'edited', seq: headSeq } };
    return { ok: true, count };
  });
}

import type { Store, Tx } from '../ports.ts';
import type { AuditEvent } from '../types.ts';
import type { AuditAnchor } from './anchors.ts';
import { GENESIS_HASH, hashEvent } from './record-event.ts';

export type ChainProblem =
  | { kind: 'edited'; seq: number }
  | { kind: 'missing'; seq: number }
  | { kind: 'inserted'; seq: number }
  | { kind: 'truncated'; seq: number };

/** An anchor taken outside the database that the chain no longer agrees with. */
export type AnchorProblem =
  | { kind: 'anchor_beyond_end'; seq: number; at: string; count: number }
  | { kind: 'anchor_mismatch'; seq: number; at: string };

export type ChainReport = { ok: true; count: number } | { ok: false; count: number; problem: ChainProblem };

export interface ChainCheck {
  report: ChainReport;
  /** The first anchor the chain fails (lowest seq), or null when all hold. */
  anchorProblem: AnchorProblem | null;
  anchorsChecked: number;
  /** The newest event as walked (seq 0 and the genesis hash for an empty chain). */
  end: { seq: number; hash: string };
}

const PAGE = 1000;

/**
 * Walks the whole chain and names the first event that does not hold: its content no longer
 * matches its hash (edited), a sequence number is skipped (deleted), a row's link to its
 * predecessor is wrong (the predecessor was rewritten), rows stand past the recorded head (inserted),
 * or the chain ends before it (truncated).
 */
export async function verifyChain(store: Store): Promise<ChainReport> {
  return store.transaction(async (tx) => (await walkChain(tx)).report);
}

/**
 * The walk inside the caller's transaction, checking anchors on the way: the event at each anchored
 * seq must carry the anchored hash, and the chain must reach every anchored seq. `visit` sees every
 * event in order (the business-row check collects what the events say).
 */
export async function walkChain(tx: Tx, options: { anchors?: readonly AuditAnchor[]; visit?: (event: AuditEvent) => void } = {}): Promise<ChainCheck> {
  // An anchor of the empty chain (seq 0) holds for any chain; it counts as checked.
  const anchors = options.anchors ?? [];
  const anchoredAt = new Map<number, AuditAnchor[]>();
  for (const a of anchors) anchoredAt.set(a.seq, [...(anchoredAt.get(a.seq) ?? []), a]);
  let mismatch: AnchorProblem | null = null;
  const head = await tx.audit.head();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let report: ChainReport | null = null;
  walk: for (;;) {
    const page = await tx.audit.page(expectedSeq, PAGE);
    for (const event of page) {
      const problem = linkProblem(event, expectedSeq, prevHash);
      if (problem !== null) {
        report = { ok: false, count, problem };
        break walk;
      }
      const wrong = anchoredAt.get(event.seq)?.find((a) => a.hash !== event.hash);
      if (wrong !== undefined && mismatch === null) mismatch = { kind: 'anchor_mismatch', seq: event.seq, at: wrong.at };
      options.visit?.(event);
      prevHash = event.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < PAGE) break;
  }
  report ??= endProblem(head, count, prevHash);
  const beyond = anchors.filter((a) => a.seq > count).sort((a, b) => b.seq - a.seq)[0];
  const anchorProblem = mismatch ?? (beyond === undefined ? null : { kind: 'anchor_beyond_end' as const, seq: beyond.seq, at: beyond.at, count });
  return { report, anchorProblem, anchorsChecked: anchors.length, end: { seq: count, hash: prevHash } };
}

function linkProblem(event: AuditEvent, expectedSeq: number, prevHash: string): ChainProblem | null {
  if (event.seq !== expectedSeq) return { kind: 'missing', seq: expectedSeq };
  const { hash, ...rest } = event;
  if (event.prevHash !== prevHash) {
    // This row still matches its own hash, so it is its predecessor that was rewritten
    // (content and hash together); otherwise this row itself was changed.
    return { kind: 'edited', seq: hashEvent(rest) === hash ? event.seq - 1 : event.seq };
  }
  return hashEvent(rest) === hash ? null : { kind: 'edited', seq: event.seq };
}

function endProblem(head: { seq: number; hash: string } | null, count: number, lastHash: string): ChainReport {
  const headSeq = head?.seq ?? 0;
  if (headSeq > count) return { ok: false, count, problem: { kind: 'truncated', seq: count + 1 } };
  if (headSeq < count) return { ok: false, count, problem: { kind: 'inserted', seq: headSeq + 1 } };
  if (head !== null && head.hash !== lastHash) return { ok: false, count, problem: { kind: 'edited', seq: headSeq } };
  return { ok: true, count };
}

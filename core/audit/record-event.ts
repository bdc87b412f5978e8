// The audit trail is a hash chain: each event carries the hash of its predecessor and of its own
// canonical content, so an edited, inserted or deleted row breaks the chain at that point.
import { createHash } from 'node:crypto';
import type { Clock, Tx } from '../ports.ts';
import type { AuditEvent, AuditHead } from '../types.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  /** Employee code of who acted, or null for the system (imports, scheduler). */
  actor: string | null;
  /** What happened, namespaced: 'staff.created', 'account.linked', 'file.forwarded'… */
  type: string;
  subjectType?: string | null;
  subjectId?: string | number | null;
  /** Details. No OTPs, mobiles or dates of birth. */
  data?: Record<string, unknown>;
}

export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  const content = canonicalJson({
    seq: event.seq, at: event.at, actor: event.actor, type: event.type,
    subjectType: event.subjectType, subjectId: event.subjectId, data: event.data, prevHash: event.prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

// The chain's head as this transaction last wrote it. Every store hands each transaction a fresh Tx
// object, so a rolled-back transaction's cache goes with it; a second event in the same transaction
// then saves a read.
const heads = new WeakMap<Tx, AuditHead>();

/** Appends one event to the chain inside the caller's transaction. */
export async function recordEvent(tx: Tx, clock: Clock, input: AuditInput): Promise<AuditEvent> {
  const head = heads.get(tx) ?? (await tx.audit.head());
  const base: Omit<AuditEvent, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at: clock.now().toISOString(),
    actor: input.actor,
    type: input.type,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId === undefined || input.subjectId === null ? null : String(input.subjectId),
    data: canonicalJson(input.data ?? {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const event: AuditEvent = { ...base, hash: hashEvent(base) };
  await tx.audit.append(event);
  heads.set(tx, { seq: event.seq, hash: event.hash });
  return event;
}

// Has the recipient acted on what was sent to them? Pull back (pull-back.ts) is allowed only until
// then: a note, a move (forward, decision, park, close), a receipt put into the file, or a loose
// receipt put into a file or sent on. The first such act after the sender's forward, with who and when.
import type { Tx } from '../ports.ts';
import type { Movement } from './types.ts';

export type ActKind = 'noted' | Movement['action'];

export interface Act {
  act: ActKind;
  byId: number;
  at: Date;
}

/** The sender's latest forward of the file or receipt, the movement a pull back undoes; null: they never sent it. */
export async function lastSentBy(tx: Tx, subjectType: Movement['subjectType'], subjectId: number, senderId: number): Promise<Movement | null> {
  const moves = await tx.movements.listFor(subjectType, subjectId);
  return [...moves].reverse().find((m) => m.fromId === senderId && m.action === 'forwarded' && m.toId !== senderId) ?? null;
}

/** The first thing done to the file or receipt after `sent` (by anyone: it may have moved on twice). */
export async function firstActSince(tx: Tx, sent: Movement): Promise<Act | null> {
  const acts: Act[] = [];
  const moves = await tx.movements.listFor(sent.subjectType, sent.subjectId);
  // A pull back or a reopening is done by whoever the movement brings it to.
  for (const m of moves) if (m.id > sent.id) acts.push({ act: m.action, byId: m.action === 'pulled_back' || m.action === 'reopened' ? m.toId : m.fromId, at: m.at });
  if (sent.subjectType === 'file') {
    // Notes written with the forward itself (its remark) are the sender's, not the recipient's.
    for (const n of await tx.notes.listByFile(sent.subjectId)) {
      if (n.authorId !== sent.fromId && n.createdAt.getTime() >= sent.at.getTime()) acts.push({ act: 'noted', byId: n.authorId, at: n.createdAt });
    }
    for (const r of await tx.receipts.listByFile(sent.subjectId)) {
      for (const m of await tx.movements.listFor('receipt', r.id)) {
        if (m.action === 'attached' && m.at.getTime() >= sent.at.getTime() && m.fromId !== sent.fromId) acts.push({ act: 'attached', byId: m.fromId, at: m.at });
      }
    }
  }
  acts.sort((a, b) => a.at.getTime() - b.at.getTime());
  return acts[0] ?? null;
}

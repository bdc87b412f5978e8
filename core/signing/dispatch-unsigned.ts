// A letter dispatched by an officer whose post the policy does not ask to sign: numbered, laid out
// on the letterhead, stored and noted on its file in one transaction, without a signature.
import type { EFile } from '../efile/types.ts';
import { OfficeError, ok, type Result } from '../errors.ts';
import type { BlobStore, Clock, DocumentRenderer, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { checkDispatchable, dispatchLetter, takeDispatchNumber } from './dispatch-letter.ts';
import { letterDocumentOf } from './letter-document.ts';
import type { OutgoingLetter } from './letter-types.ts';
import type { SigningOffice } from './sign-types.ts';

export async function dispatchUnsigned(
  tx: Tx, deps: { clock: Clock; renderer: DocumentRenderer; blobs: BlobStore; office: SigningOffice },
  options: { actor: Employee; letter: OutgoingLetter; file: EFile },
): Promise<Result<{ number: string; note: number; pdf: Uint8Array }>> {
  const { actor, letter, file } = options;
  const refused = await checkDispatchable(tx, actor, letter, file);
  if (refused !== null) return refused;
  const number = await takeDispatchNumber(tx, deps.clock, deps.office.dispatchCode);
  const pdf = await deps.renderer.outgoingLetter(await letterDocumentOf(tx, { letter, file, number, sender: actor, at: deps.clock.now(), office: deps.office }));
  const blob = await deps.blobs.put(pdf);
  const done = await dispatchLetter(tx, deps.clock, { actor, letter, file, number, blob, signature: null });
  // The number was taken in this transaction: a refusal now rolls it back (and is said by the assistant).
  if (!done.ok) throw new OfficeError(done.failure);
  return ok({ number, note: done.value.note, pdf });
}

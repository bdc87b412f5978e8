// The end of every signature, whatever proved it: the decision is taken and its document rendered
// (the subject's row), the PDF is signed through the signing port, the signed copy is stored and
// filed, and signature.applied is audited — all in the caller's transaction, so a failure after the
// decision (a lost race, a dispatch refused) rolls the decision back with it. Kept apart from the
// OTP steps (sign-decision.ts) because how the signer proved consent is the provider's business: a
// provider answering later at a callback (eSign) re-finds the subject, compares the hash and ends
// here too, with its own SignatureProof and its own DocumentSigner in `deps`.
import { recordEvent } from '../audit/record-event.ts';
import { applicantOf, sendOrderToApplicant } from '../leave/order-to-applicant.ts';
import { ok, type Result } from '../errors.ts';
import type { Tx } from '../ports.ts';
import { istDateTime } from '../time.ts';
import type { Employee } from '../types.ts';
import type { SignatureProof, SignedDecision, SigningDeps, SignRequest } from './sign-types.ts';
import type { Found } from './subjects/index.ts';

export async function applySigned(
  tx: Tx, deps: SigningDeps,
  options: { signer: Employee; request: SignRequest; found: Found; proof: SignatureProof; channel: string },
): Promise<Result<SignedDecision>> {
  const { signer, request, found, proof, channel } = options;
  const documentHash = found.hash;
  const now = deps.clock.now();
  const applied = await found.apply({ name: signer.name, post: signer.post, code: signer.code, at: istDateTime(now), via: proof.via, documentHash });
  if (!applied.ok) return applied;
  const { pdf, what, subjectId } = applied.value;
  const signed = await deps.signer.sign(pdf, { name: signer.name, code: signer.code, post: signer.post, reason: what });
  const blob = await deps.blobs.put(signed);
  await tx.signedDocuments.add({ subjectType: request.subject, subjectId, blob, signerId: signer.id, documentHash, challengeId: proof.id, createdAt: now });
  const facts = await applied.value.finish({ blob, proof, documentHash, channel });
  // A signed leave order, tour approval order or TA bill goes to its applicant too.
  if (request.subject === 'leave' || request.subject === 'tour' || request.subject === 'ta') {
    const applicantId = await applicantOf(tx, request.subject, subjectId);
    if (applicantId !== null && applicantId !== signer.id) {
      await sendOrderToApplicant(tx, deps.clock, { kind: request.subject, number: subjectId, applicantId, blob, signed: true });
    }
  }
  await recordEvent(tx, deps.clock, {
    actor: signer.code, type: 'signature.applied', subjectType: request.subject, subjectId,
    data: { documentHash, challengeId: proof.id, channel, pdf: blob, ...applied.value.audit },
  });
  return ok({ ...facts, pdf: signed, blob, subjectId, documentHash });
}

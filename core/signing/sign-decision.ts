// Signing a decision with an OTP (eSign-style): the signer sees exactly what will be signed and its
// hash, consents, proves possession of the mobile or e-mail on the roll with a code bound to that
// hash, and only then is the decision taken and a signed document made.
//
//   describeSignature  what would be signed now, and the SHA-256 of its decision document
//   beginSignature     on consent: still the same document? then an OTP challenge bound to its hash
//                      (sent after commit by sendSigningCode)
//   completeSignature  the code: still the same document? right code? then the decision, the signed
//                      PDF, the stored copy and the audit, in the caller's transaction (apply-signed.ts)
//   cancelSignature    the challenge is cancelled; the decision stays pending
//
// What can be signed is the table in subjects/. The document is re-found and re-hashed at every
// step: if it changed since the signer saw it (a note added, the file moved, the leave cancelled),
// the signature is refused with SIGN.DOCUMENT_CHANGED and nothing is applied.
import { recordEvent } from '../audit/record-event.ts';
import { fail, ok, type Result } from '../errors.ts';
import { checkChallenge } from '../otp/check-challenge.ts';
import { issueChallenge, type IssuedChallenge } from '../otp/issue-challenge.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { applySigned } from './apply-signed.ts';
import type { SignedDecision, SigningDeps, SignPreview, SignRequest } from './sign-types.ts';
import { SIGNING_SUBJECTS, type Found } from './subjects/index.ts';

/** What the signer would sign now: the subject as it stands, or why they may not decide it. */
export async function describeSignature(
  tx: Tx, deps: SigningDeps, options: { signer: Employee; request: SignRequest },
): Promise<Result<{ hash: string; preview: SignPreview }>> {
  const found = await SIGNING_SUBJECTS[options.request.subject].find(tx, deps, options.signer, options.request);
  return found.ok ? ok({ hash: found.value.hash, preview: found.value.preview }) : found;
}

/** The subject as it stands, only if the signer may still decide it and it hashes to what they were shown. */
async function stillAsShown(tx: Tx, deps: SigningDeps, signer: Employee, request: SignRequest, hash: string): Promise<Found | null> {
  const found = await SIGNING_SUBJECTS[request.subject].find(tx, deps, signer, request);
  return found.ok && found.value.hash === hash ? found.value : null;
}

const changed = (request: SignRequest): Result<never> => fail('SIGN.DOCUMENT_CHANGED', { number: request.number });

/**
 * The signer consents to sign what they were shown (`hash`): an OTP challenge bound to it, from this
 * chat account. The code goes out after commit (sendSigningCode).
 */
export async function beginSignature(
  tx: Tx, deps: SigningDeps, options: { signer: Employee; accountId: number; request: SignRequest; hash: string },
): Promise<Result<IssuedChallenge>> {
  const { signer, request, hash } = options;
  if ((await stillAsShown(tx, deps, signer, request, hash)) === null) return changed(request);
  const issued = await issueChallenge(tx, deps.clock, {
    purpose: 'sign', employee: signer, accountId: options.accountId, kinds: deps.otpSender.kinds, policy: deps.otpPolicy,
    subjectHash: hash, subjectRef: request.number,
  });
  // While the officer reads and types the code, the signer gets ready (keys made ahead).
  if (issued.ok) deps.signer.warm?.();
  return issued;
}

/**
 * The code arrives. Refused, with the challenge cancelled and signature.refused audited, if the
 * document changed since consent; else the code is checked (wrong tries counted, a used code never
 * works again), and on the right one the decision is taken and signed. A failure is returned, not
 * thrown, so that what it records (tries, the refusal) is committed.
 */
export async function completeSignature(
  tx: Tx, deps: SigningDeps,
  options: { signer: Employee; accountId: number; channel: string; request: SignRequest; hash: string; code: string },
): Promise<Result<SignedDecision>> {
  const { signer, request, hash } = options;
  const challenge = await tx.otps.latestPendingForAccount(options.accountId, 'sign');
  if (challenge === null || challenge.employeeId !== signer.id || challenge.subjectHash !== hash || challenge.subjectRef !== request.number) {
    return fail('OTP.NO_PENDING');
  }
  const found = await stillAsShown(tx, deps, signer, request, hash);
  if (found === null) {
    await tx.otps.update(challenge.id, { status: 'cancelled' });
    await recordEvent(tx, deps.clock, {
      actor: signer.code, type: 'signature.refused', subjectType: request.subject, subjectId: request.number,
      data: { reason: 'document_changed', challengeId: challenge.id },
    });
    return changed(request);
  }
  const checked = await checkChallenge(tx, deps.clock, { challenge, code: options.code, policy: deps.otpPolicy, actor: signer.code });
  if (!checked.ok) return checked;
  return applySigned(tx, deps, {
    signer, request, found, channel: options.channel,
    proof: { method: 'otp', id: challenge.id, via: `signed via OTP to ${challenge.destination}` },
  });
}

/** The signer stops: the pending code of this chat account no longer works; nothing was decided. */
export async function cancelSignature(tx: Tx, options: { accountId: number }): Promise<Result<{ cancelled: boolean }>> {
  const challenge = await tx.otps.latestPendingForAccount(options.accountId, 'sign');
  if (challenge !== null) await tx.otps.update(challenge.id, { status: 'cancelled' });
  return ok({ cancelled: challenge !== null });
}

// One row of the signing table: how a subject is found as it stands, what its signer is shown and
// the hash of what they would sign, and how its decision is taken and its document rendered.
import type { VisibleSignature } from '../../efile/documents.ts';
import type { Result } from '../../errors.ts';
import type { Tx } from '../../ports.ts';
import type { Employee } from '../../types.ts';
import type { SignatureProof, SignedFacts, SigningDeps, SignPreview, SignRequest } from '../sign-types.ts';

/** The decision taken and its document rendered with the visible block, waiting for the signature. */
export interface Applied {
  /** The rendered PDF, not yet signed. */
  pdf: Uint8Array;
  /** The signature's reason: "Approval of tour TR/2026/000003". */
  what: string;
  /** Where the signed copy is filed (signedDocuments, audit). */
  subjectId: string;
  /** More for the signature.applied event. */
  audit?: Record<string, unknown>;
  /** Work that needs the stored signed copy (a letter keeps it), in the same transaction; what was done. */
  finish(signed: { blob: string; proof: SignatureProof; documentHash: string; channel: string }): Promise<SignedFacts>;
}

/** A subject as it stands, which the signer may decide now. */
export interface Found {
  /** SHA-256 of the decision document (decision-document.ts): what the OTP is bound to. */
  hash: string;
  preview: SignPreview;
  /** Takes the decision and renders the document; a failure is the decision's own refusal. */
  apply(visible: Omit<VisibleSignature, 'what'>): Promise<Result<Applied>>;
}

export interface SigningSubject {
  /** The subject as it stands, if the signer may take the decision now; else why not. */
  find(tx: Tx, deps: SigningDeps, signer: Employee, request: SignRequest): Promise<Result<Found>>;
}

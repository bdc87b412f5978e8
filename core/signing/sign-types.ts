// What the signing use cases (sign-decision.ts) take and give: the decision asked for, the ports and
// settings they run on, what the signer is shown before consenting, how the signer proved the
// signature is theirs, and what was done once it is given. Facts only; bots/ words them.
import type { Decision } from '../efile/types.ts';
import type { LeavePolicy } from '../leave/common.ts';
import type { Bilingual } from '../office/profile.ts';
import type { OtpPolicy } from '../otp/otp-policy.ts';
import type { BlobStore, Clock, DocumentRenderer, DocumentSigner, OtpSender } from '../ports.ts';
import type { Employee } from '../types.ts';

/** What can be signed: the subjects of the signing table (subjects/index.ts). */
export const SIGN_SUBJECTS = ['file', 'leave', 'tour', 'ta', 'letter'] as const;
export type SignSubject = (typeof SIGN_SUBJECTS)[number];

/** A decision to be signed, as the signer asked for it. */
export interface SignRequest {
  subject: SignSubject;
  /** The file number; LV/…, TR/…, TA/… for the others; letterRef(file, id) for a draft letter. */
  number: string;
  /** Files only: approve or return. Leave, tour, TA and letters are approvals. */
  decision: Decision;
  /** A file decision's text (else its default text); the remark of a tour or TA approval. */
  remark: string | null;
}

/** The outside world the signing use cases need, as ports. */
export interface SigningPorts {
  clock: Clock;
  renderer: DocumentRenderer;
  /** The signature provider: today the office CA, or a PFX/DSC the office holds (adapters/signing). */
  signer: DocumentSigner;
  blobs: BlobStore;
  otpSender: OtpSender;
}

/** The office as its signed documents print it. */
export interface SigningOffice {
  /** The letterhead: "Collectorate, Saharsa" / "समाहरणालय, सहरसा". */
  name: Bilingual;
  /** "Saharsa, Bihar" / "सहरसा, बिहार". */
  place: Bilingual;
  /** The office code of dispatch numbers ("SAH" in SAH/D/2026/000001). */
  dispatchCode: string;
}

export interface SigningDeps extends SigningPorts {
  otpPolicy: OtpPolicy;
  leavePolicy: LeavePolicy;
  office: SigningOffice;
}

/** What the signer is shown before consenting, with the hash of the document the OTP will be bound to. */
export type SignPreview =
  | { kind: 'file'; number: string; noteNumber: number; decision: Decision; text: string }
  /** Dates yyyy-mm-dd. */
  | { kind: 'leave'; number: string; applicant: Employee | null; type: string; from: string; to: string; days: number }
  | { kind: 'tour'; number: string; officer: Employee | null; destinations: string[]; from: string; to: string; purpose: string; mode: string | null }
  | { kind: 'ta'; number: string; tour: string; officer: Employee | null; fares: number; daDays: number; daRate: number; total: number }
  | { kind: 'letter'; file: string; letterId: number; addressee: string; subject: string; body: string };

/**
 * How the signer showed, when signing, that the signature is theirs and bound to the hash they were
 * shown. Today an OTP sent to the roll's mobile or e-mail; a provider that authenticates the signer
 * itself (eSign) brings its own method and transaction id.
 */
export interface SignatureProof {
  method: 'otp';
  /** The OTP challenge: signedDocuments.challengeId and the audit's challengeId. */
  id: string;
  /** On the visible signature block: "signed via OTP to ••••1234". */
  via: string;
}

/** What the decision did, once signed. */
export type SignedFacts =
  | { kind: 'file'; number: string; note: number; decision: Decision; to: Employee }
  | { kind: 'leave'; number: string; applicant: string }
  | { kind: 'tour'; number: string; officer: string }
  | { kind: 'ta'; number: string; officer: string; total: number }
  /** `number` is the dispatch number (पत्रांक) given with the signature. */
  | { kind: 'letter'; number: string; addressee: string; file: string; note: number };

export type SignedDecision = SignedFacts & {
  /** The signed PDF, as stored. */
  pdf: Uint8Array;
  /** Its blob (SHA-256). */
  blob: string;
  /** Where the signed copy is filed (signedDocuments, audit): the file, order, bill or dispatch number. */
  subjectId: string;
  documentHash: string;
};

// What an OTP signature is bound to: a canonical record of the decision as it stands. The hash is
// shown to the signer before consent and recomputed when the code arrives; if the file moved or
// was noted on meanwhile, the hash differs and the signature is refused.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Employee } from '../types.ts';
import type { Decision, EFile } from '../efile/types.ts';
import type { LeaveApplication } from '../leave/types.ts';
import type { TaClaim, TourProgramme } from '../tour/types.ts';
import type { OutgoingLetter } from './letter-types.ts';

export interface DecisionDocument {
  kind: 'file.decision';
  fileNumber: string;
  subject: string;
  /** The file's version when the decision was asked for. */
  fileVersion: number;
  /** The note the decision will be written as. */
  noteNumber: number;
  decision: Decision;
  text: string;
  signer: { code: string; name: string; post: string };
}

export function fileDecisionDocument(file: EFile, notesSoFar: number, decision: Decision, text: string, signer: Employee): DecisionDocument {
  return {
    kind: 'file.decision', fileNumber: file.fileNumber, subject: file.subject, fileVersion: file.version,
    noteNumber: notesSoFar + 1, decision, text, signer: { code: signer.code, name: signer.name, post: signer.post },
  };
}

/** A leave sanction as signed: the application as it stands, and who sanctions it. */
export interface LeaveSanctionDocument {
  kind: 'leave.sanction';
  number: string;
  version: number;
  employee: string;
  type: string;
  from: string;
  to: string;
  days: number;
  signer: { code: string; name: string; post: string };
}

export function leaveSanctionDocument(leave: LeaveApplication, applicant: Employee | null, signer: Employee): LeaveSanctionDocument {
  return {
    kind: 'leave.sanction', number: leave.number, version: leave.version, employee: applicant?.code ?? String(leave.employeeId),
    type: leave.type, from: leave.startDate, to: leave.endDate, days: leave.days,
    signer: { code: signer.code, name: signer.name, post: signer.post },
  };
}

/** A tour programme's approval as signed: the programme as it stands (version included). */
export interface TourApprovalDocument {
  kind: 'tour.approve';
  number: string;
  version: number;
  employee: string;
  destinations: string[];
  from: string;
  to: string;
  purpose: string;
  mode: string | null;
  signer: { code: string; name: string; post: string };
}

export function tourApprovalDocument(tour: TourProgramme, employee: Employee | null, signer: Employee): TourApprovalDocument {
  return {
    kind: 'tour.approve', number: tour.number, version: tour.version, employee: employee?.code ?? String(tour.employeeId),
    destinations: tour.destinations, from: tour.startDate, to: tour.endDate, purpose: tour.purpose, mode: tour.travelMode,
    signer: { code: signer.code, name: signer.name, post: signer.post },
  };
}

/** A TA claim's approval as signed: every journey and figure of the claim as it stands. */
export interface TaApprovalDocument {
  kind: 'ta.approve';
  number: string;
  version: number;
  tour: string;
  employee: string;
  journeys: TaClaim['journeys'];
  daDays: number;
  daRate: number;
  total: number;
  signer: { code: string; name: string; post: string };
}

export function taApprovalDocument(claim: TaClaim, tourNumber: string, employee: Employee | null, signer: Employee): TaApprovalDocument {
  return {
    kind: 'ta.approve', number: claim.number, version: claim.version, tour: tourNumber, employee: employee?.code ?? String(claim.employeeId),
    journeys: claim.journeys, daDays: claim.daDays, daRate: claim.daRate, total: claim.total,
    signer: { code: signer.code, name: signer.name, post: signer.post },
  };
}

/** An outgoing letter's dispatch as signed: the draft as it stands, on its file. */
export interface LetterDispatchDocument {
  kind: 'letter.dispatch';
  letter: number;
  version: number;
  fileNumber: string;
  addressee: string;
  subject: string;
  body: string;
  signer: { code: string; name: string; post: string };
}

export function letterDispatchDocument(letter: OutgoingLetter, fileNumber: string, signer: Employee): LetterDispatchDocument {
  return {
    kind: 'letter.dispatch', letter: letter.id, version: letter.version, fileNumber, addressee: letter.addressee, subject: letter.subject, body: letter.body,
    signer: { code: signer.code, name: signer.name, post: signer.post },
  };
}

export type SignedDocumentContent = DecisionDocument | LeaveSanctionDocument | TourApprovalDocument | TaApprovalDocument | LetterDispatchDocument;

export function documentHash(document: SignedDocumentContent): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

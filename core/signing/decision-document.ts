// What an OTP signature is bound to: a canonical record of the decision as it stands. The hash is
// shown to the signer before consent and recomputed when the code arrives; if the file moved or
// was noted on meanwhile, the hash differs and the signature is refused.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Employee } from '../types.ts';
import type { Decision, EFile } from '../efile/types.ts';
import type { LeaveApplication } from '../leave/types.ts';

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

export function documentHash(document: DecisionDocument | LeaveSanctionDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

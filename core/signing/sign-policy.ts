import { HEAD_OF_OFFICE } from '../office/profile.ts';
import type { Employee } from '../types.ts';

/**
 * Decisions that can require a signature (configuration: SIGN_DECISIONS; a name not listed here is
 * refused at start rather than silently left unsigned). Each has a row in the signing table
 * (subjects/index.ts): file approval and return (note sheet), leave sanction (order), tour
 * approval (tour approval order), TA claim approval (TA bill) and the dispatch of an outgoing letter.
 */
export const SIGNABLE = ['file.approve', 'file.return', 'leave.sanction', 'tour.approve', 'ta.approve', 'letter.dispatch'] as const;
export type Signable = (typeof SIGNABLE)[number];

export interface SignPolicy {
  /** Canonical post keys whose decisions are signed (configuration: SIGN_POSTS). */
  posts: string[];
  decisions: Signable[];
}

export const DEFAULT_SIGN_POLICY: SignPolicy = {
  posts: [HEAD_OF_OFFICE, 'DDC', 'ADM'],
  decisions: [...SIGNABLE],
};

export function requiresSignature(policy: SignPolicy, signer: Employee, decision: Signable): boolean {
  return policy.decisions.includes(decision) && signer.postKey !== null && policy.posts.includes(signer.postKey);
}

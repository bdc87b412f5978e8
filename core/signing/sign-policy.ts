import type { Employee } from '../types.ts';

/**
 * Decisions that can require a signature (configuration: SIGN_DECISIONS). Tour and TA approvals and
 * the dispatch of outgoing letters are not signable yet: they are left out so that configuring them
 * is refused at start rather than silently unsigned.
 */
export const SIGNABLE = ['file.approve', 'file.return', 'leave.sanction'] as const;
export type Signable = (typeof SIGNABLE)[number];

export interface SignPolicy {
  /** Canonical post keys whose decisions are signed (configuration: SIGN_POSTS). */
  posts: string[];
  decisions: Signable[];
}

export const DEFAULT_SIGN_POLICY: SignPolicy = {
  posts: ['COLLECTOR', 'DDC', 'ADM'],
  decisions: [...SIGNABLE],
};

export function requiresSignature(policy: SignPolicy, signer: Employee, decision: Signable): boolean {
  return policy.decisions.includes(decision) && signer.postKey !== null && policy.posts.includes(signer.postKey);
}

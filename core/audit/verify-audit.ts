// `audit verify` in one transaction: the chain, the anchors kept outside the database, and the
// business rows the events vouch for, all read from one consistent state of the office.
import type { Store } from '../ports.ts';
import type { AuditAnchor } from './anchors.ts';
import { walkChain, type ChainCheck } from './verify-chain.ts';
import { RecordCheck, type RecordProblem } from './verify-records.ts';

export interface AuditVerification {
  chain: ChainCheck;
  records: { files: number; problems: RecordProblem[] };
}

export async function verifyAudit(store: Store, options: { anchors: readonly AuditAnchor[] }): Promise<AuditVerification> {
  return store.transaction(async (tx) => {
    const records = new RecordCheck();
    const chain = await walkChain(tx, { anchors: options.anchors, visit: records.visit });
    return { chain, records: await records.check(tx) };
  });
}

import { verifyChain, type ChainProblem } from '../../core/audit/verify-chain.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { Config } from '../config.ts';

const PROBLEM: Record<ChainProblem['kind'], (seq: number) => string> = {
  edited: (seq) => `event #${seq} was edited (its content no longer matches the chain)`,
  missing: (seq) => `event #${seq} was deleted (the chain skips from #${seq - 1})`,
  inserted: (seq) => `event #${seq} was inserted after the recorded end of the chain`,
  truncated: (seq) => `events from #${seq} on were deleted (the chain ends before its recorded head)`,
};

/** `daftar audit verify`: exit 0 and the count when intact; exit 1 naming the first bad event. */
export async function runAuditVerify(config: Config, out: NodeJS.WritableStream): Promise<number> {
  const store = await openStore(config.database);
  try {
    const report = await verifyChain(store);
    if (report.ok) {
      out.write(`OK: ${report.count} audit events, hash chain intact\n`);
      return 0;
    }
    out.write(`TAMPERED: ${PROBLEM[report.problem.kind](report.problem.seq)}; ${report.count} events before it are intact\n`);
    return 1;
  } finally {
    await store.close();
  }
}

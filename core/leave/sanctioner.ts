// Who sanctions an absence: decided by the rules table and the reporting hierarchy, never by the
// channel. Shared by leave and tour.
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { SanctionRule } from './rules.ts';

/** The first active officer up the reporting chain (a vacant or inactive link is skipped). */
async function upTheChain(tx: Tx, applicant: Employee): Promise<Employee | null> {
  const seen = new Set<number>([applicant.id]);
  let next = applicant.reportingOfficerId;
  while (next !== null && !seen.has(next)) {
    seen.add(next);
    const officer = await tx.employees.byId(next);
    if (officer === null) return null;
    if (officer.active) return officer;
    next = officer.reportingOfficerId;
  }
  return null;
}

/** The active holder of a post other than the applicant; the lowest id when several hold it. */
async function holderOfPost(tx: Tx, postKey: string, applicant: Employee): Promise<Employee | null> {
  return (await tx.employees.withPost(postKey, { activeOnly: true })).find((e) => e.id !== applicant.id) ?? null;
}

/**
 * 'collector': the Collector. 'post:KEY': whoever holds the post, and when the applicant holds it
 * themself (or it is vacant), their reporting officer. 'reporting_officer': up the chain, and the
 * Collector when the chain ends. Null when nobody in the office can sanction (the Collector's own
 * leave is sanctioned outside the district).
 */
export async function resolveSanctioner(tx: Tx, rule: SanctionRule, applicant: Employee, collectorPostKey: string): Promise<Employee | null> {
  const collector = async (): Promise<Employee | null> => holderOfPost(tx, collectorPostKey, applicant);
  if (rule === 'collector') {
    return applicant.postKey === collectorPostKey ? null : collector();
  }
  if (rule.startsWith('post:')) {
    const holder = await holderOfPost(tx, rule.slice('post:'.length), applicant);
    if (holder !== null) return holder;
  }
  if (applicant.postKey === collectorPostKey) return null;
  return (await upTheChain(tx, applicant)) ?? collector();
}

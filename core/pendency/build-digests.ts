// The morning digest: for each employee, what waits in their hands (the overdue ones marked), and
// for a reporting officer, what of their direct reports' work is past the service level.
//
// Rules, so that they can be argued with:
// - An item is overdue when strictly older than its service level (see isOverdue).
// - Overdue items go to the holder's reporting officer — the nearest active one up the chain when
//   the direct one is inactive — as "pending with your team".
// - An employee who muted reminders gets no digest at all (neither own items nor team), but their
//   overdue items still reach their officer: muting silences the reminder, not the escalation.
// - Inactive employees get no digest. Nothing to say: no digest.
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { isOverdue, loadOfficePendency, type OfficePendency, type PendencyPolicy, type PendingItem } from './pending-for.ts';

export interface DigestItem extends PendingItem {
  overdue: boolean;
}

export interface TeamPendency {
  member: Employee;
  /** The member's overdue items, oldest first. */
  items: DigestItem[];
}

export interface Digest {
  employee: Employee;
  /** Everything in their hands, oldest first. */
  own: DigestItem[];
  /** Direct reports with overdue items, the most overdue first. */
  team: TeamPendency[];
}

/** The nearest active officer above the employee, or null (the top of the chain, or a loop). */
function activeOfficer(p: OfficePendency, employee: Employee): Employee | null {
  const seen = new Set<number>([employee.id]);
  let id = employee.reportingOfficerId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const officer = p.byId.get(id);
    if (officer === undefined) return null;
    if (officer.active) return officer;
    id = officer.reportingOfficerId;
  }
  return null;
}

/** The item with its overdue mark (a literal of one shape: a morning run marks a million). */
function marked1(i: PendingItem, overdue: boolean): DigestItem {
  return {
    kind: i.kind, number: i.number, subject: i.subject, holderId: i.holderId, since: i.since, age: i.age, parked: i.parked,
    returned: i.returned, fileSectionId: i.fileSectionId, applicantId: i.applicantId, overdue,
  };
}

/** Digests from an already-loaded office (the report and the job share one load). */
export function digestsFrom(p: OfficePendency, policy: Omit<PendencyPolicy, 'calendar'>): Digest[] {
  const own = new Map<number, DigestItem[]>();
  const team = new Map<number, TeamPendency[]>();
  for (const [holderId, items] of p.byHolder) {
    const holder = p.byId.get(holderId);
    if (holder === undefined) continue;
    const marked = items.map((i) => marked1(i, isOverdue(i, policy)));
    own.set(holderId, marked);
    const late = marked.filter((i) => i.overdue);
    const officer = late.length > 0 ? activeOfficer(p, holder) : null;
    if (officer !== null) {
      const members = team.get(officer.id);
      if (members === undefined) team.set(officer.id, [{ member: holder, items: late }]);
      else members.push({ member: holder, items: late });
    }
  }
  const digests: Digest[] = [];
  for (const employee of p.employees) {
    if (!employee.active || employee.remindersMuted) continue;
    const mine = own.get(employee.id) ?? [];
    const theirs = (team.get(employee.id) ?? []).sort((a, b) => (b.items[0]?.age ?? 0) - (a.items[0]?.age ?? 0) || a.member.code.localeCompare(b.member.code));
    if (mine.length === 0 && theirs.length === 0) continue;
    digests.push({ employee, own: mine, team: theirs });
  }
  return digests;
}

/** Today's digests for the whole office. */
export async function buildDigests(tx: Tx, today: string, policy: PendencyPolicy): Promise<Digest[]> {
  return digestsFrom(await loadOfficePendency(tx, today, policy.calendar), policy);
}

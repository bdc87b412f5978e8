// Charge arrangement: while an officer is away on sanctioned leave or an approved tour, whoever
// was named to hold charge acts for them, so bots/ can route their items there.
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { LEAVE_AWAY } from './common.ts';

export interface InCharge {
  /** Who holds charge. */
  employee: Employee;
  /** The absence that made them so. */
  on: { kind: 'leave' | 'tour'; number: string; until: string };
}

async function directCharge(tx: Tx, employeeId: number, date: string): Promise<{ chargeToId: number; on: InCharge['on'] } | null> {
  // The employee's own absences on the date (one indexed query), not everyone's who is away.
  const leave = (await tx.leave.overlapping(employeeId, date, date, LEAVE_AWAY)).find((l) => l.chargeToId !== null);
  if (leave?.chargeToId != null) return { chargeToId: leave.chargeToId, on: { kind: 'leave', number: leave.number, until: leave.endDate } };
  const tour = (await tx.tours.overlapping(employeeId, date, date, ['approved'])).find((t) => t.chargeToId !== null);
  if (tour?.chargeToId != null) return { chargeToId: tour.chargeToId, on: { kind: 'tour', number: tour.number, until: tour.endDate } };
  return null;
}

/**
 * Who acts for the employee on the date, or null when they are not away or named nobody. When the
 * one in charge is away too, their own in-charge is followed (a loop stops where it would repeat).
 */
export async function actingFor(tx: Tx, options: { employeeId: number; date: string }): Promise<InCharge | null> {
  const seen = new Set<number>([options.employeeId]);
  const first = await directCharge(tx, options.employeeId, options.date);
  if (first === null) return null;
  let found: InCharge | null = null;
  let next: number | null = first.chargeToId;
  while (next !== null && !seen.has(next)) {
    const employee = await tx.employees.byId(next);
    if (employee === null || !employee.active) break;
    found = { employee, on: first.on };
    seen.add(employee.id);
    next = (await directCharge(tx, employee.id, options.date))?.chargeToId ?? null;
  }
  return found;
}

/**
 * The link officer for an application: when the officer who is to decide it (`officerId`) is away
 * on sanctioned leave or an approved tour on `date` and named someone to hold charge, that one —
 * never the applicant, who cannot decide their own application (then it stays with the officer).
 */
export async function linkOfficer(tx: Tx, options: { officerId: number; applicantId: number; date: string }): Promise<InCharge | null> {
  const inCharge = await actingFor(tx, { employeeId: options.officerId, date: options.date });
  return inCharge === null || inCharge.employee.id === options.applicantId ? null : inCharge;
}

/**
 * Who the actor decides for, when not the holder: the holder of a pending application away today
 * whose charge the actor holds (the application was in the holder's hands before they left).
 */
export async function decidingFor(
  tx: Tx, options: { actor: Employee; holderId: number; applicantId: number; date: string },
): Promise<{ holder: Employee; on: InCharge['on'] } | null> {
  if (options.actor.id === options.holderId) return null;
  const link = await linkOfficer(tx, { officerId: options.holderId, applicantId: options.applicantId, date: options.date });
  if (link === null || link.employee.id !== options.actor.id) return null;
  const holder = await tx.employees.byId(options.holderId);
  return holder === null ? null : { holder, on: link.on };
}

// Who is away on a day: on sanctioned leave or an approved tour, with who holds their charge.
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { LEAVE_AWAY } from '../leave/common.ts';
import { leaveType, type LeaveRules } from '../leave/rules.ts';

export type Absence =
  | { employee: Employee; kind: 'leave'; number: string; type: string; typeEn: string; typeHi: string; from: string; until: string; halfDay: 'first' | 'second' | null; chargeTo: Employee | null }
  | { employee: Employee; kind: 'tour'; number: string; destinations: string[]; from: string; until: string; chargeTo: Employee | null };

/** Sorted by name. Station leave counts: the officer is away from headquarters. */
export async function whoIsOut(tx: Tx, options: { date: string; leaveRules: LeaveRules }): Promise<Absence[]> {
  const people = new Map<number, Employee | null>();
  const person = async (id: number | null): Promise<Employee | null> => {
    if (id === null) return null;
    if (!people.has(id)) people.set(id, await tx.employees.byId(id));
    return people.get(id) ?? null;
  };
  const out: Absence[] = [];
  for (const l of await tx.leave.covering(options.date, LEAVE_AWAY)) {
    const employee = await person(l.employeeId);
    if (employee === null) continue;
    const rule = leaveType(options.leaveRules, l.type);
    out.push({
      employee, kind: 'leave', number: l.number, type: l.type, typeEn: rule?.en ?? l.type, typeHi: rule?.hi ?? l.type,
      from: l.startDate, until: l.endDate, halfDay: l.halfDay, chargeTo: await person(l.chargeToId),
    });
  }
  for (const t of await tx.tours.covering(options.date, ['approved'])) {
    const employee = await person(t.employeeId);
    if (employee === null) continue;
    out.push({ employee, kind: 'tour', number: t.number, destinations: t.destinations, from: t.startDate, until: t.endDate, chargeTo: await person(t.chargeToId) });
  }
  return out.sort((a, b) => a.employee.name.localeCompare(b.employee.name) || a.number.localeCompare(b.number));
}

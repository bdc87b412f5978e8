// When an officer's absence with someone in charge is sanctioned (leave) or approved (tour), the
// applications waiting for that officer's decision are made known to the one in charge: while the
// officer is away they may decide them (the link officer, acting-for.ts `decidingFor`). Kinds of
// their own ("…waiting_in_charge"): said like the application itself, with its buttons, but the one
// in charge is not its holder, so they are not checked as "still with you" on delivery.
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import { claimParams, tourParams } from '../tour/common.ts';
import type { Employee } from '../types.ts';
import { leaveParams, type LeavePolicy } from './common.ts';
import { leaveType } from './rules.ts';

export async function handOverWaiting(
  tx: Tx, clock: Clock, options: { officer: Employee; inCharge: number; from: string; until: string; policy?: LeavePolicy },
): Promise<number> {
  const { officer, inCharge } = options;
  const onBehalfOf = `${officer.name} (${officer.post})`;
  const away = { onBehalfOf, awayFrom: options.from, awayUntil: options.until };
  let told = 0;
  for (const leave of await tx.leave.listByHolder(officer.id, ['pending'])) {
    if (leave.employeeId === inCharge) continue;
    const rule = options.policy === undefined ? null : leaveType(options.policy.rules, leave.type);
    await notify(tx, clock, {
      employeeId: inCharge,
      notification: { kind: 'leave.waiting_in_charge', params: { ...leaveParams(leave, rule, await tx.employees.byId(leave.employeeId)), ...away }, subject: { type: 'leave', id: leave.number } },
    });
    told += 1;
  }
  for (const tour of await tx.tours.listByHolder(officer.id, ['pending'])) {
    if (tour.employeeId === inCharge) continue;
    await notify(tx, clock, {
      employeeId: inCharge,
      notification: { kind: 'tour.waiting_in_charge', params: { ...tourParams(tour, await tx.employees.byId(tour.employeeId)), ...away }, subject: { type: 'tour', id: tour.number } },
    });
    told += 1;
  }
  for (const claim of await tx.taClaims.listByHolder(officer.id, ['pending'])) {
    const tour = await tx.tours.byId(claim.tourId);
    if (claim.employeeId === inCharge || tour === null) continue;
    await notify(tx, clock, {
      employeeId: inCharge,
      notification: { kind: 'ta.waiting_in_charge', params: { ...claimParams(claim, tour, await tx.employees.byId(claim.employeeId)), ...away }, subject: { type: 'ta', id: claim.number } },
    });
    told += 1;
  }
  return told;
}

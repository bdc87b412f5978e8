// A tour programme, approved in advance by the sanctioning officer (reporting officer by default,
// configurable in the tour rules). Numbered TR/<year>/<serial>.
import { addDays, isIsoDate, yearOf } from '../calendar/dates.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { LEAVE_BLOCKING, today } from '../leave/common.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { resolveSanctioner } from '../leave/sanctioner.ts';
import { linkOfficer } from '../leave/acting-for.ts';
import { TOUR_BLOCKING, tourCounter, tourNumber, tourParams } from './common.ts';
import type { TourRules } from './ta-rates.ts';
import { TOUR_WORKFLOW } from './tour-workflow.ts';
import type { TourProgramme } from './types.ts';

export interface ApplyForTourOptions {
  employee: Employee;
  destinations: string[];
  startDate: string;
  endDate: string;
  purpose: string;
  travelMode: string | null;
  chargeTo: Employee | null;
  rules: TourRules;
}

/** Checks the programme itself (no store): dates, places, purpose, charge. */
export function checkProgramme(options: Omit<ApplyForTourOptions, 'rules'> & { backDateDays: number }, todayIso: string): Result<{ destinations: string[]; purpose: string }> {
  const { startDate, endDate } = options;
  for (const date of [startDate, endDate]) if (!isIsoDate(date)) return fail('TOUR.BAD_DATE', { date });
  if (endDate < startDate) return fail('TOUR.END_BEFORE_START', { from: startDate, to: endDate });
  const earliest = addDays(todayIso, -options.backDateDays);
  if (startDate < earliest) return fail('TOUR.TOO_FAR_BACK', { from: startDate, earliest, days: options.backDateDays });
  const destinations = options.destinations.map((d) => d.trim()).filter((d) => d !== '');
  if (destinations.length === 0) return fail('TOUR.NO_DESTINATION');
  const purpose = options.purpose.trim();
  if (purpose === '') return fail('TOUR.NO_PURPOSE');
  const { chargeTo, employee } = options;
  if (chargeTo !== null && (chargeTo.id === employee.id || !chargeTo.active)) return fail('TOUR.BAD_CHARGE', { name: chargeTo.name, why: chargeTo.id === employee.id ? 'self' : 'inactive' });
  return ok({ destinations, purpose });
}

export async function applyForTour(tx: Tx, clock: Clock, options: ApplyForTourOptions): Promise<Result<TourProgramme>> {
  const { employee, startDate, endDate, rules } = options;
  const step = await transition(tx, TOUR_WORKFLOW, 'apply', { actor: employee, tour: null, today: today(clock) });
  if (!step.ok) return step;
  const checked = checkProgramme({ ...options, backDateDays: rules.backDateDays }, today(clock));
  if (!checked.ok) return checked;
  const leave = (await tx.leave.overlapping(employee.id, startDate, endDate, LEAVE_BLOCKING))[0];
  if (leave !== undefined) return fail('TOUR.OVERLAP', { number: leave.number, from: leave.startDate, to: leave.endDate, kind: 'leave' });
  const other = (await tx.tours.overlapping(employee.id, startDate, endDate, TOUR_BLOCKING))[0];
  if (other !== undefined) return fail('TOUR.OVERLAP', { number: other.number, from: other.startDate, to: other.endDate, kind: 'tour' });
  const sanctioner = await resolveSanctioner(tx, rules.sanctioner, employee, rules.collectorPostKey);
  if (sanctioner === null) return fail('TOUR.NO_SANCTIONER');
  // The sanctioning officer away on leave or tour: the programme goes to their link officer.
  const link = await linkOfficer(tx, { officerId: sanctioner.id, applicantId: employee.id, date: today(clock) });
  const decider = link?.employee ?? sanctioner;
  const now = clock.now();
  const year = yearOf(startDate);
  const number = tourNumber(year, await tx.counters.next(tourCounter(year)));
  const tour = await tx.tours.create({
    number, employeeId: employee.id, destinations: checked.value.destinations, startDate, endDate, purpose: checked.value.purpose,
    travelMode: options.travelMode?.trim() || null, chargeToId: options.chargeTo?.id ?? null, sanctionerId: decider.id,
    holderId: decider.id, status: step.value.to, remark: null, createdAt: now, decidedAt: null, movedAt: now,
  });
  await recordEvent(tx, clock, {
    actor: employee.code, type: step.value.event, subjectType: 'tour', subjectId: number,
    data: {
      destinations: tour.destinations, from: startDate, to: endDate, sanctioner: decider.code, chargeTo: options.chargeTo?.code ?? null,
      ...(link === null ? {} : { actingFor: sanctioner.code, charge: link.on.number }),
    },
  });
  await notify(tx, clock, {
    employeeId: decider.id,
    notification: {
      kind: step.value.event,
      params: { ...tourParams(tour, employee), chargeTo: options.chargeTo?.name ?? '', ...(link === null ? {} : { onBehalfOf: `${sanctioner.name} (${sanctioner.post})` }) },
      subject: { type: 'tour', id: number },
    },
  });
  if (link !== null) {
    await notify(tx, clock, {
      employeeId: sanctioner.id,
      notification: { kind: 'tour.routed_to_charge', params: { ...tourParams(tour, employee), inCharge: decider.name, inChargePost: decider.post }, subject: { type: 'tour', id: number } },
    });
  }
  return ok(tour);
}

// The TA claim after an approved tour: fares as claimed, daily allowance computed here from the
// tour's dates (every calendar day of the tour, both ends included) at the rate for the employee's
// pay level and the highest class among the places visited. It goes to whoever approved the tour.
import { calendarDaysBetween, isIsoDate } from '../calendar/dates.ts';
import { linkOfficer } from '../leave/acting-for.ts';
import { recordEvent } from '../audit/record-event.ts';
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { today } from '../leave/common.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { claimCounter, claimNumber, claimParams, tourChangedMeanwhile } from './common.ts';
import { TA_CLAIM_WORKFLOW } from './ta-claim-workflow.ts';
import { daRate, highestCityClass, type CityClass, type TourRules } from './ta-rates.ts';
import type { Journey, TaClaim, TourProgramme } from './types.ts';

export interface TaComputation {
  daDays: number;
  daRate: number;
  cityClass: CityClass;
  payLevel: number;
  fares: number;
  total: number;
}

const rupees = (n: number): number => Math.round(n * 100) / 100;

/** The allowance for a tour and its journeys, without writing; refuses what submitTaClaim refuses about journeys and rates. */
export function computeTa(tour: TourProgramme, journeys: Journey[], rules: TourRules, payLevel: number | null): Result<TaComputation> {
  if (journeys.length === 0) return fail('TOUR.BAD_JOURNEY', { number: tour.number, row: 0, why: 'none' });
  for (const [i, j] of journeys.entries()) {
    const row = i + 1;
    if (!isIsoDate(j.date) || j.date < tour.startDate || j.date > tour.endDate) return fail('TOUR.BAD_JOURNEY', { number: tour.number, row, why: 'date' });
    if (j.from.trim() === '' || j.to.trim() === '' || j.mode.trim() === '') return fail('TOUR.BAD_JOURNEY', { number: tour.number, row, why: 'place' });
    if (!Number.isFinite(j.fare) || j.fare < 0) return fail('TOUR.BAD_JOURNEY', { number: tour.number, row, why: 'fare' });
  }
  const level = payLevel ?? rules.defaultPayLevel;
  const cityClass = highestCityClass(rules, tour.destinations);
  const rate = daRate(rules, level, cityClass);
  if (rate === null) return fail('TOUR.NO_DA_RATE', { payLevel: level, cityClass });
  const daDays = calendarDaysBetween(tour.startDate, tour.endDate);
  const fares = rupees(journeys.reduce((sum, j) => sum + j.fare, 0));
  return ok({ daDays, daRate: rate, cityClass, payLevel: level, fares, total: rupees(fares + daDays * rate) });
}

/**
 * Once the tour's last day has come. A claim returned for correction is replaced by submitting
 * again; any other existing claim for the tour refuses a second one.
 */
export async function submitTaClaim(
  tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; journeys: Journey[]; payLevel: number | null; rules: TourRules },
): Promise<Result<{ claim: TaClaim; computed: TaComputation }>> {
  const { actor, tour } = options;
  const todayIso = today(clock);
  const existing = await tx.taClaims.byTour(tour.id);
  // Whose tour first, then the tour itself (approved, and over), then the claim's own state.
  const step = await transition(tx, TA_CLAIM_WORKFLOW, 'submit', { actor, claim: existing, tour }, () => {
    if (tour.status !== 'approved') return fail('TOUR.WRONG_STATUS', { number: tour.number, status: tour.status });
    if (todayIso < tour.endDate) return fail('TOUR.NOT_OVER', { number: tour.number, to: tour.endDate });
    return null;
  });
  if (!step.ok) return step;
  const computed = computeTa(tour, options.journeys, options.rules, options.payLevel);
  if (!computed.ok) return computed;
  const { daDays, daRate: rate, total } = computed.value;
  const journeys = options.journeys.map((j) => ({ ...j, from: j.from.trim(), to: j.to.trim(), mode: j.mode.trim() }));
  const now = clock.now();
  // The officer who approved the tour away on leave or tour: the claim goes to their link officer.
  const approver = existing?.sanctionerId ?? tour.sanctionerId;
  const link = await linkOfficer(tx, { officerId: approver, applicantId: actor.id, date: todayIso });
  const to = link?.employee.id ?? approver;
  let claim: TaClaim;
  if (existing === null) {
    const year = Number(todayIso.slice(0, 4));
    claim = await tx.taClaims.create({
      number: claimNumber(year, await tx.counters.next(claimCounter(year))), tourId: tour.id, employeeId: actor.id, journeys, daDays, daRate: rate, total,
      sanctionerId: to, holderId: to, status: step.value.to, remark: null, createdAt: now, decidedAt: null, movedAt: now,
    });
  } else {
    claim = (await tx.taClaims.update(existing.id, existing.version, {
      journeys, daDays, daRate: rate, total, status: step.value.to, holderId: to, remark: null, movedAt: now,
    })) ?? tourChangedMeanwhile(existing.number);
  }
  await recordEvent(tx, clock, {
    actor: actor.code, type: step.value.event, subjectType: 'ta', subjectId: claim.number,
    data: {
      tour: tour.number, daDays, daRate: rate, fares: computed.value.fares, total, payLevel: computed.value.payLevel, cityClass: computed.value.cityClass,
      ...(link === null ? {} : { to: link.employee.code, charge: link.on.number }),
    },
  });
  await notify(tx, clock, {
    employeeId: claim.holderId,
    notification: { kind: 'ta.submitted', params: { ...claimParams(claim, tour, actor), fares: computed.value.fares }, subject: { type: 'ta', id: claim.number } },
  });
  return ok({ claim, computed: computed.value });
}

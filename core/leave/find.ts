// Finding an application, programme or claim by the number someone typed: "LV/2026/000012",
// "lv/2026/12" and "LV 2026 12" are the same application.
import type { Tx } from '../ports.ts';
import type { TaClaim, TourProgramme } from '../tour/types.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { LeaveApplication } from './types.ts';

/** The office form of a typed number with the given prefix, or null when it is not one. */
export function normaliseNumber(prefix: 'LV' | 'TR' | 'TA', typed: string): string | null {
  const m = new RegExp(`^\\s*${prefix}\\s*[/\\s-]\\s*(\\d{4})\\s*[/\\s-]\\s*(\\d{1,6})\\s*$`, 'i').exec(typed);
  if (m === null) return null;
  return `${prefix}/${m[1]}/${(m[2] ?? '').padStart(6, '0')}`;
}

export async function findLeave(tx: Tx, typed: string): Promise<Result<LeaveApplication>> {
  const number = normaliseNumber('LV', typed);
  const leave = number === null ? null : await tx.leave.byNumber(number);
  return leave === null ? fail('LEAVE.NOT_FOUND', { number: number ?? typed.trim() }) : ok(leave);
}

export async function findTour(tx: Tx, typed: string): Promise<Result<TourProgramme>> {
  const number = normaliseNumber('TR', typed);
  const tour = number === null ? null : await tx.tours.byNumber(number);
  return tour === null ? fail('TOUR.NOT_FOUND', { number: number ?? typed.trim() }) : ok(tour);
}

export async function findTaClaim(tx: Tx, typed: string): Promise<Result<TaClaim>> {
  const number = normaliseNumber('TA', typed);
  const claim = number === null ? null : await tx.taClaims.byNumber(number);
  return claim === null ? fail('TOUR.CLAIM_NOT_FOUND', { number: number ?? typed.trim() }) : ok(claim);
}

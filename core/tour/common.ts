// What the tour use cases share: numbering series, which statuses count as away, and what a
// notification about a tour says.
import { OfficeError } from '../errors.ts';
import type { Employee } from '../types.ts';
import type { TaClaim, TourProgramme, TourStatus } from './types.ts';

/** Planned or approved: these block another absence over the same days. */
export const TOUR_BLOCKING: TourStatus[] = ['pending', 'returned', 'approved'];

export const tourCounter = (year: number): string => `tour:${year}`;
export const tourNumber = (year: number, serial: number): string => `TR/${year}/${String(serial).padStart(6, '0')}`;
export const claimCounter = (year: number): string => `ta:${year}`;
export const claimNumber = (year: number, serial: number): string => `TA/${year}/${String(serial).padStart(6, '0')}`;

export function tourParams(tour: TourProgramme, employee: Employee | null): Record<string, string | number> {
  return {
    number: tour.number, destinations: tour.destinations.join(', '), from: tour.startDate, to: tour.endDate,
    purpose: tour.purpose.slice(0, 500), mode: tour.travelMode ?? '', employee: employee?.name ?? '', employeePost: employee?.post ?? '',
  };
}

export function claimParams(claim: TaClaim, tour: TourProgramme, employee: Employee | null): Record<string, string | number> {
  return { number: claim.number, tour: tour.number, daDays: claim.daDays, daRate: claim.daRate, total: claim.total, employee: employee?.name ?? '', employeePost: employee?.post ?? '' };
}

/** A versioned write that found a newer version: someone acted first. Throws to roll back. */
export function tourChangedMeanwhile(number: string): never {
  throw new OfficeError({ code: 'TOUR.CHANGED_MEANWHILE', params: { number } });
}

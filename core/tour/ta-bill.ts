// The TA bill (यात्रा भत्ता विपत्र) of an approved claim, as data for the renderer. Every figure
// comes from the claim as approved; the renderer adds nothing up.
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { OrderParty, TaBill } from '../leave/documents.ts';
import { amountInWords } from './amount-in-words.ts';
import type { TaClaim } from './types.ts';

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const rupees = (n: number): number => Math.round(n * 100) / 100;

async function party(tx: Tx, e: Employee): Promise<OrderParty> {
  const section = await tx.sections.byId(e.sectionId);
  return { name: e.name, post: e.post, code: e.code, section: section?.name ?? '' };
}

/** Null unless the claim is approved. `payLevel` is the one the claim was made at (the roll has none). */
export async function taBillOf(tx: Tx, options: { claim: TaClaim; office: TaBill['office']; payLevel: number | null }): Promise<TaBill | null> {
  const { claim } = options;
  if (claim.status !== 'approved' || claim.decidedAt === null) return null;
  // Approved by its holder: the officer named on it, or their link officer deciding in their absence.
  const [tour, employee, approver] = await Promise.all([tx.tours.byId(claim.tourId), tx.employees.byId(claim.employeeId), tx.employees.byId(claim.holderId)]);
  if (tour === null || employee === null || approver === null) throw new Error(`TA claim ${claim.number} names a tour or employee that is not stored`);
  const fares = rupees(claim.journeys.reduce((sum, j) => sum + j.fare, 0));
  return {
    office: options.office,
    number: claim.number,
    date: ddmmyyyy(istDate(claim.decidedAt)),
    employee: { ...(await party(tx, employee)), payLevel: options.payLevel },
    tour: { number: tour.number, purpose: tour.purpose, destinations: tour.destinations, from: ddmmyyyy(tour.startDate), to: ddmmyyyy(tour.endDate) },
    journeys: claim.journeys.map((j) => ({ date: ddmmyyyy(j.date), from: j.from, to: j.to, mode: j.mode, fare: j.fare })),
    daDays: claim.daDays,
    daRate: claim.daRate,
    daAmount: rupees(claim.daDays * claim.daRate),
    fares,
    total: claim.total,
    totalInWords: amountInWords(claim.total),
    approvedBy: await party(tx, approver),
  };
}

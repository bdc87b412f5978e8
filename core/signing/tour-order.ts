// The tour approval order (भ्रमण स्वीकृति आदेश) of an approved tour programme, as data for the renderer.
import type { Bilingual } from '../office/profile.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { TourProgramme } from '../tour/types.ts';
import type { Employee } from '../types.ts';
import type { TourOrder } from './documents.ts';
import { ddmmyyyy, districtOf, orderParty } from './order-party.ts';

/**
 * Null unless the programme is approved; dated the day of its approval, signed for by whoever
 * approved it (`decidedBy`: the sanctioning officer, or the link officer holding their charge),
 * the sanctioning officer when not given.
 */
export async function tourOrderOf(
  tx: Tx, options: { tour: TourProgramme; office: { name: Bilingual; place: Bilingual }; decidedBy?: Employee },
): Promise<TourOrder | null> {
  const { tour, office } = options;
  if (tour.status !== 'approved' || tour.decidedAt === null) return null;
  const [officer, approver, charge] = await Promise.all([
    tx.employees.byId(tour.employeeId), tx.employees.byId(tour.sanctionerId), tour.chargeToId === null ? null : tx.employees.byId(tour.chargeToId),
  ]);
  if (officer === null || approver === null) throw new Error(`tour ${tour.number} names an employee who is not stored`);
  return {
    office: office.name,
    number: tour.number,
    date: ddmmyyyy(istDate(tour.decidedAt)),
    officer: await orderParty(tx, officer),
    destinations: tour.destinations,
    from: ddmmyyyy(tour.startDate),
    to: ddmmyyyy(tour.endDate),
    purpose: tour.purpose,
    mode: tour.travelMode,
    chargeTo: charge === null ? null : await orderParty(tx, charge),
    approvedBy: await orderParty(tx, options.decidedBy ?? approver),
    copyTo: [
      `${officer.name}, ${officer.post}`,
      'स्थापना शाखा / Establishment Section',
      `कोषागार पदाधिकारी, ${districtOf(office.place.hi)} / Treasury Officer, ${districtOf(office.place.en)}`,
    ],
  };
}

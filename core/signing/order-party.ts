// How an order or letter names a person: name, post, employee code and section.
import type { OrderParty } from '../leave/documents.ts';
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';

export async function orderParty(tx: Tx, e: Employee): Promise<OrderParty> {
  const section = await tx.sections.byId(e.sectionId);
  return { name: e.name, post: e.post, code: e.code, section: section?.name ?? '' };
}

/** yyyy-mm-dd → dd-mm-yyyy, as the office's documents print dates. */
export const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The district as the first part of the office's place ("Saharsa, Bihar" → "Saharsa"). */
export const districtOf = (place: string): string => place.split(',')[0]?.trim() ?? place;

// The outgoing letter (पत्र) as the renderer lays it out: on the office's letterhead, numbered at
// dispatch and dated that day. A draft waiting for a signed dispatch is named by letterRef.
import type { EFile } from '../efile/types.ts';
import type { Bilingual } from '../office/profile.ts';
import type { Tx } from '../ports.ts';
import { istDate } from '../time.ts';
import type { Employee } from '../types.ts';
import type { LetterDocument } from './documents.ts';
import type { OutgoingLetter } from './letter-types.ts';
import { ddmmyyyy, orderParty } from './order-party.ts';

export async function letterDocumentOf(
  tx: Tx, options: { letter: OutgoingLetter; file: EFile; number: string; sender: Employee; at: Date; office: { name: Bilingual; place: Bilingual } },
): Promise<LetterDocument> {
  const { letter, office } = options;
  return {
    office: { ...office.name, district: office.place },
    number: options.number,
    date: ddmmyyyy(istDate(options.at)),
    fileNumber: options.file.fileNumber,
    addressee: letter.addressee,
    subject: letter.subject,
    body: letter.body,
    from: await orderParty(tx, options.sender),
  };
}

/** A draft letter's number while it waits for a signed dispatch: "<file number>#<letter id>" (it has no dispatch number yet). */
export const letterRef = (fileNumber: string, letterId: number): string => `${fileNumber}#${letterId}`;

export function parseLetterRef(ref: string): { file: string; id: number } {
  const at = ref.lastIndexOf('#');
  return { file: ref.slice(0, at), id: Number(ref.slice(at + 1)) };
}

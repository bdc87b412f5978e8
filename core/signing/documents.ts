// Documents that signed decisions produce, as plain data for the renderer (adapters/pdf): the tour
// approval order (built by tour-order.ts) and the outgoing letter (letter-document.ts). Plain data
// so the renderer may run in another thread.
import type { VisibleSignature } from '../efile/documents.ts';
import type { OrderParty } from '../leave/documents.ts';

/** भ्रमण स्वीकृति आदेश: an approved tour programme. */
export interface TourOrder {
  office: { en: string; hi: string };
  /** The programme's number, e.g. "TR/2026/000003". */
  number: string;
  /** dd-mm-yyyy */
  date: string;
  officer: OrderParty;
  destinations: string[];
  /** dd-mm-yyyy */
  from: string;
  to: string;
  purpose: string;
  mode: string | null;
  chargeTo: OrderParty | null;
  approvedBy: OrderParty;
  copyTo: string[];
  signature?: VisibleSignature;
}

/** पत्र: an outgoing letter on the collectorate's letterhead, numbered at dispatch. */
export interface LetterDocument {
  office: { en: string; hi: string; district: { en: string; hi: string } };
  /** पत्रांक, e.g. "SAH/D/2026/000001". */
  number: string;
  /** dd-mm-yyyy */
  date: string;
  fileNumber: string;
  addressee: string;
  subject: string;
  body: string;
  from: OrderParty;
  /** Absent on a letter dispatched unsigned (the policy does not ask its sender's post to sign). */
  signature?: VisibleSignature;
}

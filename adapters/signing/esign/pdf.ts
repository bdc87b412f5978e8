// The PDF side of eSign. `prepareForEsign` adds the signature field (placeholder.ts, as for the
// office CA) and fixes its /ByteRange with an empty /Contents, so the bytes that will be signed are
// final: their SHA-256 is the InputHash sent to the ESP. `embedEsignSignature` later writes the
// ESP's PKCS#7 into /Contents, after checking that the PDF is still the one whose hash was sent.
import { createHash } from 'node:crypto';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { findLastSignature } from '../find-signature.ts';
import { addSignaturePlaceholder } from '../placeholder.ts';
import type { EmbedResult } from './types.ts';

/**
 * Room for the ESP's PKCS#7 in /Contents: the signer's certificate and the ESP CA's (about 1.5 KB
 * each), the signed attributes and the signature, with room for a longer chain. 16 KB.
 */
export const ESIGN_CONTENTS_BYTES = 16_384;

export interface EsignPdfSigner {
  /** The officer, as the signature dictionary's /Name (the certificate names the Aadhaar holder). */
  name: string;
  /** "Approval of EST-12/2026 note 7". */
  reason: string;
  location?: string;
  contactInfo?: string;
}

/**
 * The signature dictionary's /SubFilter. ETSI.CAdES.detached (PAdES) asks the CMS for the ESS
 * signing-certificate(-v2) attribute; for an ESP whose PKCS#7 lacks it (EsignSigned.essSigningCertificate
 * false), adbe.pkcs7.detached is the honest label. The names are equally long, so the one
 * placeholder.ts writes is swapped in place.
 */
export type EsignSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

export interface PreparedPdf {
  /** The PDF with its signature field and final /ByteRange; /Contents is zeros until embedding. */
  pdf: Uint8Array;
  /** SHA-256 of the bytes the /ByteRange covers, lowercase hex: the request's InputHash. */
  inputHash: string;
  byteRange: [number, number, number, number];
}

/** Hands @signpdf the bytes to be signed and gives back nothing: only the ranges are wanted now. */
class ByteRangeOnly extends Signer {
  override async sign(): Promise<Buffer> {
    return Buffer.alloc(0);
  }
}

export async function prepareForEsign(
  pdf: Uint8Array,
  signer: EsignPdfSigner,
  signingTime: Date,
  options: { subFilter?: EsignSubFilter; contentsBytes?: number } = {},
): Promise<PreparedPdf> {
  let withField = addSignaturePlaceholder(Buffer.from(pdf), {
    reason: signer.reason,
    name: signer.name,
    location: signer.location ?? 'Collectorate Saharsa, Bihar',
    contactInfo: signer.contactInfo ?? '',
    signingTime,
    signatureLength: options.contentsBytes ?? ESIGN_CONTENTS_BYTES,
  });
  if (options.subFilter === 'adbe.pkcs7.detached') withField = relabel(withField, pdf.length);
  const prepared = await new SignPdf().sign(withField, new ByteRangeOnly(), signingTime);
  const found = findLastSignature(prepared);
  if (found === null || !found.gapIsContents) throw new Error('eSign: the prepared PDF has no readable signature field');
  return { pdf: new Uint8Array(prepared), inputHash: byteRangeHash(prepared, found.byteRange), byteRange: found.byteRange };
}

/**
 * The prepared PDF with the ESP's PKCS#7 in its /Contents. Refused when the PDF's last signature
 * field is not an empty one, when its signed bytes no longer hash to `inputHash` (the document
 * changed since the request), or when the PKCS#7 does not fit.
 */
export function embedEsignSignature(prepared: Uint8Array, inputHash: string, cms: Buffer): EmbedResult {
  const pdf = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength);
  const found = findLastSignature(pdf);
  if (found === null || !found.gapIsContents) return { ok: false, kind: 'not-prepared', detail: 'no signature field with a byte range' };
  if (found.contents.some((byte) => byte !== 0)) return { ok: false, kind: 'not-prepared', detail: 'the signature field is already filled' };
  const hash = byteRangeHash(pdf, found.byteRange);
  if (hash !== inputHash.toLowerCase()) {
    return { ok: false, kind: 'document-changed', detail: `the signed bytes hash to ${hash}, the ESP signed ${inputHash}` };
  }
  if (cms.length > found.contents.length) {
    return { ok: false, kind: 'too-large', detail: `the PKCS#7 is ${cms.length} bytes; the field holds ${found.contents.length}` };
  }
  const [, contentsAt] = found.byteRange; // the '<' that opens /Contents
  const hex = Buffer.from(cms.toString('hex') + '0'.repeat((found.contents.length - cms.length) * 2), 'latin1');
  const signed = Buffer.from(pdf);
  hex.copy(signed, contentsAt + 1);
  return { ok: true, pdf: new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength) };
}

/** The appended signature dictionary's /SubFilter, ETSI.CAdES.detached → adbe.pkcs7.detached. */
function relabel(pdf: Buffer, originalLength: number): Buffer {
  const from = Buffer.from('/SubFilter /ETSI.CAdES.detached');
  const to = Buffer.from('/SubFilter /adbe.pkcs7.detached');
  const at = pdf.indexOf(from, originalLength - 1);
  if (at < 0 || pdf.indexOf(from, at + 1) >= 0) throw new Error('eSign: the signature field\'s /SubFilter was not found exactly once');
  const relabelled = Buffer.from(pdf);
  to.copy(relabelled, at);
  return relabelled;
}

function byteRangeHash(pdf: Buffer, [start1, length1, start2, length2]: [number, number, number, number]): string {
  return createHash('sha256')
    .update(pdf.subarray(start1, start1 + length1))
    .update(pdf.subarray(start2, start2 + length2))
    .digest('hex');
}

// Signs finished PDFs on an officer's behalf once the officer has confirmed with an OTP, and
// checks signed PDFs. The signature is an incremental update (the original bytes stay as they
// were), invisible, with an ETSI.CAdES.detached CMS over the byte ranges.
//
// Limit, from @signpdf/placeholder-plain: the PDF must end in a classic xref table (pdfkit's do;
// one saved with cross-reference streams, e.g. by qpdf --object-streams=generate, is refused).
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import type { Clock, DocumentSigner, SignatureCheck, SignerIdentity } from '../../core/ports.ts';
import { fixedSigningPackage, issueSignerCertificate } from './issue-certificate.ts';
import type { SigningAuthority } from './office-ca.ts';
import { addSignaturePlaceholder } from './placeholder.ts';
import type { SignerKeys } from './signer-key-pool.ts';
import { checkPdfSignature } from './verify-signature.ts';

export interface PdfSignerOptions {
  authority: SigningAuthority;
  clock: Clock;
  /**
   * Certificates a signature must chain to for `trusted`. By default the issuing CA; for a PFX, the
   * issuers it carried, or the PFX certificate itself when it came alone.
   */
  trustAnchors?: forge.pki.Certificate[];
  /** Shown by PDF readers next to the signature. */
  location?: string;
  contactInfo?: string;
  /** Where fresh signer keys come from (an issuing authority): by default made on the spot. */
  keys?: SignerKeys;
}

export class PdfSigner implements DocumentSigner {
  private readonly trust: forge.pki.CAStore;

  constructor(private readonly options: PdfSignerOptions) {
    const { authority } = options;
    const defaultAnchors = authority.kind === 'issuing' || authority.chain.length === 0 ? [authority.certificate] : authority.chain;
    this.trust = forge.pki.createCaStore(options.trustAnchors ?? defaultAnchors);
  }

  async sign(pdf: Uint8Array, signer: SignerIdentity): Promise<Uint8Array> {
    const now = this.options.clock.now();
    const { authority } = this.options;
    const signing = authority.kind === 'issuing'
      ? await issueSignerCertificate(authority, signer, now, this.options.keys)
      : fixedSigningPackage(authority);
    const prepared = addSignaturePlaceholder(Buffer.from(pdf), {
      reason: signer.reason,
      name: signer.name,
      location: this.options.location ?? String((authority.certificate.subject.getField('O') as { value?: unknown } | null)?.value ?? ''),
      contactInfo: this.options.contactInfo ?? '',
      signingTime: now,
      signatureLength: placeholderBytes(signing.p12),
    });
    const signed = await new SignPdf().sign(prepared, new P12Signer(signing.p12, { passphrase: signing.passphrase }), now);
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  }

  async verify(pdf: Uint8Array): Promise<SignatureCheck> {
    return checkPdfSignature(pdf, this.trust, this.options.clock.now());
  }
}

/**
 * Room for the CMS in /Contents. It holds the certificates the P12 carries (a little smaller than
 * the P12 itself) plus about 600 bytes of signer info; 2 KB spare covers longer names and chains.
 */
function placeholderBytes(p12: Buffer): number {
  return Math.max(8192, p12.length + 2048);
}


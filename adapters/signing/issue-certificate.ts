// One certificate per signature, as Aadhaar eSign does: the officer confirmed this decision with an
// OTP, and the office CA vouches for "this key signed for <name>, <code>, <post>" for this document
// alone. The key is used once and dropped; nothing needs revoking when an officer leaves.
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { SignerIdentity } from '../../core/ports.ts';
import { keysOnTheSpot, type SignerKeys } from './signer-key-pool.ts';
import {
  nameAttribute,
  OFFICE,
  randomSerial,
  SigningSetupError,
  type FixedSigningCertificate,
  type IssuingAuthority,
} from './office-ca.ts';

/** What @signpdf's P12Signer takes: a PKCS#12 with the key, its certificate and the issuers. */
export interface SigningPackage {
  p12: Buffer;
  passphrase: string;
  certificate: forge.pki.Certificate;
}

export const SIGNER_KEY_BITS = 2048;
const ON_THE_SPOT = keysOnTheSpot(SIGNER_KEY_BITS);
const SIGNER_YEARS = 2;
// RFC 9336 id-kp-documentSigning. emailProtection stays too: NSS (and so pdfsig) checks a
// PDF signer's certificate for the e-mail signer usage.
const DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';

/** A fresh key and a certificate naming `signer`, issued by `ca`, packaged for signing. */
export async function issueSignerCertificate(ca: IssuingAuthority, signer: SignerIdentity, now: Date, keys: SignerKeys = ON_THE_SPOT): Promise<SigningPackage> {
  if (signer.name.trim() === '') throw new Error('A signer certificate needs the signer\'s name');
  const caExpires = ca.certificate.validity.notAfter;
  if (caExpires.getTime() <= now.getTime()) {
    throw new SigningSetupError(`The signing CA expired on ${caExpires.toISOString()}: renew it before anyone can sign.`);
  }
  const key = await keys.take();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = randomSerial();
  // Five minutes back so a verifier whose clock runs a little behind does not see "not yet valid".
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(now.getUTCFullYear() + SIGNER_YEARS);
  // A certificate may not outlive its issuer: near the CA's end, signers get what is left.
  cert.validity.notAfter = notAfter < caExpires ? notAfter : new Date(caExpires);
  cert.setSubject([
    nameAttribute('CN', signer.name),
    ...(signer.code.trim() === '' ? [] : [nameAttribute('serialNumber', signer.code.trim())]),
    ...(signer.post.trim() === '' ? [] : [nameAttribute('title', signer.post.trim())]),
    // The signer belongs to the office whose CA vouches for them.
    nameAttribute('O', organizationOf(ca.certificate)),
    nameAttribute('C', OFFICE.country),
  ]);
  cert.setIssuer(ca.certificate.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, [DOCUMENT_SIGNING]: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId(ca.certificate) },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return { ...toP12(key, cert, [ca.certificate]), certificate: cert };
}

/** The PFX's own certificate, repackaged the way P12Signer reads it (any PFX forge could open). */
export function fixedSigningPackage(fixed: FixedSigningCertificate): SigningPackage {
  return { ...toP12(fixed.privateKey, fixed.certificate, fixed.chain), certificate: fixed.certificate };
}

function toP12(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, chain: forge.pki.Certificate[]): { p12: Buffer; passphrase: string } {
  // The P12 only carries the key from here to P12Signer in memory; it is never stored, so a
  // throwaway passphrase and few KDF rounds (forge does them in JavaScript) are enough.
  const passphrase = randomBytes(12).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert, ...chain], passphrase, { algorithm: 'aes256', count: 1 });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

function organizationOf(caCert: forge.pki.Certificate): string {
  const o = caCert.subject.getField('O') as { value?: unknown } | null;
  return typeof o?.value === 'string' && o.value !== '' ? o.value : OFFICE.organization;
}

function authorityKeyId(caCert: forge.pki.Certificate): string {
  const ski = caCert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | null;
  return ski?.subjectKeyIdentifier !== undefined
    ? forge.util.hexToBytes(ski.subjectKeyIdentifier)
    : caCert.generateSubjectKeyIdentifier().getBytes();
}

// Checks the last signature of a PDF the way a PDF reader does, with the office's CA as the only
// trust anchor. forge reads the CMS and checks the certificate chain (forge's own pkcs7 verify is
// not implemented); Node's crypto hashes the byte ranges and checks the RSA signature, since the
// file can be many megabytes of scans and forge hashes in JavaScript.
import { createHash, createPublicKey, verify } from 'node:crypto';
import forge from 'node-forge';
import type { SignatureCheck } from '../../core/ports.ts';
import { findLastSignature, type FoundSignature } from './find-signature.ts';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;
// forge 1.3 takes an options object here; @types/node-forge still declares only `strict?: boolean`.
const fromDerLenient = asn1.fromDer.bind(asn1) as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean }) => Asn1;

interface Cms {
  signer: forge.pki.Certificate;
  certificates: forge.pki.Certificate[];
  /** Node's name of the digest the signer used; null when it is not one we accept. */
  digest: string | null;
  /** The [0] IMPLICIT signed attributes as they arrived, or null when the CMS has none. */
  signedAttributes: Asn1 | null;
  attributes: Map<string, Asn1>;
  signature: Buffer;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  title: '2.5.4.12',
} as const;
// SHA-1 is left out on purpose: a SHA-1 signature no longer proves which bytes were signed.
const DIGESTS = new Map([
  ['2.16.840.1.101.3.4.2.1', 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
]);

/** Never throws: a file that is no PDF, or whose signature cannot be read, is `{ signed: false }`. */
export function checkPdfSignature(bytes: Uint8Array, trust: forge.pki.CAStore, now: Date): SignatureCheck {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found: FoundSignature | null;
  let cms: Cms | null;
  try {
    found = findLastSignature(pdf);
    cms = found === null ? null : readCms(found.contents);
  } catch {
    return { signed: false };
  }
  // A signature whose container cannot be read proves nothing about anyone: report it as none.
  if (found === null || cms === null) return { signed: false };
  const [, , start2, length2] = found.byteRange;
  const signingTime = cms.attributes.get(OID.signingTime);
  const signedAt = signingTime === undefined ? found.modified : safely(() => asnTime(signingTime), found.modified);
  const signer = cms.signer;
  return {
    signed: true,
    intact: safely(() => isIntact(pdf, found, cms), false),
    wholeDocument: start2 + length2 === pdf.length,
    // Judged at the signing time, so a signature stays trusted after its two-year certificate
    // expires. That time is the signer's own claim (no timestamp authority): for Daftar's
    // signatures it is the office's clock.
    trusted: safely(() => isTrusted(cms, trust, signedAt ?? now), false),
    signer: { name: subjectField(signer, OID.commonName) ?? '', code: subjectField(signer, OID.serialNumber), post: subjectField(signer, OID.title) },
    signedAt,
    reason: found.reason,
  };
}

function readCms(der: Buffer): Cms | null {
  // /Contents is zero-padded to the placeholder's size: parse the DER and ignore what follows.
  const root = fromDerLenient(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false });
  const message = forge.pkcs7.messageFromAsn1(root) as unknown as {
    type?: string;
    certificates?: forge.pki.Certificate[];
    rawCapture?: { signerInfos?: Asn1[] };
  };
  const info = message.rawCapture?.signerInfos?.[0];
  if (message.type !== OID.signedData || info === undefined || !Array.isArray(info.value)) return null;
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL,
  //                           signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
  const [, sid, digestAlgorithm, ...rest] = info.value;
  const hasAttributes = rest[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && rest[0].type === 0;
  const signedAttributes = hasAttributes ? rest[0]! : null;
  const signature = rest[hasAttributes ? 2 : 1];
  const certificates = message.certificates ?? [];
  const signer = sid === undefined ? undefined : certificates.find((cert) => identifies(sid, cert));
  if (signer === undefined || signature === undefined || typeof signature.value !== 'string') return null;
  return {
    signer,
    certificates,
    digest: DIGESTS.get(algorithmOid(digestAlgorithm)) ?? null,
    signedAttributes,
    attributes: signedAttributes === null ? new Map() : attributeValues(signedAttributes),
    signature: Buffer.from(signature.value, 'binary'),
  };
}

function isIntact(pdf: Buffer, found: FoundSignature, cms: Cms): boolean {
  if (!found.gapIsContents || cms.digest === null) return false;
  const [start1, length1, start2, length2] = found.byteRange;
  const signedParts = [pdf.subarray(start1, start1 + length1), pdf.subarray(start2, start2 + length2)];
  const key = createPublicKey(forge.pki.publicKeyToPem(cms.signer.publicKey));
  if (cms.signedAttributes === null) return verify(cms.digest, Buffer.concat(signedParts), key, cms.signature);

  const contentType = cms.attributes.get(OID.contentType);
  if (contentType !== undefined && asn1.derToOid(contentType.value as string) !== OID.data) return false;
  const declared = cms.attributes.get(OID.messageDigest);
  const hash = createHash(cms.digest);
  for (const part of signedParts) hash.update(part);
  if (declared === undefined || !hash.digest().equals(Buffer.from(declared.value as string, 'binary'))) return false;
  // What was signed is the DER of the attributes as a SET, not with the [0] tag they travel under.
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, cms.signedAttributes.value as Asn1[]);
  return verify(cms.digest, Buffer.from(asn1.toDer(set).getBytes(), 'binary'), key, cms.signature);
}

function isTrusted(cms: Cms, trust: forge.pki.CAStore, at: Date): boolean {
  const usage = cms.signer.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  if (usage !== null && usage.digitalSignature !== true && usage.nonRepudiation !== true) return false;
  // The embedded issuers help build the path; each is itself checked up to a certificate in `trust`.
  const chain = [cms.signer];
  for (let last = cms.signer; chain.length < 8 && !last.isIssuer(last); ) {
    const issuer = cms.certificates.find((cert) => !chain.includes(cert) && last.isIssuer(cert));
    if (issuer === undefined) break;
    chain.push(issuer);
    last = issuer;
  }
  return forge.pki.verifyCertificateChain(trust, chain, { validityCheckDate: at });
}

/** Whether the SignerInfo's sid (issuer and serial, or key identifier) names `cert`. */
function identifies(sid: Asn1, cert: forge.pki.Certificate): boolean {
  if (sid.tagClass === asn1.Class.CONTEXT_SPECIFIC && typeof sid.value === 'string') {
    const ski = cert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | null;
    return ski?.subjectKeyIdentifier === forge.util.bytesToHex(sid.value);
  }
  const [issuer, serial] = Array.isArray(sid.value) ? sid.value : [];
  if (issuer === undefined || serial === undefined || typeof serial.value !== 'string') return false;
  const issuerHash = forge.md.sha1.create().update(asn1.toDer(issuer).getBytes()).digest().toHex();
  return cert.issuer.hash === issuerHash && cert.serialNumber.toLowerCase() === forge.util.bytesToHex(serial.value).toLowerCase();
}

/** Each attribute's first value, by OID. */
function attributeValues(attributes: Asn1): Map<string, Asn1> {
  const values = new Map<string, Asn1>();
  for (const attribute of attributes.value as Asn1[]) {
    const [type, set] = attribute.value as Asn1[];
    const first = Array.isArray(set?.value) ? set.value[0] : undefined;
    if (type !== undefined && first !== undefined) values.set(asn1.derToOid(type.value as string), first);
  }
  return values;
}

function algorithmOid(identifier: Asn1 | undefined): string {
  const oid = Array.isArray(identifier?.value) ? identifier.value[0] : undefined;
  return oid !== undefined && typeof oid.value === 'string' ? asn1.derToOid(oid.value) : '';
}

function asnTime(node: Asn1): Date {
  const text = node.value as string;
  return node.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(text) : asn1.generalizedTimeToDate(text);
}

/** A subject attribute as text: forge hands back the raw bytes of the string. */
function subjectField(cert: forge.pki.Certificate, type: string): string | null {
  const field = cert.subject.getField({ type }) as { value?: unknown; valueTagClass?: number } | null;
  if (field === null || typeof field.value !== 'string') return null;
  const raw = Buffer.from(field.value, 'binary');
  if (field.valueTagClass === asn1.Type.UTF8) return raw.toString('utf8');
  if (field.valueTagClass === asn1.Type.BMPSTRING) return Buffer.from(raw).swap16().toString('utf16le');
  return raw.toString('latin1');
}

function safely<T>(check: () => T, fallback: T): T {
  try {
    return check();
  } catch {
    return fallback;
  }
}

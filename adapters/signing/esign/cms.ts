// Reads and checks the PKCS#7 (CMS SignedData, RFC 5652) an ESP returns for `responseSigType="pkcs7"`:
// a detached signature whose signed attributes carry the InputHash as their messageDigest, made by
// the key of the one-time certificate the ESP's CA issued to the signer. forge parses the ASN.1;
// Node's crypto reads the certificates (any key type) and checks the signatures.
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate (RFC 2634, SHA-1 certificate hash). */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  /** ESS signing-certificate-v2 (RFC 5035): what PAdES (ETSI EN 319 142) asks for. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const HASHES = new Map<string, string>([
  [OID.sha256, 'sha256'],
  [OID.sha384, 'sha384'],
  [OID.sha512, 'sha512'],
  [OID.sha1, 'sha1'],
]);

export interface EspCms {
  signer: X509Certificate;
  certificates: X509Certificate[];
  /** The messageDigest signed attribute: what the ESP signed (for eSign, the InputHash). */
  messageDigest: Buffer;
  signingTime: Date | null;
  /** An ESS signing-certificate(-v2) attribute is present and names the signer's certificate. */
  essSigningCertificate: boolean;
}

export type CmsCheck = { ok: true; cms: EspCms } | { ok: false; detail: string };

/**
 * The CMS read and its signature checked: a detached SignedData with one signer, SHA-256, signed
 * attributes with content type `data` and a message digest, signed by the certificate it names.
 */
export function readEspCms(der: Buffer): CmsCheck {
  let root: Asn1;
  try {
    root = asn1.fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: true } as unknown as boolean);
  } catch (error) {
    return { ok: false, detail: `not DER: ${(error as Error).message}` };
  }
  try {
    return checkSignedData(root);
  } catch (error) {
    return { ok: false, detail: `unreadable CMS: ${(error as Error).message}` };
  }
}

function checkSignedData(root: Asn1): CmsCheck {
  const [contentType, wrapped] = sequence(root);
  if (oidOf(contentType) !== OID.signedData) return { ok: false, detail: 'not a CMS SignedData' };
  const signedData = sequence(wrapped)[0];
  if (signedData === undefined) return { ok: false, detail: 'empty SignedData' };
  // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
  //                           [0] IMPLICIT certificates OPTIONAL, [1] IMPLICIT crls OPTIONAL, signerInfos SET }
  const parts = sequence(signedData);
  const encapsulated = parts[2];
  if (encapsulated === undefined || sequence(encapsulated).length !== 1) {
    return { ok: false, detail: 'the CMS carries content: a PDF signature must be detached' };
  }
  const certificateSet = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const certificates = (certificateSet === undefined ? [] : (certificateSet.value as Asn1[]))
    .filter((node) => node.tagClass === asn1.Class.UNIVERSAL && node.type === asn1.Type.SEQUENCE)
    .map((node) => ({ der: derOf(node), parts: certificateParts(node) }));
  const signerInfos = parts.at(-1);
  const infos = signerInfos === undefined ? [] : (signerInfos.value as Asn1[]);
  if (infos.length !== 1 || infos[0] === undefined) return { ok: false, detail: `the CMS has ${infos.length} signers, not one` };

  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] IMPLICIT signedAttrs,
  //                           signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
  const [, sid, digestAlgorithm, attributesNode, signatureAlgorithm, signatureNode] = sequence(infos[0]);
  if (sid === undefined || attributesNode === undefined || signatureAlgorithm === undefined || signatureNode === undefined) {
    return { ok: false, detail: 'incomplete SignerInfo' };
  }
  if (attributesNode.tagClass !== asn1.Class.CONTEXT_SPECIFIC || attributesNode.type !== 0) {
    return { ok: false, detail: 'the signer info has no signed attributes' };
  }
  const digest = HASHES.get(oidOf(sequence(digestAlgorithm)[0]));
  if (digest !== 'sha256') return { ok: false, detail: 'the CMS digest is not SHA-256, the InputHash algorithm' };
  const signerEntry = certificates.find((cert) => identifies(sid, cert.parts));
  if (signerEntry === undefined) return { ok: false, detail: 'the CMS does not carry its signer\'s certificate' };
  const all = certificates.map((cert) => new X509Certificate(cert.der));
  const signer = all[certificates.indexOf(signerEntry)]!;

  const attributes = attributeMap(attributesNode);
  const type = attributes.get(OID.contentType);
  if (type === undefined || oidOf(type) !== OID.data) return { ok: false, detail: 'the signed content type is not data' };
  const messageDigest = attributes.get(OID.messageDigest);
  if (messageDigest === undefined || typeof messageDigest.value !== 'string') return { ok: false, detail: 'no message digest' };

  // What is signed is the DER of the attributes as a SET OF, not under the [0] they travel with.
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributesNode.value as Asn1[]);
  const signedBytes = Buffer.from(asn1.toDer(set).getBytes(), 'binary');
  const signature = Buffer.from(signatureNode.value as string, 'binary');
  const algorithm = oidOf(sequence(signatureAlgorithm)[0]);
  if (![OID.rsaEncryption, OID.sha256WithRsa, OID.ecdsaWithSha256].includes(algorithm as never)) {
    return { ok: false, detail: `signature algorithm ${algorithm} is not accepted` };
  }
  if (!verifySignature('sha256', signedBytes, signer.publicKey, signature)) {
    return { ok: false, detail: 'the CMS signature does not verify with its certificate' };
  }
  const time = attributes.get(OID.signingTime);
  return {
    ok: true,
    cms: {
      signer,
      certificates: all,
      messageDigest: Buffer.from(messageDigest.value, 'binary'),
      signingTime: time === undefined ? null : asnTime(time),
      essSigningCertificate: essNamesSigner(attributes, signerEntry.der),
    },
  };
}

/**
 * Whether the ESS signing-certificate-v2 (or v1) attribute's first ESSCertID hashes to the signer's
 * certificate: the binding that stops a certificate being swapped under the signature.
 */
function essNamesSigner(attributes: Map<string, Asn1>, signerDer: Buffer): boolean {
  const v2 = attributes.get(OID.signingCertificateV2);
  const v1 = attributes.get(OID.signingCertificate);
  const value = v2 ?? v1;
  if (value === undefined) return false;
  const first = sequence(sequence(value)[0])[0]; // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }
  if (first === undefined) return false;
  const fields = sequence(first);
  let hash = v2 === undefined ? 'sha1' : 'sha256'; // ESSCertIDv2's hashAlgorithm DEFAULTs to SHA-256
  let certHash = fields[0];
  if (v2 !== undefined && certHash?.type === asn1.Type.SEQUENCE) {
    hash = HASHES.get(oidOf(sequence(certHash)[0])) ?? '';
    certHash = fields[1];
  }
  if (hash === '' || certHash === undefined || typeof certHash.value !== 'string') return false;
  return createHash(hash).update(signerDer).digest().equals(Buffer.from(certHash.value, 'binary'));
}

/**
 * Whether `certificate` chains, through `intermediates`, to one of `anchors`, each link issued and
 * signed by the next, each issuer a CA, each valid at `at`.
 */
export function chainsTo(certificate: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[], at: Date): boolean {
  const valid = (cert: X509Certificate) => Date.parse(cert.validFrom) <= at.getTime() && at.getTime() <= Date.parse(cert.validTo);
  let current = certificate;
  for (let depth = 0; depth < 8; depth += 1) {
    if (!valid(current)) return false;
    if (anchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) return true;
    const issuer = [...anchors, ...intermediates].find(
      (candidate) => candidate.fingerprint256 !== current.fingerprint256 && candidate.ca && current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (issuer === undefined) return false;
    current = issuer;
  }
  return false;
}

/** The common name in a Node certificate's subject ("C=IN\nCN=…" lines). */
export function commonName(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((l) => l.startsWith('CN='));
  return line === undefined ? '' : line.slice(3);
}

interface CertificateParts {
  issuer: Buffer;
  serial: Buffer;
  subjectKeyIdentifier: Buffer | null;
}

/** The issuer, serial and key identifier of a certificate, read as ASN.1 (whatever its key type). */
function certificateParts(certificate: Asn1): CertificateParts {
  const tbs = sequence(sequence(certificate)[0]);
  const offset = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] EXPLICIT version
  const serial = tbs[offset];
  const issuer = tbs[offset + 2];
  if (serial === undefined || issuer === undefined) throw new Error('unreadable certificate');
  const extensions = tbs.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 3);
  let subjectKeyIdentifier: Buffer | null = null;
  for (const extension of extensions === undefined ? [] : sequence(sequence(extensions)[0])) {
    const [id, ...rest] = sequence(extension);
    if (oidOf(id) !== '2.5.29.14') continue;
    const octets = rest.at(-1);
    if (octets === undefined || typeof octets.value !== 'string') continue;
    const inner = asn1.fromDer(octets.value);
    if (typeof inner.value === 'string') subjectKeyIdentifier = Buffer.from(inner.value, 'binary');
  }
  return { issuer: derOf(issuer), serial: Buffer.from(serial.value as string, 'binary'), subjectKeyIdentifier };
}

/** Whether a SignerInfo's sid (issuer and serial, or [0] key identifier) names the certificate. */
function identifies(sid: Asn1, cert: CertificateParts): boolean {
  if (sid.tagClass === asn1.Class.CONTEXT_SPECIFIC && typeof sid.value === 'string') {
    return cert.subjectKeyIdentifier !== null && cert.subjectKeyIdentifier.equals(Buffer.from(sid.value, 'binary'));
  }
  const [issuer, serial] = sequence(sid);
  if (issuer === undefined || serial === undefined || typeof serial.value !== 'string') return false;
  return derOf(issuer).equals(cert.issuer) && Buffer.from(serial.value, 'binary').equals(cert.serial);
}

/** Each attribute's first value, by OID. */
function attributeMap(attributes: Asn1): Map<string, Asn1> {
  const values = new Map<string, Asn1>();
  for (const attribute of attributes.value as Asn1[]) {
    const [type, set] = sequence(attribute);
    const first = set === undefined ? undefined : sequence(set)[0];
    if (type !== undefined && first !== undefined) values.set(oidOf(type), first);
  }
  return values;
}

function sequence(node: Asn1 | undefined): Asn1[] {
  return node !== undefined && Array.isArray(node.value) ? node.value : [];
}

function oidOf(node: Asn1 | undefined): string {
  return node !== undefined && node.type === asn1.Type.OID && typeof node.value === 'string' ? asn1.derToOid(node.value) : '';
}

function derOf(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

function asnTime(node: Asn1): Date | null {
  const text = node.value as string;
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(text);
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(text);
  return null;
}

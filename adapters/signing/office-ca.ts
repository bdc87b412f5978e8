// Where the certificates behind Daftar's signatures come from. Three set-ups:
//
// - `loadOrCreateOfficeCa(dir)`: the office's own CA, made on first start. Each signature gets a
//   fresh certificate naming the officer (issue-certificate.ts), as Aadhaar eSign does; verifiers
//   trust the office by importing office-ca.crt.pem once.
// - `loadExternalCa({ certPem, keyPem })`: the same, but under a CA the office already runs.
// - `loadPfx(bytes, password)`: one signing certificate used as it is for every signature. The
//   certificate then names whoever it was issued to, not the officer: the officer's name, post and
//   the reason appear only in the signature dictionary (/Name, /Reason), which any PDF tool can
//   show but which a certificate does not vouch for.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** An authority that issues one certificate per signature, naming the signer. */
export interface IssuingAuthority {
  kind: 'issuing';
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
  /** The CA certificate as PEM: what a verifier imports (NSS, Adobe) to trust the signatures. */
  certificatePem: string;
}

/** One certificate from a PFX that signs every document as it is. */
export interface FixedSigningCertificate {
  kind: 'fixed';
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
  /** The other certificates the PFX carried (its issuers), embedded in each signature. */
  chain: forge.pki.Certificate[];
}

export type SigningAuthority = IssuingAuthority | FixedSigningCertificate;

/**
 * The signing set-up cannot be used as configured: a CA directory half there, a key that does not
 * belong to its certificate, a wrong PFX password. The message says what to do about it.
 */
export class SigningSetupError extends Error {
  override readonly name = 'SigningSetupError';
}

/** The demo office's name, for a CA made without one (tests, tools); the server passes its OFFICE_NAME_EN. */
export const OFFICE = { organization: 'Collectorate Saharsa', country: 'IN' } as const;

/**
 * The office's name as a CA's O= field: ASCII on purpose (a hyphen, not a dash; see
 * assertIssuerNameSurvivesForge), so letters outside ASCII are dropped and dashes made hyphens.
 */
export function caOrganization(officeName: string): string {
  const ascii = officeName.normalize('NFKD').replace(/[\u2010-\u2015]/g, '-').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, ' ').trim();
  return /[A-Za-z]/.test(ascii) ? ascii.slice(0, 64) : OFFICE.organization;
}
const KEY_FILE = 'office-ca.key.pem';
const CERT_FILE = 'office-ca.crt.pem';
const CA_YEARS = 10;
// A CA meant to outlive 2030 gets 3072 bits (NIST SP 800-57); signer certificates live 2 years.
const CA_KEY_BITS = 3072;

/**
 * Creates the office CA under `dir` on first start, loads it afterwards. The CA is named after the
 * office (`officeName`, the configuration's OFFICE_NAME_EN) when it is made; a CA already on disk
 * keeps the name it was made with, since every signature made under it names it.
 */
export async function loadOrCreateOfficeCa(
  dir: string,
  now: Date = new Date(),
  officeName: string = OFFICE.organization,
): Promise<{ authority: IssuingAuthority; created: boolean }> {
  const keyPath = path.join(dir, KEY_FILE);
  const certPath = path.join(dir, CERT_FILE);
  const read = () => Promise.all([readIfExists(keyPath), readIfExists(certPath)]);
  let [keyPem, certPem] = await read();
  // Several Daftar processes share the CA folder: one of them may be writing it this very moment.
  for (let i = 0; i < 20 && (keyPem === null) !== (certPem === null); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    [keyPem, certPem] = await read();
  }
  if (keyPem !== null && certPem !== null) {
    await refuseReadableKey(keyPath);
    return { authority: loadExternalCa({ certPem, keyPem }), created: false };
  }
  if (keyPem !== null || certPem !== null) {
    // Making a new CA here would silently orphan every signature made under the old one.
    const [have, missing] = keyPem !== null ? [KEY_FILE, CERT_FILE] : [CERT_FILE, KEY_FILE];
    throw new SigningSetupError(
      `${dir} has ${have} but not ${missing}. Restore ${missing} from a backup, or move both files away ` +
        'to create a new office CA (signatures made under the old CA then verify only with its certificate).',
    );
  }
  const made = await createCa(now, caOrganization(officeName));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // 'wx': if another process created the CA a moment ago, use its CA instead of overwriting its key.
  try {
    await writeFile(keyPath, made.keyPem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return { authority: (await loadOrCreateOfficeCa(dir, now, officeName)).authority, created: false };
  }
  await chmod(keyPath, 0o600); // the umask may have taken bits away, never added: make sure anyway
  await writeFile(certPath, made.certPem, { flag: 'wx' });
  return { authority: loadExternalCa({ certPem: made.certPem, keyPem: made.keyPem }), created: true };
}

/** An office that runs its own CA: its certificate and key (PEM, unencrypted) issue the signers'. */
export function loadExternalCa(options: { certPem: string; keyPem: string }): IssuingAuthority {
  let certificate: forge.pki.Certificate;
  let privateKey: forge.pki.rsa.PrivateKey;
  try {
    certificate = forge.pki.certificateFromPem(options.certPem);
    privateKey = forge.pki.privateKeyFromPem(options.keyPem);
  } catch (error) {
    throw new SigningSetupError(
      `The CA certificate or key could not be read (${(error as Error).message}). ` +
        'Give an RSA certificate and an unencrypted RSA key, both PEM.',
    );
  }
  const constraints = certificate.getExtension('basicConstraints') as { cA?: boolean } | null;
  const usage = certificate.getExtension('keyUsage') as { keyCertSign?: boolean } | null;
  if (constraints?.cA !== true || (usage !== null && usage.keyCertSign !== true)) {
    throw new SigningSetupError('The CA certificate is not a CA (basicConstraints cA, keyUsage keyCertSign): it cannot issue signer certificates.');
  }
  if (!keyMatches(privateKey, certificate)) {
    throw new SigningSetupError('The CA key does not belong to the CA certificate: give the key the certificate was issued for.');
  }
  // The CA issues the signers' certificates: its subject is their issuer.
  assertIssuerNameSurvivesForge(certificate.subject.attributes, 'A signer certificate');
  return { kind: 'issuing', certificate, privateKey, certificatePem: forge.pki.certificateToPem(certificate) };
}

/** An office with a single signing certificate in a PFX/P12 file: it signs as it is. */
export function loadPfx(pfxBytes: Uint8Array, password: string): FixedSigningCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.createBuffer(Buffer.from(pfxBytes).toString('binary'));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch (error) {
    throw new SigningSetupError(
      `The PFX could not be opened (${(error as Error).message}). Check the password; a PFX made by ` +
        'OpenSSL 3 with an unusual cipher may need re-exporting with `openssl pkcs12 -export -legacy`.',
    );
  }
  const keys = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const privateKey = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (keys.length !== 1 || privateKey === undefined) {
    throw new SigningSetupError(`The PFX holds ${keys.length} private keys (or a key that is not RSA); it must hold exactly one RSA key.`);
  }
  const certificate = certificates.find((cert) => keyMatches(privateKey, cert));
  if (certificate === undefined) {
    throw new SigningSetupError('The PFX has no certificate for its private key: export it with the certificate included.');
  }
  assertIssuerNameSurvivesForge(certificate.issuer.attributes, 'The PFX certificate');
  return { kind: 'fixed', certificate, privateKey, chain: certificates.filter((cert) => cert !== certificate) };
}

/** A certificate serial: 16 random bytes, positive, with no leading zero byte (DER and NSS insist). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/**
 * A distinguished-name attribute. forge writes PrintableString unless told otherwise, which turns
 * Devanagari or an em dash into garbage: anything outside PrintableString goes as UTF8String.
 */
export function nameAttribute(shortName: 'CN' | 'O' | 'C' | 'serialNumber' | 'title', value: string): forge.pki.CertificateField {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value);
  const tag = printable ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8;
  // @types/node-forge types valueTagClass as an asn1.Class; forge reads it as an asn1.Type.
  const field = { value: value.normalize('NFC'), valueTagClass: tag as number as forge.asn1.Class };
  return shortName === 'serialNumber' || shortName === 'title' ? { name: shortName, ...field } : { shortName, ...field };
}

/**
 * forge writes a parsed UTF8String name back encoded twice (digitalbazaar/forge#847). P12Signer
 * names the signer's issuer from the parsed certificate, so an issuer name with non-ASCII
 * UTF8String values would yield a CMS whose signer no verifier can find. Refuse such an issuer
 * up front rather than produce signatures that every reader reports as broken.
 */
function assertIssuerNameSurvivesForge(issuer: forge.pki.CertificateField[], what: string): void {
  const garbled = issuer.find(
    (a) => (a.valueTagClass as number) === forge.asn1.Type.UTF8 && typeof a.value === 'string' && /[^\x00-\x7f]/.test(a.value),
  );
  if (garbled !== undefined) {
    throw new SigningSetupError(
      `${what} is issued by a CA whose name has non-ASCII text (${garbled.shortName ?? garbled.type}); the signing library ` +
        'would misspell it in every signature. Use a CA whose name is plain ASCII.',
    );
  }
}

export function keyMatches(key: forge.pki.rsa.PrivateKey, certificate: forge.pki.Certificate): boolean {
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n !== undefined && key.n.equals(publicKey.n) && key.e.equals(publicKey.e);
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * A fresh RSA key from Node's native generator, imported into forge. Native, because forge's
 * pure-JS generator takes about a second for 2048 bits; asynchronous, because even natively a key
 * takes 50-300 ms, and the bot keeps answering other officers meanwhile.
 */
export async function generateRsaKey(bits: number): Promise<forge.pki.rsa.PrivateKey> {
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return forge.pki.privateKeyFromPem(privateKey);
}

async function createCa(now: Date, organization: string): Promise<{ keyPem: string; certPem: string }> {
  const key = await generateRsaKey(CA_KEY_BITS);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + CA_YEARS);
  const name = [nameAttribute('CN', `Daftar Office CA - ${organization}`), nameAttribute('O', organization), nameAttribute('C', OFFICE.country)];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { keyPem: forge.pki.privateKeyToPem(key), certPem: forge.pki.certificateToPem(cert) };
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function refuseReadableKey(keyPath: string): Promise<void> {
  if (process.platform === 'win32') return; // no POSIX modes to check there
  const { mode } = await stat(keyPath);
  if ((mode & 0o077) !== 0) {
    throw new SigningSetupError(
      `${keyPath} can be read by other users (mode ${(mode & 0o777).toString(8)}): anyone who copies it can sign as any officer. Run \`chmod 600 ${keyPath}\`.`,
    );
  }
}

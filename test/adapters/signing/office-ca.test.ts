// The certificates are read back by Node's own X.509 parser and by OpenSSL, not by forge, which
// made them: a mistake forge makes both ways would otherwise pass unseen.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSignerCertificate } from '../../../adapters/signing/issue-certificate.ts';
import { loadExternalCa, loadOrCreateOfficeCa, loadPfx, SigningSetupError, type IssuingAuthority } from '../../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../../adapters/signing/pdf-signer.ts';
import { nssDatabase, pdfsig } from '../../helpers/nss.ts';
import { smallPdf } from './small-pdf.ts';

const run = promisify(execFile);
const NOW = new Date('2026-11-25T05:30:00Z');
const YEAR = 365 * 24 * 3600_000;
const signer = { name: 'आनंद शर्मा', code: 'SHS0042', post: 'अपर समाहर्ता', reason: 'Approval of EST-12/2026 note 7' };

let dir: string;
let office: IssuingAuthority;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-ca-test-'));
  office = (await loadOrCreateOfficeCa(path.join(dir, 'ca'), NOW)).authority;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadOrCreateOfficeCa', () => {
  it('creates a 10-year CA once, its key readable by the owner alone', async () => {
    const keyFile = path.join(dir, 'ca', 'office-ca.key.pem');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(await readFile(path.join(dir, 'ca', 'office-ca.crt.pem')));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe('CN=Daftar Office CA - Collectorate Saharsa\nO=Collectorate Saharsa\nC=IN');
    expect(ca.checkIssued(ca)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(Date.parse(ca.validTo) - NOW.getTime()).toBeGreaterThan(9.99 * YEAR);
    const { stdout } = await run('openssl', ['x509', '-noout', '-ext', 'basicConstraints,keyUsage', '-in', path.join(dir, 'ca', 'office-ca.crt.pem')]);
    expect(stdout).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(stdout).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
  });

  it('loads the same CA on every later start', async () => {
    const again = await loadOrCreateOfficeCa(path.join(dir, 'ca'), new Date(NOW.getTime() + YEAR));
    expect(again.created).toBe(false);
    expect(again.authority.certificatePem).toBe(office.certificatePem);
    expect(forge.pki.privateKeyToPem(again.authority.privateKey)).toBe(forge.pki.privateKeyToPem(office.privateKey));
  });

  it('refuses a half-present CA and a key others can read, saying what to do', async () => {
    const half = path.join(dir, 'half');
    const { authority } = await loadOrCreateOfficeCa(half, NOW);
    expect(authority.kind).toBe('issuing');
    await rm(path.join(half, 'office-ca.crt.pem'));
    await expect(loadOrCreateOfficeCa(half, NOW)).rejects.toThrow(/has office-ca.key.pem but not office-ca.crt.pem\. Restore/);

    const open = path.join(dir, 'open');
    await loadOrCreateOfficeCa(open, NOW);
    await chmod(path.join(open, 'office-ca.key.pem'), 0o644);
    const failure = loadOrCreateOfficeCa(open, NOW);
    await expect(failure).rejects.toBeInstanceOf(SigningSetupError);
    await expect(failure).rejects.toThrow(/can be read by other users \(mode 644\).*chmod 600/);
  });
});

describe('issueSignerCertificate', () => {
  it('names the officer in UTF-8, is issued by the office CA, and is good for signing for two years', async () => {
    const started = performance.now();
    const { certificate } = await issueSignerCertificate(office, signer, NOW);
    const issuedInMs = performance.now() - started;
    const leaf = new X509Certificate(forge.pki.certificateToPem(certificate));
    const ca = new X509Certificate(office.certificatePem);
    expect(leaf.subject).toBe('CN=आनंद शर्मा\nserialNumber=SHS0042\ntitle=अपर समाहर्ता\nO=Collectorate Saharsa\nC=IN');
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36']);
    expect(Date.parse(leaf.validFrom)).toBe(NOW.getTime() - 5 * 60_000);
    expect(Date.parse(leaf.validTo)).toBe(Date.parse('2028-11-25T05:30:00Z'));
    // The CN is a UTF8String (tag 0x0c), not forge's default PrintableString.
    expect(leaf.raw.includes(Buffer.concat([Buffer.from([0x0c, Buffer.byteLength(signer.name)]), Buffer.from(signer.name)]))).toBe(true);
    expect(issuedInMs).toBeLessThan(5_000);
  });

  it('gives each signature its own key and serial', async () => {
    const [{ certificate: a }, { certificate: b }] = await Promise.all([issueSignerCertificate(office, signer, NOW), issueSignerCertificate(office, signer, NOW)]);
    expect(a.serialNumber).not.toBe(b.serialNumber);
    expect(forge.pki.publicKeyToPem(a.publicKey)).not.toBe(forge.pki.publicKeyToPem(b.publicKey));
  });

  it('never outlives the CA, and refuses once the CA has expired', async () => {
    const late = new Date(NOW.getTime() + 9.5 * YEAR);
    const { certificate } = await issueSignerCertificate(office, signer, late);
    expect(certificate.validity.notAfter.getTime()).toBe(office.certificate.validity.notAfter.getTime());
    await expect(issueSignerCertificate(office, signer, new Date(NOW.getTime() + 11 * YEAR))).rejects.toThrow(/expired .* renew it/);
  });
});

describe('an office that brings its own CA or PFX', () => {
  async function openssl(args: string[]): Promise<void> {
    await run('openssl', args, { cwd: dir });
  }

  it('loadExternalCa refuses a certificate that is no CA, and a key that is not its own', async () => {
    const leaf = await issueSignerCertificate(office, signer, NOW);
    const leafKey = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(leaf.p12.toString('binary')), leaf.passphrase)
      .getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0]?.key;
    const leafKeyPem = forge.pki.privateKeyToPem(leafKey!);
    expect(() => loadExternalCa({ certPem: forge.pki.certificateToPem(leaf.certificate), keyPem: leafKeyPem })).toThrow(/is not a CA/);
    expect(() => loadExternalCa({ certPem: office.certificatePem, keyPem: leafKeyPem })).toThrow(/does not belong to the CA certificate/);
  });

  it('loadPfx signs with an OpenSSL-made PFX as it is: pdfsig trusts it under its own CA', async () => {
    await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ext-ca.key', '-out', 'ext-ca.pem', '-days', '30',
      '-subj', '/CN=District eSign CA/O=Government of Bihar/C=IN',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'dsc.key', '-out', 'dsc.csr', '-subj', '/CN=Collector Saharsa/O=Collectorate Saharsa/C=IN']);
    await writeFile(path.join(dir, 'dsc.ext'), 'keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\n');
    await openssl(['x509', '-req', '-in', 'dsc.csr', '-CA', 'ext-ca.pem', '-CAkey', 'ext-ca.key', '-CAcreateserial', '-days', '30', '-extfile', 'dsc.ext', '-out', 'dsc.pem']);
    // OpenSSL 3's defaults: AES-256-CBC with PBKDF2 and a SHA-256 MAC.
    await openssl(['pkcs12', '-export', '-inkey', 'dsc.key', '-in', 'dsc.pem', '-certfile', 'ext-ca.pem', '-out', 'dsc.p12', '-passout', 'pass:secret']);
    const pfx = await readFile(path.join(dir, 'dsc.p12'));

    expect(() => loadPfx(pfx, 'wrong')).toThrow(SigningSetupError);
    const fixed = loadPfx(pfx, 'secret');
    expect(fixed.chain.map((cert) => cert.subject.getField('CN').value)).toEqual(['District eSign CA']);

    const pfxSigner = new PdfSigner({ authority: fixed, clock: { now: () => new Date() } });
    const signed = await pfxSigner.sign(await smallPdf(), signer);
    const nss = await nssDatabase([await readFile(path.join(dir, 'ext-ca.pem'), 'utf8')]);
    try {
      const report = await pdfsig(signed, nss);
      expect(report).toContain('Signature is Valid.');
      expect(report).toContain('Certificate is Trusted.');
      expect(report).toContain('Signer Certificate Common Name: Collector Saharsa');
    } finally {
      await nss.dispose();
    }
    // The certificate names its holder, not the officer: the officer is only in /Name and /Reason.
    expect(await pfxSigner.verify(signed)).toMatchObject({
      intact: true, wholeDocument: true, trusted: true, signer: { name: 'Collector Saharsa', code: null, post: null }, reason: signer.reason,
    });
    expect(await new PdfSigner({ authority: office, clock: { now: () => new Date() } }).verify(signed)).toMatchObject({ intact: true, trusted: false });
  });
});

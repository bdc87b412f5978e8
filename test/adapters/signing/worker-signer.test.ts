// The signer as the server runs it: PdfSigner on a worker thread of its own (worker-signer.ts), with
// signer keys made ahead (signer-key-pool.ts). What comes back must be what PdfSigner makes on the
// main thread: a signature poppler's pdfsig calls valid and trusted, one fresh key per signature,
// the caller's clock as the signing time; and a worker that dies costs one call, not the signer.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignerIdentity } from '../../../core/ports.ts';
import { loadOrCreateOfficeCa, type IssuingAuthority } from '../../../adapters/signing/office-ca.ts';
import { findLastSignature } from '../../../adapters/signing/find-signature.ts';
import { SignerKeyPool } from '../../../adapters/signing/signer-key-pool.ts';
import { WorkerSigner } from '../../../adapters/signing/worker-signer.ts';
import { nssDatabase, pdfsig, type NssDatabase } from '../../helpers/nss.ts';
import { smallPdf } from './small-pdf.ts';

const systemClock = { now: () => new Date() };
const ANAND: SignerIdentity = { name: 'आनंद शर्मा', code: 'SHS0042', post: 'अपर समाहर्ता', reason: 'Approval of EST-12/2026 note 7 / स्वीकृत' };

let caDir: string;
let office: IssuingAuthority;
let signer: WorkerSigner;
let trusting: NssDatabase;
let unsigned: Uint8Array;

beforeAll(async () => {
  caDir = await mkdtemp(path.join(os.tmpdir(), 'daftar-ca-'));
  office = (await loadOrCreateOfficeCa(caDir)).authority;
  signer = new WorkerSigner({ authority: office, clock: systemClock, location: 'Collectorate, Saharsa' });
  trusting = await nssDatabase([office.certificatePem]);
  unsigned = await smallPdf();
});

afterAll(async () => {
  await signer?.close();
  await Promise.all([trusting?.dispose(), rm(caDir, { recursive: true, force: true })]);
});

/** The signer certificate's public key modulus, from the CMS in the signed PDF. */
function signerModulus(pdf: Uint8Array): string {
  const found = findLastSignature(Buffer.from(pdf));
  if (found === null) throw new Error('no signature in the PDF');
  // fromDer stops at the end of the CMS; the zeros padding /Contents after it are left unread.
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean }) => forge.asn1.Asn1;
  const asn1 = fromDer(forge.util.createBuffer(found.contents.toString('binary')), { strict: false, parseAllBytes: false });
  const msg = forge.pkcs7.messageFromAsn1(asn1) as unknown as { certificates: forge.pki.Certificate[] };
  const own = msg.certificates.find((c) => c.subject.getField('CN')?.value !== office.certificate.subject.getField('CN')?.value);
  if (own === undefined) throw new Error('no signer certificate in the CMS');
  return (own.publicKey as forge.pki.rsa.PublicKey).n.toString(16);
}

describe('the signer on its worker thread', () => {
  it('signs as PdfSigner does: pdfsig says valid and trusted, the signer named, and verify agrees', async () => {
    signer.warm();
    const signed = await signer.sign(unsigned, ANAND);
    const report = await pdfsig(signed, trusting);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: आनंद शर्मा');
    expect(await signer.verify(signed)).toMatchObject({ signed: true, intact: true, wholeDocument: true, trusted: true, signer: { name: 'आनंद शर्मा', code: 'SHS0042' } });
    // The caller's PDF is still whole: it was copied to the worker, not moved.
    expect(unsigned.byteLength).toBeGreaterThan(0);
    expect(await signer.verify(unsigned)).toEqual({ signed: false });
  });

  it('gives every signature a key of its own, also when the keys were made ahead', async () => {
    signer.warm();
    const moduli = [];
    for (let i = 0; i < 3; i++) moduli.push(signerModulus(await signer.sign(unsigned, ANAND)));
    expect(new Set(moduli).size).toBe(3);
  });

  it('takes the signing time from the caller\'s clock', async () => {
    const at = new Date(Date.now() - 3 * 60_000);
    const past = new WorkerSigner({ authority: office, clock: { now: () => at } });
    try {
      const check = await past.verify(await past.sign(unsigned, ANAND));
      expect(check.signed && check.signedAt?.toISOString()).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
    } finally {
      await past.close();
    }
  });

  it('a failure inside the worker is the caller\'s error; the next call works', async () => {
    await expect(signer.sign(new TextEncoder().encode('not a PDF at all'), ANAND)).rejects.toThrow();
    expect(await signer.verify(await signer.sign(unsigned, ANAND))).toMatchObject({ signed: true, intact: true });
  });

  it('a worker that dies fails its call only: the signer starts another', async () => {
    const running = signer.sign(unsigned, ANAND);
    // The worker is killed while it signs (the test reaches in; a crash in native code looks the same).
    await (signer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(running).rejects.toThrow(/stopped/);
    expect(await signer.verify(await signer.sign(unsigned, ANAND))).toMatchObject({ signed: true, intact: true });
  });

  it('after close, calls are refused instead of hanging', async () => {
    const closing = new WorkerSigner({ authority: office, clock: systemClock });
    await closing.close();
    await expect(closing.sign(unsigned, ANAND)).rejects.toThrow(/closed/);
  });
});

describe('the key pool', () => {
  it('has keys ready after filling, hands each out once, and refills', async () => {
    const pool = new SignerKeyPool(2, 1024);
    await pool.full();
    expect(pool.readyCount).toBe(2);
    const a = await pool.take();
    const b = await pool.take();
    expect(a.n.equals(b.n)).toBe(false);
    await pool.full();
    expect(pool.readyCount).toBe(2);
    const c = await pool.take();
    expect([a.n, b.n].some((n) => n.equals(c.n))).toBe(false);
  });

  it('makes a key on the spot when none is ready', async () => {
    const pool = new SignerKeyPool(0, 1024);
    const key = await pool.take();
    expect(key.n.bitLength()).toBe(1024);
    expect(pool.readyCount).toBe(0);
  });
});

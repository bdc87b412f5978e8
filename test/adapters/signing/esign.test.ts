// eSign 2.1 end to end over real HTTP on loopback: Daftar's ASP side (adapters/signing/esign)
// against the loopback ESP (test/helpers/esp-peer.ts). A PDF is prepared, its InputHash requested,
// the ESP's OTP page is driven in headless Chromium, the ESP's signed response arrives at a
// loopback response URL, and the returned PKCS#7 is embedded. pdfsig judges the signed PDF; each
// kind of bad response is refused with its typed failure.
import { createHash, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EsignAsp,
  esignResponseFromHttp,
  InMemoryEsignTransactions,
  type EsignResponseResult,
  type EsignSettings,
  type EsignSigned,
} from '../../../adapters/signing/esign/index.ts';
import { checkPdfSignature } from '../../../adapters/signing/verify-signature.ts';
import { EspPeer } from '../../helpers/esp-peer.ts';
import { nssDatabase, pdfsig, type NssDatabase } from '../../helpers/nss.ts';
import { qpdfCheck } from '../../helpers/pdf-tools.ts';
import { smallPdf } from './small-pdf.ts';

const CHROMIUM = '/usr/bin/chromium';
const HOLDER = { aadhaar: '999941057058', otp: '428193', name: 'Anand Sharma', state: 'Bihar' };
const OFFICER = { name: 'आनंद शर्मा', reason: 'Approval of EST-12/2026 note 7 / स्वीकृत' };

/** Real time (pdfsig and NSS check certificates against it), moved forward by hand for timeouts. */
class ShiftableClock {
  shiftMs = 0;
  now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}

/** Daftar's response URL on loopback: every post goes through the ASP, and its result is kept. */
class ResponseEndpoint {
  readonly results: Array<{ xml: string; result: EsignResponseResult }> = [];
  asp!: EsignAsp;
  private readonly waiting = new Map<string, (result: EsignResponseResult) => void>();
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void (async () => {
          const xml = esignResponseFromHttp(req.headers['content-type'], Buffer.concat(chunks));
          if (xml === null) {
            res.writeHead(415).end();
            return;
          }
          const result = await this.asp.response(xml);
          this.results.push({ xml, result });
          const txn = result.ok ? result.txn : 'txn' in result ? result.txn : null;
          if (txn !== null) this.waiting.get(txn)?.(result);
          res.writeHead(result.ok ? 200 : 400, { 'content-type': 'text/plain' }).end(result.ok ? 'signed' : result.kind);
        })().catch(() => res.writeHead(500).end());
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/esign/response`;
  }

  /** The ASP's result for the next response naming `txn`. */
  next(txn: string): Promise<EsignResponseResult> {
    return new Promise((resolve) => this.waiting.set(txn, resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A key and a self-signed certificate, as an ASP registers with its ESP. */
function aspKeyPair(name: string): { keyPem: string; certificatePem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '4f2a';
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [{ shortName: 'CN', value: name }, { shortName: 'O', value: 'Collectorate Saharsa' }, { shortName: 'C', value: 'IN' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { keyPem: privateKey, certificatePem: forge.pki.certificateToPem(cert) };
}

describe('eSign 2.1: the ASP against a loopback ESP', () => {
  const clock = new ShiftableClock();
  const endpoint = new ResponseEndpoint();
  const transactions = new InMemoryEsignTransactions();
  const asp = aspKeyPair('Daftar ASP - Collectorate Saharsa');
  let peer: EspPeer;
  let settings: EsignSettings;
  let esign: EsignAsp;
  let browser: Browser;
  let trusting: NssDatabase;
  let untrusting: NssDatabase;
  let unsigned: Uint8Array;
  // The first flow's outputs, judged by the tests after it.
  let genuine: { xml: string; prepared: Uint8Array; signed: EsignSigned; pdf: Uint8Array } | null = null;

  beforeAll(async () => {
    await endpoint.start();
    peer = await EspPeer.start({ aspId: 'DAFTAR-SAHARSA', aspCertificatePem: asp.certificatePem, holder: HOLDER });
    settings = {
      aspId: 'DAFTAR-SAHARSA',
      aspKeyPem: asp.keyPem,
      aspCertificatePem: asp.certificatePem,
      espRequestUrl: peer.requestUrl,
      espAuthUrl: peer.authUrl,
      espCertificatesPem: [peer.espCertificatePem],
      responseUrl: endpoint.url,
      signerTrustAnchorsPem: [peer.caCertificatePem],
      allowInsecureUrls: true, // loopback only
    };
    esign = new EsignAsp(settings, transactions, clock);
    endpoint.asp = esign;
    [trusting, untrusting, unsigned] = await Promise.all([nssDatabase([peer.caCertificatePem]), nssDatabase(), smallPdf()]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([peer?.stop(), endpoint.stop(), trusting?.dispose(), untrusting?.dispose()]);
  });

  /** The signer at the ESP's page: the Aadhaar number, an OTP, consent, submit; the page's last word. */
  async function authenticate(signerUrl: string, otp: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(signerUrl);
      await page.fill('#aadhaar', HOLDER.aadhaar);
      await page.fill('#otp', otp);
      await page.check('#consent');
      await Promise.all([page.waitForURL(/authenticate$/), page.click('#sign')]);
      return (await page.locator('#outcome').textContent()) ?? '';
    } finally {
      await page.close();
    }
  }

  async function started(docInfo = 'EST-12/2026 note 7: approval') {
    const prepared = await esign.prepare(unsigned, OFFICER);
    const requested = await esign.request({ inputHash: prepared.inputHash, docInfo, reference: 'challenge-1' });
    if (!requested.ok) throw new Error(`request refused: ${requested.kind} ${requested.message}`);
    return { prepared, requested };
  }

  it('signs: prepare, request, OTP at the ESP in Chromium, signed response, embed; pdfsig says valid and trusted', async () => {
    const { prepared, requested } = await started();
    expect(requested.signerUrl.startsWith(`${peer.authUrl}?txnref=`)).toBe(true);
    expect(requested.requestXml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Esign ver="2.1" sc="Y" ts="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" txn="DFT-\d{14}-[0-9a-f]{12}" ekycIdType="A" aspId="DAFTAR-SAHARSA" AuthMode="1" responseSigType="pkcs7" responseUrl="http:\/\/127\.0\.0\.1:\d+\/esign\/response"><Docs><InputHash id="1" hashAlgorithm="SHA256" docInfo="EST-12\/2026 note 7: approval">[0-9a-f]{64}<\/InputHash><\/Docs><Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/);
    expect(requested.requestXml).toContain(`>${prepared.inputHash}</InputHash>`);
    expect(peer.requests.at(-1)).toEqual({ txn: requested.txn, accepted: true, errCode: null });

    const result = endpoint.next(requested.txn);
    expect(await authenticate(requested.signerUrl, HOLDER.otp)).toContain('Signed.');
    const signed = await result;
    if (!signed.ok) throw new Error(`response refused: ${JSON.stringify(signed)}`);
    expect(signed).toMatchObject({ txn: requested.txn, reference: 'challenge-1', inputHash: prepared.inputHash, essSigningCertificate: true });
    expect(signed.signer.name).toBe(HOLDER.name);
    expect(peer.posted.at(-1)).toMatchObject({ txn: requested.txn, status: '1', httpStatus: 200 });

    const embedded = esign.embed(prepared.pdf, signed);
    if (!embedded.ok) throw new Error(`embed refused: ${embedded.kind} ${embedded.detail}`);
    genuine = { xml: peer.posted.at(-1)!.xml, prepared: prepared.pdf, signed, pdf: embedded.pdf };

    const report = await pdfsig(embedded.pdf, trusting);
    console.info(`pdfsig on the eSigned PDF, the test CA trusted:\n${report}`);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain(`Signer Certificate Common Name: ${HOLDER.name}`);
    const untrusted = await pdfsig(embedded.pdf, untrusting);
    expect(untrusted).toContain('Signature Validation: Signature is Valid.');
    expect(untrusted).toContain("Certificate Validation: Certificate issuer isn't Trusted.");
    expect(await qpdfCheck(embedded.pdf)).toMatchObject({ ok: true });

    // Daftar's own verify reads it the same way, with the test CA as the anchor.
    const ca = forge.pki.certificateFromPem(peer.caCertificatePem);
    expect(checkPdfSignature(embedded.pdf, forge.pki.createCaStore([ca]), new Date())).toMatchObject({
      signed: true, intact: true, wholeDocument: true, trusted: true, signer: { name: HOLDER.name }, reason: OFFICER.reason,
    });
  });

  it('labels the signature adbe.pkcs7.detached when configured so (an ESP whose PKCS#7 lacks ESS)', async () => {
    const adobe = new EsignAsp({ ...settings, subFilter: 'adbe.pkcs7.detached' }, transactions, clock);
    endpoint.asp = adobe;
    try {
      const { prepared, request } = await adobe.begin(unsigned, OFFICER, { docInfo: 'EST-12/2026 note 7', reference: 'challenge-4' });
      if (!request.ok) throw new Error(`request refused: ${request.kind}`);
      const result = endpoint.next(request.txn);
      expect(await authenticate(request.signerUrl, HOLDER.otp)).toContain('Signed.');
      const signed = await result;
      if (!signed.ok) throw new Error(`response refused: ${JSON.stringify(signed)}`);
      const embedded = adobe.embed(prepared.pdf, signed);
      if (!embedded.ok) throw new Error(embedded.detail);
      const report = await pdfsig(embedded.pdf, trusting);
      expect(report).toContain('Signature Type: adbe.pkcs7.detached');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Certificate Validation: Certificate is Trusted.');
      expect(await qpdfCheck(embedded.pdf)).toMatchObject({ ok: true });
    } finally {
      endpoint.asp = esign;
    }
  });

  it('refuses the response with one byte flipped as tampered, and the genuine one again as replayed', async () => {
    expect(genuine).not.toBeNull();
    const { xml } = genuine!;
    const at = xml.indexOf('<DocSignature');
    const inside = xml.indexOf('>', at) + 40;
    const flipped = xml.slice(0, inside) + (xml[inside] === 'A' ? 'B' : 'A') + xml.slice(inside + 1);
    expect(flipped.length).toBe(xml.length);
    expect(await peer.postResponse(endpoint.url, flipped)).toBe(400);
    expect(endpoint.results.at(-1)?.result).toMatchObject({ ok: false, kind: 'tampered' });

    const unsignedCopy = xml.replace(/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">[\s\S]*<\/Signature>/, '');
    expect(unsignedCopy).not.toBe(xml);
    expect(await peer.postResponse(endpoint.url, unsignedCopy)).toBe(400);
    expect(endpoint.results.at(-1)?.result).toMatchObject({ ok: false, kind: 'tampered' });

    expect(await peer.postResponse(endpoint.url, xml)).toBe(400);
    expect(endpoint.results.at(-1)?.result).toEqual({ ok: false, kind: 'replayed', txn: genuine!.signed.txn });
  });

  it('refuses a response for a hash that was never sent, and ends that transaction', async () => {
    const { requested } = await started();
    const other = createHash('sha256').update('a document Daftar never asked to sign').digest('hex');
    const forged = await peer.signedResponse({ txn: requested.txn, inputHash: other });
    expect(await peer.postResponse(endpoint.url, forged)).toBe(400);
    expect(endpoint.results.at(-1)?.result).toMatchObject({ ok: false, kind: 'hash-mismatch', txn: requested.txn, signed: other });
    expect((await transactions.find(requested.txn))?.finished?.outcome).toBe('failed');
    // The signer's page is still there, but whatever the ESP sends now is too late.
    const late = endpoint.next(requested.txn);
    expect(await authenticate(requested.signerUrl, HOLDER.otp)).toContain('Signed.');
    expect(await late).toEqual({ ok: false, kind: 'replayed', txn: requested.txn });
  });

  it('refuses a response for a transaction it never started', async () => {
    const hash = createHash('sha256').update('x').digest('hex');
    const stray = await peer.signedResponse({ txn: 'DFT-20261125110500-000000000000', inputHash: hash });
    expect(await peer.postResponse(endpoint.url, stray)).toBe(400);
    expect(endpoint.results.at(-1)?.result).toEqual({ ok: false, kind: 'unknown-transaction', txn: 'DFT-20261125110500-000000000000' });
  });

  it('a wrong OTP at the ESP comes back as the ESP\'s typed failure; nothing is signed', async () => {
    const { requested } = await started();
    const result = endpoint.next(requested.txn);
    expect(await authenticate(requested.signerUrl, '000000')).toContain('OTP verification failed');
    expect(await result).toEqual({ ok: false, kind: 'esp-failed', txn: requested.txn, code: '400', message: 'Invalid OTP value' });
    expect(peer.posted.at(-1)).toMatchObject({ txn: requested.txn, status: '0', httpStatus: 400 });
    expect((await transactions.find(requested.txn))?.finished?.outcome).toBe('failed');
  });

  it('the ESP refuses a request whose ASP signature does not verify', async () => {
    const impostor = aspKeyPair('Daftar ASP - Collectorate Saharsa');
    const wrong = new EsignAsp({ ...settings, aspKeyPem: impostor.keyPem, aspCertificatePem: impostor.certificatePem }, transactions, clock);
    const prepared = await wrong.prepare(unsigned, OFFICER);
    const requested = await wrong.request({ inputHash: prepared.inputHash, docInfo: 'EST-12/2026 note 7', reference: 'challenge-2' });
    expect(requested).toMatchObject({ ok: false, kind: 'esp-refused', code: 'LOOPBACK-ASP-SIGNATURE' });
    expect(peer.requests.at(-1)).toMatchObject({ accepted: false, errCode: 'LOOPBACK-ASP-SIGNATURE' });
    expect((await transactions.find(requested.txn))?.finished?.outcome).toBe('refused');
  });

  it('the request may travel as the form field eSignRequest, with the Hindi docInfo intact', async () => {
    const asForm = new EsignAsp({ ...settings, requestEncoding: 'form' }, transactions, clock);
    const prepared = await asForm.prepare(unsigned, OFFICER);
    const requested = await asForm.request({ inputHash: prepared.inputHash, docInfo: 'फ़ाइल EST-12/2026 टिप्पणी 7 स्वीकृत', reference: 'challenge-3' });
    expect(requested).toMatchObject({ ok: true });
    expect(peer.requests.at(-1)).toEqual({ txn: requested.txn, accepted: true, errCode: null });
    const page = await browser.newPage();
    try {
      await page.goto((requested as { signerUrl: string }).signerUrl);
      expect(await page.locator('#doc-info').textContent()).toBe('फ़ाइल EST-12/2026 टिप्पणी 7 स्वीकृत');
    } finally {
      await page.close();
    }
  });

  it('a response after the transaction\'s time ran out is refused as timed out; overdue ones expire', async () => {
    const first = await started();
    const second = await started();
    clock.shiftMs = 16 * 60_000;
    try {
      const answer = await peer.signedResponse({ txn: first.requested.txn, inputHash: first.prepared.inputHash });
      expect(await peer.postResponse(endpoint.url, answer)).toBe(400);
      expect(endpoint.results.at(-1)?.result).toEqual({ ok: false, kind: 'timed-out', txn: first.requested.txn });
      const expired = await esign.expireOverdue();
      expect(expired.map((t) => t.txn)).toContain(second.requested.txn);
      expect(expired.map((t) => t.txn)).not.toContain(first.requested.txn);
      expect((await transactions.find(second.requested.txn))?.finished?.outcome).toBe('timed-out');
    } finally {
      clock.shiftMs = 0;
    }
  });

  it('embedding refuses a prepared PDF that changed after its hash was sent', () => {
    expect(genuine).not.toBeNull();
    const changed = Buffer.from(genuine!.prepared);
    const at = changed.indexOf('Daftar signing test');
    changed[at] = 'd'.charCodeAt(0);
    expect(esign.embed(changed, genuine!.signed)).toMatchObject({ ok: false, kind: 'document-changed' });
    expect(esign.embed(genuine!.pdf, genuine!.signed)).toMatchObject({ ok: false, kind: 'not-prepared' });
  });
});

// The eSign ASP's parts on their own, without an ESP: settings checks, the transaction store, the
// response body as ESPs post it, timestamps, the CMS reader, and an ESP that cannot be reached.
import { createHash, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { readEspCms } from '../../../adapters/signing/esign/cms.ts';
import {
  EsignAsp,
  esignResponseFromHttp,
  InMemoryEsignTransactions,
  istTimestamp,
  parseIstTimestamp,
  readAcknowledgement,
  type EsignSettings,
} from '../../../adapters/signing/esign/index.ts';
import { signEnveloped } from '../../../adapters/signing/esign/xml.ts';
import { SigningSetupError } from '../../../adapters/signing/office-ca.ts';

const clock = { now: () => new Date('2026-11-25T05:30:00Z') };

function keyPair(name: string): { keyPem: string; certificatePem: string; key: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '0b';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2030-01-01T00:00:00Z');
  cert.setSubject([{ shortName: 'CN', value: name }]);
  cert.setIssuer([{ shortName: 'CN', value: name }]);
  cert.sign(key, forge.md.sha256.create());
  return { keyPem: privateKey, certificatePem: forge.pki.certificateToPem(cert), key, certificate: cert };
}

const asp = keyPair('ASP');
const esp = keyPair('ESP');

function settings(overrides: Partial<EsignSettings> = {}): EsignSettings {
  return {
    aspId: 'DAFTAR-SAHARSA',
    aspKeyPem: asp.keyPem,
    aspCertificatePem: asp.certificatePem,
    espRequestUrl: 'https://esp.example/esign/2.1/request',
    espAuthUrl: 'https://esp.example/esign/2.1/authenticate',
    espCertificatesPem: [esp.certificatePem],
    responseUrl: 'https://daftar.example/esign/response',
    ...overrides,
  };
}

describe('settings', () => {
  it('are refused with what to fix: http URLs, a key that is not the certificate\'s, no ESP certificate', () => {
    const build = (s: EsignSettings) => () => new EsignAsp(s, new InMemoryEsignTransactions(), clock);
    expect(build(settings())).not.toThrow();
    expect(build(settings({ espRequestUrl: 'http://esp.example/x' }))).toThrow(/ESP request URL must be https/);
    expect(build(settings({ aspKeyPem: esp.keyPem }))).toThrow(/ASP key does not belong to the ASP certificate/);
    expect(build(settings({ espCertificatesPem: [] }))).toThrow(SigningSetupError);
    expect(build(settings({ aspId: ' ' }))).toThrow(/ASP id is empty/);
  });
});

describe('transactions in memory', () => {
  it('finish a transaction once; a txn cannot be begun twice; overdue lists the open ones past their time', async () => {
    const store = new InMemoryEsignTransactions();
    const t = { txn: 'T1', inputHash: 'ab'.repeat(32), docInfo: 'd', reference: 'r', startedAt: new Date(0), expiresAt: new Date(1000) };
    await store.begin(t);
    await expect(store.begin(t)).rejects.toThrow(/already exists/);
    await store.begin({ ...t, txn: 'T2' });
    expect((await store.overdue(new Date(1000))).map((x) => x.txn)).toEqual(['T1', 'T2']);
    const [first, second] = await Promise.all([store.finish('T1', 'signed', new Date(5)), store.finish('T1', 'failed', new Date(6))]);
    expect([first, second]).toEqual([true, false]);
    expect((await store.find('T1'))?.finished).toEqual({ at: new Date(5), outcome: 'signed' });
    expect(await store.finish('nope', 'signed', new Date(5))).toBe(false);
    expect((await store.overdue(new Date(1000))).map((x) => x.txn)).toEqual(['T2']);
  });
});

describe('the response as ESPs post it', () => {
  const xml = '<EsignResp ver="2.1" status="0" txn="T1" errCode="400" errMsg="OTP गलत"/>';
  it('is the body of an XML post, or the eSignResponse field of a form post', () => {
    expect(esignResponseFromHttp('application/xml; charset=utf-8', Buffer.from(xml))).toBe(xml);
    expect(esignResponseFromHttp('text/xml', Buffer.from(xml))).toBe(xml);
    const form = Buffer.from(new URLSearchParams({ eSignResponse: xml }).toString());
    expect(esignResponseFromHttp('application/x-www-form-urlencoded', form)).toBe(xml);
    expect(esignResponseFromHttp('application/x-www-form-urlencoded', Buffer.from('other=1'))).toBeNull();
    expect(esignResponseFromHttp('application/json', Buffer.from('{}'))).toBeNull();
  });

  it('an acknowledgement is read with "NA" as no error; anything else is not one', () => {
    expect(readAcknowledgement('<EsignResp ver="2.1" status="2" ts="2026-11-25T11:00:00" txn="T1" resCode="R9" errCode="NA" errMsg="NA"/>')).toEqual({
      status: '2', txn: 'T1', resCode: 'R9', errCode: null, errMsg: null, ts: '2026-11-25T11:00:00',
    });
    expect(readAcknowledgement('<html><body>502 Bad Gateway</body></html>')).toBeNull();
    expect(readAcknowledgement('<!DOCTYPE x [<!ENTITY a "b">]><EsignResp status="1"/>')).toBeNull();
  });

  it('a DOCTYPE, a second signature or a signature by another key is refused before anything is read', async () => {
    const asp1 = new EsignAsp(settings(), new InMemoryEsignTransactions(), clock);
    const plain = '<EsignResp ver="2.1" status="0" ts="2026-11-25T11:00:00" txn="T1" resCode="R" errCode="400" errMsg="x"></EsignResp>';
    expect(await asp1.response(`<!DOCTYPE EsignResp []>${plain}`)).toMatchObject({ ok: false, kind: 'malformed' });
    expect(await asp1.response(plain)).toMatchObject({ ok: false, kind: 'tampered', detail: 'the document is not signed' });
    expect(await asp1.response(signEnveloped(plain, asp.keyPem, asp.certificatePem))).toMatchObject({ ok: false, kind: 'tampered' });
    const signed = signEnveloped(plain, esp.keyPem, esp.certificatePem);
    expect(await asp1.response(signed)).toEqual({ ok: false, kind: 'unknown-transaction', txn: 'T1' });
    const doubled = signEnveloped(signed, esp.keyPem, esp.certificatePem);
    expect(await asp1.response(doubled)).toMatchObject({ ok: false, kind: 'tampered' });
  });
});

describe('timestamps', () => {
  it('are India time without a zone, and read back as such', () => {
    expect(istTimestamp(new Date('2026-11-25T05:30:00Z'))).toBe('2026-11-25T11:00:00');
    expect(parseIstTimestamp('2026-11-25T11:00:00')).toEqual(new Date('2026-11-25T05:30:00Z'));
    expect(parseIstTimestamp('2026-11-25T11:00:00.250+0530')).toEqual(new Date('2026-11-25T05:30:00.250Z'));
    expect(parseIstTimestamp('2026-11-25T05:30:00Z')).toEqual(new Date('2026-11-25T05:30:00Z'));
    expect(parseIstTimestamp('yesterday')).toBeNull();
  });
});

describe('the CMS reader', () => {
  /** A detached CMS over `content` as forge makes it: no ESS signing-certificate attribute. */
  function forgeCms(content: string): Buffer {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content);
    p7.addCertificate(esp.certificate);
    p7.addSigner({
      key: esp.key,
      certificate: esp.certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        { type: forge.pki.oids.messageDigest! },
        { type: forge.pki.oids.signingTime!, value: new Date('2026-11-25T05:30:00Z') as unknown as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }

  it('reads another signer\'s CMS: its digest, time and signer; no ESS attribute is reported as such', () => {
    const checked = readEspCms(forgeCms('byte ranges'));
    if (!checked.ok) throw new Error(checked.detail);
    expect(checked.cms.messageDigest.toString('hex')).toBe(createHash('sha256').update('byte ranges').digest('hex'));
    expect(checked.cms.signingTime).toEqual(new Date('2026-11-25T05:30:00Z'));
    expect(checked.cms.signer.subject).toBe('CN=ESP');
    expect(checked.cms.essSigningCertificate).toBe(false);
  });

  it('refuses a CMS whose signature was changed, or bytes that are no CMS', () => {
    const der = forgeCms('byte ranges');
    const tampered = Buffer.from(der);
    const at = tampered.length - 10; // inside the signature value, the SignerInfo's last field
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0x01, at);
    expect(readEspCms(tampered)).toMatchObject({ ok: false, detail: 'the CMS signature does not verify with its certificate' });
    expect(readEspCms(Buffer.from('not a cms'))).toMatchObject({ ok: false });
    expect(readEspCms(Buffer.concat([der, Buffer.from([0])]))).toMatchObject({ ok: false });
  });
});

describe('an ESP that cannot be reached or answers nonsense', () => {
  it('is a typed failure, and the transaction is finished as refused', async () => {
    const server = http.createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const store = new InMemoryEsignTransactions();
      const local = { espRequestUrl: `${base}/request`, espAuthUrl: `${base}/auth`, responseUrl: `${base}/response`, allowInsecureUrls: true };
      const asp1 = new EsignAsp(settings(local), store, clock);
      const hash = createHash('sha256').update('pdf').digest('hex');
      const answered = await asp1.request({ inputHash: hash, docInfo: 'd', reference: 'r' });
      expect(answered).toMatchObject({ ok: false, kind: 'esp-unreachable', message: 'the ESP answered HTTP 502' });
      expect((await store.find(answered.txn))?.finished?.outcome).toBe('refused');

      const closed = new EsignAsp(settings({ ...local, espRequestUrl: 'http://127.0.0.1:9/request' }), store, clock);
      expect(await closed.request({ inputHash: hash, docInfo: 'd', reference: 'r' })).toMatchObject({ ok: false, kind: 'esp-unreachable' });
    } finally {
      server.close();
    }
  });
});

// A loopback eSign Service Provider (ESP) for the tests, written from the eSign API 2.1
// specification and independent of the ASP code under test (its own XML checks, its own CMS).
// It speaks real HTTP on 127.0.0.1:
//
//   POST /esign/2.1/request        the ASP's signed <Esign> (raw XML, or the form field eSignRequest).
//                                  Refused (status="0") unless its enveloped XML signature verifies
//                                  with the ASP's certificate and it is a well-formed 2.1 OTP request;
//                                  else acknowledged with status="2" and a resCode.
//   GET  /esign/2.1/authenticate   ?txnref=base64(txn|resCode): the signer's page, a form asking for
//                                  the Aadhaar number and the OTP "sent to the registered mobile".
//   POST /esign/2.1/authenticate   the form. The right number and OTP: a certificate issued for this
//                                  one signature by the loopback's test CA, a detached CMS over the
//                                  InputHash (signed attributes: content type, signing time, message
//                                  digest, ESS signing-certificate-v2), and a signed <EsignResp
//                                  status="1"> posted to the request's responseUrl. A wrong one: a
//                                  signed <EsignResp status="0" errCode="400"> posted there instead.
//
// The tests know the Aadhaar number and OTP (`holder`): nothing here is sent anywhere but loopback.
import { createHash, randomBytes, sign as rsaSign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';
import { generateRsaKey, nameAttribute, randomSerial } from '../../adapters/signing/office-ca.ts';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  pseudonym: '2.5.4.65',
  state: '2.5.4.8',
};

/** The Aadhaar holder the loopback's "UIDAI" knows, and the OTP it "sent" them. */
export interface EspHolder {
  aadhaar: string;
  otp: string;
  /** The name in the holder's e-KYC: what the signer certificate names. */
  name: string;
  state: string;
}

export interface EspPeerOptions {
  aspId: string;
  /** The ASP's certificate as the ESP registered it: requests must verify with it. */
  aspCertificatePem: string;
  holder: EspHolder;
}

interface PendingTransaction {
  txn: string;
  resCode: string;
  inputHash: string;
  docInfo: string;
  responseUrl: string;
  done: boolean;
}

interface KeyPair {
  key: forge.pki.rsa.PrivateKey;
  keyPem: string;
  certificate: forge.pki.Certificate;
  certificatePem: string;
}

export interface PostedResponse {
  txn: string;
  status: '0' | '1';
  xml: string;
  /** The ASP's HTTP answer to the post. */
  httpStatus: number;
}

export class EspPeer {
  /** Every request as it arrived, with the loopback's verdict. */
  readonly requests: Array<{ txn: string; accepted: boolean; errCode: string | null }> = [];
  /** Every response the loopback posted to an ASP. */
  readonly posted: PostedResponse[] = [];
  private readonly transactions = new Map<string, PendingTransaction>();
  private server!: http.Server;
  private base = '';

  private constructor(
    private readonly options: EspPeerOptions,
    /** The loopback's test CA: it issues the signers' certificates (a PDF reader trusts it to trust them). */
    private readonly ca: KeyPair,
    /** The key the loopback signs its responses with. */
    private readonly esp: KeyPair,
  ) {}

  static async start(options: EspPeerOptions): Promise<EspPeer> {
    const [ca, esp] = await Promise.all([
      selfSigned('Loopback eSign Test CA', true),
      selfSigned('Loopback ESP Response Signing', false),
    ]);
    const peer = new EspPeer(options, ca, esp);
    peer.server = http.createServer((req, res) => {
      peer.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
    peer.base = `http://127.0.0.1:${(peer.server.address() as AddressInfo).port}`;
    return peer;
  }

  get requestUrl(): string {
    return `${this.base}/esign/2.1/request`;
  }

  get authUrl(): string {
    return `${this.base}/esign/2.1/authenticate`;
  }

  /** The test CA's certificate: the trust anchor for the signers' certificates. */
  get caCertificatePem(): string {
    return this.ca.certificatePem;
  }

  /** The certificate the ASP checks responses with. */
  get espCertificatePem(): string {
    return this.esp.certificatePem;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * A response signed by this ESP: a success over `inputHash` (a fresh certificate and CMS), or a
   * failure with `errCode`. The tests use it to send what an ESP could send but this one would not.
   */
  async signedResponse(fields: { txn: string; inputHash: string } | { txn: string; errCode: string; errMsg: string }): Promise<string> {
    const ts = istNow();
    const resCode = randomBytes(8).toString('hex');
    if ('errCode' in fields) {
      return this.signXml(
        `<EsignResp ver="2.1" status="0" ts="${ts}" txn="${escapeXml(fields.txn)}" resCode="${resCode}" errCode="${escapeXml(fields.errCode)}" errMsg="${escapeXml(fields.errMsg)}"></EsignResp>`,
      );
    }
    const signer = await this.issueSignerCertificate();
    const cms = detachedCms(Buffer.from(fields.inputHash, 'hex'), signer, this.ca.certificate, new Date());
    const certificate = forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(signer.certificate)).getBytes());
    return this.signXml(
      `<EsignResp ver="2.1" status="1" ts="${ts}" txn="${escapeXml(fields.txn)}" resCode="${resCode}" errCode="NA" errMsg="NA">` +
        `<UserX509Certificate>${certificate}</UserX509Certificate>` +
        `<Signatures><DocSignature id="1" sigHashAlgorithm="SHA256" error="">${cms.toString('base64')}</DocSignature></Signatures>` +
        '</EsignResp>',
    );
  }

  /** Posts a response to an ASP's response URL, as the ESP does: the XML as the body. */
  async postResponse(responseUrl: string, xml: string): Promise<number> {
    const response = await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/xml; charset=utf-8' }, body: xml });
    await response.arrayBuffer();
    return response.status;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    if (req.method === 'POST' && url.pathname === '/esign/2.1/request') {
      const body = await readBody(req);
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
      const xml = type === 'application/x-www-form-urlencoded' ? new URLSearchParams(body.toString('utf8')).get('eSignRequest') ?? '' : body.toString('utf8');
      const ack = this.acceptRequest(xml);
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(ack);
      return;
    }
    if (url.pathname === '/esign/2.1/authenticate') {
      const form = req.method === 'POST' ? new URLSearchParams((await readBody(req)).toString('utf8')) : url.searchParams;
      const pending = this.fromTxnref(form.get('txnref') ?? '');
      if (pending === null || pending.done) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('eSign', '<p id="outcome">This eSign request is unknown or already finished.</p>'));
        return;
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(otpPage(pending, form.get('txnref') ?? '', this.options.aspId));
        return;
      }
      const holder = this.options.holder;
      const consent = form.get('consent') === 'Y';
      const right = consent && form.get('aadhaar')?.replace(/\s+/g, '') === holder.aadhaar && form.get('otp') === holder.otp;
      pending.done = true;
      const xml = right
        ? await this.signedResponse({ txn: pending.txn, inputHash: pending.inputHash })
        : await this.signedResponse({ txn: pending.txn, errCode: consent ? '400' : 'CONSENT', errMsg: consent ? 'Invalid OTP value' : 'The signer did not consent' });
      const httpStatus = await this.postResponse(pending.responseUrl, xml);
      this.posted.push({ txn: pending.txn, status: right ? '1' : '0', xml, httpStatus });
      const outcome = right
        ? `<p id="outcome">Signed. The signature was sent to ${escapeXml(this.options.aspId)}; you can go back to the chat.</p>`
        : `<p id="outcome">OTP verification failed (error 400). Nothing was signed.</p>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('eSign', outcome));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }

  /** The acknowledgement of a request: refused unless it is signed by the ASP and well-formed. */
  private acceptRequest(xml: string): string {
    const refuse = (txn: string, errCode: string, errMsg: string) => {
      this.requests.push({ txn, accepted: false, errCode });
      return `<EsignResp ver="2.1" status="0" ts="${istNow()}" txn="${escapeXml(txn)}" resCode="" errCode="${errCode}" errMsg="${escapeXml(errMsg)}"/>`;
    };
    let root: ReturnType<typeof parse>;
    try {
      root = parse(xml);
    } catch {
      return refuse('', 'LOOPBACK-XML', 'The request is not XML');
    }
    const txn = root.getAttribute('txn') ?? '';
    if (root.localName !== 'Esign') return refuse(txn, 'LOOPBACK-XML', 'Not an Esign request');
    if (!verifiesWith(xml, root, this.options.aspCertificatePem)) return refuse(txn, 'LOOPBACK-ASP-SIGNATURE', 'The ASP signature does not verify');
    const expect: Record<string, string> = { ver: '2.1', sc: 'Y', ekycIdType: 'A', aspId: this.options.aspId, AuthMode: '1', responseSigType: 'pkcs7' };
    for (const [name, value] of Object.entries(expect)) {
      if (root.getAttribute(name) !== value) return refuse(txn, 'LOOPBACK-ATTRIBUTE', `${name} must be ${value}`);
    }
    const hashes = Array.from(root.getElementsByTagName('InputHash'));
    const hash = hashes[0];
    const inputHash = hash?.textContent?.trim().toLowerCase() ?? '';
    if (hashes.length !== 1 || hash?.getAttribute('hashAlgorithm') !== 'SHA256' || !/^[0-9a-f]{64}$/.test(inputHash)) {
      return refuse(txn, 'LOOPBACK-HASH', 'One SHA256 InputHash in hex is required');
    }
    const responseUrl = root.getAttribute('responseUrl') ?? '';
    if (txn === '' || this.transactions.has(txn) || !responseUrl.startsWith('http://127.0.0.1:')) {
      return refuse(txn, 'LOOPBACK-TXN', 'A new txn and a loopback responseUrl are required');
    }
    const resCode = randomBytes(8).toString('hex');
    this.transactions.set(txn, { txn, resCode, inputHash, docInfo: hash.getAttribute('docInfo') ?? '', responseUrl, done: false });
    this.requests.push({ txn, accepted: true, errCode: null });
    return `<EsignResp ver="2.1" status="2" ts="${istNow()}" txn="${escapeXml(txn)}" resCode="${resCode}" errCode="NA" errMsg="NA"/>`;
  }

  private fromTxnref(txnref: string): PendingTransaction | null {
    const [txn, resCode] = Buffer.from(txnref, 'base64').toString('utf8').split('|');
    const pending = txn === undefined ? undefined : this.transactions.get(txn);
    return pending !== undefined && pending.resCode === resCode ? pending : null;
  }

  /** A certificate for this one signature, naming the e-KYC holder, issued by the test CA. */
  private async issueSignerCertificate(): Promise<KeyPair> {
    const key = await generateRsaKey(2048);
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = randomSerial();
    const now = Date.now();
    cert.validity.notBefore = new Date(now - 5 * 60_000);
    cert.validity.notAfter = new Date(now + 365 * 86_400_000); // eSign certificates are short-lived; a year suffices here
    const holder = this.options.holder;
    // eSign names the holder, with a pseudonym the ESP keeps against the e-KYC record.
    cert.setSubject([
      nameAttribute('CN', holder.name),
      { type: OIDS.pseudonym, value: randomBytes(16).toString('hex'), valueTagClass: asn1.Type.PRINTABLESTRING as number as forge.asn1.Class },
      { type: OIDS.state, value: holder.state, valueTagClass: asn1.Type.UTF8 as number as forge.asn1.Class },
      nameAttribute('C', 'IN'),
    ]);
    cert.setIssuer(this.ca.certificate.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      // NSS (pdfsig) checks a PDF signer's certificate for the e-mail signer usage.
      { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: this.ca.certificate.generateSubjectKeyIdentifier().getBytes() },
    ]);
    cert.sign(this.ca.key, forge.md.sha256.create());
    return { key, keyPem: forge.pki.privateKeyToPem(key), certificate: cert, certificatePem: forge.pki.certificateToPem(cert) };
  }

  private signXml(xml: string): string {
    const signer = new SignedXml({
      privateKey: this.esp.keyPem,
      publicCert: this.esp.certificatePem,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: C14N,
    });
    signer.addReference({
      xpath: '/*',
      isEmptyUri: true,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', C14N],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    signer.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
    return signer.getSignedXml();
  }
}

/**
 * A detached CMS SignedData (RFC 5652) whose signed attributes carry `digest` as the message digest:
 * the ESP signs the hash it was sent, never the document. ESS signing-certificate-v2 (RFC 5035)
 * binds the signer's certificate to the signature, as PAdES baseline signatures require.
 */
function detachedCms(digest: Buffer, signer: KeyPair, caCertificate: forge.pki.Certificate, signingTime: Date): Buffer {
  const signerDer = certificateDer(signer.certificate);
  const signerAsn1 = asn1.fromDer(signerDer.toString('binary'));
  const tbs = signerAsn1.value[0] as Asn1;
  const tbsFields = tbs.value as Asn1[];
  const serial = tbsFields[1]!; // [0] version, serialNumber, signature, issuer, …
  const issuer = tbsFields[3]!;
  const algorithm = (oid: string, withNull: boolean) =>
    seq([oidNode(oid), ...(withNull ? [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')] : [])]);
  const attribute = (oid: string, value: Asn1) => seq([oidNode(oid), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [value])]);

  const essCertIdV2 = seq([
    // hashAlgorithm is left out: it DEFAULTs to SHA-256, and DER leaves defaults out.
    octets(createHash('sha256').update(signerDer).digest()),
    seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [copy(issuer)])]), copy(serial)]),
  ]);
  const attributes = [
    attribute(OIDS.contentType, oidNode(OIDS.data)),
    attribute(OIDS.signingTime, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime))),
    attribute(OIDS.messageDigest, octets(digest)),
    attribute(OIDS.signingCertificateV2, seq([seq([essCertIdV2])])),
  ];
  // DER orders the members of a SET OF by their encodings.
  attributes.sort((a, b) => Buffer.compare(Buffer.from(asn1.toDer(a).getBytes(), 'binary'), Buffer.from(asn1.toDer(b).getBytes(), 'binary')));
  const signedSet = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributes);
  const signature = rsaSign('sha256', Buffer.from(asn1.toDer(signedSet).getBytes(), 'binary'), signer.keyPem);

  const signerInfo = seq([
    integer(1),
    seq([copy(issuer), copy(serial)]),
    algorithm(OIDS.sha256, false),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OIDS.rsaEncryption, true),
    octets(signature),
  ]);
  const signedData = seq([
    integer(1),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [algorithm(OIDS.sha256, false)]),
    seq([oidNode(OIDS.data)]), // no eContent: detached
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signerAsn1, asn1.fromDer(certificateDer(caCertificate).toString('binary'))]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [signerInfo]),
  ]);
  const contentInfo = seq([oidNode(OIDS.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return Buffer.from(asn1.toDer(contentInfo).getBytes(), 'binary');
}

function seq(value: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
}

function oidNode(oid: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
}

function octets(bytes: Buffer): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

function integer(value: number): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

function copy(node: Asn1): Asn1 {
  return asn1.fromDer(asn1.toDer(node).getBytes());
}

function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
}

async function selfSigned(commonName: string, ca: boolean): Promise<KeyPair> {
  const key = await generateRsaKey(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(Date.now() - 60 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const name = [nameAttribute('CN', commonName), nameAttribute('O', 'Daftar tests'), nameAttribute('C', 'IN')];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions(
    ca
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, critical: true }],
  );
  cert.sign(key, forge.md.sha256.create());
  return { key, keyPem: forge.pki.privateKeyToPem(key), certificate: cert, certificatePem: forge.pki.certificateToPem(cert) };
}

function parse(xml: string) {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE');
  const root = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(xml, 'text/xml').documentElement;
  if (root === null) throw new Error('empty');
  return root;
}

/** The request's one enveloped signature verifies with the ASP's certificate and covers the whole request. */
function verifiesWith(xml: string, root: ReturnType<typeof parse>, certificatePem: string): boolean {
  const signatures = Array.from(root.getElementsByTagNameNS(DSIG, 'Signature'));
  const signature = signatures[0];
  if (signatures.length !== 1 || signature === undefined || signature.parentNode !== root) return false;
  const reference = Array.from(signature.getElementsByTagNameNS(DSIG, 'Reference'));
  if (reference.length !== 1 || reference[0]?.getAttribute('URI') !== '') return false;
  const check = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  try {
    check.loadSignature(new XMLSerializer().serializeToString(signature));
    return check.checkSignature(xml);
  } catch {
    return false;
  }
}

function otpPage(pending: PendingTransaction, txnref: string, aspId: string): string {
  return page(
    'eSign — Aadhaar OTP',
    `<h1>eSign</h1>
<p>${escapeXml(aspId)} asks you to sign: <b id="doc-info">${escapeXml(pending.docInfo)}</b></p>
<p>Document hash (SHA-256): <code>${pending.inputHash}</code></p>
<form method="post" action="/esign/2.1/authenticate">
  <input type="hidden" name="txnref" value="${escapeXml(txnref)}">
  <label>Aadhaar number or VID <input id="aadhaar" name="aadhaar" inputmode="numeric" autocomplete="off" required></label>
  <label>OTP sent to your registered mobile <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" required></label>
  <label><input id="consent" type="checkbox" name="consent" value="Y" required> I consent to sign this document with eSign.</label>
  <button id="sign" type="submit">Verify OTP and sign</button>
</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeXml(title)}</title></head><body>${body}</body></html>`;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function istNow(): string {
  return new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 19);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

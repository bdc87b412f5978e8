// The Application Service Provider (ASP) side of eSign (CCA eSign API 2.1), for Aadhaar-OTP
// signatures made by a licensed eSign Service Provider (ESP):
//
//   prepare  — the PDF gets its signature field; the SHA-256 of its byte ranges is the InputHash;
//   request  — an <Esign ver="2.1"> naming that hash, signed by the ASP's key, is posted to the ESP;
//              the ESP acknowledges, and the signer gets the ESP's page to authenticate on (the bot
//              shows the link; the Aadhaar number and OTP are typed there, never to Daftar);
//   response — the ESP's signed <EsignResp> arrives at the response URL: its XML signature, the
//              transaction, the hash and the PKCS#7 are checked; the transaction is finished once;
//   embed    — the PKCS#7 goes into the prepared PDF's signature field.
//
// The transactions live behind EsignTransactions (types.ts): in memory for tests, in the database
// once the core's signing use case takes this provider in.
import { randomBytes, X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import type { Clock } from '../../../core/ports.ts';
import { chainsTo, commonName, readEspCms } from './cms.ts';
import { embedEsignSignature, prepareForEsign, type EsignPdfSigner, type PreparedPdf } from './pdf.ts';
import type {
  EmbedResult,
  EsignAcknowledgement,
  EsignFailure,
  EsignRequestResult,
  EsignResponseResult,
  EsignSettings,
  EsignSigned,
  EsignTransaction,
  EsignTransactions,
} from './types.ts';
import { checkSettings } from './settings.ts';
import { defaultSignerUrl, istTimestamp, parseIstTimestamp, readAcknowledgement } from './wire.ts';
import { attribute, childElements, esignRequestXml, signEnveloped, textOf, verifyEnveloped } from './xml.ts';

const DEFAULT_TRANSACTION_MINUTES = 15;
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/** The ESP shows docInfo to the signer in a line: keep it short. */
const DOC_INFO_CHARS = 50;

export interface EsignRequestInput {
  /** PreparedPdf.inputHash. */
  inputHash: string;
  /** What the ESP shows the signer about the document: "GOP-1/2026 note 7 approval". */
  docInfo: string;
  /** The caller's reference, returned with the response (e.g. its signing challenge id). */
  reference: string;
}

export class EsignAsp {
  private readonly aspKeyPem: string;
  private readonly anchors: X509Certificate[];

  constructor(
    private readonly settings: EsignSettings,
    private readonly transactions: EsignTransactions,
    private readonly clock: Clock,
  ) {
    this.aspKeyPem = checkSettings(settings);
    this.anchors = (settings.signerTrustAnchorsPem ?? []).map((pem) => new X509Certificate(pem));
  }

  /** The PDF with an empty signature field, and the InputHash of the bytes that will be signed. */
  prepare(pdf: Uint8Array, signer: EsignPdfSigner): Promise<PreparedPdf> {
    return prepareForEsign(pdf, signer, this.clock.now(), { subFilter: this.settings.subFilter ?? 'ETSI.CAdES.detached' });
  }

  /**
   * prepare and request in one: the prepared PDF (keep it until the response, e.g. as a blob under
   * `reference`) and the request's outcome (the signer's link, or why there is none).
   */
  async begin(
    pdf: Uint8Array,
    signer: EsignPdfSigner,
    request: Omit<EsignRequestInput, 'inputHash'>,
  ): Promise<{ prepared: PreparedPdf; request: EsignRequestResult }> {
    const prepared = await this.prepare(pdf, signer);
    return { prepared, request: await this.request({ ...request, inputHash: prepared.inputHash }) };
  }

  /**
   * Starts a transaction and posts its signed request to the ESP. On success, the link the signer
   * opens to authenticate. A refused or unanswered request finishes its transaction at once.
   */
  async request(input: EsignRequestInput): Promise<EsignRequestResult> {
    const inputHash = input.inputHash.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(inputHash)) throw new Error('eSign: the InputHash must be a SHA-256 in hex');
    const now = this.clock.now();
    const txn = newTxn(now);
    const docInfo = shorten(input.docInfo.replace(/\s+/g, ' ').trim(), DOC_INFO_CHARS);
    const requestXml = signEnveloped(
      esignRequestXml({ ts: istTimestamp(now), txn, aspId: this.settings.aspId, responseUrl: this.settings.responseUrl, inputHash, docInfo }),
      this.aspKeyPem,
      this.settings.aspCertificatePem,
    );
    const expiresAt = new Date(now.getTime() + (this.settings.transactionMinutes ?? DEFAULT_TRANSACTION_MINUTES) * 60_000);
    // Recorded before the post: a quick ESP may answer before the post returns.
    await this.transactions.begin({ txn, inputHash, docInfo, reference: input.reference, startedAt: now, expiresAt });

    const fail = async (kind: 'esp-unreachable' | 'esp-refused', message: string, code: string | null = null): Promise<EsignRequestResult> => {
      await this.transactions.finish(txn, 'refused', this.clock.now());
      return { ok: false, txn, kind, code, message };
    };
    let answer: string;
    try {
      answer = await this.post(requestXml, txn);
    } catch (error) {
      return fail('esp-unreachable', (error as Error).message);
    }
    const ack = readAcknowledgement(answer);
    if (ack === null) return fail('esp-unreachable', 'the ESP\'s answer is not an eSign acknowledgement');
    if (ack.txn !== txn) return fail('esp-unreachable', `the ESP acknowledged transaction ${ack.txn}, not ${txn}`);
    if (ack.status !== '1' && ack.status !== '2') {
      return fail('esp-refused', ack.errMsg ?? 'the ESP refused the request', ack.errCode);
    }
    let signerUrl: string;
    try {
      signerUrl = this.signerUrlFor(ack);
    } catch (error) {
      return fail('esp-unreachable', (error as Error).message);
    }
    return { ok: true, txn, signerUrl, expiresAt, requestXml };
  }

  /**
   * The ESP's `<EsignResp>` as posted to the response URL. Taken once per transaction: every other
   * outcome is a typed refusal, and nothing from a refused response may be applied.
   */
  async response(xml: string): Promise<EsignResponseResult> {
    const verified = verifyEnveloped(xml, 'EsignResp', this.settings.espCertificatesPem);
    if (!verified.ok) return { ok: false, kind: verified.kind, detail: verified.detail };
    const root = verified.root;
    const txn = attribute(root, 'txn');
    if (txn === null || txn === '') return { ok: false, kind: 'malformed', detail: 'the response names no transaction' };

    const state = await this.transactions.find(txn);
    if (state === null) return { ok: false, kind: 'unknown-transaction', txn };
    if (state.finished !== null) return { ok: false, kind: 'replayed', txn };
    const { transaction } = state;
    const now = this.clock.now();
    const finish = (outcome: 'signed' | 'failed' | 'timed-out') => this.transactions.finish(txn, outcome, now);
    if (now.getTime() > transaction.expiresAt.getTime()) {
      return (await finish('timed-out')) ? { ok: false, kind: 'timed-out', txn } : { ok: false, kind: 'replayed', txn };
    }
    // A response the ESP signed ends its transaction, whatever it says.
    const refuse = async (failure: EsignFailure): Promise<EsignResponseResult> =>
      (await finish('failed')) ? { ok: false, ...failure } : { ok: false, kind: 'replayed', txn };

    if (attribute(root, 'status') !== '1') {
      return refuse({ kind: 'esp-failed', txn, code: attribute(root, 'errCode') ?? '', message: attribute(root, 'errMsg') ?? '' });
    }
    const signatures = childElements(root, 'Signatures').flatMap((s) => childElements(s, 'DocSignature'));
    const document = signatures[0];
    if (signatures.length !== 1 || document === undefined || attribute(document, 'id') !== '1') {
      return refuse({ kind: 'invalid-signature', txn, detail: `expected one DocSignature id="1", found ${signatures.length}` });
    }
    const documentError = attribute(document, 'error');
    if (documentError !== null && documentError !== '' && documentError !== 'NA') {
      return refuse({ kind: 'esp-failed', txn, code: documentError, message: attribute(root, 'errMsg') ?? '' });
    }
    const algorithm = attribute(document, 'sigHashAlgorithm');
    if (algorithm !== null && algorithm.toUpperCase().replace('-', '') !== 'SHA256') {
      return refuse({ kind: 'invalid-signature', txn, detail: `sigHashAlgorithm ${algorithm}` });
    }
    const userCertificate = readCertificate(childElements(root, 'UserX509Certificate')[0]);
    if (userCertificate === null) return refuse({ kind: 'invalid-signature', txn, detail: 'no readable UserX509Certificate' });
    const cmsDer = Buffer.from(textOf(document).replace(/\s+/g, ''), 'base64');
    const checked = readEspCms(cmsDer);
    if (!checked.ok) return refuse({ kind: 'invalid-signature', txn, detail: checked.detail });
    const { cms } = checked;
    if (!cms.signer.raw.equals(userCertificate.raw)) {
      return refuse({ kind: 'invalid-signature', txn, detail: 'the PKCS#7 is not signed by the UserX509Certificate' });
    }
    const signedHash = cms.messageDigest.toString('hex');
    if (signedHash !== transaction.inputHash) {
      return refuse({ kind: 'hash-mismatch', txn, expected: transaction.inputHash, signed: signedHash });
    }
    const signedAt = cms.signingTime ?? parseIstTimestamp(attribute(root, 'ts'));
    if (this.anchors.length > 0 && !chainsTo(cms.signer, cms.certificates, this.anchors, signedAt ?? now)) {
      return refuse({ kind: 'invalid-signature', txn, detail: 'the signer\'s certificate does not chain to the configured eSign CAs' });
    }
    if (!(await finish('signed'))) return { ok: false, kind: 'replayed', txn };
    const signed: EsignSigned = {
      ok: true,
      txn,
      reference: transaction.reference,
      inputHash: transaction.inputHash,
      cms: cmsDer,
      certificate: cms.signer,
      signer: { name: commonName(cms.signer), subject: cms.signer.subject, issuer: cms.signer.issuer, serial: cms.signer.serialNumber },
      signedAt,
      resCode: attribute(root, 'resCode') ?? '',
      essSigningCertificate: cms.essSigningCertificate,
    };
    return signed;
  }

  /** The prepared PDF with the signature the response carried. */
  embed(prepared: Uint8Array, signed: EsignSigned): EmbedResult {
    return embedEsignSignature(prepared, signed.inputHash, signed.cms);
  }

  /** Finishes the open transactions whose time ran out, as timed out; returns them (to tell the signers). */
  async expireOverdue(): Promise<EsignTransaction[]> {
    const now = this.clock.now();
    const overdue = await this.transactions.overdue(now);
    const expired: EsignTransaction[] = [];
    for (const transaction of overdue) {
      if (await this.transactions.finish(transaction.txn, 'timed-out', now)) expired.push(transaction);
    }
    return expired;
  }

  private async post(requestXml: string, txn: string): Promise<string> {
    const form = this.settings.requestEncoding === 'form';
    const response = await fetch(this.settings.espRequestUrl, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/xml; charset=utf-8', accept: 'application/xml' },
      body: form ? new URLSearchParams({ eSignRequest: requestXml, aspTxnID: txn, 'Content-Type': 'application/xml' }).toString() : requestXml,
      signal: AbortSignal.timeout(this.settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      redirect: 'error',
    });
    const body = await response.text();
    if (!response.ok && readAcknowledgement(body) === null) throw new Error(`the ESP answered HTTP ${response.status}`);
    return body;
  }

  /** The ESP page for this transaction, on the configured ESP's own origin and nowhere else. */
  private signerUrlFor(ack: EsignAcknowledgement): string {
    const url = this.settings.signerUrl?.(ack, this.settings) ?? defaultSignerUrl(ack, this.settings.espAuthUrl);
    const parsed = new URL(url);
    const expected = new URL(this.settings.espAuthUrl);
    if (parsed.origin !== expected.origin) throw new Error(`the signer's link ${parsed.origin} is not on the ESP's ${expected.origin}`);
    return parsed.toString();
  }
}

/** "DFT-20261125110500-9f86d081884c": unique, sortable, within every ESP's length limit. */
function newTxn(now: Date): string {
  return `DFT-${istTimestamp(now).replace(/\D/g, '')}-${randomBytes(6).toString('hex')}`;
}

function shorten(text: string, chars: number): string {
  const codePoints = [...text];
  return codePoints.length <= chars ? text : `${codePoints.slice(0, chars - 1).join('')}…`;
}

/** The certificate an element carries as base64 (or PEM), or null. */
function readCertificate(element: Element | undefined): X509Certificate | null {
  if (element === undefined) return null;
  try {
    return new X509Certificate(certificatePem(textOf(element)));
  } catch {
    return null;
  }
}

/** PEM from PEM, or from a certificate's bare base64 (as UserX509Certificate carries it). */
function certificatePem(text: string): string {
  if (text.includes('-----BEGIN')) return text;
  const base64 = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('not base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

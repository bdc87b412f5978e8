// What the eSign (CCA eSign API 2.1) Application Service Provider side takes and gives: its
// settings, the transactions it keeps, and the typed results of each step. Facts only: the core
// words them in the signer's language.
import type { X509Certificate } from 'node:crypto';

/** The office's agreement with a licensed eSign Service Provider (ESP), as configured. */
export interface EsignSettings {
  /** The ASP id the ESP registered the office under (the request's `aspId`). */
  aspId: string;
  /** The ASP's signing key (PEM, unencrypted): it signs every `<Esign>` request. */
  aspKeyPem: string;
  /** The certificate the ESP holds for that key (PEM); published in the request's KeyInfo. */
  aspCertificatePem: string;
  /** Where requests are posted: the ESP's eSign 2.1 request endpoint (https in production). */
  espRequestUrl: string;
  /**
   * The ESP's page where the signer authenticates. The signer's link is this URL with
   * `txnref` = base64("<txn>|<resCode>") from the ESP's acknowledgement, unless `signerUrl` says otherwise.
   */
  espAuthUrl: string;
  /** The certificates the ESP signs its responses with (PEM); more than one during a rollover. */
  espCertificatesPem: string[];
  /** Daftar's URL the ESP posts the signed `<EsignResp>` to (the request's `responseUrl`). */
  responseUrl: string;
  /**
   * Certificates (PEM) the signer's eSign certificate must chain to: the CCA's root, or the ESP's
   * CA. Empty: the chain is not checked here (a PDF reader still checks it).
   */
  signerTrustAnchorsPem?: string[];
  /** How long the signer has to authenticate at the ESP before the transaction times out. Default 15 minutes. */
  transactionMinutes?: number;
  /** How long to wait for the ESP's acknowledgement of a request. Default 20 s. */
  requestTimeoutMs?: number;
  /** How the request travels: the raw signed XML (default) or a form field `eSignRequest` (with `aspTxnID`). */
  requestEncoding?: 'xml' | 'form';
  /** The signer's link from the ESP's acknowledgement, for an ESP whose link differs from `espAuthUrl?txnref=…`. */
  signerUrl?: (ack: EsignAcknowledgement, settings: EsignSettings) => string;
  /**
   * The PDF signature's /SubFilter: ETSI.CAdES.detached (default, PAdES) when the ESP's PKCS#7 carries
   * the ESS signing-certificate-v2 attribute, adbe.pkcs7.detached when it does not.
   */
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
  /** Accept http:// URLs for the ESP and the response (tests on loopback only). Default false. */
  allowInsecureUrls?: boolean;
}

/** A transaction as the ASP started it: what it asked the ESP to sign, and for what. */
export interface EsignTransaction {
  /** The request's `txn`: made by Daftar, unique. */
  txn: string;
  /** The `InputHash` sent: SHA-256 of the prepared PDF's byte ranges, lowercase hex. */
  inputHash: string;
  /** The `docInfo` the ESP showed the signer. */
  docInfo: string;
  /** The caller's own reference (e.g. the signing challenge it belongs to). */
  reference: string;
  startedAt: Date;
  /** After this, a response is refused as timed out. */
  expiresAt: Date;
}

export type EsignOutcome = 'signed' | 'failed' | 'refused' | 'timed-out';

export interface EsignTransactionState {
  transaction: EsignTransaction;
  /** null while the ESP's answer is awaited. */
  finished: { at: Date; outcome: EsignOutcome } | null;
}

/**
 * Where the ASP keeps its transactions. `finish` is the one write that matters: it must move a
 * transaction from open to finished atomically, so that of two deliveries of the same response
 * only one is taken (in a database: `UPDATE … SET finished_at = ? WHERE txn = ? AND finished_at IS NULL`).
 */
export interface EsignTransactions {
  /** Records a new open transaction; refuses a `txn` already used. */
  begin(transaction: EsignTransaction): Promise<void>;
  find(txn: string): Promise<EsignTransactionState | null>;
  /** true when this call finished it; false when it was unknown or already finished. */
  finish(txn: string, outcome: EsignOutcome, at: Date): Promise<boolean>;
  /** Open transactions whose time ran out before `now`. */
  overdue(now: Date): Promise<EsignTransaction[]>;
}

/** The ESP's acknowledgement of a request: accepted (the signer may go and authenticate) or not. */
export interface EsignAcknowledgement {
  /** "2" (accepted, awaiting the signer) or "1"; "0" is a refusal. */
  status: string;
  txn: string;
  /** The ESP's own reference for the transaction. */
  resCode: string;
  errCode: string | null;
  errMsg: string | null;
  ts: string | null;
}

export type EsignRequestResult =
  | {
      ok: true;
      txn: string;
      /** The ESP's page where the signer enters their Aadhaar OTP: the link the bot shows. */
      signerUrl: string;
      expiresAt: Date;
      /** The signed `<Esign>` request as posted (kept for the audit). */
      requestXml: string;
    }
  | {
      ok: false;
      txn: string;
      /** The ESP could not be reached or answered nonsense; `refused`: it said no (errCode). */
      kind: 'esp-unreachable' | 'esp-refused';
      code: string | null;
      message: string;
    };

/** Why a response was not taken. Nothing is applied for any of them. */
export type EsignFailure =
  /** Not an EsignResp this ASP can read at all. */
  | { kind: 'malformed'; detail: string }
  /** The ESP's XML signature does not verify: changed on the way, or not from the ESP. */
  | { kind: 'tampered'; detail: string }
  /** A transaction this ASP never started. */
  | { kind: 'unknown-transaction'; txn: string }
  /** A transaction already finished: a second delivery, or a replay. */
  | { kind: 'replayed'; txn: string }
  /** The answer came after the transaction's time ran out. */
  | { kind: 'timed-out'; txn: string }
  /** The ESP reports a failure: OTP wrong or expired, the signer cancelled, … (errCode, errMsg). */
  | { kind: 'esp-failed'; txn: string; code: string; message: string }
  /** The ESP signed a hash other than the one sent for this transaction. */
  | { kind: 'hash-mismatch'; txn: string; expected: string; signed: string }
  /** The PKCS#7 does not verify, is not by the certificate returned, or that certificate is not trusted. */
  | { kind: 'invalid-signature'; txn: string; detail: string };

export interface EsignSigned {
  ok: true;
  txn: string;
  reference: string;
  inputHash: string;
  /** The detached CMS (PKCS#7) the ESP made over the InputHash, with the signer's certificate. */
  cms: Buffer;
  /** The signer's eSign certificate (UserX509Certificate), issued for this signature. */
  certificate: X509Certificate;
  signer: { name: string; subject: string; issuer: string; serial: string };
  /** The signing time the CMS carries, else the response's `ts`. */
  signedAt: Date | null;
  /** The ESP's `resCode` for the transaction. */
  resCode: string;
  /** The signed attributes carry the ESS signing-certificate(-v2) reference that PAdES asks for. */
  essSigningCertificate: boolean;
}

export type EsignResponseResult = EsignSigned | ({ ok: false } & EsignFailure);

export type EmbedResult =
  | { ok: true; pdf: Uint8Array }
  | { ok: false; kind: 'not-prepared' | 'document-changed' | 'too-large'; detail: string };

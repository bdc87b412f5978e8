// The inside of the signing worker (see worker-signer.ts): one PdfSigner over the authority the
// main thread sent as PEM, each call with the caller's clock reading, so a signature made here is
// the one the main thread would have made at that instant. The CA's private key lives in this
// thread and the main one only; the render workers never see it.
import forge from 'node-forge';
import { parentPort, workerData } from 'node:worker_threads';
import type { SignerIdentity } from '../../core/ports.ts';
import type { SigningAuthority } from './office-ca.ts';
import { PdfSigner } from './pdf-signer.ts';
import { SignerKeyPool } from './signer-key-pool.ts';

/** A SigningAuthority as it crosses to the worker: forge objects do not survive structured cloning. */
export type AuthorityPems =
  | { kind: 'issuing'; certificatePem: string; privateKeyPem: string }
  | { kind: 'fixed'; certificatePem: string; privateKeyPem: string; chainPems: string[] };

export interface SignerWorkerData {
  authority: AuthorityPems;
  location?: string;
  contactInfo?: string;
}

export type SignRequest =
  | { id: number; op: 'sign'; pdf: Uint8Array; signer: SignerIdentity; now: number }
  | { id: number; op: 'verify'; pdf: Uint8Array; now: number }
  /** A signing has begun (an OTP went out): have signer keys ready by the time it is confirmed. */
  | { id: number; op: 'warm'; now: number };

export type SignAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; name: string; message: string };

export function authorityToPems(authority: SigningAuthority): AuthorityPems {
  const certificatePem = forge.pki.certificateToPem(authority.certificate);
  const privateKeyPem = forge.pki.privateKeyToPem(authority.privateKey);
  return authority.kind === 'issuing'
    ? { kind: 'issuing', certificatePem, privateKeyPem }
    : { kind: 'fixed', certificatePem, privateKeyPem, chainPems: authority.chain.map((c) => forge.pki.certificateToPem(c)) };
}

export function authorityFromPems(pems: AuthorityPems): SigningAuthority {
  const certificate = forge.pki.certificateFromPem(pems.certificatePem);
  const privateKey = forge.pki.privateKeyFromPem(pems.privateKeyPem) as forge.pki.rsa.PrivateKey;
  return pems.kind === 'issuing'
    ? { kind: 'issuing', certificate, privateKey, certificatePem: pems.certificatePem }
    : { kind: 'fixed', certificate, privateKey, chain: pems.chainPems.map((p) => forge.pki.certificateFromPem(p)) };
}

if (parentPort !== null && (workerData as { signerThread?: boolean } | null)?.signerThread === true) {
  const port = parentPort;
  const data = (workerData as { options: SignerWorkerData }).options;
  let now = new Date(0);
  const keys = new SignerKeyPool();
  const signer = new PdfSigner({
    authority: authorityFromPems(data.authority), clock: { now: () => now }, keys,
    ...(data.location !== undefined ? { location: data.location } : {}),
    ...(data.contactInfo !== undefined ? { contactInfo: data.contactInfo } : {}),
  });
  port.on('message', (request: SignRequest) => {
    void (async () => {
      try {
        now = new Date(request.now);
        let result: unknown;
        if (request.op === 'sign') result = await signer.sign(request.pdf, request.signer);
        else if (request.op === 'verify') result = await signer.verify(request.pdf);
        else result = keys.fill();
        const transfer = result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength ? [result.buffer as ArrayBuffer] : [];
        port.postMessage({ id: request.id, ok: true, result } satisfies SignAnswer, transfer);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: request.id, ok: false, name: e.name, message: e.message } satisfies SignAnswer);
      }
    })();
  });
}

// Signer keys made ahead of need. Each signature gets a fresh 2048-bit RSA key (issue-certificate.ts),
// and making one takes 0.2–0.5 s on libuv's thread pool — measured on this project's 2-core machine,
// most of a signature's time. The decision, its document, the signature and the stored copy are one
// store transaction (core/signing/apply-signed.ts), so every other message's transaction waited for
// that key. A pool keeps a couple of keys ready, made while nothing waits (when a signing begins and
// after each key is taken), so a signature takes one that is already there.
//
// Nothing changes for the key's life: it lives in this process's memory only, is used for one
// signature and dropped, exactly as a key made on the spot; it is only made a little earlier.
import type forge from 'node-forge';
import { generateRsaKey } from './office-ca.ts';

export interface SignerKeys {
  take(): Promise<forge.pki.rsa.PrivateKey>;
}

/** Keys made on the spot: what a signer without a pool does. */
export const keysOnTheSpot = (bits: number): SignerKeys => ({ take: () => generateRsaKey(bits) });

export class SignerKeyPool implements SignerKeys {
  private readonly ready: forge.pki.rsa.PrivateKey[] = [];
  private filling: Promise<void> | null = null;

  constructor(private readonly size = 2, private readonly bits = 2048) {}

  /** A ready key if there is one (the pool then refills), otherwise one made now. */
  async take(): Promise<forge.pki.rsa.PrivateKey> {
    const key = this.ready.shift();
    this.fill();
    return key ?? generateRsaKey(this.bits);
  }

  /** Starts making keys until `size` are ready; returns at once. */
  fill(): void {
    if (this.filling !== null || this.ready.length >= this.size) return;
    this.filling = (async () => {
      while (this.ready.length < this.size) this.ready.push(await generateRsaKey(this.bits));
    })()
      // A failed key generation is not the signer's failure: take() makes its own.
      .catch(() => undefined)
      .finally(() => { this.filling = null; });
  }

  /** Keys ready now (tests, and the bench's figures). */
  get readyCount(): number {
    return this.ready.length;
  }

  /** Resolves when the pool is full (or filling stopped). */
  async full(): Promise<void> {
    this.fill();
    while (this.filling !== null) await this.filling;
  }
}

import { createHash } from 'node:crypto';
import type { BlobStore } from '../ports.ts';

/** Content-addressed blobs in memory, for core and bots tests. */
export class MemoryBlobStore implements BlobStore {
  readonly blobs = new Map<string, Uint8Array>();

  async put(bytes: Uint8Array): Promise<string> {
    const key = createHash('sha256').update(bytes).digest('hex');
    if (!this.blobs.has(key)) this.blobs.set(key, new Uint8Array(bytes));
    return key;
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    return this.blobs.get(sha256) ?? null;
  }
}

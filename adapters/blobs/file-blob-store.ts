// Scans and generated PDFs on the local disk, named by their SHA-256: the name proves the content.
//
// Layout: <root>/ab/cdef… (the first two hex digits as a directory, so no directory grows to
// hundreds of thousands of entries). A blob is written to a temporary file in its final directory
// and renamed into place, so a reader sees the whole blob or none of it, even after a crash.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../../core/ports.ts';

/**
 * Thrown by `get` when the bytes stored under a hash no longer have that hash: the disk or someone
 * with access to it changed the file. Not recoverable here; restore the blob from a backup, or put
 * the original bytes again (put rewrites a damaged blob).
 */
export class BlobCorruptedError extends Error {
  override readonly name = 'BlobCorruptedError';

  constructor(readonly sha256: string, readonly path: string, readonly actual: string) {
    super(`blob ${sha256} at ${path} is corrupted: its bytes now hash to ${actual}`);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: string }).code === 'ENOENT';
}

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): { dir: string; file: string } {
    const dir = join(this.root, sha256.slice(0, 2));
    return { dir, file: join(dir, sha256.slice(2)) };
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Of(bytes);
    const { dir, file } = this.pathOf(sha256);
    try {
      // Same bytes, one blob; a copy damaged on disk is replaced by the good bytes just given.
      if (sha256Of(await readFile(file)) === sha256) return sha256;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await mkdir(dir, { recursive: true });
    // Dot-prefixed and unique per writer, so concurrent puts of the same bytes never share a temp file.
    const temp = join(dir, `.${sha256.slice(2, 10)}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync(); // the bytes reach the disk before the name does
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await this.syncDirectory(dir);
    return sha256;
  }

  /** Makes the rename itself durable. Some platforms cannot open a directory; that is not an error. */
  private async syncDirectory(dir: string): Promise<void> {
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // best effort
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    const wanted = sha256.toLowerCase();
    if (!HEX64.test(wanted)) throw new Error(`FileBlobStore.get: "${sha256}" is not a SHA-256 hex digest (64 hex digits)`);
    const { file } = this.pathOf(wanted);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const actual = sha256Of(bytes);
    if (actual !== wanted) throw new BlobCorruptedError(wanted, file, actual);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

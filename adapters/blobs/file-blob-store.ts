// Scans and generated PDFs on the local disk, named by their SHA-256: the name proves the content.
//
// Layout: <root>/ab/cdef… (the first two hex digits as a directory, so no directory grows to
// hundreds of thousands of entries). A blob is written whole to a temporary file in its final
// directory and renamed into place, so a reader never sees part of one.
//
// Durability, and why one round of syncs is enough (docs/storage.md, "A receipt's writes, in
// order"): put() answers only once the blob's bytes and its name are both on the disk, and a row
// naming a blob is written only after put() answered, so no committed row ever names a blob a
// crash could lose. The two syncs — the file's (its bytes) and its directory's (its name) — run
// side by side after the rename rather than one after the other: until both are done nothing
// names the blob, so a crash in between can leave only an orphan (a temporary file, or a file
// under its final name whose bytes did not all reach the disk), which no row names, which a later
// put() of the same bytes rewrites, and which sweep() collects.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
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

const TEMP_SUFFIX = '.tmp';

/** Makes the names in a directory durable. Some platforms cannot open a directory; that is not an error. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return; // best effort
  }
  try {
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle.close();
  }
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
    // Same bytes, one blob; a copy damaged on disk is replaced by the good bytes just given.
    if (await this.alreadyDurable(file, dir, sha256)) return sha256;
    // A shard directory made now must itself be named durably in the root.
    if ((await mkdir(dir, { recursive: true })) !== undefined) await syncDirectory(this.root);
    // Dot-prefixed and unique per writer, so concurrent puts of the same bytes never share a temp file.
    const temp = join(dir, `.${sha256.slice(2, 10)}.${randomUUID()}${TEMP_SUFFIX}`);
    let handle: FileHandle | undefined;
    try {
      handle = await open(temp, 'wx');
      await handle.writeFile(bytes);
      // Named only once written whole: a reader sees all of it or nothing.
      await rename(temp, file);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    try {
      // One round: the bytes (the file's sync, through the descriptor that wrote them) and the name
      // (the directory's sync, which makes the rename durable) reach the disk side by side.
      await Promise.all([handle.sync(), syncDirectory(dir)]);
    } finally {
      await handle.close();
    }
    return sha256;
  }

  /**
   * Whether the blob is already there with the right bytes, made durable before answering yes: the
   * copy found may be another writer's whose syncs have not finished (the rename comes before
   * them), and the caller is about to write a row naming it. A sync of a file already on the disk
   * costs little.
   */
  private async alreadyDurable(file: string, dir: string, sha256: string): Promise<boolean> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    try {
      if (sha256Of(await handle.readFile()) !== sha256) return false;
      await Promise.all([handle.sync(), syncDirectory(dir)]);
      return true;
    } finally {
      await handle.close();
    }
  }

  /**
   * Collects what a crash can leave behind: temporary files (a writer that died before its rename)
   * and, when `isReferenced` is given, blobs that no row names (a writer that died after put() and
   * before its transaction committed, or a file whose bytes did not all reach the disk). Only
   * entries last changed more than `olderThanMs` ago are looked at, and each one's age is read
   * again just before it is removed; a blob's bytes are not read. `isReferenced` answers from the
   * database (every table that names blobs). Temporary files can be swept at any time; unreferenced
   * blobs should be swept while Daftar is stopped, since a put() of the same bytes in the same
   * instant as the removal would find them and answer before the removal (docs/storage.md).
   */
  async sweep(options: { olderThanMs: number; now?: number; isReferenced?: (sha256: string) => boolean | Promise<boolean> }): Promise<{ temporary: number; unreferenced: number }> {
    const before = (options.now ?? Date.now()) - options.olderThanMs;
    const old = async (path: string) => {
      try {
        return (await stat(path)).mtimeMs < before;
      } catch {
        return false;
      }
    };
    let temporary = 0;
    let unreferenced = 0;
    let shards: string[];
    try {
      shards = (await readdir(this.root)).filter((name) => /^[0-9a-f]{2}$/.test(name));
    } catch (error) {
      if (isNotFound(error)) return { temporary, unreferenced };
      throw error;
    }
    for (const shard of shards) {
      for (const name of await readdir(join(this.root, shard))) {
        const path = join(this.root, shard, name);
        if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) {
          if (await old(path)) {
            await unlink(path).catch(() => undefined);
            temporary += 1;
          }
        } else if (options.isReferenced !== undefined && /^[0-9a-f]{62}$/.test(name) && (await old(path))) {
          if (await options.isReferenced(shard + name)) continue;
          if (!(await old(path))) continue;
          await unlink(path).catch(() => undefined);
          unreferenced += 1;
        }
      }
    }
    return { temporary, unreferenced };
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

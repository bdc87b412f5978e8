// Content-addressed blobs on a real disk, in a temporary folder per test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobCorruptedError, FileBlobStore } from '../../../adapters/blobs/file-blob-store.ts';

// The final rename can be made to fail, as a full disk or a crash between write and rename would.
const failing = vi.hoisted(() => ({ rename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failing.rename) throw Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' });
      return actual.rename(from, to);
    },
  };
});

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-blobs-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file under the root, relative to it, sorted. */
function filesOnDisk(): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('FileBlobStore', () => {
  it('stores bytes under their SHA-256 in a two-digit fan-out folder and gives them back', async () => {
    const store = new FileBlobStore(root);
    const scan = bytesOf('प्राप्ति SAH/2026/00123 — scanned letter');
    const digest = await store.put(scan);
    expect(digest).toBe(sha256(scan));
    expect(filesOnDisk()).toEqual([path.join(digest.slice(0, 2), digest.slice(2))]);
    expect(Buffer.from((await store.get(digest)) ?? []).equals(Buffer.from(scan))).toBe(true);
    // A digest in capitals names the same blob.
    expect(await store.get(digest.toUpperCase())).not.toBeNull();
  });

  it('keeps one file for the same bytes and two for different bytes, also when written at once', async () => {
    const store = new FileBlobStore(root);
    const a = new Uint8Array(1_000_000).fill(7);
    const b = new Uint8Array(1_000_000).fill(8);
    const digests = await Promise.all([...Array.from({ length: 10 }, () => store.put(a)), store.put(b), store.put(new Uint8Array(a))]);
    expect(new Set(digests)).toEqual(new Set([sha256(a), sha256(b)]));
    // No temporary file is left behind: only the two blobs are on disk.
    expect(filesOnDisk()).toEqual([sha256(a), sha256(b)].map((d) => path.join(d.slice(0, 2), d.slice(2))).sort());
    expect((await store.get(sha256(a)))?.length).toBe(1_000_000);
  });

  it('stores the empty blob like any other', async () => {
    const store = new FileBlobStore(root);
    const digest = await store.put(new Uint8Array(0));
    expect(digest).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await store.get(digest)).toEqual(new Uint8Array(0));
  });

  it('answers null for a blob it does not have, and refuses a name that is not a digest', async () => {
    const store = new FileBlobStore(root);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../etc/passwd')).rejects.toThrow('FileBlobStore.get: "../etc/passwd" is not a SHA-256 hex digest (64 hex digits)');
  });

  it('notices on read that the bytes on disk were changed, and a second put of the original repairs them', async () => {
    const store = new FileBlobStore(root);
    const original = bytesOf('टिप्पणी 3: स्वीकृत');
    const digest = await store.put(original);
    const file = path.join(root, digest.slice(0, 2), digest.slice(2));
    fs.writeFileSync(file, 'टिप्पणी 3: अस्वीकृत');
    const error = await store.get(digest).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BlobCorruptedError);
    expect((error as BlobCorruptedError).message).toBe(
      `blob ${digest} at ${file} is corrupted: its bytes now hash to ${sha256(bytesOf('टिप्पणी 3: अस्वीकृत'))}`,
    );
    expect(await store.put(original)).toBe(digest);
    expect(Buffer.from((await store.get(digest)) ?? []).toString('utf8')).toBe('टिप्पणी 3: स्वीकृत');
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('never shows a half-written blob: a write that fails leaves neither the blob nor a temporary file', async () => {
    const store = new FileBlobStore(root);
    const bytes = bytesOf('a receipt written as the disk filled up');
    failing.rename = true;
    try {
      await expect(store.put(bytes)).rejects.toThrow('ENOSPC: no space left on device (simulated)');
    } finally {
      failing.rename = false;
    }
    expect(filesOnDisk()).toEqual([]);
    expect(await store.get(sha256(bytes))).toBeNull();
    // The next attempt goes through.
    expect(await store.put(bytes)).toBe(sha256(bytes));
    expect(filesOnDisk()).toHaveLength(1);
  });
});

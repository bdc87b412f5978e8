// What a crash can leave in the blob folder, collected: temporary files of a writer that died, and
// blobs no row names. Nothing young is touched, nor anything a row names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileBlobStore } from '../../../adapters/blobs/file-blob-store.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-sweep-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const HOUR = 3_600_000;
const age = (file: string, ms: number) => {
  const at = new Date(Date.now() - ms);
  fs.utimesSync(file, at, at);
};
const blobFile = (sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2));

describe('FileBlobStore.sweep', () => {
  it('removes old temporary files and, given what rows name, old unreferenced blobs; keeps the rest', async () => {
    const store = new FileBlobStore(root);
    const named = await store.put(new Uint8Array(Buffer.from('a page a receipt names')));
    const orphan = await store.put(new Uint8Array(Buffer.from('a page whose transaction never committed')));
    const young = await store.put(new Uint8Array(Buffer.from('a page put a moment ago')));
    const deadTemp = path.join(root, named.slice(0, 2), `.${named.slice(2, 10)}.dead-writer.tmp`);
    const liveTemp = path.join(root, named.slice(0, 2), `.${named.slice(2, 10)}.live-writer.tmp`);
    fs.writeFileSync(deadTemp, 'half');
    fs.writeFileSync(liveTemp, 'being written');
    for (const f of [blobFile(named), blobFile(orphan), deadTemp]) age(f, 2 * HOUR);

    // Temporary files only, when nothing says what rows name.
    expect(await store.sweep({ olderThanMs: HOUR })).toEqual({ temporary: 1, unreferenced: 0 });
    expect(fs.existsSync(deadTemp)).toBe(false);
    expect(fs.existsSync(liveTemp)).toBe(true);
    expect(fs.existsSync(blobFile(orphan))).toBe(true);

    const asked: string[] = [];
    const result = await store.sweep({ olderThanMs: HOUR, isReferenced: (sha) => { asked.push(sha); return sha === named; } });
    expect(result).toEqual({ temporary: 0, unreferenced: 1 });
    expect(asked.sort()).toEqual([named, orphan].sort()); // the young one is not even asked about
    expect(await store.get(named)).not.toBeNull();
    expect(await store.get(orphan)).toBeNull();
    expect(await store.get(young)).not.toBeNull();
    // The orphan's bytes can be put again.
    expect(await store.put(new Uint8Array(Buffer.from('a page whose transaction never committed')))).toBe(orphan);
  });

  it('rewrites a blob left short by a crash when its bytes are put again', async () => {
    const store = new FileBlobStore(root);
    const bytes = new Uint8Array(Buffer.from('a page whose sync did not finish before the power went'));
    const sha = await store.put(bytes);
    fs.writeFileSync(blobFile(sha), ''); // the name reached the disk, the bytes did not
    expect(await store.put(bytes)).toBe(sha);
    expect(Buffer.from((await store.get(sha)) ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('answers an empty folder, or none at all', async () => {
    expect(await new FileBlobStore(path.join(root, 'nothing-here')).sweep({ olderThanMs: 0, isReferenced: () => false })).toEqual({ temporary: 0, unreferenced: 0 });
  });
});

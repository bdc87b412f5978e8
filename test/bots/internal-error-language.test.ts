// When a message fails for a reason that is not the user's (a bug, a broken disk), the apology is in
// the sender's own language — the roll's, read afresh — not guessed from a text that may be a file
// number or a caption-less scan; and nothing of the message is kept, so sending it again works.
import { describe, expect, test } from 'vitest';
import type { Tx } from '../../core/ports.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { makeOffice } from '../helpers/office.ts';

/** A store whose next message transaction fails as broken infrastructure would. */
class FlakyStore extends MemoryStore {
  failures = 0;
  override transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.failures > 0) {
      this.failures -= 1;
      return super.transaction(async (tx) => {
        await work(tx);
        throw new Error('disk I/O error');
      });
    }
    return super.transaction(work);
  }
}

describe('an internal error', () => {
  test('is told in Hindi to a clerk whose roll says Hindi, even for a message in Roman letters', async () => {
    const store = new FlakyStore();
    const o = await makeOffice({ store });
    await o.linkAll();
    store.failures = 1;
    const apology = await o.text('SAH0020', 'my files');
    expect(apology).toContain('तकनीकी समस्या');
    expect(apology).toContain('कुछ भी सहेजा या बदला नहीं गया');
    // Nothing was kept of it: the same message again is answered as new.
    expect(await o.text('SAH0020', 'my files')).not.toContain('तकनीकी समस्या');
  });

  test('is told in English to an English-roll clerk who wrote in Devanagari', async () => {
    const store = new FlakyStore();
    const o = await makeOffice({ store });
    await o.linkAll();
    store.failures = 1;
    expect(await o.text('SAH0021', 'मेरी फाइलें')).toContain('Something went wrong on our side; nothing was saved or changed.');
  });

  test('to someone not linked, follows the script they wrote in', async () => {
    const store = new FlakyStore();
    const o = await makeOffice({ store });
    store.failures = 1;
    expect(await o.text('stranger', 'नमस्ते')).toContain('तकनीकी समस्या');
    store.failures = 1;
    expect(await o.text('stranger2', 'hello')).toContain('Something went wrong');
  });
});

// What every Store must do for tx.scanTexts, run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import type { Tx } from '../../core/ports.ts';
import type { Receipt } from '../../core/efile/types.ts';
import { contractHarness } from './harness.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

const T0 = new Date('2026-03-31T18:29:59.999Z');
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
const blob = (c: string): string => c.repeat(64);

async function receipt(t: Tx, serial: number, pdfBlob: string, originals: string[] = []): Promise<Receipt> {
  const r = await t.receipts.create({
    diaryNumber: `SAH/R/2026/${String(serial).padStart(6, '0')}`, year: 2026, serial, subject: `Letter ${serial}`,
    fromWhom: null, receivedOn: '2026-04-01', createdById: 1, holderId: 1, fileId: null, pdfBlob,
    pages: 1, status: 'open', createdAt: T0, movedAt: T0,
  });
  await t.receipts.addOriginals(originals.map((b, position) => ({ receiptId: r.id, position, blob: b, filename: `p${position}.jpg`, mime: 'image/jpeg' })));
  return r;
}

const read = (t: Tx, b: string, text: string) => t.scanTexts.save(b, { status: 'done', text, attempts: 1, updatedAt: plus(T0, 1000) });

export function describeScanContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, scanTexts: ${name}`, () => {
    setUp();

    it('starts empty', async () => {
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 0, done: 0, failed: 0 });
      expect(await tx((t) => t.scanTexts.pending(10))).toEqual([]);
      expect(await tx((t) => t.scanTexts.byBlob(blob('a')))).toBeNull();
    });

    it('enqueue queues several blobs at once, each once, as pending with no text', async () => {
      await tx((t) => t.scanTexts.enqueue([blob('a'), blob('b'), blob('a')], T0));
      expect(await tx((t) => t.scanTexts.byBlob(blob('a')))).toEqual({ blob: blob('a'), status: 'pending', text: null, attempts: 0, updatedAt: T0 });
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 2, done: 0, failed: 0 });
      await tx((t) => t.scanTexts.enqueue([], T0));
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 2, done: 0, failed: 0 });
    });

    it('enqueue takes the pages of a large scanned file in one call', async () => {
      const many = Array.from({ length: 1234 }, (_, i) => i.toString(16).padStart(64, '0'));
      await tx((t) => t.scanTexts.enqueue(many, T0));
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 1234, done: 0, failed: 0 });
    });

    it('enqueue leaves a known blob alone, whatever its status', async () => {
      await tx((t) => read(t, blob('a'), 'already read'));
      await tx((t) => t.scanTexts.save(blob('f'), { status: 'failed', text: null, attempts: 3, updatedAt: T0 }));
      await tx((t) => t.scanTexts.enqueue([blob('a'), blob('f'), blob('n')], plus(T0, 5000)));
      expect((await tx((t) => t.scanTexts.byBlob(blob('a'))))?.text).toBe('already read');
      expect((await tx((t) => t.scanTexts.byBlob(blob('f'))))?.status).toBe('failed');
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 1, done: 1, failed: 1 });
    });

    it('pending lists pending scans oldest first, up to the limit, whether queued or saved back', async () => {
      await tx((t) => t.scanTexts.enqueue([blob('c')], plus(T0, 3)));
      await tx((t) => t.scanTexts.enqueue([blob('a')], plus(T0, 1)));
      // A failed attempt goes back to pending with a later time: the back of the queue.
      await tx((t) => t.scanTexts.save(blob('b'), { status: 'pending', text: null, attempts: 1, updatedAt: plus(T0, 2) }));
      await tx((t) => read(t, blob('d'), 'x'));
      expect((await tx((t) => t.scanTexts.pending(10))).map((s) => s.blob)).toEqual([blob('a'), blob('b'), blob('c')]);
      expect((await tx((t) => t.scanTexts.pending(2))).map((s) => s.blob)).toEqual([blob('a'), blob('b')]);
      expect((await tx((t) => t.scanTexts.pending(2)))[1]).toEqual({ blob: blob('b'), status: 'pending', text: null, attempts: 1, updatedAt: plus(T0, 2) });
    });

    it('claimPending takes due scans for one reader: leased until the given time, then due again', async () => {
      await tx((t) => t.scanTexts.enqueue([blob('b')], plus(T0, 2)));
      await tx((t) => t.scanTexts.enqueue([blob('a')], plus(T0, 1)));
      await tx((t) => t.scanTexts.enqueue([blob('c')], plus(T0, 50)));
      await tx((t) => read(t, blob('d'), 'x'));
      const lease = plus(T0, 600_000);
      const first = await tx((t) => t.scanTexts.claimPending(1, plus(T0, 10), lease));
      expect(first).toEqual([{ blob: blob('a'), status: 'pending', text: null, attempts: 0, updatedAt: plus(T0, 1) }]);
      // Another process asking at the same moment gets the next one, never the same; c is not due yet.
      expect((await tx((t) => t.scanTexts.claimPending(10, plus(T0, 10), lease))).map((s) => s.blob)).toEqual([blob('b')]);
      expect(await tx((t) => t.scanTexts.claimPending(10, plus(T0, 10), lease))).toEqual([]);
      // Nobody saved a or b: after the lease they are due again, oldest first, with c.
      expect((await tx((t) => t.scanTexts.claimPending(10, lease, plus(lease, 1)))).map((s) => s.blob).sort()).toEqual([blob('a'), blob('b'), blob('c')]);
      expect(await tx((t) => t.scanTexts.claimPending(0, plus(lease, 5), lease))).toEqual([]);
    });

    it('save overwrites status, text, attempts and time', async () => {
      await tx((t) => t.scanTexts.enqueue([blob('a')], T0));
      await tx((t) => t.scanTexts.save(blob('a'), { status: 'done', text: 'सेवा पुस्तिका\nService book', attempts: 2, updatedAt: plus(T0, 9) }));
      expect(await tx((t) => t.scanTexts.byBlob(blob('a')))).toEqual({ blob: blob('a'), status: 'done', text: 'सेवा पुस्तिका\nService book', attempts: 2, updatedAt: plus(T0, 9) });
      expect(await tx((t) => t.scanTexts.counts())).toEqual({ pending: 0, done: 1, failed: 0 });
    });

    it('searchReceipts finds receipts by the text of their PDF or of an original, every word, newest first', async () => {
      const [one, two, three] = await tx(async (t) => [
        await receipt(t, 1, blob('1')),
        await receipt(t, 2, blob('2'), [blob('4'), blob('5')]),
        await receipt(t, 3, blob('3')),
      ]);
      await tx(async (t) => {
        await read(t, blob('1'), 'Flood relief review\nबाढ़ राहत वितरण');
        await read(t, blob('5'), 'flood RELIEF boats');
        await read(t, blob('3'), 'Service book');
      });
      const search = (words: string[], limit = 10) => tx((t) => t.scanTexts.searchReceipts(words, limit));
      expect(await search(['relief'])).toEqual([two?.id, one?.id]);
      expect(await search(['FLOOD', 'Relief'])).toEqual([two?.id, one?.id]);
      expect(await search(['बाढ़', 'राहत'])).toEqual([one?.id]);
      expect(await search(['relief', 'boats'])).toEqual([two?.id]);
      expect(await search(['relief', 'service'])).toEqual([]);
      expect(await search(['book'])).toEqual([three?.id]);
      expect(await search(['relief'], 1)).toEqual([two?.id]);
      expect(await search(['relief'], 0)).toEqual([]);
      expect(await search([])).toEqual([]);
    });

    it('receiptsWithPdf names the receipts whose PDF is the blob, not those that only have it as an original', async () => {
      const [one, , three] = await tx(async (t) => [
        await receipt(t, 1, blob('1')),
        await receipt(t, 2, blob('2'), [blob('1')]),
        await receipt(t, 3, blob('1')),
      ]);
      expect(await tx((t) => t.scanTexts.receiptsWithPdf(blob('1')))).toEqual([one?.id, three?.id]);
      expect(await tx((t) => t.scanTexts.receiptsWithPdf(blob('9')))).toEqual([]);
    });

    it('searchReceipts: words may come from different scans of one receipt', async () => {
      const r = await tx((t) => receipt(t, 1, blob('1'), [blob('2')]));
      await tx(async (t) => {
        await read(t, blob('1'), 'Mutation appeal');
        await read(t, blob('2'), 'दाखिल खारिज');
      });
      expect(await tx((t) => t.scanTexts.searchReceipts(['appeal', 'खारिज'], 10))).toEqual([r.id]);
    });

    it('searchReceipts ignores scans not read yet or failed, and takes % and _ literally', async () => {
      const [a, b, c] = await tx(async (t) => [await receipt(t, 1, blob('1')), await receipt(t, 2, blob('2')), await receipt(t, 3, blob('3'))]);
      await tx(async (t) => {
        await t.scanTexts.enqueue([blob('1')], T0);
        await t.scanTexts.save(blob('2'), { status: 'failed', text: 'relief', attempts: 3, updatedAt: T0 });
        await read(t, blob('3'), 'rate 50% of a_b');
      });
      expect(await tx((t) => t.scanTexts.searchReceipts(['relief'], 10))).toEqual([]);
      expect(await tx((t) => t.scanTexts.searchReceipts(['50%'], 10))).toEqual([c.id]);
      expect(await tx((t) => t.scanTexts.searchReceipts(['a_b'], 10))).toEqual([c.id]);
      expect(await tx((t) => t.scanTexts.searchReceipts(['5%'], 10))).toEqual([]);
      expect(await tx((t) => t.scanTexts.searchReceipts(['a_'], 10))).toEqual([c.id]);
      expect(await tx((t) => t.scanTexts.searchReceipts(['ab'], 10))).toEqual([]);
      expect([a.id, b.id]).not.toContain(c.id);
    });

    it('a rolled-back enqueue leaves nothing queued', async () => {
      await expect(tx(async (t) => {
        await t.scanTexts.enqueue([blob('a')], T0);
        throw new Error('roll back');
      })).rejects.toThrow('roll back');
      expect(await tx((t) => t.scanTexts.byBlob(blob('a')))).toBeNull();
    });
    checkGaps();
  });
}

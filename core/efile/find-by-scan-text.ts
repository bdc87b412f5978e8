// `find` by what a letter says: receipts whose scans' OCR text holds every word, with their files,
// only those the viewer may read (as `find` lists files and receipts).
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { canSeeReceipt } from './guards.ts';
import type { EFile, Receipt } from './types.ts';

export interface ScanTextHit {
  receipt: Receipt;
  /** The file the receipt is in, if it is filed. */
  file: EFile | null;
}

/**
 * Newest receipts first, at most `limit` of those the viewer may see (more are fetched, then the
 * visible kept). `exclude`: receipt ids already listed by the other searches.
 */
export async function findByScanText(
  tx: Tx, options: { viewer: Employee; words: readonly string[]; limit: number; exclude?: ReadonlySet<number> },
): Promise<ScanTextHit[]> {
  const words = options.words.map((w) => w.trim()).filter((w) => w !== '');
  if (words.length === 0 || options.limit <= 0) return [];
  const ids = await tx.scanTexts.searchReceipts(words, options.limit * 4);
  const files = new Map<number, EFile | null>();
  const hits: ScanTextHit[] = [];
  for (const id of ids) {
    if (hits.length >= options.limit) break;
    if (options.exclude?.has(id)) continue;
    const receipt = await tx.receipts.byId(id);
    if (receipt === null || !(await canSeeReceipt(tx, options.viewer, receipt))) continue;
    let file: EFile | null = null;
    if (receipt.fileId !== null) {
      if (!files.has(receipt.fileId)) files.set(receipt.fileId, await tx.files.byId(receipt.fileId));
      file = files.get(receipt.fileId) ?? null;
    }
    hits.push({ receipt, file });
  }
  return hits;
}

// OCR text of scans in the in-memory store (same contract as the Prisma one).
import type { ScanText, ScanTextRepo, ScanTextStatus } from '../efile/scan-types.ts';
import type { EfileState } from './memory-efile.ts';

export type ScanState = Map<string, ScanText>;
export const emptyScanState = (): ScanState => new Map();

/** `efile` gives the receipts, for searching receipts by the text of their scans. */
export function memoryScanTextRepo(s: () => ScanState, efile: () => EfileState): { scanTexts: ScanTextRepo } {
  const readText = (blob: string): string | null => {
    const scan = s().get(blob);
    return scan?.status === 'done' && scan.text !== null ? scan.text.toLowerCase() : null;
  };
  return {
    scanTexts: {
      enqueue: async (blobs, at) => {
        for (const blob of blobs) {
          if (!s().has(blob)) s().set(blob, { blob, status: 'pending', text: null, attempts: 0, updatedAt: new Date(at) });
        }
      },
      pending: async (limit) => structuredClone([...s().values()]
        .filter((x) => x.status === 'pending')
        .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.blob.localeCompare(b.blob))
        .slice(0, limit)),
      claimPending: async (limit, now, leaseUntil) => {
        const due = [...s().values()]
          .filter((x) => x.status === 'pending' && x.updatedAt <= now)
          .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.blob.localeCompare(b.blob))
          .slice(0, Math.max(0, limit));
        const taken = structuredClone(due);
        for (const x of due) x.updatedAt = new Date(leaseUntil);
        return taken;
      },
      save: async (blob, patch) => {
        s().set(blob, { blob, ...structuredClone(patch) });
      },
      byBlob: async (blob) => structuredClone(s().get(blob) ?? null),
      counts: async () => {
        const counts: Record<ScanTextStatus, number> = { pending: 0, done: 0, failed: 0 };
        for (const x of s().values()) counts[x.status] += 1;
        return counts;
      },
      receiptsWithPdf: async (blob) => efile().receipts.filter((r) => r.pdfBlob === blob).map((r) => r.id).sort((a, b) => a - b),
      searchReceipts: async (words, limit) => {
        if (limit <= 0 || words.length === 0) return [];
        const wanted = words.map((w) => w.toLowerCase());
        const state = efile();
        return state.receipts
          .filter((r) => {
            const blobs = [r.pdfBlob, ...state.originals.filter((o) => o.receiptId === r.id).map((o) => o.blob)];
            const texts = blobs.map(readText).filter((t): t is string => t !== null);
            return texts.length > 0 && wanted.every((w) => texts.some((t) => t.includes(w)));
          })
          .map((r) => r.id)
          .sort((a, b) => b - a)
          .slice(0, limit);
      },
    },
  };
}

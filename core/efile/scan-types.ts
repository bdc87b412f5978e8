// OCR text of scanned pages, kept per blob (the same bytes are read once), filled in the background.

export type ScanTextStatus = 'pending' | 'done' | 'failed';

export interface ScanText {
  /** SHA-256 of the scan (receipt PDF or original image), as the BlobStore names it. */
  blob: string;
  status: ScanTextStatus;
  text: string | null;
  attempts: number;
  updatedAt: Date;
}

export interface ScanTextRepo {
  /**
   * Queues scans for OCR (a receipt's PDF and its originals in one call); a blob already known
   * (pending, done or failed) is left alone, and a blob named twice is queued once.
   */
  enqueue(blobs: readonly string[], at: Date): Promise<void>;
  /** Pending scans, oldest first. */
  pending(limit: number): Promise<ScanText[]>;
  /**
   * Takes up to `limit` pending scans last touched at or before `now` (oldest first) for reading by
   * this process: their time moves to `leaseUntil`, so another process serving the office does not
   * read the same scans meanwhile; one that dies leaves them to be taken again after the lease.
   * Returns them as they were.
   */
  claimPending(limit: number, now: Date, leaseUntil: Date): Promise<ScanText[]>;
  save(blob: string, patch: Pick<ScanText, 'status' | 'text' | 'attempts' | 'updatedAt'>): Promise<void>;
  byBlob(blob: string): Promise<ScanText | null>;
  counts(): Promise<Record<ScanTextStatus, number>>;
  /**
   * Ids of receipts whose read scans (their PDF or one of their originals) contain every word,
   * each word in one of them; case-insensitive for Latin letters, Devanagari as it is. Newest first.
   */
  searchReceipts(words: readonly string[], limit: number): Promise<number[]>;
  /** Ids of the receipts whose PDF is this blob (a scan read after its receipt was diarised). */
  receiptsWithPdf(blob: string): Promise<number[]>;
}

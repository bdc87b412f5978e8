// Office-wide reads for the pendency digests and the Collector's report: aggregate queries instead
// of a few calls per employee, so that 50,000 staff and a million files stay within seconds.
// (Both stores implement it: core/store/memory-pendency.ts, adapters/storage/prisma-pendency.ts;
// test/contract/pendency-contract.ts holds them to the same answers.)
//
// The long lists come in ranges of ids (`afterId`, `upToId`), so that a caller reading through short
// transactions lets chat messages in between (see pending-for.ts): a range of ids is one short scan
// of the table by its primary key, whatever the office keeps — a page found by `limit` alone could
// scan a million closed files to find a few open ones.

/** A file open or parked, as the digests and the report need it. */
export interface PendingFileRow {
  id: number;
  fileNumber: string;
  subject: string;
  holderId: number;
  sectionId: number;
  parked: boolean;
  movedAt: Date;
}

/** A receipt not yet put in a file (status open). */
export interface PendingReceiptRow {
  id: number;
  diaryNumber: string;
  subject: string;
  holderId: number;
  movedAt: Date;
}

interface ApplicationBase {
  id: number;
  number: string;
  /** The applicant. */
  employeeId: number;
  holderId: number;
  /** Returned to the applicant for clarification (else pending with the sanctioning officer). */
  returned: boolean;
  movedAt: Date;
}

/** A leave application, tour programme or TA claim pending or returned. */
export type PendingApplicationRow =
  | (ApplicationBase & { kind: 'leave'; type: string; startDate: string; endDate: string })
  | (ApplicationBase & { kind: 'tour'; destinations: string[]; startDate: string; endDate: string })
  | (ApplicationBase & { kind: 'ta'; total: number });

/** How many files (or receipts) a holder has, by age bucket: counts[i] arrived in [cutoffs[i], cutoffs[i-1]). */
export interface HolderCounts {
  holderId: number;
  kind: 'file' | 'receipt';
  /** cutoffs.length + 1 counts: newest bucket first, the last one everything older than the last cutoff. */
  counts: number[];
}

/** Ids in (afterId, upToId]. */
export interface IdRange {
  afterId: number;
  upToId: number;
}

export interface PendencyRepo {
  /** Open and parked files with afterId < id <= upToId (no upper bound when absent), by id, at most `limit`. */
  files(afterId: number, limit: number, upToId?: number): Promise<PendingFileRow[]>;
  /** Open receipts (not in a file) with afterId < id <= upToId (no upper bound when absent), by id, at most `limit`. */
  receipts(afterId: number, limit: number, upToId?: number): Promise<PendingReceiptRow[]>;
  /** Every leave application, tour programme and TA claim pending or returned (kind, then id). */
  applications(): Promise<PendingApplicationRow[]>;
  /**
   * Open/parked files and open receipts with id in (afterId, upToId] (each table by its own ids),
   * counted per holder and age bucket; `cutoffs` newest first. Holders with none are absent; rows by
   * holder, files before receipts. A range of ids is one short scan, so a caller can count a
   * million files in steps with chat in between.
   */
  countsByHolder(cutoffs: readonly Date[], afterId: number, upToId: number): Promise<HolderCounts[]>;
  /** The highest id of any file or receipt (0 when there are none): where counting by ranges ends. */
  lastId(): Promise<number>;
  /**
   * The open/parked files that have been with their holder longest (movedAt, then id), at most
   * `limit`; among the ids in (afterId, upToId] when a range is given (merging the ranges' lists
   * gives the whole table's).
   */
  oldestFiles(limit: number, range?: IdRange): Promise<PendingFileRow[]>;
  /**
   * Files whose decision chain ended in [from, to): a movement that closed the file or approved it
   * back to the employee who opened it. Each file once, with the section owning it, by file id.
   * With `movers`, only movements made by employees with ids in that range (a file may then show in
   * two ranges: the caller keeps it once).
   */
  disposedFiles(from: Date, to: Date, movers?: IdRange): Promise<{ fileId: number; sectionId: number }[]>;
}

// Figures for the office's background jobs: reminder digests computed, reminder delivery through
// the Telegram adapter at the platform's rates, the pendency report PDF, and message latency while
// a report renders.
import type { Scale } from './generate.ts';

export const OFFICE_JOB_FIGURES = [] as const;

export interface OfficeJobsOptions {
  /** The cached generated office (never written: work on `workingCopy(dbFile, tag)`). */
  dbFile: string;
  scale: Scale;
  seed: number;
  emit(figure: string, data: Record<string, unknown>): void;
  note(line: string): void;
  wanted(figure: string): boolean;
  workingCopy(file: string, tag: string): string;
  removeCopy(copy: string): void;
}

export async function runOfficeJobs(_options: OfficeJobsOptions): Promise<void> {
  // Filled in by the office-jobs benchmark work.
}

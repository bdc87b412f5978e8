// Background work that `daftar start` runs beside the channels (besides the pendency digest):
// OCR of scans and the circular acknowledgement reminders. Each says in one line what it does.
import type { Config } from '../config.ts';
import type { Daftar } from '../main.ts';
import type { Logger } from '../context.ts';

export interface BackgroundWork {
  /** One line each for the start banner. */
  lines: string[];
  stop(): Promise<void>;
}

export async function startScanReader(_config: Config, _daftar: Daftar, _log: Logger): Promise<BackgroundWork> {
  return { lines: [], stop: async () => {} };
}

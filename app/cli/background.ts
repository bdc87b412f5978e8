// Background work that `daftar start` runs beside the channels (besides the pendency digest):
// OCR of scans and the circular acknowledgement reminders. Each says in one line what it does.
import type { BlobStore, Clock, Store } from '../../core/ports.ts';
import { TesseractOcr } from '../../adapters/ocr/tesseract.ts';
import type { Config } from '../../bots/config.ts';
import type { Daftar } from '../main.ts';
import type { Logger } from '../../bots/context.ts';
import { proposeFromScanText } from '../../bots/commands/deadline.ts';
import { deadlineRulesFrom, leavePolicyFrom } from '../office-rules.ts';

export interface BackgroundWork {
  /** One line each for the start banner. */
  lines: string[];
  stop(): Promise<void>;
}

/** A scan that could not be read is tried this many times in all, then marked failed. */
export const MAX_OCR_ATTEMPTS = 3;
/** How long claimed scans are this process's to read (OCR of a few pages takes seconds). */
const OCR_LEASE_MS = 10 * 60_000;

export const OCR_OFF_LINE =
  'Scan text search is off: tesseract-ocr with hin and eng is not installed (apt-get install tesseract-ocr tesseract-ocr-hin tesseract-ocr-eng)';

export interface ScanReaderDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  ocr: { read(bytes: Uint8Array): Promise<string> };
  log: Logger;
  /**
   * After a scan's text is saved: what the office does with newly read text (a statutory deadline
   * the subject did not name is proposed to the receipt's holder). A failure here is logged; the
   * text stays read.
   */
  onRead?: (blob: string) => Promise<void>;
}

export interface ReadRound {
  done: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

/**
 * Reads up to `limit` pending scans, one at a time, outside any transaction (OCR takes seconds);
 * each result is saved in a short transaction of its own. A failure goes to the back of the queue.
 */
export async function readPendingScans(deps: ScanReaderDeps, limit = 4, shouldStop: () => boolean = () => false): Promise<ReadRound> {
  const round: ReadRound = { done: 0, retrying: 0, failed: 0 };
  // Claimed, so that with several Daftar processes on one database each scan is read by one of them.
  const now = deps.clock.now();
  const pending = await deps.store.transaction((tx) => tx.scanTexts.claimPending(limit, now, new Date(now.getTime() + OCR_LEASE_MS)));
  for (const scan of pending) {
    if (shouldStop()) break;
    let text: string | null = null;
    let problem = '';
    const bytes = await deps.blobs.get(scan.blob);
    if (bytes === null) problem = 'the scan is missing from the blob store';
    else {
      try {
        text = await deps.ocr.read(bytes);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    const attempts = scan.attempts + 1;
    const now = deps.clock.now();
    if (text !== null) {
      await deps.store.transaction((tx) => tx.scanTexts.save(scan.blob, { status: 'done', text, attempts, updatedAt: now }));
      round.done += 1;
      await deps.onRead?.(scan.blob).catch((error: unknown) => deps.log.warn(`after reading scan ${scan.blob.slice(0, 12)}: ${error instanceof Error ? error.message : String(error)}`));
      continue;
    }
    const last = bytes === null || attempts >= MAX_OCR_ATTEMPTS;
    await deps.store.transaction((tx) => tx.scanTexts.save(scan.blob, { status: last ? 'failed' : 'pending', text: null, attempts, updatedAt: now }));
    deps.log.warn(`OCR of scan ${scan.blob.slice(0, 12)} failed (attempt ${attempts}${last ? ', giving up' : ''}): ${problem}`);
    if (last) round.failed += 1;
    else round.retrying += 1;
  }
  return round;
}

/** Keeps reading pending scans; idles `idleMs` when the queue is empty. */
export function runScanReader(deps: ScanReaderDeps, options: { idleMs?: number } = {}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  const tick = (): void => {
    timer = null;
    current = (async () => {
      let wait = options.idleMs ?? 10_000;
      try {
        const round = await readPendingScans(deps, 4, () => stopped);
        if (round.done + round.retrying + round.failed > 0) wait = 0;
      } catch (error) {
        deps.log.error('The scan reader failed; trying again shortly', error);
      }
      if (!stopped) timer = setTimeout(tick, wait);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await current;
    },
  };
}

/**
 * For a process that does not read scans itself (`daftar chat` beside the server): scan text search
 * works when OCR works on this machine, or when scans were already read into the database.
 */
export async function noteScanSearch(config: Config, daftar: Daftar): Promise<void> {
  const read = (await daftar.store.transaction((tx) => tx.scanTexts.counts())).done > 0;
  const ocrWorks = config.ocr.enabled && (await new TesseractOcr({ command: config.ocr.command, languages: config.ocr.languages }).check()).ok;
  daftar.scanSearch.available = read || ocrWorks;
}

export async function startScanReader(config: Config, daftar: Daftar, log: Logger): Promise<BackgroundWork> {
  if (!config.ocr.enabled) return { lines: ['Scan text search is off (OCR_ENABLED=false).'], stop: async () => {} };
  const ocr = new TesseractOcr({ command: config.ocr.command, languages: config.ocr.languages });
  const check = await ocr.check();
  if (!check.ok) {
    const missing = check.reason === 'missing_languages' ? ` (missing: ${check.missing.join(', ')})` : '';
    return { lines: [`${OCR_OFF_LINE}${missing}.`], stop: async () => {} };
  }
  daftar.scanSearch.available = true;
  const waiting = await daftar.store.transaction((tx) => tx.scanTexts.counts());
  const policy = { rules: deadlineRulesFrom(config), calendar: leavePolicyFrom(config).calendar };
  const onRead = async (blob: string) => {
    const queued = await daftar.store.transaction((tx) => proposeFromScanText(tx, daftar.clock, policy, blob));
    if (queued > 0) daftar.dispatcher.kick();
  };
  const reader = runScanReader({ store: daftar.store, blobs: daftar.blobs, clock: daftar.clock, ocr, log, onRead });
  return {
    lines: [`Scan text search: ${check.version || config.ocr.command} (${check.languages.join('+')}) reads scans in the background; ${waiting.pending} waiting, ${waiting.done} read.`],
    stop: async () => {
      daftar.scanSearch.available = false;
      await reader.stop();
    },
  };
}

// `daftar import-files <folder>`: running paper files, scanned, loaded as electronic files. Each row
// of the index is checked, its scans read and checked, and then written in one transaction of its
// own; a row with any problem is rejected with its reasons and nothing of it is written. Rows whose
// file is in already are skipped, so running it again is safe. Exit 0 when no row was rejected.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRoll, type RollFileFailure, type RollFileFailureCode } from '../../adapters/roll/read-roll.ts';
import type { BlobStore, Clock, DocumentRenderer, Store } from '../../core/ports.ts';
import type { Employee, Section } from '../../core/types.ts';
import type { NumberFormats } from '../../core/efile/numbering.ts';
import { istDate } from '../../core/time.ts';
import { safeFileName } from '../../core/intake/file-name.ts';
import { imageSize } from '../../core/intake/image-size.ts';
import { DEFAULT_INTAKE_LIMITS, tooManyPixels } from '../../core/intake/limits.ts';
import { mapPaperColumns, PAPER_FIELDS, type PaperField } from '../../core/efile/import-paper-file-columns.ts';
import {
  checkPaperFileRow, digitisePaperFile, findImported, type PaperFilePlan, type PaperReason, type ScanReceipt,
} from '../../core/efile/import-paper-file.ts';
import type { Config } from '../../bots/config.ts';
import { consoleLogger } from '../../bots/log.ts';
import { openDaftar } from '../main.ts';
import { canonicalPost } from '../../bots/language/index.ts';
import { both, IMPORT_TEXT, PAPER_FIELD_LABEL, paperReasonText } from './import-files-messages.ts';

export interface ImportFilesOptions {
  /** The index CSV (default: index.csv in the folder). */
  index?: string;
  dryRun?: boolean;
  /** Largest scan file accepted (default 50 MB). */
  maxScanBytes?: number;
  /** Largest scanned image accepted, in megapixels its header declares (runImportFiles: MAX_IMAGE_MEGAPIXELS; default 40). */
  maxImageMegapixels?: number;
  /** Where the progress goes (default: standard error); a bar when it is a terminal. */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ImportFilesDeps {
  store: Store;
  clock: Clock;
  renderer: DocumentRenderer;
  blobs: BlobStore;
  formats: NumberFormats;
  canonicalPost?: ((post: string) => string | null) | undefined;
}

export type RowReport =
  | { line: number; number: string; status: 'created'; fileNumber: string; receipts: number; pages: number }
  | { line: number; number: string; status: 'would_create'; fileNumber: string | null; receipts: number; pages: number }
  | { line: number; number: string; status: 'skipped'; fileNumber: string }
  | { line: number; number: string; status: 'rejected'; reasons: PaperReason[] };

export const DEFAULT_MAX_SCAN_BYTES = 50 * 1024 * 1024;

const INDEX_FAILURE: Record<RollFileFailureCode, (p: RollFileFailure['params']) => string> = {
  'ROLL_FILE.UNSUPPORTED_TYPE': (p) => `${p.extension} files are not read; save the index as .csv (UTF-8) or .xlsx`,
  'ROLL_FILE.UNREADABLE': (p) => String(p.reason),
  'ROLL_FILE.NOT_UTF8': () => 'the CSV is not UTF-8; in Excel use "Save As → CSV UTF-8" so that Hindi text survives',
  'ROLL_FILE.MALFORMED': (p) => `a quoted cell opened on line ${p.line} is never closed`,
  'ROLL_FILE.EMPTY': () => 'the index has no header row with file rows under it',
  'ROLL_FILE.DUPLICATE_HEADER': (p) => `two columns are headed "${p.header}"`,
};

const fieldNames = (fields: readonly PaperField[]): string => fields.map((f) => `${PAPER_FIELD_LABEL[f].en} (${PAPER_FIELD_LABEL[f].hi})`).join(', ');

type Kind = { mime: 'application/pdf' | 'image/jpeg' | 'image/png' } | null;

function kindOf(bytes: Uint8Array): Kind {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return { mime: 'application/pdf' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: 'image/jpeg' };
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { mime: 'image/png' };
  return null;
}

interface LoadedScan {
  name: string;
  bytes: Uint8Array;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Pages of a PDF; 1 for an image. */
  pages: number;
}

const byNaturalName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

interface ScanLimits { maxBytes: number; maxMegapixels: number }

/** The row's scans as files: names inside the folder, a subfolder standing for the files in it. */
async function loadScans(
  deps: ImportFilesDeps, folder: string, names: readonly string[], limits: ScanLimits,
): Promise<{ scans: LoadedScan[]; reasons: PaperReason[] }> {
  const { maxBytes, maxMegapixels } = limits;
  const reasons: PaperReason[] = [];
  const files: Array<{ name: string; full: string }> = [];
  for (const name of names) {
    const full = path.resolve(folder, name);
    if (full !== folder && !full.startsWith(`${folder}${path.sep}`)) { reasons.push({ code: 'PAPER.SCAN_OUTSIDE', params: { name } }); continue; }
    const info = await stat(full).catch(() => null);
    if (info === null) reasons.push({ code: 'PAPER.SCAN_MISSING', params: { name } });
    else if (info.isDirectory()) {
      const inside = (await readdir(full, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name).sort(byNaturalName);
      if (inside.length === 0) reasons.push({ code: 'PAPER.SCAN_MISSING', params: { name: `${name}/` } });
      files.push(...inside.map((f) => ({ name: `${name}/${f}`, full: path.join(full, f) })));
    } else files.push({ name, full });
  }
  const scans: LoadedScan[] = [];
  for (const file of files) {
    const size = (await stat(file.full)).size;
    if (size > maxBytes) { reasons.push({ code: 'PAPER.SCAN_TOO_BIG', params: { name: file.name, maxMb: Math.floor(maxBytes / 1048576) } }); continue; }
    if (size === 0) { reasons.push({ code: 'PAPER.SCAN_EMPTY', params: { name: file.name } }); continue; }
    const bytes = new Uint8Array(await readFile(file.full));
    const kind = kindOf(bytes);
    if (kind === null) { reasons.push({ code: 'PAPER.SCAN_UNSUPPORTED', params: { name: file.name } }); continue; }
    if (kind.mime === 'application/pdf') {
      const checked = await deps.renderer.checkPdf(bytes);
      if (checked.ok) scans.push({ name: file.name, bytes, mime: kind.mime, pages: checked.pages });
      else if (checked.reason === 'active_content') reasons.push({ code: 'PAPER.SCAN_ACTIVE_CONTENT', params: { name: file.name, found: checked.found } });
      else reasons.push({ code: checked.reason === 'encrypted' ? 'PAPER.SCAN_ENCRYPTED' : checked.reason === 'empty' ? 'PAPER.SCAN_EMPTY' : 'PAPER.SCAN_CORRUPT', params: { name: file.name } });
    } else {
      // The declared size first: a huge page is refused before the renderer decodes any of it.
      const size = imageSize(bytes);
      if (size !== null && tooManyPixels(size, maxMegapixels)) {
        reasons.push({ code: 'PAPER.SCAN_TOO_MANY_PIXELS', params: { name: file.name, width: size.width, height: size.height, max: maxMegapixels } });
        continue;
      }
      const checked = await deps.renderer.checkImages([{ bytes, mime: kind.mime }]);
      if (checked.ok) scans.push({ name: file.name, bytes, mime: kind.mime, pages: 1 });
      else reasons.push({ code: checked.reason === 'unsupported_type' ? 'PAPER.SCAN_UNSUPPORTED' : checked.reason === 'empty' ? 'PAPER.SCAN_EMPTY' : 'PAPER.SCAN_CORRUPT', params: { name: file.name } });
    }
  }
  return { scans, reasons };
}

/** Each PDF is a receipt of its own; the row's images together make one receipt PDF. Blobs are stored here. */
async function scanReceipts(deps: ImportFilesDeps, plan: PaperFilePlan, scans: readonly LoadedScan[]): Promise<ScanReceipt[]> {
  const receipts: ScanReceipt[] = [];
  for (const pdf of scans.filter((s) => s.mime === 'application/pdf')) {
    const blob = await deps.blobs.put(pdf.bytes);
    receipts.push({ pdfBlob: blob, pages: pdf.pages, label: pdf.name, originals: [{ blob, filename: safeFileName(pdf.name, pdf.mime), mime: pdf.mime }] });
  }
  const images = scans.filter((s) => s.mime !== 'application/pdf');
  if (images.length > 0) {
    const pdf = await deps.renderer.receiptFromImages(images, `संचिका / File ${plan.paperNumber}`);
    const originals = [];
    for (const image of images) originals.push({ blob: await deps.blobs.put(image.bytes), filename: safeFileName(image.name, image.mime), mime: image.mime });
    const label = images.length === 1 ? images[0]?.name ?? '' : `${images[0]?.name} … ${images.at(-1)?.name}`;
    receipts.push({ pdfBlob: await deps.blobs.put(pdf), pages: images.length, label, originals });
  }
  return receipts;
}

/** `\r`-redrawn bar on a terminal; a plain line every tenth of the way otherwise. */
function progressMeter(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): { step(done: number): void; end(): void } {
  const started = performance.now();
  let lastTenth = 0;
  return {
    step(done) {
      const seconds = done === 0 ? 0 : ((performance.now() - started) / 1000 / done) * (total - done);
      const eta = `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
      if (stream.isTTY) {
        const width = 24;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} rows · ETA ${eta} `);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth || done === total) {
        lastTenth = tenth;
        stream.write(`import-files: ${done}/${total} rows${done < total ? `, about ${eta} left` : ''}\n`);
      }
    },
    end() {
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}

function statusText(row: RowReport): string {
  switch (row.status) {
    case 'created': return both(IMPORT_TEXT.created(row.fileNumber, row.receipts, row.pages));
    case 'would_create': return both(IMPORT_TEXT.wouldCreate(row.fileNumber, row.receipts, row.pages));
    case 'skipped': return both(IMPORT_TEXT.skipped(row.fileNumber));
    case 'rejected': return both(IMPORT_TEXT.rejected(row.reasons.map(paperReasonText)));
  }
}

export async function importFiles(
  deps: ImportFilesDeps, folderArg: string, options: ImportFilesOptions, out: NodeJS.WritableStream,
): Promise<{ exitCode: number; rows: RowReport[] }> {
  const say = (text: string): void => { out.write(`${text}\n`); };
  const folder = path.resolve(folderArg);
  const indexFile = options.index ?? path.join(folder, 'index.csv');
  const read = await readRoll(indexFile);
  if (!read.ok) {
    say(`Cannot read the index ${indexFile}: ${INDEX_FAILURE[read.failure.code](read.failure.params)}. Nothing was imported.`);
    return { exitCode: 1, rows: [] };
  }
  const columns = mapPaperColumns(read.value.headers);
  if (columns.missing.length > 0 || columns.duplicates.length > 0) {
    if (columns.missing.length > 0) say(`${indexFile} lacks columns: ${fieldNames(columns.missing)}.`);
    for (const d of columns.duplicates) say(`Columns ${d.headers.map((h) => `"${h}"`).join(' and ')} both mean ${fieldNames([d.field])}; keep one.`);
    say('Nothing was imported. See docs/import-files.md for the columns.');
    return { exitCode: 1, rows: [] };
  }
  if (columns.unknown.length > 0) say(`Ignored columns: ${columns.unknown.join(', ')}`);

  const snapshot = await deps.store.transaction(async (tx) => ({
    sections: await tx.sections.list() as Section[], employees: await tx.employees.list() as Employee[],
  }));
  const context = { ...snapshot, formats: deps.formats, today: istDate(deps.clock.now()), canonicalPost: deps.canonicalPost };
  const limits: ScanLimits = {
    maxBytes: options.maxScanBytes ?? DEFAULT_MAX_SCAN_BYTES,
    maxMegapixels: options.maxImageMegapixels ?? DEFAULT_INTAKE_LIMITS.maxImageMegapixels,
  };
  const meter = progressMeter(options.progress ?? process.stderr, read.value.rows.length);
  const seen = new Map<string, number>();
  const rows: RowReport[] = [];
  let queued = 0;
  meter.step(0);
  for (const raw of read.value.rows) {
    const cells = Object.fromEntries(PAPER_FIELDS.flatMap((f) => {
      const header = columns.byField[f];
      return header === undefined ? [] : [[f, raw.cells[header] ?? '']];
    })) as Partial<Record<PaperField, string>>;
    const number = (cells.paperNumber?.trim() || cells.fileNumber?.trim().toUpperCase()) || '-';
    const report = await importRow(deps, folder, { line: raw.line, cells }, context, seen, limits, options.dryRun === true);
    if (report.status === 'created') queued += report.receipts;
    rows.push({ ...report, number });
    meter.step(rows.length);
  }
  meter.end();

  // Columns line up on a terminal: Devanagari vowel signs and viramas take no column of their own.
  const columnsOf = (text: string): number => [...text].filter((c) => !/\p{M}/u.test(c)).length;
  const numberWidth = Math.max(...rows.map((r) => columnsOf(r.number)), 6);
  const lineWidth = Math.max(...rows.map((r) => String(r.line).length), 1);
  for (const row of rows) {
    say(`line ${String(row.line).padEnd(lineWidth)}  ${row.number}${' '.repeat(numberWidth - columnsOf(row.number))}  ${statusText(row)}`);
  }
  const summary = {
    created: rows.filter((r) => r.status === 'created' || r.status === 'would_create').length,
    skipped: rows.filter((r) => r.status === 'skipped').length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    total: rows.length,
  };
  say('');
  say(both(IMPORT_TEXT.summary(summary, options.dryRun === true)));
  if (queued > 0) say(both(IMPORT_TEXT.ocrQueued(queued)));
  if (summary.rejected > 0) say(both(IMPORT_TEXT.rerun));
  return { exitCode: summary.rejected > 0 ? 1 : 0, rows };
}

type RowResult = RowReport extends unknown ? (RowReport extends infer R ? (R extends RowReport ? Omit<R, 'number'> : never) : never) : never;

async function importRow(
  deps: ImportFilesDeps, folder: string, row: { line: number; cells: Partial<Record<PaperField, string>> },
  context: Parameters<typeof checkPaperFileRow>[1], seen: Map<string, number>, limits: ScanLimits, dryRun: boolean,
): Promise<RowResult> {
  const { line } = row;
  // The same paper file (or file number) twice in the index: the first one counts.
  const keys = [row.cells.paperNumber, row.cells.fileNumber].map((k) => (k ?? '').trim().toUpperCase()).filter((k) => k !== '');
  const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
  for (const k of keys) if (!seen.has(k)) seen.set(k, line);
  if (earlier !== undefined) return { line, status: 'rejected', reasons: [{ code: 'PAPER.DUPLICATE_IN_INDEX', params: { line: earlier } }] };

  const checked = checkPaperFileRow(row, context);
  if (!checked.ok) return { line, status: 'rejected', reasons: checked.reasons };
  const { plan } = checked;
  const found = await deps.store.transaction((tx) => findImported(tx, plan));
  if (found !== null) {
    return 'skip' in found ? { line, status: 'skipped', fileNumber: found.skip.fileNumber } : { line, status: 'rejected', reasons: [found.reject] };
  }
  const loaded = await loadScans(deps, folder, plan.scans, limits);
  if (loaded.reasons.length > 0) return { line, status: 'rejected', reasons: loaded.reasons };
  const pages = loaded.scans.reduce((sum, s) => sum + s.pages, 0);
  const receiptCount = loaded.scans.filter((s) => s.mime === 'application/pdf').length + (loaded.scans.some((s) => s.mime !== 'application/pdf') ? 1 : 0);
  if (dryRun) return { line, status: 'would_create', fileNumber: plan.fileNumber?.text ?? null, receipts: receiptCount, pages };

  const receipts = await scanReceipts(deps, plan, loaded.scans);
  const outcome = await deps.store.transaction((tx) => digitisePaperFile(tx, deps.clock, { plan, scans: receipts, formats: deps.formats, by: null }));
  switch (outcome.status) {
    case 'created': return { line, status: 'created', fileNumber: outcome.file.fileNumber, receipts: outcome.receipts.length, pages };
    case 'skipped': return { line, status: 'skipped', fileNumber: outcome.file.fileNumber };
    case 'rejected': return { line, status: 'rejected', reasons: [outcome.reason] };
  }
}

export async function runImportFiles(config: Config, folder: string, options: ImportFilesOptions, out: NodeJS.WritableStream): Promise<number> {
  // No OTP is sent from here: a sender that never is keeps the development sender's warning away.
  const otpSender = { kinds: [] as const, send: async () => { throw new Error('import-files sends no OTP'); } };
  const daftar = await openDaftar(config, { log: consoleLogger('warn'), channelOptions: { none: true }, otpSender });
  try {
    const { exitCode } = await importFiles({
      store: daftar.store, clock: daftar.clock, renderer: daftar.renderer, blobs: daftar.blobs, formats: config.formats, canonicalPost,
    }, folder, { maxImageMegapixels: config.uploads.maxImageMegapixels, ...options }, out);
    return exitCode;
  } finally {
    await daftar.close();
  }
}

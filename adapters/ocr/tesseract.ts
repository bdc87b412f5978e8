// OCR with the system's tesseract (Debian: tesseract-ocr, tesseract-ocr-hin, tesseract-ocr-eng) in
// child processes: PDFs are rasterised page by page with poppler's pdftoppm first. Every process runs
// under `nice`, with one OpenMP thread and a timeout, so a 2-CPU office server keeps answering chats
// while scans are read. Nothing is downloaded: the language files are the installed ones.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface OcrOptions {
  /** The tesseract executable (OCR_COMMAND), default `tesseract`. */
  command: string;
  /** Language codes joined by + (OCR_LANGUAGES), e.g. hin+eng. */
  languages: string;
  /** Per child process; a page that takes longer fails (and is retried by the reader). */
  timeoutMs?: number;
  /** Pages of a PDF read at most (a 300-page bundle should not hold the reader for an hour). */
  maxPages?: number;
  /** Rasterising resolution for PDFs. */
  dpi?: number;
}

export type OcrCheck =
  | { ok: true; version: string; languages: string[] }
  | { ok: false; reason: 'not_installed' | 'missing_languages'; missing: string[] };

/** Why a scan could not be read; the reader retries a few times, then marks it failed. */
export class OcrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrError';
  }
}

interface Run {
  stdout: string;
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

function run(file: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // nice first: the office's messages come before reading old letters.
    execFile('nice', ['-n', '15', file, ...args], {
      timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8',
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    }, (error, stdout, stderr) => {
      if (error) {
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found'
          : error.killed ? `timed out after ${Math.round(timeoutMs / 1000)} s` : (stderr.trim().split('\n').at(-1) ?? error.message);
        reject(new OcrError(`${path.basename(file)}: ${why}`));
      } else resolve({ stdout, stderr });
    });
  });
}

const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');

/** Runs of white space to one space, per line; blank lines dropped (what search needs, and smaller). */
export function tidyOcrText(text: string): string {
  return text.split('\n').map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim()).filter((line) => line !== '').join('\n');
}

export class TesseractOcr {
  private readonly timeoutMs: number;

  constructor(private readonly options: OcrOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Whether the command runs and has every language asked for. */
  async check(): Promise<OcrCheck> {
    const wanted = this.options.languages.split('+').filter((l) => l !== '');
    let listed: Run;
    try {
      listed = await run(this.options.command, ['--list-langs'], 15_000);
    } catch {
      return { ok: false, reason: 'not_installed', missing: wanted };
    }
    // tesseract 4/5 print the list on stdout after a "List of available languages" line; some
    // builds print it on stderr.
    const have = new Set(`${listed.stdout}\n${listed.stderr}`.split('\n').map((l) => l.trim()).filter((l) => /^[a-z_]+$/i.test(l)));
    const missing = wanted.filter((l) => !have.has(l));
    if (missing.length > 0) return { ok: false, reason: 'missing_languages', missing };
    let version = '';
    try {
      const v = await run(this.options.command, ['--version'], 15_000);
      version = `${v.stdout}\n${v.stderr}`.split('\n').map((l) => l.trim()).find((l) => /^tesseract\s/i.test(l)) ?? '';
    } catch {
      // the list worked; the version is only for the banner
    }
    return { ok: true, version, languages: wanted };
  }

  /** The text of a scan (a PDF, or a JPEG/PNG image), pages in order. Throws OcrError. */
  async read(bytes: Uint8Array): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-ocr-'));
    try {
      const images: string[] = [];
      if (isPdf(bytes)) {
        const pdf = path.join(dir, 'scan.pdf');
        await writeFile(pdf, bytes);
        const last = this.options.maxPages ?? 50;
        await run('pdftoppm', ['-r', String(this.options.dpi ?? 200), '-png', '-l', String(last), pdf, path.join(dir, 'page')], this.timeoutMs);
        // page-1.png … page-10.png (zero-padded to the page count's width): sort by the number.
        const pages = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
        pages.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
        images.push(...pages.map((p) => path.join(dir, p)));
        if (images.length === 0) throw new OcrError('pdftoppm made no pages');
      } else {
        const image = path.join(dir, 'scan.img');
        await writeFile(image, bytes);
        images.push(image);
      }
      const texts: string[] = [];
      for (const image of images) {
        const { stdout } = await run(this.options.command, [image, 'stdout', '-l', this.options.languages], this.timeoutMs);
        texts.push(tidyOcrText(stdout));
      }
      return texts.filter((t) => t !== '').join('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

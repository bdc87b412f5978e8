// PDFs are judged by outside tools, not by the library that wrote them: poppler's pdftotext and
// pdfinfo, and qpdf. Each call writes the bytes to a temporary file, runs the tool and cleans up.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withFile<T>(bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-pdf-'));
  const file = path.join(dir, 'document.pdf');
  try {
    await writeFile(file, bytes);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text as pdftotext reads it (reading order, `-layout` off), NFC-normalised for comparison. */
export async function pdfText(bytes: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  return withFile(bytes, async (file) => {
    const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout.normalize('NFC');
  });
}

/**
 * `qpdf --check`: ok when qpdf finds no errors and no warnings (exit code 0; 3 means warnings,
 * 2 errors). `output` is what qpdf said, for the assertion message.
 */
export async function qpdfCheck(bytes: Uint8Array): Promise<{ ok: boolean; output: string }> {
  return withFile(bytes, async (file) => {
    try {
      const { stdout, stderr } = await run('qpdf', ['--check', file]);
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
    }
  });
}

/** The page count as pdfinfo reports it. */
export async function pdfPages(bytes: Uint8Array): Promise<number> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    const match = /^Pages:\s+(\d+)$/m.exec(stdout);
    if (match?.[1] === undefined) throw new Error(`pdfinfo printed no page count:\n${stdout}`);
    return Number(match[1]);
  });
}

/** Page sizes in points, as pdfinfo reports them for each page. */
export async function pdfPageSizes(bytes: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  });
}

/** The same document encrypted by qpdf (AES-256) with these passwords. */
export async function qpdfEncrypt(bytes: Uint8Array, userPassword: string, ownerPassword = 'owner'): Promise<Uint8Array> {
  return withFile(bytes, async (file) => {
    const out = `${file}.encrypted.pdf`;
    await run('qpdf', ['--encrypt', userPassword, ownerPassword, '256', '--', file, out]);
    return new Uint8Array(await readFile(out));
  });
}

// Signatures are judged by poppler's pdfsig, which checks certificates against an NSS database.
// Each test gets a fresh database in a temporary folder, so what is trusted is exactly what the
// test imported, never the machine's own store.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NssDatabase {
  /** The arguments that point pdfsig at this database: `['-nssdir', 'sql:<dir>']`. */
  args: string[];
  dispose(): Promise<void>;
}

/**
 * A new, password-less NSS database trusting `caPems` (none: trusting nothing). The trust flags
 * must include e-mail ("C,C,"): NSS checks a PDF signer's certificate for the e-mail signer usage,
 * and a CA trusted with "C,," (TLS only) leaves pdfsig saying "Certificate issuer isn't Trusted".
 */
export async function nssDatabase(caPems: string[] = []): Promise<NssDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-nss-'));
  const db = `sql:${dir}`;
  await run('certutil', ['-N', '--empty-password', '-d', db]);
  for (const [index, pem] of caPems.entries()) {
    const file = path.join(dir, `ca-${index}.pem`);
    await writeFile(file, pem);
    await run('certutil', ['-A', '-n', `daftar-ca-${index}`, '-t', 'C,C,', '-i', file, '-d', db]);
  }
  return { args: ['-nssdir', db], dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * pdfsig's report on a PDF's signatures, whatever its exit code (non-zero for some findings).
 * No `-no-ocsp`: with it, poppler 22.12 reports every trusted certificate as "Unknown issue with
 * Certificate or corrupted data". Nothing goes online: Daftar's certificates name no OCSP responder.
 */
export async function pdfsig(bytes: Uint8Array, nss: NssDatabase): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-pdfsig-'));
  const file = path.join(dir, 'signed.pdf');
  try {
    await writeFile(file, bytes);
    try {
      const { stdout, stderr } = await run('pdfsig', [...nss.args, file]);
      return stdout + stderr;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

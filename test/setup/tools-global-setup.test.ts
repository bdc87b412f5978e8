// The suite's first step (test/helpers/tools-global-setup.ts): every outside program the tests use is
// present, or installed as root with apt, or the run stops at once with one line naming the command.
// Missing programs are made by running the check on a PATH of the test's own making; apt-get there
// is a stand-in script that records what it was asked (the real one would change this machine).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTools, installCommand, MissingToolsError, onPath, REQUIREMENTS } from '../helpers/tools-global-setup.ts';

const PROGRAMS = REQUIREMENTS.filter((r) => r.package !== 'postgresql');
const ALL_PACKAGES = 'poppler-utils qpdf libnss3-tools chromium tesseract-ocr tesseract-ocr-hin tesseract-ocr-eng';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function binDir(scripts: Record<string, string> = {}, links: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'daftar-tools-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  }
  for (const name of links) {
    const real = onPath(name, { path: process.env.PATH ?? '' });
    if (real === null) throw new Error(`${name} is not on this machine's PATH`);
    symlinkSync(real, path.join(dir, name));
  }
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<MissingToolsError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MissingToolsError);
  return error as MissingToolsError;
}

describe('the tools check before the tests', () => {
  it('passes on this machine without installing anything (the run got here)', async () => {
    const said: string[] = [];
    expect(await ensureTools({ say: (l) => said.push(l) })).toEqual({ installed: [] });
    expect(said).toEqual([]);
  });

  it('not as root: stops with one line naming what is missing and the one command to run', async () => {
    const error = await refusal(ensureTools({ requirements: PROGRAMS, env: { path: binDir() }, root: false, say: () => {} }));
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toBe('The tests need pdftotext, pdfsig, qpdf, certutil, chromium, tesseract, tesseract\'s hin language data, '
      + `tesseract's eng language data; run: sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${ALL_PACKAGES}`);
    // What it prints is the message alone, not this helper's stack.
    expect(error.stack).toBe(`MissingToolsError: ${error.message}`);
  });

  it('names only the packages of what is missing: a tesseract without Hindi asks for tesseract-ocr-hin', async () => {
    const tesseract = 'echo \'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (2):\'; echo eng; echo osd';
    const dir = binDir({ tesseract }, ['pdftotext', 'pdfsig', 'qpdf', 'certutil', 'chromium']);
    const error = await refusal(ensureTools({ requirements: PROGRAMS, env: { path: dir }, root: false, say: () => {} }));
    expect(error.message).toBe('The tests need tesseract\'s hin language data; run: '
      + 'sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tesseract-ocr-hin');
  });

  it('as root with apt: runs apt-get update and install of exactly what is missing, says so, and checks again', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'daftar-apt-log-')), 'apt.log');
    dirs.push(path.dirname(log));
    const dir = binDir({ 'apt-get': `echo "$DEBIAN_FRONTEND $*" >> ${log}` }, ['qpdf', 'certutil']);
    const said: string[] = [];
    const error = await refusal(ensureTools({ requirements: PROGRAMS, env: { path: dir }, root: true, say: (l) => said.push(l) }));
    const packages = 'poppler-utils chromium tesseract-ocr tesseract-ocr-hin tesseract-ocr-eng';
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'noninteractive update',
      `noninteractive install -y --no-install-recommends ${packages}`,
    ]);
    expect(said[0]).toBe(`test setup: missing pdftotext, pdfsig, chromium, tesseract, tesseract's hin language data, tesseract's eng language data; `
      + `installing ${packages} (${installCommand(packages.split(' '), true)})`);
    // The stand-in installed nothing: the check after it says what is still missing.
    expect(error.message).toBe(`Still missing after apt-get install: pdftotext, pdfsig, chromium, tesseract, tesseract's hin language data, `
      + `tesseract's eng language data; run: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}`);
  });

  it('as root, a failing apt-get stops the run with the command to run by hand', async () => {
    const dir = binDir({ 'apt-get': 'exit 100' });
    const error = await refusal(ensureTools({ requirements: PROGRAMS, env: { path: dir }, root: true, say: () => {} }));
    expect(error.message).toBe(`"apt-get update" failed (exit code 100); run by hand: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${ALL_PACKAGES}`);
  });

  it('is the first global setup of the run', () => {
    const config = readFileSync(new URL('../../vitest.config.ts', import.meta.url), 'utf8');
    const setups = [...config.matchAll(/'(test\/helpers\/[\w-]+-global-setup\.ts)'/g)].map((m) => m[1]);
    expect(setups[0]).toBe('test/helpers/tools-global-setup.ts');
  });
});

describe('no test skips for want of a tool', () => {
  it('no skipIf / runIf / skip in the tests depends on a program, a file on disk or the PATH', () => {
    const root = new URL('../', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const tools = REQUIREMENTS.map((r) => r.what.split(/[\s']/)[0] ?? '').filter((w) => /^[a-z]+$/.test(w));
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/\.(?:skipIf|runIf)\(([^)]*(?:\([^)]*\))?[^)]*)\)|\bctx\.skip\(|\bcontext\.skip\(/g)) {
        const condition = m[1] ?? '';
        if (m[1] === undefined || /existsSync|which|command -v|PATH|CHROMIUM|TESSERACT/i.test(condition) || tools.some((t) => condition.toLowerCase().includes(t))) {
          found.push(`${file}: ${m[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

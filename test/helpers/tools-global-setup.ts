// Vitest globalSetup, run before anything else: the outside programs the tests use are here, or the
// run stops at once. Tests judge PDFs with poppler (pdftotext, pdfsig) and qpdf, signatures against
// an NSS store made by certutil, the web chat page in Chromium, OCR with tesseract reading Hindi and
// English, and the storage contracts on PostgreSQL. On a fresh Debian machine, as root with apt, the
// missing packages are installed (saying so); otherwise the run fails with one line naming the
// command to run. No test skips because a tool is missing: without this check such a test would
// fail deep inside, or — worse — someone would make it skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** One thing the tests need, and the Debian package that brings it. */
export interface Requirement {
  /** What is missing, as the message names it. */
  what: string;
  package: string;
  present(env: ToolEnv): boolean | Promise<boolean>;
}

export interface ToolEnv {
  /** The PATH programs are looked up on. */
  path: string;
}

/** The program's full path on PATH, or null. */
export function onPath(command: string, env: ToolEnv): string | null {
  for (const dir of env.path.split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

const program = (command: string, pkg: string): Requirement => ({ what: command, package: pkg, present: (env) => onPath(command, env) !== null });

/** tesseract's installed languages (its traineddata files), as it lists them. */
function tesseractLanguages(env: ToolEnv): string[] {
  const tesseract = onPath('tesseract', env);
  if (tesseract === null) return [];
  const run = spawnSync(tesseract, ['--list-langs'], { encoding: 'utf8', env: { ...process.env, PATH: env.path } });
  return `${run.stdout ?? ''}\n${run.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => /^[a-z_]+$/.test(l));
}

const tesseractLanguage = (lang: string): Requirement => ({
  what: `tesseract's ${lang} language data`, package: `tesseract-ocr-${lang}`, present: (env) => tesseractLanguages(env).includes(lang),
});

async function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A PostgreSQL server for the storage contracts: the one DAFTAR_TEST_PG_URL names, the machine's
 * on 127.0.0.1:5432, or Debian's server binaries to start a throwaway one (test/helpers/postgres.ts).
 */
const postgres: Requirement = {
  what: 'PostgreSQL (a server on 127.0.0.1:5432, or initdb to start one)',
  package: 'postgresql',
  present: async (env) => {
    if ((process.env.DAFTAR_TEST_PG_URL ?? '').trim() !== '') return true;
    const root = '/usr/lib/postgresql';
    const debian = fs.existsSync(root) && fs.readdirSync(root).some((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
    return debian || onPath('initdb', env) !== null || (await portAnswers('127.0.0.1', 5432));
  },
};

/** Everything the suite needs from the machine, in the order the message names it. */
export const REQUIREMENTS: readonly Requirement[] = [
  program('pdftotext', 'poppler-utils'),
  program('pdfsig', 'poppler-utils'),
  program('qpdf', 'qpdf'),
  program('certutil', 'libnss3-tools'),
  program('chromium', 'chromium'),
  program('tesseract', 'tesseract-ocr'),
  tesseractLanguage('hin'),
  tesseractLanguage('eng'),
  postgres,
];

/** What is missing, and the packages (each once, in order) that bring it. */
export async function missing(requirements: readonly Requirement[], env: ToolEnv): Promise<{ what: string[]; packages: string[] }> {
  const what: string[] = [];
  const packages: string[] = [];
  for (const r of requirements) {
    if (await r.present(env)) continue;
    what.push(r.what);
    if (!packages.includes(r.package)) packages.push(r.package);
  }
  return { what, packages };
}

/** The one command that installs the packages, with sudo unless already root. */
export function installCommand(packages: readonly string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** An error that reads as one line: the message, no stack of this helper's insides. */
export class MissingToolsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingToolsError';
    this.stack = `${this.name}: ${message}`;
  }
}

export interface EnsureOptions {
  requirements?: readonly Requirement[];
  env?: ToolEnv;
  root?: boolean;
  /** Where what is being done is said (the terminal running the tests). */
  say?: (line: string) => void;
}

/**
 * Resolves when everything is present. As root with apt-get on PATH, installs what is missing first
 * (apt-get update, then install, noninteractive, its output shown); otherwise, or when something is
 * still missing after that, rejects with one line naming what and the command to run.
 */
export async function ensureTools(options: EnsureOptions = {}): Promise<{ installed: string[] }> {
  const requirements = options.requirements ?? REQUIREMENTS;
  const env = options.env ?? { path: process.env.PATH ?? '' };
  const root = options.root ?? process.getuid?.() === 0;
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const before = await missing(requirements, env);
  if (before.packages.length === 0) return { installed: [] };
  const command = installCommand(before.packages, root);
  const apt = onPath('apt-get', env);
  if (!root || apt === null) {
    const how = apt === null && root ? `install the packages that bring them (on Debian: ${command})` : `run: ${command}`;
    throw new MissingToolsError(`The tests need ${before.what.join(', ')}; ${how}`);
  }
  say(`test setup: missing ${before.what.join(', ')}; installing ${before.packages.join(' ')} (${command})`);
  const aptEnv = { ...process.env, PATH: env.path, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...before.packages]]) {
    say(`test setup: apt-get ${args.join(' ')}`);
    const step = spawnSync(apt, args, { stdio: ['ignore', 'inherit', 'inherit'], env: aptEnv });
    if (step.status !== 0) {
      throw new MissingToolsError(`"apt-get ${args.join(' ')}" failed (${step.error?.message ?? `exit code ${String(step.status)}`}); run by hand: ${command}`);
    }
  }
  const after = await missing(requirements, env);
  if (after.packages.length > 0) {
    throw new MissingToolsError(`Still missing after apt-get install: ${after.what.join(', ')}; run: ${installCommand(after.packages, root)}`);
  }
  say(`test setup: installed ${before.packages.join(' ')}`);
  return { installed: before.packages };
}

export async function setup(): Promise<void> {
  await ensureTools();
}

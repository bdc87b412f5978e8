// The audit anchors' file: append-only by use (opened for appending, one line per write, never
// rewritten). Where the operating system allows it, make it append-only for real as well
// (`chattr +a`), or copy it off the machine: an anchor is worth what its copy outside is worth.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { anchorLine, parseAnchors, type AuditAnchor } from '../../core/audit/anchors.ts';

/**
 * Beside the SQLite file; for PostgreSQL, in the data folder, named after the server and database
 * (never the password), so that pointing DATABASE_URL at another database does not check it
 * against anchors of a different chain.
 */
export function anchorFileFor(database: { file: string } | { url: string }, dataDir: string): string {
  if ('file' in database) return `${database.file}.audit-anchors`;
  let name = 'postgres';
  try {
    const url = new URL(database.url);
    name = `${url.hostname}-${url.port || '5432'}-${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`;
  } catch {
    // config.ts already checked the URL's form; a name that cannot be read keeps the plain one.
  }
  return path.join(dataDir, `audit-anchors.${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
}

export async function readAnchors(file: string): Promise<{ anchors: AuditAnchor[]; badLines: number[]; exists: boolean }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { anchors: [], badLines: [], exists: false };
    throw error;
  }
  return { ...parseAnchors(text), exists: true };
}

/** One line, in one write on a file opened for appending: processes anchoring at once do not mix their lines. */
export async function appendAnchor(file: string, anchor: AuditAnchor): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, anchorLine(anchor), { encoding: 'utf8', flag: 'a', mode: 0o640 });
}

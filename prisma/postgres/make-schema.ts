// Writes prisma/postgres/schema.prisma from prisma/schema.prisma, so that the PostgreSQL schema can
// never drift from the SQLite one by hand: the models are the one source of truth, and only what
// must differ on PostgreSQL is changed here.
//   npx tsx prisma/postgres/make-schema.ts           write the file
//   npx tsx prisma/postgres/make-schema.ts --check   exit 1 if the committed file is out of date
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_SCHEMA = path.resolve(here, '../schema.prisma');
export const POSTGRES_SCHEMA = path.join(here, 'schema.prisma');

const COMMAND = 'npx tsx prisma/postgres/make-schema.ts';

const HEADER = `// GENERATED from prisma/schema.prisma by ${COMMAND}: do not edit; change
// prisma/schema.prisma and run it again (then make the next migration, see prisma/postgres/README.md).
// Only used to produce PostgreSQL migrations: there is no generator here, the row types come from
// the main schema. Every DateTime is timestamptz, so an instant is stored as an instant and no
// session time zone is ever guessed.
`;

/** The source's lines without `generator` blocks and the comment lines directly above them (they describe the generator). */
function withoutGenerators(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!/^\s*generator\s+\w+\s*\{/.test(line)) {
      out.push(line);
      continue;
    }
    while (out.length > 0 && /^\s*\/\//.test(out[out.length - 1] ?? '')) out.pop();
    while (i < lines.length && !/^\s*\}/.test(lines[i] ?? '')) i++;
    // Skip the blank line after the block as well, so no double gap is left behind.
    if ((lines[i + 1] ?? '').trim() === '') i++;
  }
  return out;
}

/** The datasource block for PostgreSQL; the URL only matters to commands that connect, so it comes from the environment. */
function postgresDatasource(lines: string[]): string[] {
  const out: string[] = [];
  let inDatasource = false;
  let found = false;
  for (const line of lines) {
    if (/^\s*datasource\s+\w+\s*\{/.test(line)) {
      inDatasource = true;
      found = true;
      out.push(line);
      continue;
    }
    if (inDatasource) {
      if (/^\s*\}/.test(line)) {
        out.push('  provider = "postgresql"', '  url      = env("DATABASE_URL")', line);
        inDatasource = false;
      }
      // The SQLite provider and file URL (and their comments) are dropped; nothing else belongs there.
      continue;
    }
    out.push(line);
  }
  if (!found) throw new Error(`${SOURCE_SCHEMA} has no datasource block`);
  return out;
}

/** Adds @db.Timestamptz(3) (millisecond precision, as JavaScript dates have) to every DateTime field. */
function timestamptz(lines: string[]): string[] {
  let inModel = false;
  return lines.map((line) => {
    if (/^\s*model\s+\w+\s*\{/.test(line)) inModel = true;
    else if (/^\s*\}/.test(line)) inModel = false;
    if (!inModel) return line;
    const field = /^(\s*\w+\s+DateTime\??)(?=\s|$)(.*?)(\s*\/\/.*)?$/.exec(line);
    if (field === null) return line;
    const [, head = '', attributes = '', comment = ''] = field;
    if (/@db\./.test(attributes)) {
      throw new Error(`${SOURCE_SCHEMA} gives a DateTime a native type (${line.trim()}): leave native types to ${COMMAND}`);
    }
    return `${head}${attributes.trimEnd()} @db.Timestamptz(3)${comment}`;
  });
}

export function makePostgresSchema(source: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const body = timestamptz(postgresDatasource(withoutGenerators(lines))).join('\n');
  return `${HEADER}\n${body.replace(/^\n+/, '').replace(/\n*$/, '\n')}`;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument ${unknown[0]}: usage: ${COMMAND} [--check]\n`);
    return 2;
  }
  const wanted = makePostgresSchema(fs.readFileSync(SOURCE_SCHEMA, 'utf8'));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, 'utf8') : null;
  if (check) {
    if (current === wanted) return 0;
    process.stderr.write(`prisma/postgres/schema.prisma is out of date with prisma/schema.prisma: run ${COMMAND}\n`);
    return 1;
  }
  if (current !== wanted) fs.writeFileSync(POSTGRES_SCHEMA, wanted);
  process.stdout.write(`${current === wanted ? 'unchanged' : 'wrote'} ${path.relative(process.cwd(), POSTGRES_SCHEMA)}\n`);
  return 0;
}

// Run as a script, not when imported (a test may call makePostgresSchema directly).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

// `daftar import-staff <file.csv|file.xlsx>`: loads or updates the master roll and prints what
// happened to every row. Exit 0 when every row went in; 1 when any row was rejected (the good ones
// are in, and the last line says how many were not, so a script or a tired admin cannot miss it),
// and 1 when the file could not be read or lacks required columns, and then nothing is written.
import { readRoll } from '../../adapters/roll/read-roll.ts';
import type { Clock, Store } from '../../core/ports.ts';
import { columnsUsable, mapColumns } from '../../core/staff/roll-columns.ts';
import { importRoll, type ImportReport, type RowOutcome } from '../../core/staff/import-roll.ts';
import { changedText, fieldList, fileFailureText, reasonText } from './roll-messages.ts';

export interface ImportStaffDeps {
  store: Store;
  clock: Clock;
  canonicalPost?: ((post: string) => string | null) | undefined;
}

const EMPTY_REPORT: ImportReport = {
  rows: [], sectionsCreated: [], unknownColumns: [],
  summary: { created: 0, updated: 0, unchanged: 0, rejected: 0, total: 0, notInFile: 0 },
};

function outcomeText(row: RowOutcome): string {
  switch (row.status) {
    case 'created': return 'created';
    case 'unchanged': return row.inactive ? 'unchanged (inactive)' : 'unchanged';
    case 'updated': return `updated (${changedText(row.changed)})${row.inactive ? '; stays inactive' : ''}`;
    case 'rejected': return `rejected: ${row.reasons.map(reasonText).join('; ')}`;
  }
}

export async function runImportStaff(
  deps: ImportStaffDeps, file: string, out: NodeJS.WritableStream,
): Promise<{ exitCode: number; report: ImportReport }> {
  const say = (text: string): void => { out.write(`${text}\n`); };
  const read = await readRoll(file);
  if (!read.ok) {
    say(`Cannot read ${file}: ${fileFailureText(read.failure)}.`);
    return { exitCode: 1, report: EMPTY_REPORT };
  }
  const columns = mapColumns(read.value.headers);
  if (!columnsUsable(columns)) {
    if (columns.missing.length > 0) say(`${file} lacks required columns: ${fieldList(columns.missing)}.`);
    for (const d of columns.duplicates) say(`Columns ${d.headers.map((h) => `"${h}"`).join(' and ')} both mean ${fieldList([d.field])}; keep one.`);
    say('Nothing was imported.');
    return { exitCode: 1, report: EMPTY_REPORT };
  }
  if (columns.unknown.length > 0) say(`Ignored columns (not on the प्रपत्र): ${columns.unknown.join(', ')}`);

  const report = await importRoll(deps.store, deps.clock, { rows: read.value.rows, actor: null, canonicalPost: deps.canonicalPost });
  const lineWidth = Math.max(...report.rows.map((r) => String(r.line).length), 1);
  const codeWidth = Math.max(...report.rows.map((r) => (r.code ?? '-').length), 7);
  for (const row of report.rows) {
    say(`line ${String(row.line).padEnd(lineWidth)}  ${(row.code ?? '-').padEnd(codeWidth)}  ${outcomeText(row)}`);
  }
  const s = report.summary;
  say('');
  say(`created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected} of ${s.total} rows`);
  if (report.sectionsCreated.length > 0) {
    say(`new sections (कोषांग): ${report.sectionsCreated.map((x) => `${x.code} ${x.name}`).join(', ')}`);
  }
  say(`Staff not in this file were not changed (${s.notInFile} on the roll); deactivating someone is a separate admin action.`);
  if (s.rejected > 0) {
    say(`${s.rejected} of ${s.total} rows were rejected and not imported: correct them and import the file again (rows already in are updated, never duplicated).`);
  }
  return { exitCode: s.rejected > 0 ? 1 : 0, report };
}

// A tiny roll for the import tests: four people of the Saharsa collectorate, written as cells.
import type { Store } from '../../../core/ports.ts';
import type { AuditEvent, Employee } from '../../../core/types.ts';
import { importRoll } from '../../../core/staff/import-roll.ts';
import type { ImportReport, RollRow, RowOutcome } from '../../../core/staff/roll-types.ts';
import { FakeClock } from '../../helpers/clock.ts';

export const HEADERS = {
  name: 'Name', code: 'Employee Code', dob: 'Date of Birth', post: 'Post', mobile: 'Mobile', email: 'Email',
  section: 'Section', sectionCode: 'Section Code', officerCode: 'Reporting Officer Code',
  officerName: 'Reporting Officer Name', officerPost: 'Reporting Officer Post', language: 'Language',
};
export type Person = Partial<Record<keyof typeof HEADERS, string>>;

export function rollRows(people: Person[], headers: Partial<Record<keyof typeof HEADERS, string>> = HEADERS): RollRow[] {
  return people.map((p, i) => ({
    line: i + 2,
    cells: Object.fromEntries(Object.entries(headers).map(([field, header]) => [header, p[field as keyof Person] ?? ''])),
  }));
}

/** Stands in for the language module's post table. */
const POSTS: Record<string, string> = {
  'जिलाधिकारी': 'COLLECTOR', collector: 'COLLECTOR', dm: 'COLLECTOR',
  'उप विकास आयुक्त': 'DDC', ddc: 'DDC', 'up vikas ayukt': 'DDC',
  'प्रशाखा पदाधिकारी': 'SECTION_OFFICER', 'section officer': 'SECTION_OFFICER',
  'लिपिक': 'CLERK', clerk: 'CLERK',
};
export const canonicalPost = (post: string): string | null => POSTS[post.trim().toLowerCase()] ?? null;

export const COLLECTOR: Person = {
  name: 'आनंद शर्मा', code: 'SAH0001', dob: '14-03-1978', post: 'जिलाधिकारी', mobile: '9000000001',
  email: 'dm@saharsa.example.in', section: 'जिला गोपनीय प्रशाखा', sectionCode: 'GOP', language: 'hi',
};
export const DDC: Person = {
  name: 'Rakesh Ranjan', code: 'SAH0002', dob: '02/07/1975', post: 'उप विकास आयुक्त', mobile: '+91 90000 00002',
  email: 'DDC@Saharsa.example.in', section: 'विकास', sectionCode: 'DEV', officerCode: 'SAH0001', language: 'English',
};
export const SO: Person = {
  name: 'सुनीता देवी', code: 'sah0010', dob: '08.03.1976', post: 'प्रशाखा पदाधिकारी', mobile: '090000-00010',
  section: 'Establishment', officerName: 'Shri rakesh  ranjan', officerPost: 'DDC', language: 'हिंदी',
};
export const CLERK: Person = {
  name: 'मनोज कुमार', code: 'SAH0020', dob: '1985-05-05', post: 'लिपिक', mobile: '9000000020',
  email: 'sah0020@saharsa.example.in', section: 'establishment', officerName: 'श्रीमती सुनीता देवी', officerPost: 'प्रशाखा पदाधिकारी',
};
export const OFFICE = [COLLECTOR, DDC, SO, CLERK];

export const newClock = (): FakeClock => new FakeClock('2026-11-25T05:30:00.000Z');

export async function load(store: Store, people: Person[], clock = newClock()): Promise<ImportReport> {
  return importRoll(store, clock, { rows: rollRows(people), actor: 'SAH0004', canonicalPost });
}

export async function staff(store: Store): Promise<Employee[]> {
  return store.transaction((tx) => tx.employees.list());
}

export async function employee(store: Store, code: string): Promise<Employee | null> {
  return store.transaction((tx) => tx.employees.byCode(code));
}

export async function audit(store: Store): Promise<AuditEvent[]> {
  return store.transaction((tx) => tx.audit.page(1, 10_000));
}

export function outcomeAt(report: ImportReport, line: number): RowOutcome {
  const row = report.rows.find((r) => r.line === line);
  if (!row) throw new Error(`no outcome for line ${line}`);
  return row;
}

// Reading one roll row into a draft: every cell checked on its own, every problem collected, so
// the office fixes a row in one go rather than one complaint per import.
import type { Employee, UiLanguage } from '../types.ts';
import type { ColumnMap } from './roll-columns.ts';
import type { RollField, RollReason, RollReasonCode, RollRow } from './roll-types.ts';
import {
  ageOn, cleanText, MAX_AGE, MIN_AGE, normaliseCode, normaliseEmail, normaliseMobile, normaliseSectionCode,
  parseDate, parseLanguage, splitNameAndPost,
} from './roll-values.ts';

/** How a row names its reporting officer. 'keep': the file has no officer columns at all. */
export type OfficerRef =
  | { kind: 'keep' }
  | { kind: 'none' }
  | { kind: 'code'; code: string }
  | { kind: 'name'; name: string; post: string };

/** The row's section: a stored one, or one this import creates (by name key); code either way. */
export type SectionRef = { kind: 'existing'; id: number; code: string } | { kind: 'new'; key: string; code: string };

export interface Draft {
  index: number;
  line: number;
  /** Normalised employee code; null when blank or unreadable. */
  code: string | null;
  /** For the report: the normalised code, else the cell as written. */
  shownCode: string | null;
  reasons: RollReason[];
  existing: Employee | null;
  name: string;
  dob: string | null;
  post: string;
  mobile: string | null;
  /** undefined: the file has no e-mail column, so a stored e-mail stays. */
  email: string | null | undefined;
  /** undefined: no language given, so a stored preference (or 'hi') stays. */
  language: UiLanguage | undefined;
  sectionName: string;
  sectionCode: string | null;
  officerRef: OfficerRef;
  section?: SectionRef;
  /** The reporting officer's employee code once resolved; null = top of the hierarchy. */
  officer?: string | null;
  /** Index of the officer's own row in this file, when there is one. */
  officerRow?: number;
  /** Index of the row that moves another employee off this row's mobile. */
  mobileHolderRow?: number;
}

export const alive = (d: Draft): boolean => d.reasons.length === 0;

export function reject(d: Draft, code: RollReasonCode, params: RollReason['params'] = {}): void {
  d.reasons.push({ code, params });
}

const OFFICER_FIELDS: readonly RollField[] = ['officerCode', 'officerName', 'officerPost', 'officerNameAndPost'];

export function readDraft(
  row: RollRow, index: number, columns: ColumnMap, today: string, existingByCode: ReadonlyMap<string, Employee>,
): Draft {
  const cell = (field: RollField): string | undefined => {
    const header = columns.byField[field];
    return header === undefined ? undefined : cleanText(row.cells[header] ?? '');
  };
  const rawCode = cell('code') ?? '';
  const code = rawCode === '' ? null : normaliseCode(rawCode);
  const d: Draft = {
    index, line: row.line, code, shownCode: code ?? (rawCode === '' ? null : rawCode), reasons: [],
    existing: code === null ? null : (existingByCode.get(code) ?? null),
    name: '', dob: null, post: '', mobile: null, email: undefined, language: undefined,
    sectionName: '', sectionCode: null, officerRef: { kind: 'keep' },
  };
  const required = (field: RollField): string => {
    const value = cell(field) ?? '';
    if (value === '') reject(d, 'ROLL.MISSING_VALUE', { field });
    return value;
  };

  d.name = required('name');
  if (required('code') !== '' && code === null) reject(d, 'ROLL.BAD_CODE', { value: rawCode });
  const rawDob = required('dob');
  if (rawDob !== '') {
    d.dob = parseDate(rawDob);
    if (d.dob === null) reject(d, 'ROLL.BAD_DATE', { value: rawDob });
    else {
      const age = ageOn(d.dob, today);
      if (age < MIN_AGE || age > MAX_AGE) reject(d, 'ROLL.IMPLAUSIBLE_AGE', { age });
    }
  }
  d.post = required('post');
  const rawMobile = required('mobile');
  if (rawMobile !== '') {
    d.mobile = normaliseMobile(rawMobile);
    if (d.mobile === null) reject(d, 'ROLL.BAD_MOBILE', { value: rawMobile });
  }
  const rawEmail = cell('email');
  if (rawEmail !== undefined) {
    d.email = rawEmail === '' ? null : normaliseEmail(rawEmail);
    if (rawEmail !== '' && d.email === null) reject(d, 'ROLL.BAD_EMAIL', { value: rawEmail });
  }
  const rawLanguage = cell('language');
  if (rawLanguage !== undefined && rawLanguage !== '') {
    d.language = parseLanguage(rawLanguage) ?? undefined;
    if (d.language === undefined) reject(d, 'ROLL.BAD_LANGUAGE', { value: rawLanguage });
  }
  d.sectionName = required('section');
  const rawSectionCode = cell('sectionCode');
  if (rawSectionCode !== undefined && rawSectionCode !== '') {
    d.sectionCode = normaliseSectionCode(rawSectionCode);
    if (d.sectionCode === null) reject(d, 'ROLL.BAD_SECTION_CODE', { value: rawSectionCode });
  }
  d.officerRef = readOfficerRef(d, cell, OFFICER_FIELDS.some((f) => columns.byField[f] !== undefined));
  return d;
}

/** By code when given; else by name + post (two cells, or the prapatra's one "नाम व पद" cell); blank = top. */
function readOfficerRef(d: Draft, cell: (f: RollField) => string | undefined, hasColumns: boolean): OfficerRef {
  const byCode = cell('officerCode') ?? '';
  if (byCode !== '') {
    const code = normaliseCode(byCode);
    if (code === null) reject(d, 'ROLL.OFFICER_UNKNOWN', { code: byCode });
    return code === null ? { kind: 'none' } : { kind: 'code', code };
  }
  const name = cell('officerName') ?? '';
  const post = cell('officerPost') ?? '';
  if (name !== '' || post !== '') {
    if (name === '') reject(d, 'ROLL.OFFICER_INCOMPLETE', { missing: 'officerName' });
    if (post === '') reject(d, 'ROLL.OFFICER_INCOMPLETE', { missing: 'officerPost' });
    return { kind: 'name', name, post };
  }
  const both = cell('officerNameAndPost') ?? '';
  if (both !== '') {
    const split = splitNameAndPost(both);
    if (split === null) reject(d, 'ROLL.OFFICER_INCOMPLETE', { missing: 'officerPost' });
    return split === null ? { kind: 'none' } : { kind: 'name', ...split };
  }
  return hasColumns ? { kind: 'none' } : { kind: 'keep' };
}

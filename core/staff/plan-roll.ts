// The whole import decided before anything is written: which rows are refused and why, which
// create, update or leave an employee as is, which sections are new, and what must go first.
// Pure: it sees the stored roll as a snapshot and returns data.
import type { Employee, Section, UiLanguage } from '../types.ts';
import { columnsUsable, mapColumns, type ColumnMap } from './roll-columns.ts';
import { alive, readDraft, reject, type Draft, type SectionRef } from './roll-draft.ts';
import { resolveOfficers, settleHierarchy, type OfficerContext } from './roll-officers.ts';
import type { EmployeeField, RollReason, RollRow } from './roll-types.ts';
import { textKey } from './roll-values.ts';
import { deriveSectionCode } from './section-codes.ts';

export interface PlanInput {
  rows: readonly RollRow[];
  employees: readonly Employee[];
  sections: readonly Section[];
  /** The office's calendar date (Asia/Kolkata), ISO, for the age check. */
  today: string;
  canonicalPost?: ((post: string) => string | null) | undefined;
}

export interface AcceptedRow {
  code: string;
  existing: Employee | null;
  values: { name: string; dob: string; post: string; postKey: string | null; mobile: string; email: string | null; language: UiLanguage };
  section: SectionRef;
  /** Reporting officer's employee code; null = top of the hierarchy. */
  officer: string | null;
  /** For an existing employee: what differs from the stored record (empty = unchanged). */
  changed: EmployeeField[];
  /** Rows of this file to apply first: the officer's, and one moving another employee off this row's mobile. */
  after: Array<{ row: number; why: 'officer' | 'mobile' }>;
}

export interface PlannedRow {
  index: number;
  line: number;
  code: string | null;
  /** Non-empty: refused, nothing about this row is written. */
  reasons: RollReason[];
  accepted: AcceptedRow | null;
}

export interface RollPlan {
  columns: ColumnMap;
  rows: PlannedRow[];
  /** Sections to create, by name key, with their codes. Created only if an accepted row needs them. */
  newSections: ReadonlyMap<string, { name: string; code: string }>;
  notInFile: number;
}

export function planRoll(input: PlanInput): RollPlan {
  const headers = [...new Set(input.rows.flatMap((r) => Object.keys(r.cells)))];
  const columns = mapColumns(headers);
  const existingByCode = new Map(input.employees.map((e) => [e.code.toUpperCase(), e]));
  const codeById = new Map(input.employees.map((e) => [e.id, e.code.toUpperCase()]));
  const drafts = input.rows.map((row, i) => readDraft(row, i, columns, input.today, existingByCode));
  const inFile = new Set(drafts.map((d) => d.code));
  const notInFile = input.employees.filter((e) => !inFile.has(e.code.toUpperCase())).length;
  if (!columnsUsable(columns)) {
    for (const d of drafts) {
      d.reasons = [];
      if (columns.missing.length > 0) reject(d, 'ROLL.MISSING_COLUMNS', { columns: columns.missing.join(', ') });
      if (columns.duplicates.length > 0) {
        reject(d, 'ROLL.DUPLICATE_COLUMNS', { columns: columns.duplicates.flatMap((x) => x.headers.map((h) => `"${h}"`)).join(', ') });
      }
    }
    return { columns, rows: drafts.map((d) => planned(d, null)), newSections: new Map(), notInFile };
  }

  const codeOwner = markDuplicates(drafts, input.employees);
  checkStoredMobiles(drafts, input.employees, codeOwner);
  const newSections = planSections(drafts, input.sections);
  const ctx: OfficerContext = { drafts, codeOwner, existingByCode, codeById, canonicalPost: input.canonicalPost };
  resolveOfficers(ctx);
  settleHierarchy(ctx);

  const rows = drafts.map((d) => planned(d, alive(d) ? accept(d, ctx, input.canonicalPost) : null));
  return { columns, rows, newSections, notInFile };
}

function planned(d: Draft, accepted: AcceptedRow | null): PlannedRow {
  return { index: d.index, line: d.line, code: d.shownCode, reasons: d.reasons, accepted };
}

/**
 * The first row with a code owns it; later rows are refused naming that line. A mobile is owned
 * the same way, except that the row of the employee who holds it on the roll keeps it even when a
 * row above copied it: a typo in one row must not knock out the rightful holder.
 */
function markDuplicates(drafts: Draft[], employees: readonly Employee[]): Map<string, number> {
  const holderOf = new Map(employees.map((e) => [e.mobile, e.code.toUpperCase()]));
  const codeOwner = new Map<string, number>();
  const mobileOwner = new Map<string, number>();
  const withMobile: Draft[] = [];
  for (const d of drafts) {
    if (d.code !== null) {
      const first = codeOwner.get(d.code);
      if (first !== undefined) {
        // The same person listed twice: one complaint is enough, so the mobile is not checked too.
        reject(d, 'ROLL.DUPLICATE_CODE', { line: drafts[first]?.line ?? 0 });
        continue;
      }
      codeOwner.set(d.code, d.index);
    }
    if (d.mobile === null) continue;
    withMobile.push(d);
    const held = d.code !== null && holderOf.get(d.mobile) === d.code;
    if (held || !mobileOwner.has(d.mobile)) mobileOwner.set(d.mobile, d.index);
  }
  for (const d of withMobile) {
    const owner = mobileOwner.get(d.mobile ?? '');
    if (owner !== undefined && owner !== d.index) reject(d, 'ROLL.DUPLICATE_MOBILE', { line: drafts[owner]?.line ?? 0 });
  }
  return codeOwner;
}

/**
 * A mobile stored for someone else is free only if that person's row in this file moves them to
 * another number; then that row goes first. Otherwise the mobile is taken.
 */
function checkStoredMobiles(drafts: Draft[], employees: readonly Employee[], codeOwner: ReadonlyMap<string, number>): void {
  const byMobile = new Map(employees.map((e) => [e.mobile, e]));
  for (const d of drafts) {
    if (d.mobile === null || d.code === null || d.reasons.some((r) => r.code === 'ROLL.DUPLICATE_CODE')) continue;
    const holder = byMobile.get(d.mobile);
    const holderCode = holder?.code.toUpperCase();
    if (holderCode === undefined || holderCode === d.code) continue;
    const holderRow = codeOwner.get(holderCode);
    if (holderRow === undefined) reject(d, 'ROLL.MOBILE_TAKEN', { code: holderCode });
    else d.mobileHolderRow = holderRow;
  }
}

/**
 * Sections are matched by name (textKey). A new one takes the code its rows give in a section code
 * column (the first given, wherever it appears), else one made by deriveSectionCode.
 */
function planSections(drafts: Draft[], sections: readonly Section[]): Map<string, { name: string; code: string }> {
  const storedByKey = new Map(sections.map((s) => [textKey(s.name), s]));
  const storedByCode = new Map(sections.map((s) => [s.code.toUpperCase(), s]));
  const explicit = new Map<string, string>();
  for (const d of drafts) {
    const key = textKey(d.sectionName);
    if (key !== '' && d.sectionCode !== null && !explicit.has(key)) explicit.set(key, d.sectionCode);
  }
  const plans = new Map<string, { name: string; code: string; line: number }>();
  const plannedByCode = new Map<string, string>();
  for (const d of drafts.filter(alive)) {
    const key = textKey(d.sectionName);
    const stored = storedByKey.get(key);
    if (stored) {
      if (d.sectionCode !== null && d.sectionCode !== stored.code.toUpperCase()) {
        reject(d, 'ROLL.SECTION_CODE_MISMATCH', { section: stored.name, code: stored.code });
      } else d.section = { kind: 'existing', id: stored.id, code: stored.code };
      continue;
    }
    let plan = plans.get(key);
    if (!plan) {
      const taken = new Set([...storedByCode.keys(), ...plannedByCode.keys(),
        ...[...explicit].filter(([k]) => k !== key).map(([, code]) => code)]);
      const code = explicit.get(key) ?? deriveSectionCode(d.sectionName, taken);
      const clash = storedByCode.get(code)?.name ?? plans.get(plannedByCode.get(code) ?? '')?.name;
      if (clash !== undefined) {
        reject(d, 'ROLL.SECTION_CODE_TAKEN', { code, section: clash });
        continue;
      }
      plan = { name: d.sectionName, code, line: d.line };
      plans.set(key, plan);
      plannedByCode.set(code, key);
    }
    if (d.sectionCode !== null && d.sectionCode !== plan.code) {
      reject(d, 'ROLL.SECTION_CODE_MISMATCH', { section: plan.name, code: plan.code, line: plan.line });
    } else d.section = { kind: 'new', key, code: plan.code };
  }
  return new Map([...plans].map(([key, p]) => [key, { name: p.name, code: p.code }]));
}

function accept(d: Draft, ctx: OfficerContext, canonicalPost: PlanInput['canonicalPost']): AcceptedRow {
  const { existing } = d;
  // Without a post table a stored postKey is kept while the post text is the same, and dropped when it changes.
  const postKey = canonicalPost ? canonicalPost(d.post) : existing && existing.post === d.post ? existing.postKey : null;
  const values: AcceptedRow['values'] = {
    name: d.name, dob: d.dob ?? '', post: d.post, postKey, mobile: d.mobile ?? '',
    email: d.email === undefined ? (existing?.email ?? null) : d.email,
    language: d.language ?? existing?.language ?? 'hi',
  };
  const officer = d.officer ?? null;
  if (!d.section) throw new Error(`line ${d.line} was accepted without a section`);
  const { section } = d;
  const changed: EmployeeField[] = [];
  if (existing) {
    for (const field of ['name', 'dob', 'post', 'postKey', 'mobile', 'email', 'language'] as const) {
      if (existing[field] !== values[field]) changed.push(field);
    }
    if (section.kind === 'new' || section.id !== existing.sectionId) changed.push('section');
    const storedOfficer = existing.reportingOfficerId === null ? null : (ctx.codeById.get(existing.reportingOfficerId) ?? null);
    if (storedOfficer !== officer) changed.push('reportingOfficer');
  }
  const after: AcceptedRow['after'] = [];
  if (d.officerRow !== undefined) after.push({ row: d.officerRow, why: 'officer' });
  if (d.mobileHolderRow !== undefined) after.push({ row: d.mobileHolderRow, why: 'mobile' });
  return { code: d.code ?? '', existing, values, section, officer, changed, after };
}

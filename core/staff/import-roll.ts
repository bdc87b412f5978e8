// Loading the master roll: plan everything first, then write each accepted row in its own
// transaction, officers before the staff who report to them, so one bad row never stops the rest
// and a refused row leaves no trace. Every employee created or updated, and every section created,
// leaves an audit event naming the fields, never their values.
import { UniqueViolation } from '../errors.ts';
import type { Clock, Store, Tx } from '../ports.ts';
import type { Employee, NewEmployee, Section } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { istDate } from '../time.ts';
import { planRoll, type AcceptedRow, type PlannedRow, type RollPlan } from './plan-roll.ts';
import type { ImportReport, RollReason, RollRow, RowOutcome } from './roll-types.ts';

export type { ImportReport, RollRow, RowOutcome } from './roll-types.ts';

export interface ImportRollOptions {
  rows: readonly RollRow[];
  /** Employee code of the admin importing, or null for the system (the demo seed). */
  actor: string | null;
  /** Maps a post as written to its canonical key ('उप विकास आयुक्त' → 'DDC'); null when unknown. */
  canonicalPost?: ((post: string) => string | null) | undefined;
}

export async function importRoll(store: Store, clock: Clock, options: ImportRollOptions): Promise<ImportReport> {
  const snapshot = await store.transaction(async (tx) => ({
    employees: await tx.employees.list(),
    sections: await tx.sections.list(),
  }));
  const plan = planRoll({ rows: options.rows, ...snapshot, today: istDate(clock.now()), canonicalPost: options.canonicalPost });
  const state: ApplyState = {
    idByCode: new Map(snapshot.employees.map((e) => [e.code.toUpperCase(), e.id])),
    sectionIds: new Map(),
    outcomes: new Map(),
    sectionsCreated: [],
  };
  for (const row of applyOrder(plan.rows)) {
    state.outcomes.set(row.index, await applyRow(store, clock, plan, state, row, options.actor));
  }
  const rows = plan.rows.map((r): RowOutcome =>
    state.outcomes.get(r.index) ?? { line: r.line, code: r.code, status: 'rejected', reasons: r.reasons });
  const count = (status: RowOutcome['status']): number => rows.filter((r) => r.status === status).length;
  return {
    rows,
    summary: {
      created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'),
      total: rows.length, notInFile: plan.notInFile,
    },
    sectionsCreated: state.sectionsCreated,
    unknownColumns: plan.columns.unknown,
  };
}

interface ApplyState {
  /** Employee codes written so far (stored before, or created by this import) → ids. */
  idByCode: Map<string, number>;
  /** Name keys of sections created by this import → ids. */
  sectionIds: Map<string, number>;
  outcomes: Map<number, RowOutcome>;
  sectionsCreated: Section[];
}

type Accepted = PlannedRow & { accepted: AcceptedRow };

/** Accepted rows, each after the rows it waits for; otherwise in file order. */
function applyOrder(rows: readonly PlannedRow[]): Accepted[] {
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const order: Accepted[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (row: PlannedRow): void => {
    if (row.accepted === null || state.has(row.index)) return; // 'visiting' again: a mobile swap; the store will refuse it
    state.set(row.index, 'visiting');
    for (const { row: i } of row.accepted.after) {
      const first = byIndex.get(i);
      if (first) visit(first);
    }
    state.set(row.index, 'done');
    order.push(row as Accepted);
  };
  rows.forEach(visit);
  return order;
}

async function applyRow(
  store: Store, clock: Clock, plan: RollPlan, state: ApplyState, row: Accepted, actor: string | null,
): Promise<RowOutcome> {
  const { accepted: a, line } = row;
  const refused = (reason: RollReason): RowOutcome => ({ line, code: row.code, status: 'rejected', reasons: [reason] });
  // A row planned as fine still waits on the rows before it: if one of them failed while saving, so does it.
  for (const { row: i, why } of a.after) {
    const first = plan.rows[i];
    if (!first || state.outcomes.get(i)?.status !== 'rejected') continue;
    return refused(why === 'officer'
      ? { code: 'ROLL.OFFICER_REJECTED', params: { code: first.code ?? '', line: first.line } }
      : { code: 'ROLL.MOBILE_TAKEN', params: { code: first.code ?? '' } });
  }
  const inactive = a.existing !== null && !a.existing.active;
  if (a.existing && a.changed.length === 0) return { line, code: row.code, status: 'unchanged', inactive };
  try {
    const saved = await store.transaction((tx) => saveRow(tx, clock, plan, state, row, actor));
    state.idByCode.set(a.code, saved.employee.id);
    if (saved.section) {
      if (a.section.kind === 'new') state.sectionIds.set(a.section.key, saved.section.id);
      state.sectionsCreated.push(saved.section);
    }
    return a.existing
      ? { line, code: row.code, status: 'updated', changed: a.changed, inactive }
      : { line, code: row.code, status: 'created' };
  } catch (error) {
    if (!(error instanceof UniqueViolation)) throw error;
    // Stores name the key their own way ('Employee.mobile', 'Employee_mobile_key'): match on the column.
    if (/mobile/i.test(error.what)) {
      const holder = await store.transaction((tx) => tx.employees.byMobile(a.values.mobile));
      return refused({ code: 'ROLL.MOBILE_TAKEN', params: { code: holder?.code ?? '' } });
    }
    return refused({ code: 'ROLL.CONFLICT', params: { key: error.what } });
  }
}

async function saveRow(
  tx: Tx, clock: Clock, plan: RollPlan, state: ApplyState, row: Accepted, actor: string | null,
): Promise<{ employee: Employee; section: Section | null }> {
  const { accepted: a, line } = row;
  let section: Section | null = null;
  let sectionId = a.section.kind === 'existing' ? a.section.id : state.sectionIds.get(a.section.key);
  if (sectionId === undefined && a.section.kind === 'new') {
    const wanted = plan.newSections.get(a.section.key);
    if (!wanted) throw new Error(`import plan has no section for key "${a.section.key}"`);
    section = await tx.sections.create(wanted);
    sectionId = section.id;
    await recordEvent(tx, clock, {
      actor, type: 'section.created', subjectType: 'section', subjectId: section.code,
      data: { name: section.name, source: 'roll-import' },
    });
  }
  if (sectionId === undefined) throw new Error(`import plan left line ${line} without a section`);
  const reportingOfficerId = a.officer === null ? null : state.idByCode.get(a.officer);
  if (reportingOfficerId === undefined) throw new Error(`officer ${a.officer} of line ${line} was not written first`);
  const fields = { ...a.values, sectionId, reportingOfficerId };
  let employee: Employee;
  if (a.existing) {
    employee = await tx.employees.update(a.existing.id, fields);
    await recordEvent(tx, clock, {
      actor, type: 'staff.updated', subjectType: 'employee', subjectId: a.existing.code,
      data: { source: 'roll-import', line, changed: a.changed },
    });
  } else {
    const data: NewEmployee = { ...fields, code: a.code, active: true, preferredChannel: null, remindersMuted: false };
    employee = await tx.employees.create(data);
    await recordEvent(tx, clock, {
      actor, type: 'staff.created', subjectType: 'employee', subjectId: employee.code,
      data: { source: 'roll-import', line, section: a.section.code, reportingOfficer: a.officer },
    });
  }
  return { employee, section };
}

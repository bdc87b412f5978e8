// One workflow, one table (DESIGN.md): the states a record goes through, the actions allowed from
// each (state × action → next state), who may take each — a rule over the actor and the record —
// and the audit event each writes. A use case asks transition() before it writes anything and takes
// the next state and the event from the row it gets back; an action the table does not allow from
// the record's state is the workflow's typed failure, never a silent no-op.
import type { Failure, Result } from './errors.ts';
import type { Tx } from './ports.ts';

/** The "state" of a record that does not exist yet: a row from it creates the record. */
export type None = 'none';

/** Who may take an action: a rule over the actor and the record, and what anyone else is told. */
export interface Rule<Subject> {
  /** How the table names it: "holder", "applicant", "anyone"… */
  readonly name: string;
  allows(subject: Subject): boolean;
  /** The failure for someone the rule does not allow; may read the store (to name the holder). */
  refusal(subject: Subject, tx: Tx): Failure | Promise<Failure>;
}

export interface Row<State extends string, Action extends string, Subject> {
  readonly from: State | None;
  readonly action: Action;
  readonly to: State;
  readonly who: Rule<Subject>;
  /** The audit event type the transition records. */
  readonly event: string;
  /** A condition of this row alone (before the leave starts, say): null when it holds, else the failure. */
  readonly guard?: (subject: Subject) => Failure | null;
}

export interface Workflow<State extends string, Action extends string, Subject> {
  readonly name: string;
  /**
   * Which is told first when both fail. 'who-first': someone else's application is "not yours"
   * whatever its status. 'state-first': a closed file is closed to everyone, holder or not.
   */
  readonly order: 'who-first' | 'state-first';
  readonly rows: readonly Row<State, Action, Subject>[];
  stateOf(subject: Subject): State | None;
  /** The typed failure for an action the table does not allow from the subject's state. */
  notInTable(subject: Subject, action: Action, tx: Tx): Failure | Promise<Failure>;
}

/**
 * Another party's check the use case makes after "who" and before the record's state, as the office
 * asks them: the addressee of a forward, the file a receipt goes into.
 */
export type Check = () => Result<never> | null | Promise<Result<never> | null>;

/** Anyone on the roll, each for themselves: the record is made in the actor's own name. */
export function anyone<Subject>(): Rule<Subject> {
  return {
    name: 'anyone',
    allows: () => true,
    refusal: () => {
      throw new Error('the rule "anyone" refuses no one');
    },
  };
}

/** The office's own processes (the scheduler, an administrator at the server), never a chat. */
export function theOffice<Subject extends { actor: unknown }>(): Rule<Subject> {
  return { name: 'the office', allows: (s) => s.actor === null, refusal: () => ({ code: 'ADMIN.NOT_ALLOWED', params: {} }) };
}

/**
 * Checks a table when its module loads: one next state per state and action, and one rule per
 * action (who may act is asked before the state, so it cannot depend on the row).
 */
export function defineWorkflow<State extends string, Action extends string, Subject>(
  workflow: Workflow<State, Action, Subject>,
): Workflow<State, Action, Subject> {
  const seen = new Set<string>();
  const rules = new Map<string, Rule<Subject>>();
  for (const row of workflow.rows) {
    const key = `${row.from} × ${row.action}`;
    if (seen.has(key)) throw new Error(`${workflow.name}: two rows for ${key}; a state and an action lead to one next state, so merge them`);
    seen.add(key);
    const rule = rules.get(row.action);
    if (rule !== undefined && rule !== row.who) {
      throw new Error(`${workflow.name}: "${row.action}" is taken by "${rule.name}" in one row and "${row.who.name}" in another; give each action one rule object`);
    }
    rules.set(row.action, row.who);
  }
  return Object.freeze({ ...workflow, rows: Object.freeze([...workflow.rows]) });
}

/** The row for a state and an action; throws when the table has none (a programming error). */
export function rowFor<State extends string, Action extends string, Subject>(
  workflow: Workflow<State, Action, Subject>, from: State | None, action: Action,
): Row<State, Action, Subject> {
  const row = workflow.rows.find((r) => r.from === from && r.action === action);
  if (row === undefined) throw new Error(`${workflow.name} has no row for ${from} × ${action}`);
  return row;
}

const refused = (failure: Failure): Result<never> => ({ ok: false, failure });

/**
 * May the subject's actor take the action now? The row to follow (next state, audit event), or the
 * failure to tell them: the rule's refusal, another party's (`others`), the workflow's typed
 * failure for a pair not in the table, or the row's guard — in the workflow's order.
 */
export async function transition<State extends string, Action extends string, Subject>(
  tx: Tx, workflow: Workflow<State, Action, Subject>, action: Action, subject: Subject, ...others: Check[]
): Promise<Result<Row<State, Action, Subject>>> {
  const rows = workflow.rows.filter((r) => r.action === action);
  const rule = rows[0]?.who;
  if (rule === undefined) throw new Error(`${workflow.name} has no action "${action}"`);
  const state = workflow.stateOf(subject);
  const row = rows.find((r) => r.from === state);
  const who: Check = async () => (rule.allows(subject) ? null : refused(await rule.refusal(subject, tx)));
  const where: Check = async () => (row !== undefined ? null : refused(await workflow.notInTable(subject, action, tx)));
  const checks = workflow.order === 'who-first' ? [who, ...others, where] : [where, who, ...others];
  for (const check of checks) {
    const failed = await check();
    if (failed !== null) return failed;
  }
  if (row === undefined) throw new Error('unreachable: the state check passed without a row');
  const guarded = row.guard?.(subject) ?? null;
  return guarded === null ? { ok: true, value: row } : refused(guarded);
}

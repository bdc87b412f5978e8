// Walking a workflow table (core/workflow.ts) through its real use cases on the in-memory store:
// every row is taken by the right actor (its next state reached, its audit event recorded) and
// refused to a wrong one (the rule's failure, nothing written); every (state, action) pair that is
// not in the table is the workflow's typed failure. Used by test/core/*/…-workflow.test.ts.
import { expect } from 'vitest';
import type { FailureCode, Result } from '../../core/errors.ts';
import type { Tx } from '../../core/ports.ts';
import type { Employee } from '../../core/types.ts';
import type { None, Row, Workflow } from '../../core/workflow.ts';

export interface WalkOffice {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** How a test takes one row of a table through its use case. */
export interface RowWalk<O extends WalkOffice, R> {
  /** Brings a record into the row's from-state (null: the row creates it). */
  start(o: O): Promise<R | null>;
  /** Who may take it, each tried on a fresh office (several when the rule names several). */
  right: ((o: O, record: R | null) => Employee | null)[];
  /** Someone the rule refuses and what they are told; absent only for "anyone" and "the office". */
  wrong?: { actor: (o: O, record: R | null) => Employee; code: FailureCode };
  act(o: O, actor: Employee | null, record: R | null): Promise<Result<unknown>>;
  /** The record's state after the step. */
  stateAfter(o: O, record: R | null, value: unknown): Promise<string | undefined>;
}

export const rowKey = (row: { from: string; action: string }): string => `${row.from} × ${row.action}`;
export const rowName = (row: { from: string; action: string; to: string; who: { name: string }; event: string }): string =>
  `${rowKey(row)} → ${row.to} by ${row.who.name}, audited ${row.event}`;

/** Every audit event type recorded so far, oldest first. */
export async function auditTypes(o: WalkOffice): Promise<string[]> {
  return o.run(async (tx) => (await tx.audit.page(1, 10_000)).map((e) => e.type));
}

/** The failure of a result that must have failed, with nothing written to the audit log meanwhile. */
export async function refusedWith(o: WalkOffice, act: () => Promise<Result<unknown>>, code: FailureCode): Promise<void> {
  const before = await auditTypes(o);
  const result = await act();
  expect(result.ok ? 'success' : result.failure.code).toBe(code);
  expect(await auditTypes(o)).toEqual(before);
}

/** Takes one row through its walk: refused to the wrong actor, taken by each right one. */
export async function walkRow<S extends string, A extends string, X, O extends WalkOffice, R>(
  row: Row<S, A, X>, walk: RowWalk<O, R> | undefined, office: () => Promise<O>,
): Promise<void> {
  if (walk === undefined) throw new Error(`no walk for the row ${rowKey(row)}: add one to the test`);
  if (walk.wrong === undefined) expect(['anyone', 'the office']).toContain(row.who.name);
  for (const right of walk.right) {
    const o = await office();
    const record = await walk.start(o);
    if (walk.wrong !== undefined) {
      const wrong = walk.wrong;
      await refusedWith(o, () => walk.act(o, wrong.actor(o, record), record), wrong.code);
    }
    const before = (await auditTypes(o)).length;
    const result = await walk.act(o, right(o, record), record);
    if (!result.ok) throw new Error(`${rowKey(row)}: expected success, got ${JSON.stringify(result.failure)}`);
    expect((await auditTypes(o)).slice(before)).toContain(row.event);
    expect(await walk.stateAfter(o, record, result.value)).toBe(row.to);
  }
}

/** The (state, action) pairs of these states and actions that have no row in the table. */
export function pairsNotInTable<S extends string, A extends string, X>(
  workflow: Workflow<S, A, X>, states: readonly (S | None)[], actions: readonly A[],
): { state: S | None; action: A }[] {
  const inTable = new Set(workflow.rows.map(rowKey));
  return states.flatMap((state) => actions.map((action) => ({ state, action }))).filter((p) => !inTable.has(rowKey({ from: p.state, action: p.action })));
}

/** The value of a successful result; fails the test with the failure otherwise. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

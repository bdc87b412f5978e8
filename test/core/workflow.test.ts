// core/workflow.ts itself, on a toy table: the checks a table gets when its module loads, and the
// order transition() asks in (who, other parties, state, the row's guard).
import { describe, expect, test } from 'vitest';
import { fail, type Failure } from '../../core/errors.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import type { Employee } from '../../core/types.ts';
import { anyone, defineWorkflow, rowFor, transition, type Rule, type Workflow } from '../../core/workflow.ts';
import { seedSmallOffice } from '../helpers/office.ts';

type Light = 'red' | 'green';
interface Subject { actor: Employee; light: { state: Light; keeper: number } | null; late?: boolean }

const KEEPER: Rule<Subject> = {
  name: 'keeper',
  allows: ({ actor, light }) => light?.keeper === actor.id,
  refusal: () => ({ code: 'FILE.NOT_IN_YOUR_HANDS', params: {} }),
};

const table = (order: Workflow<Light, 'make' | 'go' | 'stop', Subject>['order']) => defineWorkflow<Light, 'make' | 'go' | 'stop', Subject>({
  name: 'light',
  order,
  stateOf: ({ light }) => light?.state ?? 'none',
  notInTable: () => ({ code: 'FILE.CLOSED', params: {} }),
  rows: [
    { from: 'none', action: 'make', to: 'red', who: anyone<Subject>(), event: 'light.made' },
    { from: 'red', action: 'go', to: 'green', who: KEEPER, event: 'light.green', guard: (s): Failure | null => (s.late ? { code: 'FILE.EMPTY_NOTE', params: {} } : null) },
    { from: 'green', action: 'stop', to: 'red', who: KEEPER, event: 'light.red' },
  ],
});

async function staff() {
  return seedSmallOffice(new MemoryStore());
}

describe('a workflow table', () => {
  test('refuses two next states for one state and action, and two rules for one action, when it loads', () => {
    const row = { from: 'red' as const, action: 'go' as const, to: 'green' as const, who: KEEPER, event: 'x' };
    expect(() => defineWorkflow<Light, 'go', Subject>({ name: 'twice', order: 'who-first', stateOf: () => 'red', notInTable: () => ({ code: 'FILE.CLOSED', params: {} }), rows: [row, { ...row, to: 'red' }] }))
      .toThrow('twice: two rows for red × go; a state and an action lead to one next state, so merge them');
    expect(() => defineWorkflow<Light, 'go', Subject>({
      name: 'mixed', order: 'who-first', stateOf: () => 'red', notInTable: () => ({ code: 'FILE.CLOSED', params: {} }),
      rows: [row, { ...row, from: 'green', who: anyone<Subject>() }],
    })).toThrow('mixed: "go" is taken by "keeper" in one row and "anyone" in another; give each action one rule object');
  });

  test('gives the row to follow, or says which row is missing', async () => {
    const s = await staff();
    const light = table('who-first');
    const step = await new MemoryStore().transaction((tx) => transition(tx, light, 'go', { actor: s.clerk, light: { state: 'red', keeper: s.clerk.id } }));
    expect(step.ok && step.value).toMatchObject({ from: 'red', to: 'green', event: 'light.green' });
    expect(rowFor(light, 'none', 'make').event).toBe('light.made');
    expect(() => rowFor(light, 'green', 'go')).toThrow('light has no row for green × go');
  });

  test('who-first tells a stranger so before the state; state-first tells everyone the state first', async () => {
    const s = await staff();
    const stranger = { actor: s.so, light: { state: 'green' as const, keeper: s.clerk.id } };
    const run = new MemoryStore();
    expect(await run.transaction((tx) => transition(tx, table('who-first'), 'go', stranger))).toEqual(fail('FILE.NOT_IN_YOUR_HANDS'));
    expect(await run.transaction((tx) => transition(tx, table('state-first'), 'go', stranger))).toEqual(fail('FILE.CLOSED'));
  });

  test('asks the other parties after who and before the state, and the row\'s guard last', async () => {
    const s = await staff();
    const asked: string[] = [];
    const addressee = () => {
      asked.push('addressee');
      return fail('FILE.SELF_FORWARD');
    };
    const keeper = { actor: s.clerk, light: { state: 'green' as const, keeper: s.clerk.id } };
    const run = new MemoryStore();
    expect(await run.transaction((tx) => transition(tx, table('who-first'), 'go', keeper, addressee))).toEqual(fail('FILE.SELF_FORWARD'));
    expect(await run.transaction((tx) => transition(tx, table('who-first'), 'go', keeper, () => null))).toEqual(fail('FILE.CLOSED'));
    const red = { ...keeper, light: { state: 'red' as const, keeper: s.clerk.id }, late: true };
    expect(await run.transaction((tx) => transition(tx, table('state-first'), 'go', red, () => null))).toEqual(fail('FILE.EMPTY_NOTE'));
    expect(asked).toEqual(['addressee']);
  });
});

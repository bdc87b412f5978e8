// Training progress in Kysely; the steps done are a JSON list kept as text.
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { TrainingProgress } from '../../../core/training/types.ts';
import type * as Row from '../generated/db.ts';
import { CorruptRowError, dateOf, dateOrNull, orNull, type Db } from '../rows.ts';

function toSteps(text: string): string[] {
  let steps: unknown;
  try { steps = JSON.parse(text); } catch { steps = null; }
  if (!Array.isArray(steps) || !steps.every((x) => typeof x === 'string')) throw new CorruptRowError('TrainingProgress', 'steps', text);
  return steps;
}

// Each read parses the text afresh, so what get and list return is the caller's own copy.
const toProgress = (r: Selectable<Row.TrainingProgress>): TrainingProgress => ({
  employeeId: r.employeeId, steps: toSteps(r.steps), startedAt: dateOf(r.startedAt), completedAt: dateOrNull(r.completedAt),
  updatedAt: dateOf(r.updatedAt),
});

export function trainingRepository(db: Db): Pick<Tx, 'training'> {
  return {
    training: {
      get: async (employeeId) => orNull(await db.selectFrom('TrainingProgress').selectAll()
        .where('employeeId', '=', employeeId).executeTakeFirst(), toProgress),
      // One upsert: the whole progress replaces what was there (updatedAt is the caller's, not @updatedAt).
      save: async (p) => {
        const data = { steps: JSON.stringify(p.steps), startedAt: p.startedAt, completedAt: p.completedAt, updatedAt: p.updatedAt };
        await db.insertInto('TrainingProgress').values({ employeeId: p.employeeId, ...data })
          .onConflict((oc) => oc.column('employeeId').doUpdateSet(data)).execute();
      },
      list: async () => (await db.selectFrom('TrainingProgress').selectAll().orderBy('employeeId', 'asc').execute()).map(toProgress),
    },
  };
}

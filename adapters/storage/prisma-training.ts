// Training progress over Prisma; the steps done are a JSON list.
import type { Tx } from '../../core/ports.ts';
import type { TrainingProgress } from '../../core/training/types.ts';
import type * as Rows from './generated/client.ts';
import { CorruptRowError, orNull, type Db } from './prisma-common.ts';

function toProgress(r: Rows.TrainingProgress): TrainingProgress {
  let steps: unknown;
  try { steps = JSON.parse(r.steps); } catch { steps = null; }
  if (!Array.isArray(steps) || !steps.every((x) => typeof x === 'string')) throw new CorruptRowError('TrainingProgress', 'steps', r.steps);
  return { employeeId: r.employeeId, steps, startedAt: r.startedAt, completedAt: r.completedAt, updatedAt: r.updatedAt };
}

export function trainingRepository(db: Db): Pick<Tx, 'training'> {
  return {
    training: {
      get: async (employeeId) => orNull(await db.trainingProgress.findUnique({ where: { employeeId } }), toProgress),
      save: async (p) => {
        const data = { steps: JSON.stringify(p.steps), startedAt: p.startedAt, completedAt: p.completedAt, updatedAt: p.updatedAt };
        await db.trainingProgress.upsert({ where: { employeeId: p.employeeId }, create: { employeeId: p.employeeId, ...data }, update: data, select: { employeeId: true } });
      },
      list: async () => (await db.trainingProgress.findMany({ orderBy: { employeeId: 'asc' } })).map(toProgress),
    },
  };
}

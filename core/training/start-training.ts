// Starting (or coming back to) the training walkthrough: the first start is remembered and audited.
import { recordEvent } from '../audit/record-event.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import type { TrainingProgress } from './types.ts';

export interface StartedTraining {
  progress: TrainingProgress;
  /** False when the employee had started before (the walkthrough resumes). */
  firstTime: boolean;
}

export async function startTraining(tx: Tx, clock: Clock, options: { employee: Employee }): Promise<StartedTraining> {
  const { employee } = options;
  const existing = await tx.training.get(employee.id);
  if (existing !== null) return { progress: existing, firstTime: false };
  const now = clock.now();
  const progress: TrainingProgress = { employeeId: employee.id, steps: [], startedAt: now, completedAt: null, updatedAt: now };
  await tx.training.save(progress);
  await recordEvent(tx, clock, { actor: employee.code, type: 'training.started', subjectType: 'employee', subjectId: employee.code });
  return { progress, firstTime: true };
}

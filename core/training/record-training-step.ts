// A practice step done: added to the employee's progress; the last of the six completes the training.
import { recordEvent } from '../audit/record-event.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { TRAINING_STEPS, type TrainingProgress, type TrainingStep } from './types.ts';

export interface RecordedStep {
  progress: TrainingProgress;
  /** True only for the step that completed the training (once per employee). */
  justCompleted: boolean;
}

export const stepsLeft = (progress: TrainingProgress): TrainingStep[] => TRAINING_STEPS.filter((s) => !progress.steps.includes(s));

export async function recordTrainingStep(tx: Tx, clock: Clock, options: { employee: Employee; step: TrainingStep }): Promise<Result<RecordedStep>> {
  const { employee, step } = options;
  const progress = await tx.training.get(employee.id);
  if (progress === null) return fail('TRAINING.NOT_STARTED');
  const now = clock.now();
  // Practising a step again (after completing) changes nothing: the record says what was learnt, once.
  if (progress.steps.includes(step)) return ok({ progress, justCompleted: false });
  const next: TrainingProgress = { ...progress, steps: [...progress.steps, step], updatedAt: now };
  const justCompleted = next.completedAt === null && stepsLeft(next).length === 0;
  if (justCompleted) next.completedAt = now;
  await tx.training.save(next);
  if (justCompleted) {
    await recordEvent(tx, clock, { actor: employee.code, type: 'training.completed', subjectType: 'employee', subjectId: employee.code, data: { steps: next.steps } });
  }
  return ok({ progress: next, justCompleted });
}

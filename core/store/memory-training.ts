// Training progress in the in-memory store (same contract as the Prisma one).
import type { TrainingProgress, TrainingRepo } from '../training/types.ts';

export type TrainingState = Map<number, TrainingProgress>;
export const emptyTrainingState = (): TrainingState => new Map();

export function memoryTrainingRepo(s: () => TrainingState): { training: TrainingRepo } {
  return {
    training: {
      get: async (employeeId) => structuredClone(s().get(employeeId) ?? null),
      save: async (progress) => { s().set(progress.employeeId, structuredClone(progress)); },
      list: async () => structuredClone([...s().values()].sort((a, b) => a.employeeId - b.employeeId)),
    },
  };
}

// Training inside the chat: which practice steps an employee has done (the practice itself touches
// no real file, leave or tour and so never reaches pendency or reports).

/** The practice steps, in the order the walkthrough takes them. */
export const TRAINING_STEPS = ['scan', 'note', 'move', 'leave', 'approve', 'sign'] as const;
export type TrainingStep = (typeof TRAINING_STEPS)[number];

export function isTrainingStep(s: unknown): s is TrainingStep {
  return typeof s === 'string' && (TRAINING_STEPS as readonly string[]).includes(s);
}

export interface TrainingProgress {
  employeeId: number;
  /** Names of the steps done, in the order done. */
  steps: string[];
  startedAt: Date;
  completedAt: Date | null;
  updatedAt: Date;
}

export interface TrainingRepo {
  get(employeeId: number): Promise<TrainingProgress | null>;
  /** Inserts or replaces the employee's progress. */
  save(progress: TrainingProgress): Promise<void>;
  /** Everyone who has started, by employee id. */
  list(): Promise<TrainingProgress[]>;
}

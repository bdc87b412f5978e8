// Failure codes of the training walkthrough (said in bots/messages/training-failures.ts).
export const TRAINING_FAILURES = [
  'TRAINING.NOT_STARTED',
] as const;

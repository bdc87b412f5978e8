// Reminds recipients who have not acknowledged a circular by its ack-by time, once.
import type { Clock, Store } from '../../core/ports.ts';
import type { Logger } from '../context.ts';

export interface CircularReminderSchedule {
  lines: string[];
  stop(): Promise<void>;
}

export function scheduleCircularReminders(_deps: { store: Store; clock: Clock; log: Logger; kick: () => void }): CircularReminderSchedule {
  return { lines: [], stop: async () => {} };
}

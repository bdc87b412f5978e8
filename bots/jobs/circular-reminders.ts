// Reminds recipients who have not acknowledged a circular by its ack-by time, once. Runs every
// minute; the core claims each circular's reminder in the reminder's own transaction, so two
// processes, an overlapping run or a restart never remind twice.
import cron from 'node-cron';
import type { Clock, Store } from '../../core/ports.ts';
import { remindCircular, type ReminderRun } from '../../core/messaging/remind-circulars.ts';
import type { Logger } from '../context.ts';
import { OFFICE_TIME_ZONE } from './schedule.ts';

export const CIRCULAR_REMINDER_JOB = 'circular-reminders';
const BATCH = 50;

export interface CircularReminderSchedule {
  lines: string[];
  stop(): Promise<void>;
}

/**
 * One pass over every circular now due. Each circular is reminded in a transaction of its own (its
 * claim, the reminders, the summary and the audit event together), so a long backlog never holds the
 * database, and another process working the same list skips what this one has claimed.
 */
export async function runCircularReminders(deps: {
  store: Store; clock: Clock; kick?: () => void;
  /** Called after each circular (tests use it to let two runs interleave). */
  afterCircular?: () => Promise<void>;
}): Promise<ReminderRun> {
  const total: ReminderRun = { circulars: [], reminded: 0 };
  const now = deps.clock.now();
  for (;;) {
    const due = await deps.store.transaction((tx) => tx.circulars.dueForReminder(now, BATCH));
    for (const circular of due) {
      const reminded = await deps.store.transaction((tx) => remindCircular(tx, deps.clock, circular, now));
      await deps.afterCircular?.();
      if (reminded === null) continue;
      total.circulars.push(circular.number);
      total.reminded += reminded;
    }
    if (due.length < BATCH) break;
  }
  if (total.circulars.length > 0) deps.kick?.();
  return total;
}

export function scheduleCircularReminders(deps: { store: Store; clock: Clock; log: Logger; kick: () => void }): CircularReminderSchedule {
  const { log } = deps;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runCircularReminders(deps)
      .then((run) => {
        if (run.circulars.length > 0) log.info(`Circular reminders: ${run.circulars.join(', ')} — ${run.reminded} reminded.`);
      })
      .catch((error: unknown) => log.error('circular reminders failed', error));
    return running;
  };
  const task = cron.schedule('* * * * *', tick, { timezone: OFFICE_TIME_ZONE, name: CIRCULAR_REMINDER_JOB, noOverlap: true });
  // A reminder due while the server was down goes out at start, not a minute later.
  void tick();
  return {
    lines: ['Circular reminders: checked every minute; non-acknowledgers are reminded once at the ack-by time.'],
    stop: async () => {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}

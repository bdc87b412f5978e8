// The scheduler: the morning digest at REMINDER_TIME, India time, every day; the job itself skips
// Sundays, second Saturdays and holidays by the office calendar (so a holiday list loaded later
// needs no new cron line). Sending goes through the outbox, so the dispatcher's per-channel pacing
// applies to a thousand digests as to one message.
//
// At start-up, a day's run that should have happened already and is not finished (the server was
// down at 10:00, or stopped half way) is run at once: it continues where it stopped.
import cron from 'node-cron';
import { istDate } from '../../core/time.ts';
import type { Logger } from '../context.ts';
import { DIGEST_JOB, runDailyDigest, type DigestJobDeps } from './daily-digest.ts';
import { scheduleDeadlineEscalation } from './statutory-deadlines.ts';

export const OFFICE_TIME_ZONE = 'Asia/Kolkata';
const IST_OFFSET_MS = 330 * 60_000;

/** "10:00" → "0 10 * * *" (minute hour, every day). */
export function cronExpression(time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (m === null) throw new Error(`REMINDER_TIME "${time}" is not HH:MM`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/** HH:MM of the instant in India. */
const istClock = (at: Date): string => new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(11, 16);

export interface DigestSchedule {
  /** The catch-up run started at schedule time, if any (tests await it). */
  readonly catchUp: Promise<void>;
  stop(): Promise<void>;
}

async function runToday(deps: DigestJobDeps, log: Logger): Promise<void> {
  const day = istDate(deps.clock.now());
  try {
    const result = await runDailyDigest(deps, { day, dryRun: false });
    if (!result.ran) log.info(`Pendency digest ${day}: not a working day, nothing sent.`);
    else log.info(`Pendency digest ${day}: ${result.sent} queued${result.alreadySent > 0 ? `, ${result.alreadySent} sent earlier` : ''}.`);
  } catch (error) {
    // Claims are per recipient: the next start (or tomorrow's catch-up at start-up) finishes it.
    log.error(`Pendency digest ${day} stopped`, error);
  }
}

export function scheduleDailyDigest(deps: DigestJobDeps, options: { time: string; log: Logger }): DigestSchedule {
  const { time, log } = options;
  const task = cron.schedule(cronExpression(time), () => runToday(deps, log), { timezone: OFFICE_TIME_ZONE, name: DIGEST_JOB, noOverlap: true });
  // Statutory deadlines escalate beside the digest: at start-up and hourly (statutory-deadlines.ts).
  const deadlines = scheduleDeadlineEscalation({
    store: deps.store, clock: deps.clock, log, ...(deps.deadlineRules ? { rules: deps.deadlineRules } : {}), ...(deps.onQueued ? { onQueued: deps.onQueued } : {}),
  });
  const catchUp = (async () => {
    const now = deps.clock.now();
    if (istClock(now) < time) return;
    const run = await deps.store.transaction((tx) => tx.jobs.find(DIGEST_JOB, istDate(now)));
    if (run?.status !== 'done') await runToday(deps, log);
  })();
  return {
    catchUp,
    stop: async () => {
      await task.stop();
      await task.destroy();
      await deadlines.stop();
      await catchUp;
    },
  };
}

// The escalation of statutory deadlines: each confirmed deadline's two events — at 75% of its time
// and at the deadline — are raised once, telling the holder's reporting officer and the section
// officer (and, at the deadline of a serious kind, the head of office) through the outbox. Each
// deadline is raised in a transaction of its own that claims the event on its row (core/deadlines/
// escalate.ts), so a restart, an overlapping run or a second process never tells anyone twice.
//
// It runs with the daily digest's schedule (bots/jobs/schedule.ts): at start-up, then every hour on
// the hour's 5th minute — a 48-hour RTI deadline does not wait for tomorrow's morning run. Every
// instant comes from the injected clock.
import cron from 'node-cron';
import { DEFAULT_DEADLINE_RULES, deadlineKind, type DeadlineRules } from '../../core/deadlines/rules.ts';
import { raiseDeadlineEvent, type RaisedEvent } from '../../core/deadlines/escalate.ts';
import { HEAD_OF_OFFICE } from '../../core/office/profile.ts';
import type { Clock, Store, Tx } from '../../core/ports.ts';
import { statusOf } from '../../core/deadlines/statutory.ts';
import type { DigestLine } from '../messages/pendency-texts.ts';
import type { StatutoryByNumber } from './digest-params.ts';
import type { Logger } from '../context.ts';

export const DEADLINE_JOB = 'statutory-deadlines';
const BATCH = 50;
/** India time, as schedule.ts's OFFICE_TIME_ZONE (not imported: schedule.ts starts this job). */
const OFFICE_TIME_ZONE = 'Asia/Kolkata';

export interface DeadlineJobDeps {
  store: Store;
  clock: Clock;
  rules?: DeadlineRules;
  /** The office profile's head of office (default the Collector). */
  headPost?: string;
  /** Called after notifications were queued, so the dispatcher starts at once. */
  onQueued?: () => void;
}

/** One pass: every deadline whose event has come and was not raised. */
export async function runDeadlineEscalation(deps: DeadlineJobDeps): Promise<RaisedEvent[]> {
  const now = deps.clock.now();
  const raised: RaisedEvent[] = [];
  const options = { now, headPost: deps.headPost ?? HEAD_OF_OFFICE, rules: deps.rules ?? DEFAULT_DEADLINE_RULES };
  const tried = new Set<number>();
  for (;;) {
    const rows = await deps.store.transaction((tx) => tx.deadlines.withEventsDue(now, BATCH));
    const due = rows.filter((d) => !tried.has(d.id));
    for (const d of due) {
      tried.add(d.id);
      const event = await deps.store.transaction((tx) => raiseDeadlineEvent(tx, deps.clock, { ...options, id: d.id, receiptId: d.receiptId }));
      if (event !== null) raised.push(event);
    }
    if (rows.length < BATCH || due.length === 0) break;
  }
  if (raised.some((e) => e.told.length > 0)) deps.onQueued?.();
  return raised;
}

export interface DeadlineSchedule {
  /** The run at start-up (tests await it). */
  readonly first: Promise<void>;
  stop(): Promise<void>;
}

export function scheduleDeadlineEscalation(deps: DeadlineJobDeps & { log: Logger }): DeadlineSchedule {
  const { log } = deps;
  let running: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    running = runDeadlineEscalation(deps)
      .then((events) => {
        if (events.length > 0) log.info(`Statutory deadlines: ${events.map((e) => `${e.number} ${e.kind === 'deadline.due' ? 'due' : '75%'}`).join(', ')}.`);
      })
      .catch((error: unknown) => log.error('statutory deadline escalation failed', error));
    return running;
  };
  const task = cron.schedule('5 * * * *', tick, { timezone: OFFICE_TIME_ZONE, name: DEADLINE_JOB, noOverlap: true });
  const first = tick();
  return {
    first,
    stop: async () => {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}

/** Every confirmed deadline by the number of the file (or loose receipt) carrying it, with its days left at `now`: for the digest's lines. */
export async function statutoryByNumber(tx: Tx, now: Date, rules: DeadlineRules): Promise<StatutoryByNumber> {
  const out = new Map<string, NonNullable<DigestLine['t']>>();
  for (const row of await tx.deadlines.confirmed()) {
    const file = row.fileId === null ? null : await tx.files.byId(row.fileId);
    const number = file?.fileNumber ?? (await tx.receipts.byId(row.receiptId))?.diaryNumber;
    if (number === undefined || out.has(number)) continue;
    const kind = deadlineKind(rules, row.kind);
    const status = statusOf(row, now);
    out.set(number, { en: kind?.en ?? row.kind, hi: kind?.hi ?? row.kind, d: status.daysLeft, h: status.hoursLeft, o: status.state === 'overdue' ? 1 : 0, c: kind?.counts ?? '' });
  }
  return out;
}

// The audit chain's head, appended to the anchor file beside the database when `daftar start`
// starts and every day at REMINDER_TIME (with the morning digest), so that deleting the newest
// events and rewriting the head row is caught by `daftar audit verify` (core/audit/anchors.ts).
// Every day, holidays included: the chain grows on those too.
import cron from 'node-cron';
import { GENESIS_HASH } from '../../core/audit/record-event.ts';
import type { AuditAnchor } from '../../core/audit/anchors.ts';
import type { Clock, Store } from '../../core/ports.ts';
import type { Logger } from '../context.ts';
import { cronExpression, OFFICE_TIME_ZONE } from './schedule.ts';

/** Where anchors go: the anchor file (adapters/audit/anchor-file.ts), wired by the command line. */
export interface AnchorSink {
  /** Named in the log lines. */
  where: string;
  append(anchor: AuditAnchor): Promise<void>;
}

export async function anchorAuditHead(store: Store, clock: Clock, sink: AnchorSink): Promise<AuditAnchor> {
  const head = await store.transaction((tx) => tx.audit.head());
  const anchor = { at: clock.now().toISOString(), seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  await sink.append(anchor);
  return anchor;
}

export interface AnchorSchedule {
  /** The anchor taken at start (tests await it). */
  readonly first: Promise<void>;
  stop(): Promise<void>;
}

export function scheduleAuditAnchors(options: { store: Store; clock: Clock; sink: AnchorSink; time: string; log: Logger }): AnchorSchedule {
  const { store, clock, sink, log } = options;
  const run = async (): Promise<void> => {
    try {
      const anchor = await anchorAuditHead(store, clock, sink);
      log.info(`Audit trail anchored at #${anchor.seq} in ${sink.where}.`);
    } catch (error) {
      // The chain itself is untouched; the next run (or `daftar audit verify`) anchors it.
      log.error(`The audit anchor could not be written to ${sink.where}`, error);
    }
  };
  const task = cron.schedule(cronExpression(options.time), run, { timezone: OFFICE_TIME_ZONE, name: 'audit-anchor', noOverlap: true });
  const first = run();
  return {
    first,
    stop: async () => {
      await task.stop();
      await task.destroy();
      await first;
    },
  };
}

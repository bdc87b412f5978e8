// The morning run: every employee with something pending gets one digest, each reporting officer
// sees their team's overdue items, and the report recipients are told the Collector's report is
// ready. Exactly once per recipient and day, however often the run is started and however many
// processes start it: each send claims its (job, day, employee) row in the same transaction as its
// outbox entry, so a claim exists if and only if the digest was queued.
//
// A run that stopped half way (crash, restart) is finished by starting it again the same day: the
// run record already exists, so it continues, and the recipients already claimed are skipped.
//
// The morning run does not lay out the report's PDF (seconds of work nobody may open): the
// recipients get a `pendency.report_ready` note with its figures and ask for the PDF by sending
// "report pendency" (bots/commands/pendency.ts), which sends it to them as an attachment.
import { isWorkingDay } from '../../core/calendar/holidays.ts';
import { GENESIS_HASH } from '../../core/audit/record-event.ts';
import { notify } from '../../core/outbox/notify.ts';
import type { Clock, Store } from '../../core/ports.ts';
import { digestsFrom } from '../../core/pendency/build-digests.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import { loadOfficePendency, type PendencyPolicy, type Reads } from '../../core/pendency/pending-for.ts';
import type { Employee } from '../../core/types.ts';
import type { DigestData } from '../messages/pendency-texts.ts';
import { digestDataOf, digestParams } from './digest-params.ts';
import { reportRecipientsOf } from '../../core/pendency/report-recipients.ts';
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../../core/deadlines/rules.ts';
import { statutoryByNumber } from './statutory-deadlines.ts';

export const DIGEST_JOB = 'pendency-digest';
/** Claims for the report notes, kept apart so the Collector gets both a digest and a report note. */
export const REPORT_JOB = 'pendency-report';
/**
 * Claims for the DIO's note of the audit chain's head. The head row lives in the database, where
 * someone who deletes the newest events can rewrite it; a copy in the DIO's chat each morning is out
 * of their reach, and `daftar audit verify --anchor <seq>:<hash>` checks the chain against it.
 */
export const AUDIT_HEAD_JOB = 'audit-head';

export interface DigestJobDeps {
  store: Store;
  clock: Clock;
  policy: PendencyPolicy;
  /** Employee codes told that the report is ready; empty means the Collector (core/pendency/report-recipients.ts). */
  reportRecipients: readonly string[];
  /** Called after notifications were queued, so the dispatcher starts at once. */
  onQueued?: () => void;
  /** The office's statutory deadline kinds (DEADLINE_RULES_FILE), for their names in the digest and the escalation notes. */
  deadlineRules?: DeadlineRules;
  /** Awaited after each recipient's transaction committed (tests stop or slow a run here). */
  afterSend?: (employee: Employee) => void | Promise<void>;
}

export interface PlannedDigest {
  employee: Employee;
  data: DigestData;
}

export interface ReportSummary {
  total: number;
  over30: number;
  disposed: number;
}

export type DigestRunResult =
  | { day: string; ran: false; reason: 'closed' }
  | {
    day: string;
    ran: true;
    dryRun: boolean;
    /** A run for this day existed already (resumed or repeated). */
    resumed: boolean;
    digests: PlannedDigest[];
    report: { recipients: Employee[]; summary: ReportSummary };
    /** Queued by this call; 0 on a dry run. */
    sent: number;
    /** Skipped because an earlier call (or another process) had sent them. */
    alreadySent: number;
  };

/**
 * A turn for everything else (chat updates, timers) before the next transaction. better-sqlite3
 * answers within microtasks, so a loop of transactions would otherwise hold the thread to itself
 * until the whole run is done.
 */
const nextTurn = () => new Promise<void>((resolve) => { setImmediate(resolve); });

/** Of the thread's time, the part the background reads may take while anything else wants it. */
export const READ_SHARE = 0.5;

/**
 * Reads in short transactions, each after a turn for everything else (see nextTurn) and after a
 * pause as long as the last transaction and the caller's work on its rows took (at READ_SHARE = ½):
 * a chat message has several steps, each of which would otherwise wait behind the next read, so that
 * with reads back to back a message took many reads' time. Paced so, a state-scale report takes
 * twice as long (seconds, in the background) and chat at most one short read per step.
 */
export function turnTakingReads(store: Store, share = READ_SHARE): Reads {
  let startedAt: number | null = null;
  return async (work) => {
    const busy = startedAt === null ? 0 : performance.now() - startedAt;
    const pause = (busy * (1 - share)) / share;
    if (pause >= 1) await new Promise<void>((resolve) => { setTimeout(resolve, pause); });
    else await nextTurn();
    startedAt = performance.now();
    return store.transaction(work);
  };
}

export async function runDailyDigest(deps: DigestJobDeps, options: { day: string; dryRun: boolean }): Promise<DigestRunResult> {
  const { store, clock, policy } = deps;
  const { day, dryRun } = options;
  if (!isWorkingDay(policy.calendar, day)) return { day, ran: false, reason: 'closed' };

  // One read of the office for the digests and the report's summary figures, in short transactions
  // of a chunk of employees each, so that chat is not held up meanwhile (see pending-for.ts).
  const reads = turnTakingReads(store);
  const office = await loadOfficePendency(reads, day, policy.calendar);
  const report = await pendencyReport(reads, day, policy.calendar, office, undefined, undefined, { now: clock.now(), ...(deps.deadlineRules ? { rules: deps.deadlineRules } : {}) });
  // Each file or letter with a statutory deadline says its days left in the digest.
  const statutory = await reads((tx) => statutoryByNumber(tx, clock.now(), deps.deadlineRules ?? DEFAULT_DEADLINE_RULES));
  const digests = digestsFrom(office, policy).map((d) => ({ employee: d.employee, data: digestDataOf(d, day, statutory) }));
  const summary = {
    total: report.totals.total, over30: report.totals.buckets[4], disposed: report.disposedLast7Days.reduce((n, s) => n + s.count, 0),
  };
  const recipients = await store.transaction((tx) => reportRecipientsOf(tx, deps.reportRecipients));
  const planned = { day, ran: true as const, digests, report: { recipients, summary } };
  if (dryRun) return { ...planned, dryRun, resumed: (await store.transaction((tx) => tx.jobs.find(DIGEST_JOB, day))) !== null, sent: 0, alreadySent: 0 };

  const resumed = !(await store.transaction((tx) => tx.jobs.start(DIGEST_JOB, day, clock.now())));
  let sent = 0;
  let alreadySent = 0;
  const sendOnce = async (job: string, employee: Employee, notification: Parameters<typeof notify>[2]['notification']) => {
    await nextTurn();
    const claimed = await store.transaction(async (tx) => {
      if (!(await tx.jobs.claimDelivery(job, day, employee.id, clock.now()))) return false;
      await notify(tx, clock, { employeeId: employee.id, notification });
      return true;
    });
    if (claimed) {
      sent++;
      deps.onQueued?.();
      await deps.afterSend?.(employee);
    } else {
      alreadySent++;
    }
  };
  for (const { employee, data } of digests) {
    await sendOnce(DIGEST_JOB, employee, { kind: 'pendency.digest', params: digestParams(data) });
  }
  for (const employee of recipients) {
    await sendOnce(REPORT_JOB, employee, { kind: 'pendency.report_ready', params: { day, ...summary } });
  }
  await sendAuditHead(deps, day);
  await store.transaction(async (tx) => tx.jobs.finish(DIGEST_JOB, day, clock.now(), await tx.jobs.deliveries(DIGEST_JOB, day)));
  return { ...planned, dryRun, resumed, sent, alreadySent };
}

/** The chain's head to each active DIO, once a day (not counted with the digests). */
async function sendAuditHead(deps: DigestJobDeps, day: string): Promise<void> {
  const { store, clock } = deps;
  const dios = await store.transaction((tx) => tx.employees.withPost('DIO', { activeOnly: true }));
  for (const dio of dios) {
    await nextTurn();
    const claimed = await store.transaction(async (tx) => {
      if (!(await tx.jobs.claimDelivery(AUDIT_HEAD_JOB, day, dio.id, clock.now()))) return false;
      const head = await tx.audit.head();
      await notify(tx, clock, { employeeId: dio.id, notification: { kind: 'audit.head', params: { day, seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH } } });
      return true;
    });
    if (claimed) deps.onQueued?.();
  }
}

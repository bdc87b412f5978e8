// "report pendency" / "लंबित प्रतिवेदन": the Collector's pendency report as a PDF, for the Collector
// and the officers named in REPORT_RECIPIENTS only; "reminders off" / "reminders on": the morning
// digest switch, audited.
//
// The report is not built inside the message's transaction: at state scale reading it takes seconds,
// and every transaction holds the store's one lock, so the whole office's chat would wait. The
// command answers at once; after commit the report is read in short transactions that take turns
// with chat (turnTakingReads), laid out by the renderer (a worker thread in the server), kept as a
// blob and sent to the requester as a notification with the PDF attached. Requests that come while
// a report for the same day is being built share that build. A build that fails is logged and the
// requester is told; one lost with the process (a restart) is asked for again.
import { deadlinePolicyOf } from './deadline.ts';
import { recordEvent } from '../../core/audit/record-event.ts';
import { notify, type Notification } from '../../core/outbox/notify.ts';
import { pendencyReport } from '../../core/pendency/pendency-report.ts';
import type { Store } from '../../core/ports.ts';
import type { Employee } from '../../core/types.ts';
import { officeOf, type AssistantDeps, type CommandContext, type Outcome } from '../context.ts';
import { turnTakingReads } from '../jobs/daily-digest.ts';
import { ptext } from '../messages/pendency-texts.ts';
import { isReportRecipient } from '../../core/pendency/report-recipients.ts';

export const REPORT_PENDENCY = /^(?:\/?report\s+pendency|pendency\s+report|लंबित\s+(?:प्रतिवेदन|रिपोर्ट))\s*$/i;

const say = (t: string): Outcome => ({ replies: [{ text: t }] });

/** A built report: its PDF as a blob and the figures the notification states. */
interface BuiltReport {
  day: string;
  blob: string;
  total: number;
  over30: number;
  disposed: number;
}

/** The build under way per store (one office per store), shared by the requests made meanwhile. */
const building = new WeakMap<Store, { day: string; done: Promise<BuiltReport> }>();
/** Every request still being answered (tests and a clean shutdown wait for them). */
const inFlight = new Set<Promise<void>>();

async function buildReport(deps: AssistantDeps, day: string): Promise<BuiltReport> {
  const report = await pendencyReport(turnTakingReads(deps.store), day, deps.leavePolicy.calendar, undefined, undefined, officeOf(deps).name, {
    now: deps.clock.now(), rules: deadlinePolicyOf(deps).rules,
  });
  const pdf = await deps.renderer.pendencyReport(report);
  const blob = await deps.blobs.put(pdf);
  return {
    day, blob, total: report.totals.total, over30: report.totals.buckets[4] ?? 0,
    disposed: report.disposedLast7Days.reduce((n, d) => n + d.count, 0),
  };
}

function sharedBuild(deps: AssistantDeps, day: string): Promise<BuiltReport> {
  const running = building.get(deps.store);
  if (running !== undefined && running.day === day) return running.done;
  const done = buildReport(deps, day);
  const entry = { day, done };
  building.set(deps.store, entry);
  const clear = () => { if (building.get(deps.store) === entry) building.delete(deps.store); };
  done.then(clear, clear);
  return done;
}

/** Builds (or joins the build of) `day`'s report and queues it, or the news that it failed, for the requester. */
async function sendReport(deps: AssistantDeps, employeeId: number, day: string): Promise<void> {
  const { store, clock, log } = deps;
  let built: BuiltReport | null = null;
  try {
    built = await sharedBuild(deps, day);
  } catch (error) {
    log.error(`pendency report for ${day} failed`, error);
  }
  const notification: Notification = built === null ? { kind: 'pendency.report_failed', params: { day } } : {
    kind: 'pendency.report_ready',
    params: { day, total: built.total, over30: built.over30, disposed: built.disposed, attached: 1 },
    document: { blob: built.blob, filename: `pendency-${day}.pdf`, mime: 'application/pdf' },
  };
  await store.transaction((tx) => notify(tx, clock, { employeeId, notification }));
  deps.onNotificationsQueued?.();
}

/** Resolves when every report asked for so far has been queued (or its failure logged). */
export async function reportRequestsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

export async function reportPendencyCommand(ctx: CommandContext, me: Employee): Promise<Outcome> {
  const { lang, today, deps } = ctx;
  // Those the report goes to may ask for it (the router has checked that the sender is active).
  if (!isReportRecipient(me, deps.reportRecipients ?? [])) return say(ptext('reportNotAllowed', lang));
  const preparing = [{ text: ptext('reportPreparing', lang) }];
  return {
    replies: preparing,
    afterCommit: async () => {
      const request = sendReport(deps, me.id, today).catch((error: unknown) => {
        deps.log.error(`pendency report for ${today} could not be queued`, error);
      });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
      return preparing;
    },
  };
}

export async function remindersCommand(ctx: CommandContext, me: Employee, muted: boolean): Promise<Outcome> {
  const { lang } = ctx;
  if (me.remindersMuted === muted) return say(ptext(muted ? 'remindersAlreadyOff' : 'remindersAlreadyOn', lang));
  await ctx.tx.employees.update(me.id, { remindersMuted: muted });
  await recordEvent(ctx.tx, ctx.deps.clock, {
    actor: me.code, type: muted ? 'staff.reminders_off' : 'staff.reminders_on', subjectType: 'employee', subjectId: me.code, data: {},
  });
  return say(ptext(muted ? 'remindersOff' : 'remindersOn', lang));
}

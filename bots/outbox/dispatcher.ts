// Delivers queued notifications after their transaction committed: to the recipient's preferred
// linked chat on a channel that is live in this process, retried with backoff until delivered.
// Delivery is at-least-once: a crash between sending and marking resends the message.
//
// A batch goes out to many recipients at once (each recipient's own notifications one after
// another, in order), so that a morning's thousand digests leave at the channel's own rate: the
// channel adapter paces what it is given (Telegram: 30 a second, one a second per chat), and a slow
// chat does not hold up the others. A full batch is followed by the next one straight away.
import type { BlobStore, Clock, Store } from '../../core/ports.ts';
import { onDelivered } from './on-delivered.ts';
import { failpoint } from '../failpoints.ts';
import type { ChatAccount, Employee, OutboxItem } from '../../core/types.ts';
import type { Notification } from '../../core/outbox/notify.ts';
import { rankChats } from '../../core/staff/preferred-chat.ts';
import type { Logger } from '../context.ts';
import { renderNotification } from '../messages/notifications.ts';
import type { Reply } from '../reply.ts';
import { isChecked, sayWhatChanged, stillTrue, type Verdict } from './still-true.ts';

/** What each channel adapter offers the dispatcher. */
export interface ChannelSender {
  readonly channel: string;
  /** False for an address this process cannot reach now (e.g. another terminal's chat). */
  canReach(account: ChatAccount): boolean;
  /** Sends and returns the platform's id of the sent message (null if the platform has none). */
  send(account: ChatAccount, reply: Reply): Promise<{ messageId: string | null }>;
}

export interface DispatchResult {
  delivered: number;
  failed: number;
  waiting: number;
  /** Notifications no longer true, about something the recipient has acted on since (still-true.ts); only when there were any. */
  dropped?: number;
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;
const NO_CHANNEL_DELAY_MS = 60_000;
/** How long a claimed batch is this process's to deliver (a batch at Telegram's pace takes seconds). */
const CLAIM_LEASE_MS = 2 * 60_000;
/** Recipients served at the same time within a batch. */
export const PARALLEL_RECIPIENTS = 32;
/** Items kept in memory while they wait for a chat (a bound on this process's memory, not on the outbox). */
const MAX_PARKED = 5_000;
/** Employees whose waiting items are looked at again in one run. */
const PARKED_CHECKS_PER_RUN = 200;
/** A waiting item is taken up early only this long before its next attempt, when others may claim it. */
const PARK_MARGIN_MS = 5_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export class Dispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DispatchResult> | null = null;
  private again = false;
  private stopped = false;
  /**
   * Items this process found nobody to deliver to, by id: kept until their next attempt (no other
   * process takes them before then), and delivered as soon as their employee has a reachable chat —
   * a web chat tab opened and picked, say — rather than a minute later.
   */
  private readonly parked = new Map<number, { item: OutboxItem; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly senders: ChannelSender[],
    private readonly log: Logger,
    /** Where documents sent with notifications are kept (a circular's PDF). */
    private readonly blobs?: BlobStore,
  ) {}

  /** Delivers what is due now; concurrent calls share one run and trigger one more after it. */
  runOnce(limit = 100): Promise<DispatchResult> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.deliver(limit).finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.runOnce(limit);
      }
    });
    return this.running;
  }

  kick(): void {
    if (this.stopped) return;
    void this.runOnce().catch((error: unknown) => this.log.error('outbox delivery failed', error));
  }

  start(intervalMs = 2_000): void {
    this.timer ??= setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a delivery under way, so the store can be closed after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again = false;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async deliver(limit: number): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, failed: 0, waiting: 0 };
    await this.retryParked(result);
    // Claimed, not just read: with several Daftar processes on one database, each item goes out from
    // exactly one of them. A process that dies mid-batch leaves its items due again after the lease.
    const now = this.clock.now();
    const due = await this.store.transaction((tx) => tx.outbox.claimDue(now, limit, new Date(now.getTime() + CLAIM_LEASE_MS)));
    if (due.length > 0) failpoint('outbox.claimed');
    // One lane per recipient, in the order they became due.
    const lanes = new Map<string, OutboxItem[]>();
    for (const item of due) {
      const key = item.employeeId !== null ? `e${item.employeeId}` : `a${item.channel ?? ''}:${item.address ?? ''}`;
      const lane = lanes.get(key);
      if (lane === undefined) lanes.set(key, [item]);
      else lane.push(item);
    }
    const queue = [...lanes.values()];
    await Promise.all(Array.from({ length: Math.min(PARALLEL_RECIPIENTS, queue.length) }, async () => {
      for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) {
        for (const item of lane) await this.deliverOne(item, result);
      }
    }));
    if (due.length >= limit && !this.stopped) this.again = true;
    return result;
  }

  private async deliverOne(item: OutboxItem, result: DispatchResult): Promise<void> {
    this.parked.delete(item.id);
    const notification = JSON.parse(item.payload) as Notification;
    // Is what it says still so? Asked only for kinds that state something that can stop holding.
    const verdict: Verdict = isChecked(notification) ? await this.store.transaction((tx) => stillTrue(tx, item, notification)) : { kind: 'true' };
    if (verdict.kind === 'acted') {
      this.log.info(`notification ${item.id} (${notification.kind}) dropped: no longer true, ${verdict.why}`);
      await this.store.transaction((tx) => tx.outbox.markDelivered(item.id, this.clock.now()));
      result.dropped = (result.dropped ?? 0) + 1;
      return;
    }
    const target = await this.target(item);
    if (target === 'gone') {
      // Meant for one chat of the employee, which is no longer theirs: it must not go anywhere else.
      this.log.info(`notification ${item.id} dropped: its chat is no longer linked to the employee`);
      await this.store.transaction((tx) => tx.outbox.markDelivered(item.id, this.clock.now()));
      return;
    }
    if (target === null) {
      // Nobody to deliver to on a live channel yet (not linked, or linked only elsewhere):
      // keep it, look again later, and do not count it as a failed attempt.
      const next = this.clock.now().getTime() + NO_CHANNEL_DELAY_MS;
      await this.store.transaction((tx) => tx.outbox.markFailed(item.id, item.attempts, new Date(next), 'no reachable linked chat'));
      if (item.employeeId !== null && this.parked.size < MAX_PARKED) this.parked.set(item.id, { item, until: next - PARK_MARGIN_MS });
      result.waiting += 1;
      return;
    }
    const { account, sender, employee } = target;
    const language = employee?.language ?? 'hi';
    const rendered = renderNotification(notification, language);
    const reply = verdict.kind === 'changed' ? sayWhatChanged(rendered, verdict, language) : rendered;
    if (notification.document !== undefined && this.blobs !== undefined) {
      const bytes = await this.blobs.get(notification.document.blob);
      if (bytes !== null) {
        reply.document = { filename: notification.document.filename, mime: notification.document.mime, base64: Buffer.from(bytes).toString('base64') };
      }
    }
    try {
      const sent = await sender.send(account, reply);
      failpoint('outbox.sent');
      await this.store.transaction(async (tx) => {
        await tx.outbox.markDelivered(item.id, this.clock.now());
        await onDelivered(tx, { item, notification, at: this.clock.now() });
        if (sent.messageId !== null) {
          await tx.sentMessages.add({
            channel: account.channel, chatId: account.address, messageId: sent.messageId,
            employeeId: account.employeeId, subjectType: notification.subject?.type ?? null,
            subjectId: notification.subject?.id ?? null, createdAt: this.clock.now(),
          });
        }
      });
      failpoint('outbox.marked');
      result.delivered += 1;
    } catch (error) {
      const attempts = item.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`notification ${item.id} to ${account.channel} failed (attempt ${attempts}): ${message}`);
      await this.store.transaction((tx) =>
        tx.outbox.markFailed(item.id, attempts, new Date(this.clock.now().getTime() + backoffMs(attempts)), message.slice(0, 500)));
      result.failed += 1;
    }
  }

  /**
   * Waiting items of employees who now have a reachable chat go out now. Only this process's own
   * (it holds them until their next attempt); at most PARKED_CHECKS_PER_RUN employees a run.
   */
  private async retryParked(result: DispatchResult): Promise<void> {
    if (this.parked.size === 0) return;
    const now = this.clock.now().getTime();
    const byEmployee = new Map<number, OutboxItem[]>();
    for (const [id, { item, until }] of this.parked) {
      if (until <= now || item.employeeId === null) {
        // Due again soon: claimDue takes it like any other.
        this.parked.delete(id);
        continue;
      }
      const list = byEmployee.get(item.employeeId);
      if (list !== undefined) list.push(item);
      else if (byEmployee.size < PARKED_CHECKS_PER_RUN) byEmployee.set(item.employeeId, [item]);
    }
    if (byEmployee.size === 0) return;
    const reachable = (account: ChatAccount | null) => account !== null && this.senders.some((s) => s.channel === account.channel && s.canReach(account));
    const ready = await this.store.transaction(async (tx) => {
      const out: OutboxItem[] = [];
      for (const [employeeId, items] of byEmployee) {
        const chats = await tx.accounts.byEmployee(employeeId);
        for (const item of items) {
          // An item for one named chat waits for that chat; any other for any chat of the employee.
          const named = item.channel !== null && item.address !== null;
          if (named ? reachable(chats.find((c) => c.channel === item.channel && c.address === item.address) ?? null) : chats.some(reachable)) out.push(item);
        }
      }
      return out;
    });
    for (const item of ready.sort((a, b) => a.id - b.id)) await this.deliverOne(item, result);
  }

  /**
   * Who gets the item: one chat of the employee when it names one (security notices), else the
   * employee's preferred chat (core/staff/preferred-chat.ts), else the chat it names. Null: nobody
   * reachable now; 'gone': the named chat is no longer the employee's.
   */
  private async target(item: OutboxItem): Promise<{ account: ChatAccount; sender: ChannelSender; employee: Employee | null } | null | 'gone'> {
    return this.store.transaction(async (tx) => {
      if (item.employeeId === null || (item.channel !== null && item.address !== null)) {
        if (item.channel === null || item.address === null) return null;
        const account = await tx.accounts.find(item.channel, item.address);
        if (item.employeeId !== null && account?.employeeId !== item.employeeId) return 'gone';
        const employee = account?.employeeId == null ? null : await tx.employees.byId(account.employeeId);
        if (item.employeeId !== null && employee?.active !== true) return null;
        const sender = this.senders.find((s) => s.channel === item.channel);
        return account !== null && sender !== undefined && sender.canReach(account) ? { account, sender, employee } : null;
      }
      const employee = await tx.employees.byId(item.employeeId);
      if (employee === null || !employee.active) return null;
      const reachable = (await tx.accounts.byEmployee(employee.id))
        .map((account) => ({ account, sender: this.senders.find((s) => s.channel === account.channel) }))
        .filter((c): c is { account: ChatAccount; sender: ChannelSender } => c.sender !== undefined && c.sender.canReach(c.account));
      const best = rankChats(employee.preferredChannel, reachable)[0];
      return best === undefined ? null : { ...best, employee };
    });
  }
}

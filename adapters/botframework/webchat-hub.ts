// The connector side of the embedded web chat: what the Bot Framework service does for Teams,
// done here for the page. The bot posts its activities to this server's connector endpoints
// (the same Connector REST calls it makes to Teams); they wait in a per-conversation queue
// until the page fetches them by long-poll. The page's own messages are echoed into the same
// queue, as Direct Line does, so a reloaded tab shows the whole conversation again.
import { randomBytes } from 'node:crypto';

export interface QueuedActivity {
  seq: number;
  activity: Record<string, unknown>;
}

interface Conversation {
  items: QueuedActivity[];
  next: number;
  waiters: Set<() => void>;
  touched: number;
}

// Memory bounds: a demo, a few dozen tabs at most. The oldest are forgotten first.
const MAX_ITEMS = 200;
const MAX_CONVERSATIONS = 500;

export class WebChatHub {
  private readonly conversations = new Map<string, Conversation>();
  private closed = false;

  static newConversationId(): string {
    return `webchat-local.${randomBytes(16).toString('base64url')}`;
  }

  /** True once the conversation was used in this process (so a notification has someone to go to). */
  knows(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  touch(conversationId: string): Conversation {
    let c = this.conversations.get(conversationId);
    if (c === undefined) {
      if (this.conversations.size >= MAX_CONVERSATIONS) this.forgetOldest();
      c = { items: [], next: 1, waiters: new Set(), touched: Date.now() };
      this.conversations.set(conversationId, c);
    }
    c.touched = Date.now();
    return c;
  }

  /** Queues an activity for the page; returns the id the connector gives it. */
  push(conversationId: string, activity: Record<string, unknown>): string {
    const c = this.touch(conversationId);
    const seq = c.next++;
    const id = typeof activity.id === 'string' && activity.id !== '' ? activity.id : `bot-${seq}-${randomBytes(4).toString('hex')}`;
    c.items.push({ seq, activity: { ...activity, id } });
    if (c.items.length > MAX_ITEMS) c.items.splice(0, c.items.length - MAX_ITEMS);
    for (const wake of [...c.waiters]) wake();
    return id;
  }

  /** What came after `after`, waiting up to `waitMs` for something to come. */
  async poll(conversationId: string, after: number, waitMs: number): Promise<{ activities: QueuedActivity[]; next: number }> {
    const c = this.touch(conversationId);
    // A page ahead of the queue has outlived a restart (same secret, fresh queue): start it over.
    const from = after >= c.next ? 0 : after;
    const ready = () => c.items.filter((i) => i.seq > from);
    if (ready().length === 0 && !this.closed && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          c.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        c.waiters.add(done);
      });
    }
    const activities = ready();
    return { activities, next: activities.at(-1)?.seq ?? Math.max(from, 0) };
  }

  /** Answers every waiting poll (at shutdown). */
  close(): void {
    this.closed = true;
    for (const c of this.conversations.values()) for (const wake of [...c.waiters]) wake();
  }

  private forgetOldest(): void {
    let oldest: [string, number] | null = null;
    for (const [id, c] of this.conversations) if (c.waiters.size === 0 && (oldest === null || c.touched < oldest[1])) oldest = [id, c.touched];
    if (oldest !== null) this.conversations.delete(oldest[0]);
  }
}

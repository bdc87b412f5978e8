// An in-memory Store for core tests. It honours the same contract as the Prisma store (the shared
// contract test runs against both): unique keys, copies out, and all-or-nothing transactions.
import type { Store, Tx } from '../ports.ts';
import type {
  AuditEvent, ChatAccount, OutboxItem, SentMessage,
} from '../types.ts';
import { Mutex } from './mutex.ts';
import { UniqueViolation } from '../errors.ts';
import { memoryEfileRepos } from './memory-efile.ts';
import { memoryLeaveRepos } from './memory-leave.ts';
import { memoryJobRepo } from './memory-jobs.ts';
import { memoryCircularRepo } from './memory-circulars.ts';
import { memoryScanTextRepo } from './memory-scans.ts';
import { memoryTrainingRepo } from './memory-training.ts';
import { memoryLetterRepo } from './memory-letters.ts';
import { memoryDraftRepo } from './memory-drafts.ts';
import { memoryDeadlineRepo } from './memory-deadlines.ts';
import { memoryPendencyRepo } from './memory-pendency.ts';
import { emptyState, type State } from './memory-state.ts';

export type { MemoryState } from './memory-state.ts';

const copy = <T>(value: T): T => structuredClone(value);

/** A patch as a database applies it: keys given as undefined leave the field alone. */
const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

export class MemoryStore implements Store {
  private state = emptyState();
  private readonly mutex = new Mutex();

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const before = copy(this.state);
      try {
        return await work(this.tx());
      } catch (error) {
        this.state = before;
        throw error;
      }
    });
  }

  async close(): Promise<void> {}

  private id(kind: string): number {
    const next = (this.state.nextId[kind] ?? 0) + 1;
    this.state.nextId[kind] = next;
    return next;
  }

  private tx(): Tx {
    const s = (): State => this.state;
    const one = <T>(found: T | undefined): T | null => (found === undefined ? null : copy(found));
    const must = <T>(found: T | undefined, what: string): T => {
      if (found === undefined) throw new Error(`${what} not found`);
      return found;
    };
    return {
      sections: {
        list: async () => copy([...s().sections].sort((a, b) => a.name.localeCompare(b.name))),
        byId: async (id) => one(s().sections.find((x) => x.id === id)),
        byCode: async (code) => one(s().sections.find((x) => x.code === code)),
        byName: async (name) => one(s().sections.find((x) => x.name === name)),
        create: async (data) => {
          if (s().sections.some((x) => x.code === data.code)) throw new UniqueViolation('Section.code');
          if (s().sections.some((x) => x.name === data.name)) throw new UniqueViolation('Section.name');
          const row = { ...data, id: this.id('section') };
          s().sections.push(row);
          return copy(row);
        },
      },
      employees: {
        byId: async (id) => one(s().employees.find((x) => x.id === id)),
        byCode: async (code) => one(s().employees.find((x) => x.code === code)),
        byMobile: async (mobile) => one(s().employees.find((x) => x.mobile === mobile)),
        list: async (options) =>
          copy(s().employees.filter((x) => !options?.activeOnly || x.active).sort((a, b) => a.id - b.id)),
        withPost: async (postKey, options) =>
          copy(s().employees.filter((x) => x.postKey === postKey && (!options?.activeOnly || x.active)).sort((a, b) => a.id - b.id)),
        create: async (data) => {
          if (s().employees.some((x) => x.code === data.code)) throw new UniqueViolation('Employee.code');
          if (s().employees.some((x) => x.mobile === data.mobile)) throw new UniqueViolation('Employee.mobile');
          const row = { ...copy(data), id: this.id('employee') };
          s().employees.push(row);
          return copy(row);
        },
        update: async (id, patch) => {
          const row = must(s().employees.find((x) => x.id === id), `employee ${id}`);
          if (patch.code !== undefined && s().employees.some((x) => x.code === patch.code && x.id !== id)) {
            throw new UniqueViolation('Employee.code');
          }
          if (patch.mobile !== undefined && s().employees.some((x) => x.mobile === patch.mobile && x.id !== id)) {
            throw new UniqueViolation('Employee.mobile');
          }
          Object.assign(row, copy(defined(patch)));
          return copy(row);
        },
        count: async () => s().employees.length,
      },
      accounts: {
        find: async (channel, address) => one(s().accounts.find((x) => x.channel === channel && x.address === address)),
        byId: async (id) => one(s().accounts.find((x) => x.id === id)),
        byEmployee: async (employeeId) =>
          copy(s().accounts.filter((x) => x.employeeId === employeeId).sort((a, b) => a.id - b.id)),
        linkedAmong: async (employeeIds) => {
          const linked = new Set(s().accounts.map((x) => x.employeeId));
          return [...new Set(employeeIds)].filter((id) => linked.has(id)).sort((a, b) => a - b);
        },
        create: async (data) => {
          if (s().accounts.some((x) => x.channel === data.channel && x.address === data.address)) {
            throw new UniqueViolation('ChatAccount.channel_address');
          }
          const row: ChatAccount = { ...data, id: this.id('account'), employeeId: null, linkedAt: null, conversationRef: null };
          s().accounts.push(row);
          return copy(row);
        },
        update: async (id, patch) => {
          const row = must(s().accounts.find((x) => x.id === id), `account ${id}`);
          Object.assign(row, copy(defined(patch)));
          return copy(row);
        },
      },
      otps: {
        create: async (data) => {
          if (s().otps.some((x) => x.id === data.id)) throw new UniqueViolation('OtpChallenge.id');
          s().otps.push(copy(data));
          return copy(data);
        },
        byId: async (id) => one(s().otps.find((x) => x.id === id)),
        latestPendingForAccount: async (accountId, purpose) => {
          const rows = s().otps.filter((x) => x.accountId === accountId && x.purpose === purpose && x.status === 'pending');
          rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
          return one(rows[0]);
        },
        update: async (id, patch) => {
          const row = must(s().otps.find((x) => x.id === id), `otp ${id}`);
          Object.assign(row, copy(defined(patch)));
          return copy(row);
        },
        countIssuedSince: async (employeeId, purpose, since) =>
          s().otps.filter((x) => x.employeeId === employeeId && x.purpose === purpose && x.createdAt >= since).length,
      },
      audit: {
        head: async () => one(s().auditHead ?? undefined),
        append: async (event) => {
          if (s().audit.some((x) => x.seq === event.seq)) throw new UniqueViolation('AuditEvent.seq');
          s().audit.push(copy(event));
          s().auditHead = { seq: event.seq, hash: event.hash };
        },
        page: async (fromSeq, limit) =>
          copy(s().audit.filter((x) => x.seq >= fromSeq).sort((a, b) => a.seq - b.seq).slice(0, limit)),
      },
      outbox: {
        add: async (item) => {
          const row: OutboxItem = { ...copy(item), id: this.id('outbox'), attempts: 0, deliveredAt: null, lastError: null };
          s().outbox.push(row);
          return copy(row);
        },
        due: async (now, limit) =>
          copy(s().outbox.filter((x) => x.deliveredAt === null && x.nextAttemptAt <= now)
            .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id)
            .slice(0, limit)),
        claimDue: async (now, limit, leaseUntil) => {
          const due = s().outbox.filter((x) => x.deliveredAt === null && x.nextAttemptAt <= now)
            .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id)
            .slice(0, Math.max(0, limit));
          const taken = copy(due);
          for (const item of due) item.nextAttemptAt = new Date(leaseUntil);
          return taken;
        },
        markDelivered: async (id, at) => {
          must(s().outbox.find((x) => x.id === id), `outbox ${id}`).deliveredAt = new Date(at);
        },
        releaseClaims: async (now) => {
          const held = s().outbox.filter((x) => x.deliveredAt === null && x.nextAttemptAt.getTime() > now.getTime());
          for (const item of held) item.nextAttemptAt = new Date(now);
          return held.length;
        },
        markFailed: async (id, attempts, nextAttemptAt, error) => {
          Object.assign(must(s().outbox.find((x) => x.id === id), `outbox ${id}`), { attempts, nextAttemptAt: new Date(nextAttemptAt), lastError: error });
        },
        pendingCount: async () => s().outbox.filter((x) => x.deliveredAt === null).length,
      },
      inbound: {
        find: async (channel, messageId) => one(s().inbound.find((x) => x.channel === channel && x.messageId === messageId)),
        claim: async (record) => {
          if (s().inbound.some((x) => x.channel === record.channel && x.messageId === record.messageId)) return false;
          s().inbound.push({ ...copy(record), status: 'processing', replies: null, leaseUntil: null });
          return true;
        },
        hold: async (channel, messageId, leaseUntil) => {
          must(s().inbound.find((x) => x.channel === channel && x.messageId === messageId), 'inbound').leaseUntil = new Date(leaseUntil);
        },
        retake: async (channel, messageId, now, leaseUntil) => {
          const row = s().inbound.find((x) => x.channel === channel && x.messageId === messageId);
          if (row === undefined || row.status !== 'processing' || (row.leaseUntil !== null && row.leaseUntil.getTime() > now.getTime())) return false;
          row.leaseUntil = new Date(leaseUntil);
          return true;
        },
        releaseAll: async () => {
          const held = s().inbound.filter((x) => x.status === 'processing' && x.leaseUntil !== null);
          for (const row of held) row.leaseUntil = null;
          return held.length;
        },
        complete: async (channel, messageId, replies) => {
          Object.assign(must(s().inbound.find((x) => x.channel === channel && x.messageId === messageId), 'inbound'), {
            status: 'done', replies, leaseUntil: null,
          });
        },
      },
      sentMessages: {
        add: async (message) => {
          const key = (m: SentMessage) => `${m.channel}\u0000${m.chatId}\u0000${m.messageId}`;
          if (s().sent.some((x) => key(x) === key(message))) throw new UniqueViolation('SentMessage.id');
          s().sent.push(copy(message));
        },
        find: async (channel, chatId, messageId) =>
          one(s().sent.find((x) => x.channel === channel && x.chatId === chatId && x.messageId === messageId)),
      },
      ...memoryEfileRepos(() => this.state.efile, (kind) => this.id(kind)),
      ...memoryLeaveRepos(() => this.state.leave, (kind) => this.id(kind)),
      ...memoryJobRepo(() => this.state.jobs, (kind) => this.id(kind)),
      ...memoryCircularRepo(() => this.state.circulars, (kind) => this.id(kind)),
      ...memoryScanTextRepo(() => this.state.scans, () => this.state.efile),
      ...memoryTrainingRepo(() => this.state.training),
      ...memoryLetterRepo(() => this.state.letters, (kind) => this.id(kind)),
      ...memoryDraftRepo(() => this.state.drafts, (kind) => this.id(kind)),
      ...memoryDeadlineRepo(() => this.state.deadlines, (kind) => this.id(kind)),
      ...memoryPendencyRepo(() => this.state),
    };
  }

  /** Test helper: edit stored rows behind the core's back (to simulate tampering). */
  unsafeState(): { audit: AuditEvent[] } {
    return this.state;
  }
}

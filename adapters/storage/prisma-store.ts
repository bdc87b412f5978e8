// The core's Store over Prisma and SQLite. It only translates: rows to the core's records and back,
// Prisma's errors to the core's, and one Store transaction to one Prisma interactive transaction.
import type { Store, Tx } from '../../core/ports.ts';
import type {
  AuditEvent, ChatAccount, Employee, InboundRecord, NewEmployee, OtpChallenge, OutboxItem, Section, SentMessage,
} from '../../core/types.ts';
import { Mutex } from '../../core/store/mutex.ts';
import type { PrismaClient } from './generated/client.ts';
import type * as Rows from './generated/client.ts';
import { call, isKnown, oneOf, orNull, pick, type Db } from './prisma-common.ts';
import { efileRepositories } from './prisma-efile.ts';
import { leaveRepositories } from './prisma-leave.ts';
import { jobRepository } from './prisma-jobs.ts';
import { circularRepository } from './prisma-circulars.ts';
import { scanTextRepository } from './prisma-scans.ts';
import { trainingRepository } from './prisma-training.ts';
import { letterRepository } from './prisma-letters.ts';
import { pendencyRepository } from './prisma-pendency.ts';

export { CorruptRowError } from './prisma-common.ts';

/** Generous on purpose: transactions queue behind each other in-process, and a slow disk is not a bug. */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

const AUDIT_HEAD_ID = 1;

// ---- rows → records (fields listed one by one: rows carry columns the core does not know) ----

const toSection = (r: Rows.Section): Section => ({ id: r.id, code: r.code, name: r.name });

const toEmployee = (r: Rows.Employee): Employee => ({
  id: r.id, code: r.code, name: r.name, dob: r.dob, post: r.post, postKey: r.postKey, mobile: r.mobile,
  email: r.email, sectionId: r.sectionId, reportingOfficerId: r.reportingOfficerId, active: r.active,
  language: oneOf('Employee', 'language', r.language, ['hi', 'en']),
  preferredChannel: r.preferredChannel, remindersMuted: r.remindersMuted,
});

const toAccount = (r: Rows.ChatAccount): ChatAccount => ({
  id: r.id, channel: r.channel, address: r.address, displayName: r.displayName, employeeId: r.employeeId,
  linkedAt: r.linkedAt, conversationRef: r.conversationRef,
});

const toOtp = (r: Rows.OtpChallenge): OtpChallenge => ({
  id: r.id, purpose: oneOf('OtpChallenge', 'purpose', r.purpose, ['link', 'sign', 'practice']),
  employeeId: r.employeeId, accountId: r.accountId, codeHash: r.codeHash, salt: r.salt,
  subjectHash: r.subjectHash, subjectRef: r.subjectRef, destination: r.destination,
  createdAt: r.createdAt, expiresAt: r.expiresAt, attempts: r.attempts,
  status: oneOf('OtpChallenge', 'status', r.status, ['pending', 'used', 'locked', 'cancelled']),
  consumedAt: r.consumedAt,
});

const toAuditEvent = (r: Rows.AuditEvent | AuditEvent): AuditEvent => ({
  seq: r.seq, at: r.at, actor: r.actor, type: r.type, subjectType: r.subjectType, subjectId: r.subjectId,
  data: r.data, prevHash: r.prevHash, hash: r.hash,
});

const toOutbox = (r: Rows.Outbox): OutboxItem => ({
  id: r.id, createdAt: r.createdAt, employeeId: r.employeeId, channel: r.channel, address: r.address,
  payload: r.payload, attempts: r.attempts, nextAttemptAt: r.nextAttemptAt, deliveredAt: r.deliveredAt,
  lastError: r.lastError,
});

const toInbound = (r: Rows.InboundMessage): InboundRecord => ({
  channel: r.channel, messageId: r.messageId, chatId: r.chatId, receivedAt: r.receivedAt,
  status: oneOf('InboundMessage', 'status', r.status, ['processing', 'done']), replies: r.replies,
});

const toSentMessage = (r: Rows.SentMessage | SentMessage): SentMessage => ({
  channel: r.channel, chatId: r.chatId, messageId: r.messageId, employeeId: r.employeeId,
  subjectType: r.subjectType, subjectId: r.subjectId, createdAt: r.createdAt,
});

// ---- records → rows: only the columns the port lets a caller write, whatever else the object carries.
// (Creates list their columns; so do the two mappers above that also serve as row builders.)

const EMPLOYEE_FIELDS = [
  'code', 'name', 'dob', 'post', 'postKey', 'mobile', 'email', 'sectionId', 'reportingOfficerId', 'active',
  'language', 'preferredChannel', 'remindersMuted',
] as const satisfies readonly (keyof NewEmployee)[];

function repositories(db: Db): Tx {
  return {
    sections: {
      // Sorted here, not in SQL, to order names as the in-memory store does (locale-aware).
      list: async () => (await db.section.findMany()).map(toSection).sort((a, b) => a.name.localeCompare(b.name)),
      byId: async (id) => orNull(await db.section.findUnique({ where: { id } }), toSection),
      byCode: async (code) => orNull(await db.section.findUnique({ where: { code } }), toSection),
      byName: async (name) => orNull(await db.section.findUnique({ where: { name } }), toSection),
      create: async (data) => toSection(await call(() => db.section.create({ data: { code: data.code, name: data.name } }))),
    },
    employees: {
      byId: async (id) => orNull(await db.employee.findUnique({ where: { id } }), toEmployee),
      byCode: async (code) => orNull(await db.employee.findUnique({ where: { code } }), toEmployee),
      byMobile: async (mobile) => orNull(await db.employee.findUnique({ where: { mobile } }), toEmployee),
      list: async (options) => (await db.employee.findMany({
        where: options?.activeOnly ? { active: true } : {},
        orderBy: { id: 'asc' },
      })).map(toEmployee),
      create: async (d) => toEmployee(await call(() => db.employee.create({
        data: {
          code: d.code, name: d.name, dob: d.dob, post: d.post, postKey: d.postKey, mobile: d.mobile, email: d.email,
          sectionId: d.sectionId, reportingOfficerId: d.reportingOfficerId, active: d.active, language: d.language,
          preferredChannel: d.preferredChannel, remindersMuted: d.remindersMuted,
        },
      }))),
      update: async (id, patch) => toEmployee(await call(
        () => db.employee.update({ where: { id }, data: pick(patch, EMPLOYEE_FIELDS) }), `employee ${id}`)),
      count: () => db.employee.count(),
    },
    accounts: {
      find: async (channel, address) =>
        orNull(await db.chatAccount.findUnique({ where: { channel_address: { channel, address } } }), toAccount),
      byId: async (id) => orNull(await db.chatAccount.findUnique({ where: { id } }), toAccount),
      byEmployee: async (employeeId) =>
        (await db.chatAccount.findMany({ where: { employeeId }, orderBy: { id: 'asc' } })).map(toAccount),
      create: async (data) => toAccount(await call(() => db.chatAccount.create({
        data: { channel: data.channel, address: data.address, displayName: data.displayName },
      }))),
      update: async (id, patch) => toAccount(await call(() => db.chatAccount.update({
        where: { id }, data: pick(patch, ['employeeId', 'linkedAt', 'displayName', 'conversationRef']),
      }), `account ${id}`)),
    },
    otps: {
      create: async (d) => toOtp(await call(() => db.otpChallenge.create({
        data: {
          id: d.id, purpose: d.purpose, employeeId: d.employeeId, accountId: d.accountId, codeHash: d.codeHash,
          salt: d.salt, subjectHash: d.subjectHash, subjectRef: d.subjectRef, destination: d.destination,
          createdAt: d.createdAt, expiresAt: d.expiresAt, attempts: d.attempts, status: d.status, consumedAt: d.consumedAt,
        },
      }))),
      byId: async (id) => orNull(await db.otpChallenge.findUnique({ where: { id } }), toOtp),
      latestPendingForAccount: async (accountId, purpose) => orNull(await db.otpChallenge.findFirst({
        where: { accountId, purpose, status: 'pending' },
        orderBy: { createdAt: 'desc' },
      }), toOtp),
      update: async (id, patch) => toOtp(await call(() => db.otpChallenge.update({
        where: { id }, data: pick(patch, ['attempts', 'status', 'consumedAt']),
      }), `otp ${id}`)),
      countIssuedSince: (employeeId, purpose, since) =>
        db.otpChallenge.count({ where: { employeeId, purpose, createdAt: { gte: since } } }),
    },
    audit: {
      head: () => db.auditHead.findUnique({ where: { id: AUDIT_HEAD_ID }, select: { seq: true, hash: true } }),
      append: async (event) => {
        await call(() => db.auditEvent.create({ data: toAuditEvent(event), select: { seq: true } }));
        const head = { seq: event.seq, hash: event.hash };
        await db.auditHead.upsert({
          where: { id: AUDIT_HEAD_ID }, create: { id: AUDIT_HEAD_ID, ...head }, update: head, select: { id: true },
        });
      },
      page: async (fromSeq, limit) => (await db.auditEvent.findMany({
        where: { seq: { gte: fromSeq } }, orderBy: { seq: 'asc' }, take: Math.max(0, limit),
      })).map(toAuditEvent),
    },
    outbox: {
      add: async (item) => toOutbox(await db.outbox.create({
        data: {
          createdAt: item.createdAt, employeeId: item.employeeId, channel: item.channel, address: item.address,
          payload: item.payload, nextAttemptAt: item.nextAttemptAt,
        },
      })),
      due: async (now, limit) => (await db.outbox.findMany({
        where: { deliveredAt: null, nextAttemptAt: { lte: now } },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        take: Math.max(0, limit),
      })).map(toOutbox),
      markDelivered: async (id, at) => {
        await call(() => db.outbox.update({ where: { id }, data: { deliveredAt: at }, select: { id: true } }), `outbox ${id}`);
      },
      markFailed: async (id, attempts, nextAttemptAt, error) => {
        await call(() => db.outbox.update({
          where: { id }, data: { attempts, nextAttemptAt, lastError: error }, select: { id: true },
        }), `outbox ${id}`);
      },
      pendingCount: () => db.outbox.count({ where: { deliveredAt: null } }),
    },
    inbound: {
      find: async (channel, messageId) =>
        orNull(await db.inboundMessage.findUnique({ where: { channel_messageId: { channel, messageId } } }), toInbound),
      // One insert; its key clash is the answer. SQLite undoes only the failed statement, so the
      // transaction goes on (PostgreSQL would need INSERT … ON CONFLICT DO NOTHING instead).
      claim: async (record) => {
        try {
          await db.inboundMessage.create({
            data: {
              channel: record.channel, messageId: record.messageId, chatId: record.chatId,
              receivedAt: record.receivedAt, status: 'processing', replies: null,
            },
            select: { channel: true },
          });
          return true;
        } catch (error) {
          if (isKnown(error, 'P2002')) return false;
          throw error;
        }
      },
      complete: async (channel, messageId, replies) => {
        await call(() => db.inboundMessage.update({
          where: { channel_messageId: { channel, messageId } }, data: { status: 'done', replies }, select: { channel: true },
        }), 'inbound');
      },
    },
    sentMessages: {
      add: async (message) => {
        await call(() => db.sentMessage.create({
          data: toSentMessage(message),
          select: { channel: true },
        }));
      },
      find: async (channel, chatId, messageId) => orNull(await db.sentMessage.findUnique({
        where: { channel_chatId_messageId: { channel, chatId, messageId } },
      }), toSentMessage),
    },
    ...efileRepositories(db),
    ...leaveRepositories(db),
    ...jobRepository(db),
    ...circularRepository(db),
    ...scanTextRepository(db),
    ...trainingRepository(db),
    ...letterRepository(db),
    ...pendencyRepository(db),
  };
}

export class PrismaStore implements Store {
  // SQLite has one writer and the adapter one connection: interleaved interactive transactions on it
  // would see each other's writes, so they queue here as the in-memory store's do (and so that Prisma's
  // maxWait only starts counting once a transaction is next in line).
  private readonly mutex = new Mutex();
  private closed = false;

  constructor(private readonly client: PrismaClient) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('the store is closed');
      return this.client.$transaction(async (db) => {
        await takeWriteLock(db);
        return work(repositories(db));
      }, TRANSACTION_OPTIONS);
    });
  }

  /** Waits for the running transactions, then disconnects; later transactions are refused. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      this.closed = true;
      await this.client.$disconnect();
    });
  }
}

// The adapter begins transactions DEFERRED. If another process (the admin CLI while the bot runs)
// commits between this transaction's first read and its first write, SQLite refuses the write at
// once (SQLITE_BUSY_SNAPSHOT, "database is locked"), busy timeout or not. Writing first takes the
// write lock up front, so a transaction waits for the other process instead and then reads its data.
// The statement changes nothing.
async function takeWriteLock(db: Db): Promise<void> {
  await db.$executeRaw`UPDATE "AuditHead" SET "seq" = "seq" WHERE 1 = 0`;
}

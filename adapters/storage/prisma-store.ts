// The core's Store over Prisma and SQLite. It only translates: rows to the core's records and back,
// Prisma's errors to the core's, and one Store transaction to one Prisma interactive transaction.
import type { Store, Tx } from '../../core/ports.ts';
import type {
  AuditEvent, ChatAccount, Employee, InboundRecord, NewEmployee, OtpChallenge, OutboxItem, Section, SentMessage,
} from '../../core/types.ts';
import { Mutex } from '../../core/store/mutex.ts';
import type { PrismaClient } from './generated/client.ts';
import type * as Rows from './generated/client.ts';
import {
  call, insertRow, oneOf, orNull, pick, prismaRow, sqlOn, stamp, type Connection, type Db, type Sql,
} from './prisma-common.ts';
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

// Raw rows (hot path, see prisma-common.ts) → the rows Prisma would have returned.
// Only the columns the record has (Employee rows also carry createdAt/updatedAt, which it does not):
// listing the whole staff at state scale (50,000) spends its time turning columns into values.
const EMPLOYEE_COLUMNS = '"id", "code", "name", "dob", "post", "postKey", "mobile", "email", "sectionId", "reportingOfficerId", "active", "language", "preferredChannel", "remindersMuted"';
const EMPLOYEE_KINDS = { booleans: ['active', 'remindersMuted'] } as const;
const ACCOUNT_KINDS = { dates: ['linkedAt', 'createdAt'] } as const;
const outboxRow = (r: Record<string, unknown>): OutboxItem =>
  toOutbox(prismaRow<Rows.Outbox>(r, { dates: ['createdAt', 'nextAttemptAt', 'deliveredAt'] }));
const employeeRow = (r: Record<string, unknown> | undefined): Employee | null =>
  r === undefined ? null : toEmployee(prismaRow<Rows.Employee>(r, EMPLOYEE_KINDS));
const accountRow = (r: Record<string, unknown> | undefined): ChatAccount | null =>
  r === undefined ? null : toAccount(prismaRow<Rows.ChatAccount>(r, ACCOUNT_KINDS));

/**
 * The staff list between transactions. Listing everyone is what name matching, circulars and the
 * daily jobs do, and at state scale (50,000 staff) reading the rows costs ≈200 ms however it is
 * done, while the roll changes a few times a year. The copy is used only while nothing can have
 * changed it: another connection's commit moves SQLite's `PRAGMA data_version` (an import-staff run
 * in another process), and this store's own employee writes move `generation` — once when written
 * and again when their transaction ends, so a list read inside a transaction that then rolled back
 * is never served. Callers get copies, as from every other read.
 */
class StaffList {
  private rows: Employee[] | null = null;
  private version = -1;
  private readAt = -1;
  private generation = 0;
  private written = false;

  changed(): void {
    this.generation += 1;
    this.written = true;
  }

  /** At the end of every transaction: one that wrote employees invalidates what it may have cached. */
  settle(): void {
    if (this.written) this.generation += 1;
    this.written = false;
  }

  list(sql: Sql, activeOnly: boolean): Employee[] {
    const version = sql.get<{ data_version: number }>('PRAGMA data_version')?.data_version ?? -1;
    if (this.rows === null || version !== this.version || this.readAt !== this.generation) {
      this.rows = sql.all<Record<string, unknown>>(`SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" ORDER BY "id" ASC`)
        .map((r) => toEmployee(prismaRow<Rows.Employee>(r, EMPLOYEE_KINDS)));
      this.version = version;
      this.readAt = this.generation;
    }
    return this.rows.filter((e) => !activeOnly || e.active).map((e) => ({ ...e }));
  }
}

function repositories(db: Db, sql: Sql, staff: StaffList): Tx {
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
      byId: async (id) => employeeRow(sql.get(`SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" WHERE "id" = ?`, id)),
      byCode: async (code) => employeeRow(sql.get(`SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" WHERE "code" = ?`, code)),
      byMobile: async (mobile) => employeeRow(sql.get(`SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" WHERE "mobile" = ?`, mobile)),
      list: async (options) => staff.list(sql, options?.activeOnly === true),
      withPost: async (postKey, options) => sql.all<Record<string, unknown>>(
        options?.activeOnly
          ? `SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" WHERE "postKey" = ? AND "active" = 1 ORDER BY "id" ASC`
          : `SELECT ${EMPLOYEE_COLUMNS} FROM "Employee" WHERE "postKey" = ? ORDER BY "id" ASC`, postKey,
      ).map((r) => toEmployee(prismaRow<Rows.Employee>(r, EMPLOYEE_KINDS))),
      create: async (d) => toEmployee(await call(() => {
        staff.changed();
        return db.employee.create({
          data: {
            code: d.code, name: d.name, dob: d.dob, post: d.post, postKey: d.postKey, mobile: d.mobile, email: d.email,
            sectionId: d.sectionId, reportingOfficerId: d.reportingOfficerId, active: d.active, language: d.language,
            preferredChannel: d.preferredChannel, remindersMuted: d.remindersMuted,
          },
        });
      })),
      update: async (id, patch) => toEmployee(await call(() => {
        staff.changed();
        return db.employee.update({ where: { id }, data: pick(patch, EMPLOYEE_FIELDS) });
      }, `employee ${id}`)),
      count: () => db.employee.count(),
    },
    accounts: {
      find: async (channel, address) =>
        accountRow(sql.get('SELECT * FROM "ChatAccount" WHERE "channel" = ? AND "address" = ?', channel, address)),
      byId: async (id) => accountRow(sql.get('SELECT * FROM "ChatAccount" WHERE "id" = ?', id)),
      byEmployee: async (employeeId) =>
        sql.all<Record<string, unknown>>('SELECT * FROM "ChatAccount" WHERE "employeeId" = ? ORDER BY "id" ASC', employeeId)
          .map((r) => accountRow(r) as ChatAccount),
      linkedAmong: async (employeeIds) => {
        const linked = new Set(sql.all<{ employeeId: number }>('SELECT DISTINCT "employeeId" FROM "ChatAccount" WHERE "employeeId" IS NOT NULL')
          .map((r) => Number(r.employeeId)));
        return [...new Set(employeeIds)].filter((id) => linked.has(id)).sort((a, b) => a - b);
      },
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
      head: async () => sql.get<{ seq: number; hash: string }>('SELECT "seq", "hash" FROM "AuditHead" WHERE "id" = ?', AUDIT_HEAD_ID) ?? null,
      append: async (event) => {
        const e = toAuditEvent(event);
        sql.run(
          'INSERT INTO "AuditEvent" ("seq", "at", "actor", "type", "subjectType", "subjectId", "data", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          e.seq, e.at, e.actor, e.type, e.subjectType, e.subjectId, e.data, e.prevHash, e.hash,
        );
        sql.run(
          'INSERT INTO "AuditHead" ("id", "seq", "hash") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "seq" = excluded."seq", "hash" = excluded."hash"',
          AUDIT_HEAD_ID, e.seq, e.hash,
        );
      },
      page: async (fromSeq, limit) => (await db.auditEvent.findMany({
        where: { seq: { gte: fromSeq } }, orderBy: { seq: 'asc' }, take: Math.max(0, limit),
      })).map(toAuditEvent),
    },
    outbox: {
      add: async (item) => outboxRow(insertRow(sql, 'Outbox', {
        createdAt: item.createdAt, employeeId: item.employeeId, channel: item.channel, address: item.address,
        payload: item.payload, nextAttemptAt: item.nextAttemptAt,
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
      find: async (channel, messageId) => orNull(
        sql.get<Record<string, unknown>>('SELECT * FROM "InboundMessage" WHERE "channel" = ? AND "messageId" = ?', channel, messageId) ?? null,
        (r) => toInbound(prismaRow<Rows.InboundMessage>(r, { dates: ['receivedAt'] })),
      ),
      // One insert; a row already there is the answer (nothing inserted, nothing changed).
      claim: async (record) => sql.run(
        'INSERT INTO "InboundMessage" ("channel", "messageId", "chatId", "receivedAt", "status", "replies") VALUES (?, ?, ?, ?, \'processing\', NULL) ON CONFLICT DO NOTHING',
        record.channel, record.messageId, record.chatId, stamp(record.receivedAt),
      ).changes === 1,
      complete: async (channel, messageId, replies) => {
        const { changes } = sql.run(
          'UPDATE "InboundMessage" SET "status" = \'done\', "replies" = ? WHERE "channel" = ? AND "messageId" = ?', replies, channel, messageId,
        );
        if (changes === 0) throw new Error('inbound not found');
      },
    },
    sentMessages: {
      add: async (message) => {
        const m = toSentMessage(message);
        insertRow(sql, 'SentMessage', {
          channel: m.channel, chatId: m.chatId, messageId: m.messageId, employeeId: m.employeeId,
          subjectType: m.subjectType, subjectId: m.subjectId, createdAt: m.createdAt,
        });
      },
      find: async (channel, chatId, messageId) => orNull(
        sql.get<Record<string, unknown>>('SELECT * FROM "SentMessage" WHERE "channel" = ? AND "chatId" = ? AND "messageId" = ?', channel, chatId, messageId) ?? null,
        (r) => toSentMessage(prismaRow<Rows.SentMessage>(r, { dates: ['createdAt'] })),
      ),
    },
    ...efileRepositories(db, sql),
    ...leaveRepositories(db, sql),
    ...jobRepository(sql),
    ...circularRepository(db, sql),
    ...scanTextRepository(db, sql),
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
  private readonly sql: Sql;
  private readonly staff = new StaffList();

  /** `connection`: the one the client's adapter opened (open-store.ts `connectPrisma`), for the hot statements. */
  constructor(private readonly client: PrismaClient, connection: Connection | Sql) {
    this.sql = 'prepare' in connection ? sqlOn(connection) : connection;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('the store is closed');
      try {
        return await this.client.$transaction(async (db) => {
          takeWriteLock(this.sql);
          return work(repositories(db, this.sql, this.staff));
        }, TRANSACTION_OPTIONS);
      } finally {
        this.staff.settle();
      }
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
// (On the transaction's own connection, so a prepared statement: a few µs instead of a Prisma call.)
function takeWriteLock(sql: Sql): void {
  sql.run('UPDATE "AuditHead" SET "seq" = "seq" WHERE 1 = 0');
}

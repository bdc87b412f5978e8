// The office's own registers (sections, staff, chat accounts, OTP challenges, audit trail) and the
// chat plumbing (outbox, inbound ids, sent messages), in Kysely. Rows are mapped field by field, once
// per table: rows carry columns the core does not know, and a stored value the core's types do not
// allow stops here (CorruptRowError).
import type { Selectable } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type {
  AuditEvent, ChatAccount, InboundRecord, NewEmployee, OtpChallenge, OutboxItem, Section, SentMessage,
} from '../../../core/types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, dateOrNull, num, once, oneOf, orNull, pick, type Db } from '../rows.ts';
import type { StaffList } from './staff-list.ts';
import { EMPLOYEE_COLUMNS, toEmployee } from './employee-row.ts';

export { EMPLOYEE_COLUMNS, toEmployee };

type CoreRepos = Pick<Tx, 'sections' | 'employees' | 'accounts' | 'otps' | 'audit' | 'outbox' | 'inbound' | 'sentMessages'>;

const AUDIT_HEAD_ID = 1;

const EMPLOYEE_FIELDS = [
  'code', 'name', 'dob', 'post', 'postKey', 'mobile', 'email', 'sectionId', 'reportingOfficerId', 'active',
  'language', 'preferredChannel', 'remindersMuted',
] as const satisfies readonly (keyof NewEmployee)[];

const toAccount = (r: Selectable<Row.ChatAccount>): ChatAccount => ({
  id: r.id, channel: r.channel, address: r.address, displayName: r.displayName, employeeId: r.employeeId,
  linkedAt: dateOrNull(r.linkedAt), conversationRef: r.conversationRef,
});

const toOtp = (r: Selectable<Row.OtpChallenge>): OtpChallenge => ({
  id: r.id, purpose: oneOf('OtpChallenge', 'purpose', r.purpose, ['link', 'sign', 'practice']),
  employeeId: r.employeeId, accountId: r.accountId, codeHash: r.codeHash, salt: r.salt,
  subjectHash: r.subjectHash, subjectRef: r.subjectRef, destination: r.destination,
  createdAt: dateOf(r.createdAt), expiresAt: dateOf(r.expiresAt), attempts: r.attempts,
  status: oneOf('OtpChallenge', 'status', r.status, ['pending', 'used', 'locked', 'cancelled']),
  consumedAt: dateOrNull(r.consumedAt),
});

const toAuditEvent = (r: Selectable<Row.AuditEvent>): AuditEvent => ({
  seq: r.seq, at: r.at, actor: r.actor, type: r.type, subjectType: r.subjectType, subjectId: r.subjectId,
  data: r.data, prevHash: r.prevHash, hash: r.hash,
});

const toOutbox = (r: Selectable<Row.Outbox>): OutboxItem => ({
  id: r.id, createdAt: dateOf(r.createdAt), employeeId: r.employeeId, channel: r.channel, address: r.address,
  payload: r.payload, attempts: r.attempts, nextAttemptAt: dateOf(r.nextAttemptAt), deliveredAt: dateOrNull(r.deliveredAt),
  lastError: r.lastError,
});

const toInbound = (r: Selectable<Row.InboundMessage>): InboundRecord => ({
  channel: r.channel, messageId: r.messageId, chatId: r.chatId, receivedAt: dateOf(r.receivedAt),
  status: oneOf('InboundMessage', 'status', r.status, ['processing', 'done']), replies: r.replies,
  leaseUntil: r.leaseUntil === null ? null : dateOf(r.leaseUntil),
});

const toSentMessage = (r: Selectable<Row.SentMessage>): SentMessage => ({
  channel: r.channel, chatId: r.chatId, messageId: r.messageId, employeeId: r.employeeId,
  subjectType: r.subjectType, subjectId: r.subjectId, createdAt: dateOf(r.createdAt),
});

/** A write that must have found its row (the port's update methods throw for a missing id). */
function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`${what} not found`);
  return row;
}


// The message path's most frequent statements, compiled once (rows.ts, once()).
const employeeById = once((db, id: number) => db.selectFrom('Employee').select(EMPLOYEE_COLUMNS).where('id', '=', id));
const accountByAddress = once((db, channel: string, address: string) => db.selectFrom('ChatAccount').selectAll()
  .where('channel', '=', channel).where('address', '=', address));
const auditHead = once((db) => db.selectFrom('AuditHead').select(['seq', 'hash']).where('id', '=', AUDIT_HEAD_ID));
const auditInsert = once((db, seq: number, at: string, actor: string | null, type: string, subjectType: string | null, subjectId: string | null, data: string, prevHash: string, hash: string) =>
  db.insertInto('AuditEvent').values({ seq, at, actor, type, subjectType, subjectId, data, prevHash, hash }));
const auditMoveHead = once((db, seq: number, hash: string) => db.insertInto('AuditHead').values({ id: AUDIT_HEAD_ID, seq, hash })
  .onConflict((oc) => oc.column('id').doUpdateSet((x) => ({ seq: x.ref('excluded.seq'), hash: x.ref('excluded.hash') }))));
const claimInbound = once((db, channel: string, messageId: string, chatId: string, receivedAt: Date) => db.insertInto('InboundMessage')
  .values({ channel, messageId, chatId, receivedAt, status: 'processing', replies: null }).onConflict((oc) => oc.doNothing()));
const completeInbound = once((db, channel: string, messageId: string, replies: string) => db.updateTable('InboundMessage')
  .set({ status: 'done', replies, leaseUntil: null }).where('channel', '=', channel).where('messageId', '=', messageId));
const sentMessageById = once((db, channel: string, chatId: string, messageId: string) => db.selectFrom('SentMessage').selectAll()
  .where('channel', '=', channel).where('chatId', '=', chatId).where('messageId', '=', messageId));

export function coreRepositories(db: Db, staff: StaffList): CoreRepos {
  const employee = () => db.selectFrom('Employee').select(EMPLOYEE_COLUMNS);
  return {
    sections: {
      // Sorted here, not in SQL, to order names as the in-memory store does (locale-aware).
      list: async () => (await db.selectFrom('Section').select(['id', 'code', 'name']).execute())
        .map((r): Section => ({ ...r })).sort((a, b) => a.name.localeCompare(b.name)),
      byId: async (id) => (await db.selectFrom('Section').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()) ?? null,
      byCode: async (code) => (await db.selectFrom('Section').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null,
      byName: async (name) => (await db.selectFrom('Section').select(['id', 'code', 'name']).where('name', '=', name).executeTakeFirst()) ?? null,
      create: async (data) => db.insertInto('Section').values({ code: data.code, name: data.name })
        .returning(['id', 'code', 'name']).executeTakeFirstOrThrow(),
    },
    employees: {
      byId: async (id) => orNull((await employeeById(db, id)).rows[0], toEmployee),
      byCode: async (code) => orNull(await employee().where('code', '=', code).executeTakeFirst(), toEmployee),
      byMobile: async (mobile) => orNull(await employee().where('mobile', '=', mobile).executeTakeFirst(), toEmployee),
      list: async (options) => staff.list(db, options?.activeOnly === true),
      withPost: async (postKey, options) => {
        let query = employee().where('postKey', '=', postKey);
        if (options?.activeOnly === true) query = query.where('active', '=', true);
        return (await query.orderBy('id', 'asc').execute()).map(toEmployee);
      },
      create: async (d) => {
        const now = new Date();
        const row = await db.insertInto('Employee').values({
          code: d.code, name: d.name, dob: d.dob, post: d.post, postKey: d.postKey, mobile: d.mobile, email: d.email,
          sectionId: d.sectionId, reportingOfficerId: d.reportingOfficerId, active: d.active, language: d.language,
          preferredChannel: d.preferredChannel, remindersMuted: d.remindersMuted, createdAt: now, updatedAt: now,
        }).returning(EMPLOYEE_COLUMNS).executeTakeFirstOrThrow();
        staff.changed();
        return toEmployee(row);
      },
      update: async (id, patch) => {
        const row = await db.updateTable('Employee').set({ ...pick(patch, EMPLOYEE_FIELDS), updatedAt: new Date() })
          .where('id', '=', id).returning(EMPLOYEE_COLUMNS).executeTakeFirst();
        staff.changed();
        return toEmployee(found(row, `employee ${id}`));
      },
      count: async () => num((await db.selectFrom('Employee').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    },
    accounts: {
      find: async (channel, address) => orNull((await accountByAddress(db, channel, address)).rows[0], toAccount),
      byId: async (id) => orNull(await db.selectFrom('ChatAccount').selectAll().where('id', '=', id).executeTakeFirst(), toAccount),
      byEmployee: async (employeeId) => (await db.selectFrom('ChatAccount').selectAll()
        .where('employeeId', '=', employeeId).orderBy('id', 'asc').execute()).map(toAccount),
      linkedAmong: async (employeeIds) => {
        const linked = new Set((await db.selectFrom('ChatAccount').select('employeeId').distinct()
          .where('employeeId', 'is not', null).execute()).map((r) => Number(r.employeeId)));
        return [...new Set(employeeIds)].filter((id) => linked.has(id)).sort((a, b) => a - b);
      },
      create: async (data) => toAccount(await db.insertInto('ChatAccount').values({
        channel: data.channel, address: data.address, displayName: data.displayName, createdAt: new Date(),
      }).returningAll().executeTakeFirstOrThrow()),
      update: async (id, patch) => toAccount(found(await db.updateTable('ChatAccount')
        .set(pick(patch, ['employeeId', 'linkedAt', 'displayName', 'conversationRef']))
        .where('id', '=', id).returningAll().executeTakeFirst(), `account ${id}`)),
    },
    otps: {
      create: async (d) => toOtp(await db.insertInto('OtpChallenge').values({
        id: d.id, purpose: d.purpose, employeeId: d.employeeId, accountId: d.accountId, codeHash: d.codeHash,
        salt: d.salt, subjectHash: d.subjectHash, subjectRef: d.subjectRef, destination: d.destination,
        createdAt: d.createdAt, expiresAt: d.expiresAt, attempts: d.attempts, status: d.status, consumedAt: d.consumedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await db.selectFrom('OtpChallenge').selectAll().where('id', '=', id).executeTakeFirst(), toOtp),
      latestPendingForAccount: async (accountId, purpose) => orNull(await db.selectFrom('OtpChallenge').selectAll()
        .where('accountId', '=', accountId).where('purpose', '=', purpose).where('status', '=', 'pending')
        .orderBy('createdAt', 'desc').limit(1).executeTakeFirst(), toOtp),
      update: async (id, patch) => toOtp(found(await db.updateTable('OtpChallenge')
        .set(pick(patch, ['attempts', 'status', 'consumedAt'])).where('id', '=', id).returningAll().executeTakeFirst(), `otp ${id}`)),
      countIssuedSince: async (employeeId, purpose, since) => num((await db.selectFrom('OtpChallenge')
        .select((e) => e.fn.countAll().as('n'))
        .where('employeeId', '=', employeeId).where('purpose', '=', purpose).where('createdAt', '>=', since)
        .executeTakeFirstOrThrow()).n),
    },
    audit: {
      head: async () => (await auditHead(db)).rows[0] ?? null,
      append: async (e) => {
        await auditInsert(db, e.seq, e.at, e.actor, e.type, e.subjectType, e.subjectId, e.data, e.prevHash, e.hash);
        await auditMoveHead(db, e.seq, e.hash);
      },
      page: async (fromSeq, limit) => (await db.selectFrom('AuditEvent').selectAll().where('seq', '>=', fromSeq)
        .orderBy('seq', 'asc').limit(Math.max(0, limit)).execute()).map(toAuditEvent),
    },
    outbox: {
      add: async (item) => toOutbox(await db.insertInto('Outbox').values({
        createdAt: item.createdAt, employeeId: item.employeeId, channel: item.channel, address: item.address,
        payload: item.payload, nextAttemptAt: item.nextAttemptAt,
      }).returningAll().executeTakeFirstOrThrow()),
      due: async (now, limit) => (await db.selectFrom('Outbox').selectAll()
        .where('deliveredAt', 'is', null).where('nextAttemptAt', '<=', now)
        .orderBy('nextAttemptAt', 'asc').orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toOutbox),
      claimDue: async (now, limit, leaseUntil) => {
        const due = (await db.selectFrom('Outbox').selectAll()
          .where('deliveredAt', 'is', null).where('nextAttemptAt', '<=', now)
          .orderBy('nextAttemptAt', 'asc').orderBy('id', 'asc').limit(Math.max(0, limit)).execute()).map(toOutbox);
        // Under the office's write lock (every Store transaction holds it), so no other process reads
        // these rows as due between the read above and this update.
        if (due.length > 0) await db.updateTable('Outbox').set({ nextAttemptAt: leaseUntil }).where('id', 'in', due.map((d) => d.id)).execute();
        return due;
      },
      releaseClaims: async (now) => num((await db.updateTable('Outbox').set({ nextAttemptAt: now })
        .where('deliveredAt', 'is', null).where('nextAttemptAt', '>', now).executeTakeFirst()).numUpdatedRows),
      markDelivered: async (id, at) => {
        found(await db.updateTable('Outbox').set({ deliveredAt: at }).where('id', '=', id).returning('id').executeTakeFirst(), `outbox ${id}`);
      },
      markFailed: async (id, attempts, nextAttemptAt, error) => {
        found(await db.updateTable('Outbox').set({ attempts, nextAttemptAt, lastError: error })
          .where('id', '=', id).returning('id').executeTakeFirst(), `outbox ${id}`);
      },
      pendingCount: async () => num((await db.selectFrom('Outbox').select((e) => e.fn.countAll().as('n'))
        .where('deliveredAt', 'is', null).executeTakeFirstOrThrow()).n),
    },
    inbound: {
      find: async (channel, messageId) => orNull(await db.selectFrom('InboundMessage').selectAll()
        .where('channel', '=', channel).where('messageId', '=', messageId).executeTakeFirst(), toInbound),
      // One insert; a row already there is the answer (nothing inserted, nothing changed).
      claim: async (record) => (await claimInbound(db, record.channel, record.messageId, record.chatId, record.receivedAt)).numAffectedRows === 1n,
      hold: async (channel, messageId, leaseUntil) => {
        const { numUpdatedRows } = await db.updateTable('InboundMessage').set({ leaseUntil })
          .where('channel', '=', channel).where('messageId', '=', messageId).executeTakeFirst();
        if (numUpdatedRows === 0n) throw new Error('inbound not found');
      },
      // One conditional update: of two processes retaking the same message, one wins.
      retake: async (channel, messageId, now, leaseUntil) => (await db.updateTable('InboundMessage').set({ leaseUntil })
        .where('channel', '=', channel).where('messageId', '=', messageId).where('status', '=', 'processing')
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', now)]))
        .executeTakeFirst()).numUpdatedRows === 1n,
      releaseAll: async () => num((await db.updateTable('InboundMessage').set({ leaseUntil: null })
        .where('status', '=', 'processing').where('leaseUntil', 'is not', null).executeTakeFirst()).numUpdatedRows),
      complete: async (channel, messageId, replies) => {
        const { numAffectedRows } = await completeInbound(db, channel, messageId, replies);
        if ((numAffectedRows ?? 0n) === 0n) throw new Error('inbound not found');
      },
    },
    sentMessages: {
      add: async (m) => {
        await db.insertInto('SentMessage').values({
          channel: m.channel, chatId: m.chatId, messageId: m.messageId, employeeId: m.employeeId,
          subjectType: m.subjectType, subjectId: m.subjectId, createdAt: m.createdAt,
        }).execute();
      },
      find: async (channel, chatId, messageId) => orNull((await sentMessageById(db, channel, chatId, messageId)).rows[0], toSentMessage),
    },
  };
}

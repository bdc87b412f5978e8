// The eFile repositories (counters, receipts, files, notes, movements) and the chat's own state
// (conversations, upload drafts) over Prisma. Same rules as prisma-store.ts: rows mapped field by
// field, only the columns a port lets its caller write, one Prisma call per method where one will do.
import type { Tx } from '../../core/ports.ts';
import type { Conversation, SignedDocument, UploadDraft } from '../../core/types.ts';
import type {
  Decision, EFile, FileStatus, Movement, MovementAction, Note, Receipt, ReceiptOriginal, ReceiptStatus,
} from '../../core/efile/types.ts';
import { Prisma } from './generated/client.ts';
import type * as Rows from './generated/client.ts';
import { insertRow, oneOf, pick, prismaRow, stamp, updateVersioned, type Db, type Sql } from './prisma-common.ts';

type EfileRepos = Pick<Tx, 'counters' | 'receipts' | 'files' | 'notes' | 'movements' | 'conversations' | 'uploads' | 'signedDocuments'>;

const toSigned = (r: Rows.SignedDocument): SignedDocument => ({
  id: r.id, subjectType: r.subjectType, subjectId: r.subjectId, blob: r.blob, signerId: r.signerId,
  documentHash: r.documentHash, challengeId: r.challengeId, createdAt: r.createdAt,
});

const RECEIPT_STATUSES = ['open', 'filed', 'closed'] as const satisfies readonly ReceiptStatus[];
const FILE_STATUSES = ['open', 'parked', 'closed'] as const satisfies readonly FileStatus[];
const DECISIONS = ['approve', 'return'] as const satisfies readonly Decision[];
const MOVEMENT_ACTIONS = [
  'created', 'forwarded', 'approved', 'returned', 'parked', 'unparked', 'closed', 'reopened', 'attached',
] as const satisfies readonly MovementAction[];

// What `update` may change; `version` is the store's alone.
const RECEIPT_PATCH = ['holderId', 'fileId', 'status', 'movedAt', 'subject', 'fromWhom'] as const satisfies readonly (keyof Receipt)[];
const FILE_PATCH = ['holderId', 'status', 'movedAt', 'closedRemark', 'subject'] as const satisfies readonly (keyof EFile)[];

// ---- rows → records ----

const toReceipt = (r: Rows.Receipt): Receipt => ({
  id: r.id, diaryNumber: r.diaryNumber, year: r.year, serial: r.serial, subject: r.subject, fromWhom: r.fromWhom,
  receivedOn: r.receivedOn, createdById: r.createdById, holderId: r.holderId, fileId: r.fileId, pdfBlob: r.pdfBlob,
  pages: r.pages, status: oneOf('Receipt', 'status', r.status, RECEIPT_STATUSES), createdAt: r.createdAt,
  movedAt: r.movedAt, version: r.version,
});

const toOriginal = (r: Rows.ReceiptOriginal): ReceiptOriginal => ({
  receiptId: r.receiptId, position: r.position, blob: r.blob, filename: r.filename, mime: r.mime,
});

const toFile = (r: Rows.EFile): EFile => ({
  id: r.id, fileNumber: r.fileNumber, sectionId: r.sectionId, year: r.year, serial: r.serial, subject: r.subject,
  createdById: r.createdById, holderId: r.holderId, status: oneOf('EFile', 'status', r.status, FILE_STATUSES),
  createdAt: r.createdAt, movedAt: r.movedAt, closedRemark: r.closedRemark,
  paperNumber: r.paperNumber, version: r.version,
});

const toNote = (r: Rows.Note): Note => ({
  id: r.id, fileId: r.fileId, number: r.number, authorId: r.authorId, text: r.text,
  decision: r.decision === null ? null : oneOf('Note', 'decision', r.decision, DECISIONS),
  createdAt: r.createdAt,
});

const toMovement = (r: Rows.Movement): Movement => ({
  id: r.id, subjectType: oneOf('Movement', 'subjectType', r.subjectType, ['file', 'receipt']), subjectId: r.subjectId,
  fromId: r.fromId, toId: r.toId, action: oneOf('Movement', 'action', r.action, MOVEMENT_ACTIONS), remark: r.remark,
  at: r.at,
});

const toConversation = (r: Rows.Conversation): Conversation => ({
  accountId: r.accountId, kind: r.kind, data: r.data, expiresAt: r.expiresAt,
});

const toUpload = (r: Rows.UploadDraft): UploadDraft => ({
  id: r.id, accountId: r.accountId, blob: r.blob, filename: r.filename, mime: r.mime, caption: r.caption,
  createdAt: r.createdAt,
});

// ---- search ----

// Raw SQL, not Prisma's `contains`: that one puts the word into LIKE unescaped (prisma/prisma#19506)
// and SQLite's LIKE has no escape character unless told one, so "50%" or "a_b" would match too much.
// The SQL is portable: lower() on both sides gives the same case-insensitive match on SQLite (ASCII
// letters; Devanagari has no case) and PostgreSQL. It picks ids only; the rows come through Prisma.
const likeAnywhere = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** The columns searched; named here, as SQL is built from them. */
type Searched = 'diaryNumber' | 'subject' | 'fromWhom' | 'fileNumber' | 'text';

function holds(column: Searched, word: string): Prisma.Sql {
  return Prisma.sql`lower(${Prisma.raw(`"${column}"`)}) LIKE lower(${likeAnywhere(word)}) ESCAPE '!'`;
}

/** Every word in one of the columns (or, for a file, in one of its notes). */
function everyWord(words: readonly string[], columns: readonly Searched[], withNotes: boolean): Prisma.Sql {
  if (words.length === 0) return Prisma.sql`1 = 1`;
  return Prisma.join([...new Set(words)].map((word) => {
    const places = columns.map((column) => holds(column, word));
    if (withNotes) places.push(Prisma.sql`"id" IN (SELECT "fileId" FROM "Note" WHERE ${holds('text', word)})`);
    return Prisma.sql`(${Prisma.join(places, ' OR ')})`;
  }), ' AND ');
}

// Raw rows (the hot path: prisma-common.ts) → what Prisma would have returned → records.
type Raw = Record<string, unknown>;
const receiptOf = (r: Raw) => toReceipt(prismaRow<Rows.Receipt>(r, { dates: ['createdAt', 'movedAt'] }));
const fileOf = (r: Raw) => toFile(prismaRow<Rows.EFile>(r, { dates: ['createdAt', 'movedAt'] }));
const noteOf = (r: Raw) => toNote(prismaRow<Rows.Note>(r, { dates: ['createdAt'] }));
const movementOf = (r: Raw) => toMovement(prismaRow<Rows.Movement>(r, { dates: ['at'] }));
const conversationOf = (r: Raw) => toConversation(prismaRow<Rows.Conversation>(r, { dates: ['expiresAt'] }));
const uploadOf = (r: Raw) => toUpload(prismaRow<Rows.UploadDraft>(r, { dates: ['createdAt'] }));
const maybe = <T>(row: Raw | undefined, map: (r: Raw) => T): T | null => (row === undefined ? null : map(row));
/** `status IN (…)` for a list of statuses (one statement text per list length). */
const statusIn = (statuses: readonly string[]) => (statuses.length === 0 ? '0 = 1' : `"status" IN (${statuses.map(() => '?').join(', ')})`);

const ids = (rows: Array<{ id: number | bigint }>): number[] => rows.map((r) => Number(r.id));

export function efileRepositories(db: Db, sql: Sql): EfileRepos {
  return {
    counters: {
      next: async (key) => sql.get<{ value: number }>(
        'INSERT INTO "Counter" ("key", "value") VALUES (?, 1) ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"', key,
      )?.value ?? 1,
      raiseTo: async (key, value) => {
        await db.counter.upsert({ where: { key }, create: { key, value }, update: {}, select: { key: true } });
        await db.counter.updateMany({ where: { key, value: { lt: value } }, data: { value } });
      },
    },
    receipts: {
      create: async (d) => receiptOf(insertRow(sql, 'Receipt', {
        diaryNumber: d.diaryNumber, year: d.year, serial: d.serial, subject: d.subject, fromWhom: d.fromWhom,
        receivedOn: d.receivedOn, createdById: d.createdById, holderId: d.holderId, fileId: d.fileId,
        pdfBlob: d.pdfBlob, pages: d.pages, status: d.status, createdAt: d.createdAt, movedAt: d.movedAt,
      })),
      byId: async (id) => maybe(sql.get('SELECT * FROM "Receipt" WHERE "id" = ?', id), receiptOf),
      byDiaryNumber: async (diaryNumber) => maybe(sql.get('SELECT * FROM "Receipt" WHERE "diaryNumber" = ?', diaryNumber), receiptOf),
      update: async (id, expectedVersion, patch) => maybe(updateVersioned(sql, 'Receipt', id, expectedVersion, pick(patch, RECEIPT_PATCH)), receiptOf),
      listByHolder: async (holderId, statuses, limit) => sql.all<Raw>(
        `SELECT * FROM "Receipt" WHERE "holderId" = ? AND ${statusIn(statuses)} ORDER BY "movedAt" ASC, "id" ASC${limit === undefined ? '' : ' LIMIT ?'}`,
        holderId, ...statuses, ...(limit === undefined ? [] : [Math.max(0, limit)]),
      ).map(receiptOf),
      countByHolder: async (holderId, statuses) => sql.get<{ n: number }>(
        `SELECT count(*) AS "n" FROM "Receipt" WHERE "holderId" = ? AND ${statusIn(statuses)}`, holderId, ...statuses,
      )?.n ?? 0,
      listByFile: async (fileId) => sql.all<Raw>('SELECT * FROM "Receipt" WHERE "fileId" = ? ORDER BY "id" ASC', fileId).map(receiptOf),
      addOriginals: async (rows) => {
        if (rows.length === 0) return;
        // One statement, so a clash keeps none of the batch (SQLite undoes just the failed statement).
        sql.run(
          `INSERT INTO "ReceiptOriginal" ("receiptId", "position", "blob", "filename", "mime") VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          ...rows.flatMap((o) => [o.receiptId, o.position, o.blob, o.filename, o.mime]),
        );
      },
      originals: async (receiptId) =>
        (await db.receiptOriginal.findMany({ where: { receiptId }, orderBy: { position: 'asc' } })).map(toOriginal),
      search: async (words, limit) => {
        if (limit <= 0) return [];
        const found = ids(await db.$queryRaw<Array<{ id: number | bigint }>>`
          SELECT "id" FROM "Receipt" WHERE ${everyWord(words, ['diaryNumber', 'subject', 'fromWhom'], false)}
          ORDER BY "id" DESC LIMIT ${limit}`);
        if (found.length === 0) return [];
        return (await db.receipt.findMany({ where: { id: { in: found } }, orderBy: { id: 'desc' } })).map(toReceipt);
      },
    },
    files: {
      create: async (d) => fileOf(insertRow(sql, 'EFile', {
        fileNumber: d.fileNumber, sectionId: d.sectionId, year: d.year, serial: d.serial, subject: d.subject,
        createdById: d.createdById, holderId: d.holderId, status: d.status, createdAt: d.createdAt,
        movedAt: d.movedAt, closedRemark: d.closedRemark, paperNumber: d.paperNumber ?? null,
      })),
      byId: async (id) => maybe(sql.get('SELECT * FROM "EFile" WHERE "id" = ?', id), fileOf),
      byNumber: async (fileNumber) => maybe(sql.get('SELECT * FROM "EFile" WHERE "fileNumber" = ?', fileNumber), fileOf),
      byPaperNumber: async (paperNumber) => maybe(sql.get('SELECT * FROM "EFile" WHERE "paperNumber" = ?', paperNumber), fileOf),
      update: async (id, expectedVersion, patch) => maybe(updateVersioned(sql, 'EFile', id, expectedVersion, pick(patch, FILE_PATCH)), fileOf),
      listByHolder: async (holderId, statuses, limit) => sql.all<Raw>(
        `SELECT * FROM "EFile" WHERE "holderId" = ? AND ${statusIn(statuses)} ORDER BY "movedAt" ASC, "id" ASC${limit === undefined ? '' : ' LIMIT ?'}`,
        holderId, ...statuses, ...(limit === undefined ? [] : [Math.max(0, limit)]),
      ).map(fileOf),
      countByHolder: async (holderId, statuses) => sql.get<{ n: number }>(
        `SELECT count(*) AS "n" FROM "EFile" WHERE "holderId" = ? AND ${statusIn(statuses)}`, holderId, ...statuses,
      )?.n ?? 0,
      search: async (words, limit) => {
        if (limit <= 0) return [];
        const found = ids(await db.$queryRaw<Array<{ id: number | bigint }>>`
          SELECT "id" FROM "EFile" WHERE ${everyWord(words, ['fileNumber', 'subject'], true)}
          ORDER BY "id" DESC LIMIT ${limit}`);
        if (found.length === 0) return [];
        return (await db.eFile.findMany({ where: { id: { in: found } }, orderBy: { id: 'desc' } })).map(toFile);
      },
    },
    notes: {
      add: async (d) => noteOf(insertRow(sql, 'Note', {
        fileId: d.fileId, number: d.number, authorId: d.authorId, text: d.text, decision: d.decision, createdAt: d.createdAt,
      })),
      listByFile: async (fileId) => sql.all<Raw>('SELECT * FROM "Note" WHERE "fileId" = ? ORDER BY "number" ASC', fileId).map(noteOf),
      count: async (fileId) => sql.get<{ n: number }>('SELECT count(*) AS "n" FROM "Note" WHERE "fileId" = ?', fileId)?.n ?? 0,
    },
    movements: {
      add: async (d) => movementOf(insertRow(sql, 'Movement', {
        subjectType: d.subjectType, subjectId: d.subjectId, fromId: d.fromId, toId: d.toId, action: d.action, remark: d.remark, at: d.at,
      })),
      listFor: async (subjectType, subjectId) => sql.all<Raw>(
        'SELECT * FROM "Movement" WHERE "subjectType" = ? AND "subjectId" = ? ORDER BY "id" ASC', subjectType, subjectId,
      ).map(movementOf),
      listByMover: async (fromId, limit) => sql.all<Raw>(
        'SELECT * FROM "Movement" WHERE "fromId" = ? ORDER BY "id" DESC LIMIT ?', fromId, Math.max(0, limit),
      ).map(movementOf),
    },
    conversations: {
      get: async (accountId) => maybe(sql.get('SELECT * FROM "Conversation" WHERE "accountId" = ?', accountId), conversationOf),
      set: async (c) => {
        sql.run(
          'INSERT INTO "Conversation" ("accountId", "kind", "data", "expiresAt") VALUES (?, ?, ?, ?) ON CONFLICT ("accountId") DO UPDATE SET "kind" = excluded."kind", "data" = excluded."data", "expiresAt" = excluded."expiresAt"',
          c.accountId, c.kind, c.data, stamp(c.expiresAt),
        );
      },
      clear: async (accountId) => {
        sql.run('DELETE FROM "Conversation" WHERE "accountId" = ?', accountId);
      },
    },
    uploads: {
      add: async (d) => uploadOf(insertRow(sql, 'UploadDraft', {
        accountId: d.accountId, blob: d.blob, filename: d.filename, mime: d.mime, caption: d.caption, createdAt: d.createdAt,
      })),
      list: async (accountId) => sql.all<Raw>('SELECT * FROM "UploadDraft" WHERE "accountId" = ? ORDER BY "id" ASC', accountId).map(uploadOf),
      clear: async (accountId) => {
        sql.run('DELETE FROM "UploadDraft" WHERE "accountId" = ?', accountId);
      },
    },
    signedDocuments: {
      add: async (d) => toSigned(await db.signedDocument.create({
        data: {
          subjectType: d.subjectType, subjectId: d.subjectId, blob: d.blob, signerId: d.signerId,
          documentHash: d.documentHash, challengeId: d.challengeId, createdAt: d.createdAt,
        },
      })),
      listFor: async (subjectType, subjectId) =>
        (await db.signedDocument.findMany({ where: { subjectType, subjectId }, orderBy: { id: 'desc' } })).map(toSigned),
    },
  };
}

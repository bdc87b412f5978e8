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
import { call, oneOf, orNull, pick, type Db } from './prisma-common.ts';

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

const ids = (rows: Array<{ id: number | bigint }>): number[] => rows.map((r) => Number(r.id));

export function efileRepositories(db: Db): EfileRepos {
  return {
    counters: {
      next: async (key) => (await db.counter.upsert({
        where: { key }, create: { key, value: 1 }, update: { value: { increment: 1 } }, select: { value: true },
      })).value,
      raiseTo: async (key, value) => {
        await db.counter.upsert({ where: { key }, create: { key, value }, update: {}, select: { key: true } });
        await db.counter.updateMany({ where: { key, value: { lt: value } }, data: { value } });
      },
    },
    receipts: {
      create: async (d) => toReceipt(await call(() => db.receipt.create({
        data: {
          diaryNumber: d.diaryNumber, year: d.year, serial: d.serial, subject: d.subject, fromWhom: d.fromWhom,
          receivedOn: d.receivedOn, createdById: d.createdById, holderId: d.holderId, fileId: d.fileId,
          pdfBlob: d.pdfBlob, pages: d.pages, status: d.status, createdAt: d.createdAt, movedAt: d.movedAt,
        },
      }))),
      byId: async (id) => orNull(await db.receipt.findUnique({ where: { id } }), toReceipt),
      byDiaryNumber: async (diaryNumber) => orNull(await db.receipt.findUnique({ where: { diaryNumber } }), toReceipt),
      // The version check and the write are one statement, so no other writer can come in between.
      update: async (id, expectedVersion, patch) => {
        const [row] = await db.receipt.updateManyAndReturn({
          where: { id, version: expectedVersion },
          data: { ...pick(patch, RECEIPT_PATCH), version: { increment: 1 } },
        });
        return row === undefined ? null : toReceipt(row);
      },
      listByHolder: async (holderId, statuses) => (await db.receipt.findMany({
        where: { holderId, status: { in: statuses } }, orderBy: [{ movedAt: 'asc' }, { id: 'asc' }],
      })).map(toReceipt),
      listByFile: async (fileId) => (await db.receipt.findMany({ where: { fileId }, orderBy: { id: 'asc' } })).map(toReceipt),
      addOriginals: async (rows) => {
        if (rows.length === 0) return;
        await call(() => db.receiptOriginal.createMany({
          data: rows.map((o) => ({ receiptId: o.receiptId, position: o.position, blob: o.blob, filename: o.filename, mime: o.mime })),
        }));
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
      create: async (d) => toFile(await call(() => db.eFile.create({
        data: {
          fileNumber: d.fileNumber, sectionId: d.sectionId, year: d.year, serial: d.serial, subject: d.subject,
          createdById: d.createdById, holderId: d.holderId, status: d.status, createdAt: d.createdAt,
          movedAt: d.movedAt, closedRemark: d.closedRemark, paperNumber: d.paperNumber ?? null,
        },
      }))),
      byId: async (id) => orNull(await db.eFile.findUnique({ where: { id } }), toFile),
      byNumber: async (fileNumber) => orNull(await db.eFile.findUnique({ where: { fileNumber } }), toFile),
      byPaperNumber: async (paperNumber) => orNull(await db.eFile.findUnique({ where: { paperNumber } }), toFile),
      update: async (id, expectedVersion, patch) => {
        const [row] = await db.eFile.updateManyAndReturn({
          where: { id, version: expectedVersion },
          data: { ...pick(patch, FILE_PATCH), version: { increment: 1 } },
        });
        return row === undefined ? null : toFile(row);
      },
      listByHolder: async (holderId, statuses) => (await db.eFile.findMany({
        where: { holderId, status: { in: statuses } }, orderBy: [{ movedAt: 'asc' }, { id: 'asc' }],
      })).map(toFile),
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
      add: async (d) => toNote(await call(() => db.note.create({
        data: { fileId: d.fileId, number: d.number, authorId: d.authorId, text: d.text, decision: d.decision, createdAt: d.createdAt },
      }))),
      listByFile: async (fileId) => (await db.note.findMany({ where: { fileId }, orderBy: { number: 'asc' } })).map(toNote),
      count: (fileId) => db.note.count({ where: { fileId } }),
    },
    movements: {
      add: async (d) => toMovement(await db.movement.create({
        data: {
          subjectType: d.subjectType, subjectId: d.subjectId, fromId: d.fromId, toId: d.toId, action: d.action,
          remark: d.remark, at: d.at,
        },
      })),
      listFor: async (subjectType, subjectId) =>
        (await db.movement.findMany({ where: { subjectType, subjectId }, orderBy: { id: 'asc' } })).map(toMovement),
      listByMover: async (fromId, limit) => (await db.movement.findMany({
        where: { fromId }, orderBy: { id: 'desc' }, take: Math.max(0, limit),
      })).map(toMovement),
    },
    conversations: {
      get: async (accountId) => orNull(await db.conversation.findUnique({ where: { accountId } }), toConversation),
      set: async (c) => {
        const fields = { kind: c.kind, data: c.data, expiresAt: c.expiresAt };
        await db.conversation.upsert({
          where: { accountId: c.accountId }, create: { accountId: c.accountId, ...fields }, update: fields,
          select: { accountId: true },
        });
      },
      clear: async (accountId) => {
        await db.conversation.deleteMany({ where: { accountId } });
      },
    },
    uploads: {
      add: async (d) => toUpload(await db.uploadDraft.create({
        data: { accountId: d.accountId, blob: d.blob, filename: d.filename, mime: d.mime, caption: d.caption, createdAt: d.createdAt },
      })),
      list: async (accountId) => (await db.uploadDraft.findMany({ where: { accountId }, orderBy: { id: 'asc' } })).map(toUpload),
      clear: async (accountId) => {
        await db.uploadDraft.deleteMany({ where: { accountId } });
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

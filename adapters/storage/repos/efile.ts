// The eFile repositories (counters, receipts, files, notes, movements, signed copies) and the chat's
// own state (conversations, upload drafts), in Kysely. Rows are mapped field by field, once per table;
// `update` writes only the columns a port lets its caller change, and a stored value the core's types
// do not allow stops here (CorruptRowError).
import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Tx } from '../../../core/ports.ts';
import type { Conversation, SignedDocument, UploadDraft } from '../../../core/types.ts';
import type {
  Decision, EFile, FileStatus, Movement, MovementAction, Note, Receipt, ReceiptOriginal, ReceiptStatus,
} from '../../../core/efile/types.ts';
import type * as Row from '../generated/db.ts';
import { dateOf, likeAnywhere, num, once, oneOf, orNull, pick, type Db } from '../rows.ts';
import { searchSpellings } from '../../../core/text/transliterate.ts';

type EfileRepos = Pick<Tx, 'counters' | 'receipts' | 'files' | 'notes' | 'movements' | 'conversations' | 'uploads' | 'signedDocuments'>;

const RECEIPT_STATUSES = ['open', 'filed', 'closed'] as const satisfies readonly ReceiptStatus[];
const FILE_STATUSES = ['open', 'parked', 'closed'] as const satisfies readonly FileStatus[];
const DECISIONS = ['approve', 'return'] as const satisfies readonly Decision[];
const MOVEMENT_ACTIONS = [
  'created', 'forwarded', 'approved', 'returned', 'parked', 'unparked', 'closed', 'reopened', 'attached', 'pulled_back',
] as const satisfies readonly MovementAction[];

// What `update` may change; `version` is the store's alone.
const RECEIPT_PATCH = ['holderId', 'fileId', 'status', 'movedAt', 'subject', 'fromWhom'] as const satisfies readonly (keyof Receipt)[];
const FILE_PATCH = ['holderId', 'status', 'movedAt', 'closedRemark', 'subject'] as const satisfies readonly (keyof EFile)[];

// ---- rows → records ----

const toReceipt = (r: Selectable<Row.Receipt>): Receipt => ({
  id: r.id, diaryNumber: r.diaryNumber, year: r.year, serial: r.serial, subject: r.subject, fromWhom: r.fromWhom,
  receivedOn: r.receivedOn, createdById: r.createdById, holderId: r.holderId, fileId: r.fileId, pdfBlob: r.pdfBlob,
  pages: r.pages, status: oneOf('Receipt', 'status', r.status, RECEIPT_STATUSES), createdAt: dateOf(r.createdAt),
  movedAt: dateOf(r.movedAt), version: r.version,
});

const toOriginal = (r: Selectable<Row.ReceiptOriginal>): ReceiptOriginal => ({
  receiptId: r.receiptId, position: r.position, blob: r.blob, filename: r.filename, mime: r.mime,
});

const toFile = (r: Selectable<Row.EFile>): EFile => ({
  id: r.id, fileNumber: r.fileNumber, sectionId: r.sectionId, year: r.year, serial: r.serial, subject: r.subject,
  createdById: r.createdById, holderId: r.holderId, status: oneOf('EFile', 'status', r.status, FILE_STATUSES),
  createdAt: dateOf(r.createdAt), movedAt: dateOf(r.movedAt), closedRemark: r.closedRemark,
  paperNumber: r.paperNumber, version: r.version,
});

const toNote = (r: Selectable<Row.Note>): Note => ({
  id: r.id, fileId: r.fileId, number: r.number, authorId: r.authorId, text: r.text,
  decision: r.decision === null ? null : oneOf('Note', 'decision', r.decision, DECISIONS),
  createdAt: dateOf(r.createdAt),
});

const toMovement = (r: Selectable<Row.Movement>): Movement => ({
  id: r.id, subjectType: oneOf('Movement', 'subjectType', r.subjectType, ['file', 'receipt']), subjectId: r.subjectId,
  fromId: r.fromId, toId: r.toId, action: oneOf('Movement', 'action', r.action, MOVEMENT_ACTIONS), remark: r.remark,
  at: dateOf(r.at),
});

const toConversation = (r: Selectable<Row.Conversation>): Conversation => ({
  accountId: r.accountId, kind: r.kind, data: r.data, expiresAt: dateOf(r.expiresAt),
});

const toUpload = (r: Selectable<Row.UploadDraft>): UploadDraft => ({
  id: r.id, accountId: r.accountId, blob: r.blob, filename: r.filename, mime: r.mime, caption: r.caption,
  createdAt: dateOf(r.createdAt), albumKey: r.albumKey,
});

const toSigned = (r: Selectable<Row.SignedDocument>): SignedDocument => ({
  id: r.id, subjectType: r.subjectType, subjectId: r.subjectId, blob: r.blob, signerId: r.signerId,
  documentHash: r.documentHash, challengeId: r.challengeId, createdAt: dateOf(r.createdAt),
});

// ---- search ----

/**
 * The column (named by the code, never by input; "Table.column" or "alias.column") contains the word,
 * case-insensitively. Written with `sql` because the builder has no ESCAPE clause, and without one
 * SQLite's LIKE takes "%" and "_" in the word as wildcards ("50%" would match "500"); rows.ts says
 * why lower() on both sides matches alike on SQLite and PostgreSQL.
 */
export function holdsWord(column: string, word: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE lower(${likeAnywhere(word)}) ESCAPE '!'`;
}

/** Each word once: a word given twice is no stricter than once, and the statement stays shorter. */
export const distinctWords = (words: readonly string[]): string[] => [...new Set(words)];

/**
 * Each search word with its spellings in the other script (core/text/transliterate.ts): "sonbarsa"
 * also as सोनबरसा, "राहत" also as rahat. A word matches when one of its spellings does.
 */
export const wordSpellings = (words: readonly string[]): string[][] => distinctWords(words).map(searchSpellings);

/** One of the columns (named by the code) holds one of the spellings. */
export function holdsAny(columns: readonly string[], spellings: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(spellings.flatMap((word) => columns.map((column) => holdsWord(column, word))), sql` OR `)})`;
}

const RECEIPT_SEARCHED = ['Receipt.diaryNumber', 'Receipt.subject', 'Receipt.fromWhom'] as const;
const FILE_SEARCHED = ['EFile.fileNumber', 'EFile.subject'] as const;

// ---- the repositories ----


// The message path's most frequent statements, compiled once (rows.ts, once()).
const fileByNumber = once((db, fileNumber: string) => db.selectFrom('EFile').selectAll().where('fileNumber', '=', fileNumber));
const noteCount = once((db, fileId: number) => db.selectFrom('Note').select((e) => e.fn.countAll().as('n')).where('fileId', '=', fileId));
const conversationOf = once((db, accountId: number) => db.selectFrom('Conversation').selectAll().where('accountId', '=', accountId));
const saveConversation = once((db, accountId: number, kind: string, data: string, expiresAt: Date) => db.insertInto('Conversation')
  .values({ accountId, kind, data, expiresAt })
  .onConflict((oc) => oc.column('accountId').doUpdateSet((x) => ({ kind: x.ref('excluded.kind'), data: x.ref('excluded.data'), expiresAt: x.ref('excluded.expiresAt') }))));

export function efileRepositories(db: Db): EfileRepos {
  const receipt = () => db.selectFrom('Receipt').selectAll();
  const file = () => db.selectFrom('EFile').selectAll();
  return {
    counters: {
      // One statement, so two transactions can never be handed the same number.
      next: async (key) => (await db.insertInto('Counter').values({ key, value: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet((x) => ({ value: x(x.ref('Counter.value'), '+', 1) })))
        .returning('value').executeTakeFirstOrThrow()).value,
      // Creates the counter at `value`, or moves an existing one up to it; never down.
      raiseTo: async (key, value) => {
        await db.insertInto('Counter').values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet((x) => ({ value: x.ref('excluded.value') }))
            .where('Counter.value', '<', value))
          .execute();
      },
    },
    receipts: {
      create: async (d) => toReceipt(await db.insertInto('Receipt').values({
        diaryNumber: d.diaryNumber, year: d.year, serial: d.serial, subject: d.subject, fromWhom: d.fromWhom,
        receivedOn: d.receivedOn, createdById: d.createdById, holderId: d.holderId, fileId: d.fileId,
        pdfBlob: d.pdfBlob, pages: d.pages, status: d.status, createdAt: d.createdAt, movedAt: d.movedAt,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await receipt().where('id', '=', id).executeTakeFirst(), toReceipt),
      byDiaryNumber: async (diaryNumber) => orNull(await receipt().where('diaryNumber', '=', diaryNumber).executeTakeFirst(), toReceipt),
      // The version check and the write in one statement, so no other writer comes in between.
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('Receipt')
        .set({ ...pick(patch, RECEIPT_PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toReceipt),
      listByHolder: async (holderId, statuses, limit) => {
        // No statuses, no rows (and `IN ()` is not SQL PostgreSQL accepts).
        if (statuses.length === 0) return [];
        const query = receipt().where('holderId', '=', holderId).where('status', 'in', statuses)
          .orderBy('movedAt', 'asc').orderBy('id', 'asc');
        return (await (limit === undefined ? query : query.limit(Math.max(0, limit))).execute()).map(toReceipt);
      },
      countByHolder: async (holderId, statuses) => {
        if (statuses.length === 0) return 0;
        return num((await db.selectFrom('Receipt').select((e) => e.fn.countAll().as('n'))
          .where('holderId', '=', holderId).where('status', 'in', statuses).executeTakeFirstOrThrow()).n);
      },
      listByFile: async (fileId) => (await receipt().where('fileId', '=', fileId).orderBy('id', 'asc').execute()).map(toReceipt),
      addOriginals: async (rows) => {
        if (rows.length === 0) return;
        // One statement, so a clash keeps none of the batch (SQLite undoes just the failed statement;
        // PostgreSQL rolls back to the write's savepoint).
        await db.insertInto('ReceiptOriginal').values(rows.map((o) => ({
          receiptId: o.receiptId, position: o.position, blob: o.blob, filename: o.filename, mime: o.mime,
        }))).execute();
      },
      originals: async (receiptId) => (await db.selectFrom('ReceiptOriginal').selectAll()
        .where('receiptId', '=', receiptId).orderBy('position', 'asc').execute()).map(toOriginal),
      // Every word in one of the columns; no words, every receipt.
      search: async (words, limit) => {
        if (limit <= 0) return [];
        return (await receipt()
          .where((eb) => eb.and(wordSpellings(words).map((spellings) => holdsAny(RECEIPT_SEARCHED, spellings))))
          .orderBy('id', 'desc').limit(limit).execute()).map(toReceipt);
      },
    },
    files: {
      create: async (d) => toFile(await db.insertInto('EFile').values({
        fileNumber: d.fileNumber, sectionId: d.sectionId, year: d.year, serial: d.serial, subject: d.subject,
        createdById: d.createdById, holderId: d.holderId, status: d.status, createdAt: d.createdAt,
        movedAt: d.movedAt, closedRemark: d.closedRemark, paperNumber: d.paperNumber ?? null,
      }).returningAll().executeTakeFirstOrThrow()),
      byId: async (id) => orNull(await file().where('id', '=', id).executeTakeFirst(), toFile),
      byNumber: async (fileNumber) => orNull((await fileByNumber(db, fileNumber)).rows[0], toFile),
      byPaperNumber: async (paperNumber) => orNull(await file().where('paperNumber', '=', paperNumber).executeTakeFirst(), toFile),
      // As receipts.update: checked and written in one statement.
      update: async (id, expectedVersion, patch) => orNull(await db.updateTable('EFile')
        .set({ ...pick(patch, FILE_PATCH), version: (eb) => eb('version', '+', 1) })
        .where('id', '=', id).where('version', '=', expectedVersion).returningAll().executeTakeFirst(), toFile),
      listByHolder: async (holderId, statuses, limit) => {
        if (statuses.length === 0) return [];
        const query = file().where('holderId', '=', holderId).where('status', 'in', statuses)
          .orderBy('movedAt', 'asc').orderBy('id', 'asc');
        return (await (limit === undefined ? query : query.limit(Math.max(0, limit))).execute()).map(toFile);
      },
      countByHolder: async (holderId, statuses) => {
        if (statuses.length === 0) return 0;
        return num((await db.selectFrom('EFile').select((e) => e.fn.countAll().as('n'))
          .where('holderId', '=', holderId).where('status', 'in', statuses).executeTakeFirstOrThrow()).n);
      },
      // Every word in the number, the subject or one of the file's notes (the words may sit in
      // different places: one in the subject, another in a note).
      search: async (words, limit) => {
        if (limit <= 0) return [];
        return (await file()
          .where((eb) => eb.and(wordSpellings(words).map((spellings) => eb.or([
            holdsAny(FILE_SEARCHED, spellings),
            eb('EFile.id', 'in', eb.selectFrom('Note').select('Note.fileId').where(holdsAny(['Note.text'], spellings))),
          ]))))
          .orderBy('id', 'desc').limit(limit).execute()).map(toFile);
      },
    },
    notes: {
      add: async (d) => toNote(await db.insertInto('Note').values({
        fileId: d.fileId, number: d.number, authorId: d.authorId, text: d.text, decision: d.decision, createdAt: d.createdAt,
      }).returningAll().executeTakeFirstOrThrow()),
      listByFile: async (fileId) => (await db.selectFrom('Note').selectAll().where('fileId', '=', fileId)
        .orderBy('number', 'asc').execute()).map(toNote),
      count: async (fileId) => num((await noteCount(db, fileId)).rows[0]?.n ?? 0),
    },
    movements: {
      add: async (d) => toMovement(await db.insertInto('Movement').values({
        subjectType: d.subjectType, subjectId: d.subjectId, fromId: d.fromId, toId: d.toId, action: d.action, remark: d.remark, at: d.at,
      }).returningAll().executeTakeFirstOrThrow()),
      listFor: async (subjectType, subjectId) => (await db.selectFrom('Movement').selectAll()
        .where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).orderBy('id', 'asc').execute()).map(toMovement),
      listByMover: async (fromId, limit) => (await db.selectFrom('Movement').selectAll()
        .where('fromId', '=', fromId).orderBy('id', 'desc').limit(Math.max(0, limit)).execute()).map(toMovement),
    },
    conversations: {
      get: async (accountId) => orNull((await conversationOf(db, accountId)).rows[0], toConversation),
      // One per account: adds or replaces in one statement.
      set: async (c) => {
        await saveConversation(db, c.accountId, c.kind, c.data, c.expiresAt);
      },
      clear: async (accountId) => {
        await db.deleteFrom('Conversation').where('accountId', '=', accountId).execute();
      },
    },
    uploads: {
      add: async (d) => toUpload(await db.insertInto('UploadDraft').values({
        accountId: d.accountId, blob: d.blob, filename: d.filename, mime: d.mime, caption: d.caption, createdAt: d.createdAt,
        albumKey: d.albumKey,
      }).returningAll().executeTakeFirstOrThrow()),
      list: async (accountId) => (await db.selectFrom('UploadDraft').selectAll()
        .where('accountId', '=', accountId).orderBy('id', 'asc').execute()).map(toUpload),
      clear: async (accountId) => {
        await db.deleteFrom('UploadDraft').where('accountId', '=', accountId).execute();
      },
      album: async (accountId, albumKey) => (await db.selectFrom('UploadDraft').selectAll()
        .where('accountId', '=', accountId).where('albumKey', '=', albumKey).orderBy('id', 'asc').execute()).map(toUpload),
      clearAlbum: async (accountId, albumKey) => num((await db.deleteFrom('UploadDraft')
        .where('accountId', '=', accountId).where('albumKey', '=', albumKey).executeTakeFirst()).numDeletedRows),
      openAlbum: async (accountId, since) => {
        const newest = await db.selectFrom('UploadDraft').select(['albumKey', 'createdAt'])
          .where('accountId', '=', accountId).orderBy('id', 'desc').limit(1).executeTakeFirst();
        return newest !== undefined && dateOf(newest.createdAt).getTime() >= since.getTime() ? newest.albumKey : null;
      },
      dueAlbums: async (quietSince, limit) => (await db.selectFrom('UploadDraft')
        .select((eb) => ['accountId', 'albumKey', eb.fn.max('createdAt').as('newest')])
        .groupBy(['accountId', 'albumKey']).having((eb) => eb.fn.max('createdAt'), '<', quietSince)
        .orderBy('newest', 'asc').limit(limit).execute()).map((r) => ({ accountId: r.accountId, albumKey: r.albumKey })),
    },
    signedDocuments: {
      add: async (d) => toSigned(await db.insertInto('SignedDocument').values({
        subjectType: d.subjectType, subjectId: d.subjectId, blob: d.blob, signerId: d.signerId,
        documentHash: d.documentHash, challengeId: d.challengeId, createdAt: d.createdAt,
      }).returningAll().executeTakeFirstOrThrow()),
      listFor: async (subjectType, subjectId) => (await db.selectFrom('SignedDocument').selectAll()
        .where('subjectType', '=', subjectType).where('subjectId', '=', subjectId).orderBy('id', 'desc').execute()).map(toSigned),
    },
  };
}

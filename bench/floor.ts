// The floor: the storage work each message kind needs, as raw prepared statements in one transaction
// per message, on a copy of the same generated office; no language. A receipt's floor also makes its
// PDF and writes its files (receiptFiles, below: what a receipt cannot do without). It reads and
// writes the rows the store's path reads and writes for the kind (assistant.calls-per-kind lists that
// path; the statements below follow it call for call), with three differences, each in the floor's
// favour because each is work a storage layer need not do:
//   - a row the path reads twice in one message is read once (the trail's people on a status; the
//     account, sender and drafts a receipt's second transaction reads again);
//   - a receipt is one transaction here (Daftar: the album check, the draft, then the receipt);
//   - inserts return only the id they need, not the whole row;
//   - a receipt's PDF is the cheapest pdfkit makes: one A4 page per image with the JPEG embedded as
//     it came, no header, no page numbers, no Devanagari (so no font to shape or embed); its page and
//     PDF are written straight to their final names in one folder (no temporary file and rename, so
//     a reader could see half of one) and synced in one round (the file ‖ the folder), before the
//     transaction. Daftar's receipt does the same work plus its header and footer text, the checks,
//     the worker round trip and the content-addressed, atomically named blobs.
// The work is written once, as a generator that yields statements, and run by two executors:
//   SQLite      better-sqlite3 statements prepared once, run synchronously, in BEGIN IMMEDIATE … COMMIT,
//               on a connection opened with the store's own settings (openSqliteFile: WAL,
//               synchronous = FULL, foreign keys on);
//   PostgreSQL  `pg` named prepared statements on one client, BEGIN, then the office's advisory lock
//               (pg_advisory_xact_lock(OFFICE_LOCK_KEY), as the store takes it in every transaction:
//               it is a round trip the store cannot skip, so the floor pays it too), …, COMMIT. The
//               store's savepoints around writes that may clash are not here: they are the adapter's
//               choice (to undo one failed statement as SQLite does), not work the message needs.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { openSqliteFile } from '../adapters/storage/sqlite/connection.ts';
import { OFFICE_LOCK_KEY, pgTypes } from '../adapters/storage/postgres/connection.ts';
import { stamp } from './generate.ts';
import type { KindMeans } from './assistant.ts';
import { KINDS, Workload, type Kind, type Message, type WorkloadOptions } from './workload.ts';

type Emit = (figure: string, data: Record<string, unknown>) => void;
type Row = Record<string, unknown>;

/** one: the first row or none; many: every row; write: [{ changes }]. */
interface Step { sql: string; mode: 'one' | 'many' | 'write'; args: unknown[] }
type Work<T = void> = Generator<Step, T, Row[]>;

function* one(sql: string, ...args: unknown[]): Work<Row | undefined> {
  return (yield { sql, mode: 'one', args })[0];
}
function* many(sql: string, ...args: unknown[]): Work<Row[]> {
  return yield { sql, mode: 'many', args };
}
function* write(sql: string, ...args: unknown[]): Work<number> {
  return Number((yield { sql, mode: 'write', args })[0]?.changes ?? 0);
}

// Quoted identifiers and `?` placeholders: the same text is valid SQLite, and valid PostgreSQL once the
// placeholders are numbered.
const S = {
  inboundClaim: `INSERT INTO "InboundMessage" ("channel", "messageId", "chatId", "receivedAt", "status", "replies") VALUES (?, ?, ?, ?, 'processing', NULL) ON CONFLICT DO NOTHING`,
  inboundDone: `UPDATE "InboundMessage" SET "status" = 'done', "replies" = ? WHERE "channel" = ? AND "messageId" = ?`,
  account: 'SELECT * FROM "ChatAccount" WHERE "channel" = ? AND "address" = ?',
  employee: 'SELECT * FROM "Employee" WHERE "id" = ?',
  conversation: 'SELECT * FROM "Conversation" WHERE "accountId" = ?',
  saveConversation: `INSERT INTO "Conversation" ("accountId", "kind", "data", "expiresAt") VALUES (?, ?, ?, ?)
    ON CONFLICT ("accountId") DO UPDATE SET "kind" = excluded."kind", "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
  fileByNumber: 'SELECT * FROM "EFile" WHERE "fileNumber" = ?',
  movements: 'SELECT * FROM "Movement" WHERE "subjectType" = ? AND "subjectId" = ? ORDER BY "id"',
  noteCount: 'SELECT count(*) AS "n" FROM "Note" WHERE "fileId" = ?',
  receiptsByFile: 'SELECT * FROM "Receipt" WHERE "fileId" = ? ORDER BY "id"',
  // A screenful (30) of the oldest of each; the full count only when the screen is full, as the assistant asks.
  filesByHolder: `SELECT * FROM "EFile" WHERE "holderId" = ? AND "status" IN ('open', 'parked') ORDER BY "movedAt", "id" LIMIT 30`,
  receiptsByHolder: `SELECT * FROM "Receipt" WHERE "holderId" = ? AND "status" = 'open' ORDER BY "movedAt", "id" LIMIT 30`,
  filesHeld: `SELECT count(*) AS "n" FROM "EFile" WHERE "holderId" = ? AND "status" IN ('open', 'parked')`,
  receiptsHeld: `SELECT count(*) AS "n" FROM "Receipt" WHERE "holderId" = ? AND "status" = 'open'`,
  leaveByHolder: `SELECT * FROM "LeaveApplication" WHERE "holderId" = ? AND "status" = 'pending' ORDER BY "movedAt", "id"`,
  toursByHolder: `SELECT * FROM "TourProgramme" WHERE "holderId" = ? AND "status" = 'pending' ORDER BY "movedAt", "id"`,
  claimsByHolder: `SELECT * FROM "TaClaim" WHERE "holderId" = ? AND "status" = 'pending' ORDER BY "movedAt", "id"`,
  touchFile: 'UPDATE "EFile" SET "version" = "version" + 1 WHERE "id" = ? AND "version" = ?',
  moveFile: 'UPDATE "EFile" SET "holderId" = ?, "movedAt" = ?, "status" = ?, "version" = "version" + 1 WHERE "id" = ? AND "version" = ?',
  addNote: 'INSERT INTO "Note" ("fileId", "number", "authorId", "text", "decision", "createdAt") VALUES (?, ?, ?, ?, ?, ?)',
  addMovement: 'INSERT INTO "Movement" ("subjectType", "subjectId", "fromId", "toId", "action", "remark", "at") VALUES (?, ?, ?, ?, ?, NULL, ?)',
  auditHead: 'SELECT "seq", "hash" FROM "AuditHead" WHERE "id" = 1',
  auditAdd: 'INSERT INTO "AuditEvent" ("seq", "at", "actor", "type", "subjectType", "subjectId", "data", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  auditHeadSet: 'INSERT INTO "AuditHead" ("id", "seq", "hash") VALUES (1, ?, ?) ON CONFLICT ("id") DO UPDATE SET "seq" = excluded."seq", "hash" = excluded."hash"',
  sent: 'SELECT * FROM "SentMessage" WHERE "channel" = ? AND "chatId" = ? AND "messageId" = ?',
  // A notification is queued for the employee; the dispatcher picks the chat account when it sends.
  outbox: 'INSERT INTO "Outbox" ("createdAt", "employeeId", "channel", "address", "payload", "nextAttemptAt") VALUES (?, ?, NULL, NULL, ?, ?)',
  addDraft: 'INSERT INTO "UploadDraft" ("accountId", "blob", "filename", "mime", "caption", "createdAt") VALUES (?, ?, ?, ?, ?, ?)',
  drafts: 'SELECT * FROM "UploadDraft" WHERE "accountId" = ? ORDER BY "id"',
  clearDrafts: 'DELETE FROM "UploadDraft" WHERE "accountId" = ?',
  counter: 'INSERT INTO "Counter" ("key", "value") VALUES (?, 1) ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"',
  addReceipt: `INSERT INTO "Receipt" ("diaryNumber", "year", "serial", "subject", "fromWhom", "receivedOn", "createdById", "holderId", "fileId", "pdfBlob", "pages", "status", "createdAt", "movedAt", "version")
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, 1, 'open', ?, ?, 0) RETURNING "id"`,
  addOriginal: 'INSERT INTO "ReceiptOriginal" ("receiptId", "position", "blob", "filename", "mime") VALUES (?, ?, ?, ?, ?)',
  scanText: `INSERT INTO "ScanText" ("blob", "status", "attempts", "updatedAt") VALUES (?, 'pending', 0, ?) ON CONFLICT ("blob") DO NOTHING`,
  balance: 'SELECT coalesce(sum("days"), 0) AS "days" FROM "LeaveLedger" WHERE "employeeId" = ? AND "year" = ? AND "type" = ?',
  leaveOverlapping: `SELECT * FROM "LeaveApplication" WHERE "employeeId" = ? AND "status" IN ('pending', 'returned', 'sanctioned', 'curtailed') AND "startDate" <= ? AND "endDate" >= ? ORDER BY "id"`,
  tourOverlapping: `SELECT * FROM "TourProgramme" WHERE "employeeId" = ? AND "status" IN ('pending', 'returned', 'approved') AND "startDate" <= ? AND "endDate" >= ? ORDER BY "id"`,
  // The undecided days already asked for (the assistant reads the employee's applications for it).
  leaveOfEmployee: 'SELECT * FROM "LeaveApplication" WHERE "employeeId" = ? ORDER BY "id" DESC LIMIT 10000',
  addLeave: `INSERT INTO "LeaveApplication" ("number", "employeeId", "type", "startDate", "endDate", "halfDay", "days", "reason", "chargeToId", "sanctionerId", "holderId", "status", "remark", "createdAt", "movedAt", "version")
    VALUES (?, ?, 'CL', ?, ?, NULL, 2, ?, NULL, ?, ?, 'pending', NULL, ?, ?, 0)`,
} as const;

const now = () => stamp(Date.UTC(2026, 10, 25, 6) + Math.floor(performance.now()));

/** The audit trail of one transaction: the head read once, each event chained to the one before. */
class Audit {
  private head: { seq: number; hash: string } | null = null;

  *append(actor: string, type: string, subjectType: string, subjectId: string, data: string): Work {
    if (this.head === null) {
      const row = yield* one(S.auditHead);
      this.head = { seq: Number(row?.seq ?? 0), hash: String(row?.hash ?? '0'.repeat(64)) };
    }
    const seq = this.head.seq + 1;
    const hash = createHash('sha256').update(`${seq}${type}${subjectId}${data}${this.head.hash}`).digest('hex');
    yield* write(S.auditAdd, seq, now(), actor, type, subjectType, subjectId, data, this.head.hash, hash);
    yield* write(S.auditHeadSet, seq, hash);
    this.head = { seq, hash };
  }
}

type PendingLeave = Map<number, { start: string; end: string; sanctioner: number }>;

/** One message's storage work, statement by statement, in the order the store's path runs it. */
function* messageWork(m: Message, pendingLeave: PendingLeave): Work {
  const { inbound, ref } = m;
  // The duplicate check and the claim are one statement, as in the store.
  if ((yield* write(S.inboundClaim, inbound.channel, inbound.messageId, inbound.chatId, now())) === 0) return;
  const account = (yield* one(S.account, inbound.channel, inbound.chatId)) as Row;
  const me = (yield* one(S.employee, account.employeeId)) as Row;
  // Every message looks for a dialog in progress (a pending confirmation changes what a text means).
  yield* one(S.conversation, account.id);
  const audit = new Audit();
  let reply = 'ok';
  switch (m.kind) {
    case 'status': {
      const f = (yield* one(S.fileByNumber, ref.fileNumber)) as Row;
      yield* one(S.employee, f.holderId);
      const trail = yield* many(S.movements, 'file', f.id);
      const people = new Set<unknown>([f.holderId]);
      for (const t of trail) for (const id of [t.fromId, t.toId]) {
        if (!people.has(id)) { people.add(id); yield* one(S.employee, id); }
      }
      yield* one(S.noteCount, f.id);
      yield* many(S.receiptsByFile, f.id);
      reply = JSON.stringify(trail.slice(-15));
      break;
    }
    case 'my_files': {
      const files = yield* many(S.filesByHolder, me.id);
      const receipts = yield* many(S.receiptsByHolder, me.id);
      if (files.length === 30) yield* one(S.filesHeld, me.id);
      if (receipts.length === 30) yield* one(S.receiptsHeld, me.id);
      yield* many(S.leaveByHolder, me.id);
      yield* many(S.toursByHolder, me.id);
      yield* many(S.claimsByHolder, me.id);
      reply = JSON.stringify([...files, ...receipts].slice(0, 30));
      break;
    }
    case 'note': {
      const f = (yield* one(S.fileByNumber, ref.fileNumber)) as Row;
      yield* write(S.touchFile, f.id, f.version);
      const n = Number((yield* one(S.noteCount, f.id))?.n) + 1;
      yield* write(S.addNote, f.id, n, me.id, 'प्रस्ताव उचित है', null, now());
      yield* audit.append(String(me.code), 'file.noted', 'file', String(f.fileNumber), `{"note":${n}}`);
      yield* write(S.saveConversation, account.id, 'idle', JSON.stringify({ current: { target: 'file', number: f.fileNumber } }), now());
      break;
    }
    case 'approve': {
      const sent = (yield* one(S.sent, inbound.channel, inbound.chatId, inbound.replyToMessageId)) as Row;
      const f = (yield* one(S.fileByNumber, sent.subjectId)) as Row;
      const trail = yield* many(S.movements, 'file', f.id);
      const cameFrom = [...trail].reverse().find((t) => t.toId === me.id && t.fromId !== me.id && t.action === 'forwarded') as Row;
      const to = (yield* one(S.employee, cameFrom.fromId)) as Row;
      yield* write(S.moveFile, to.id, now(), 'open', f.id, f.version);
      const n = Number((yield* one(S.noteCount, f.id))?.n) + 1;
      yield* write(S.addNote, f.id, n, me.id, 'Approved.', 'approve', now());
      yield* audit.append(String(me.code), 'file.noted', 'file', String(f.fileNumber), `{"note":${n}}`);
      yield* write(S.addMovement, 'file', f.id, me.id, to.id, 'approved', now());
      yield* audit.append(String(me.code), 'file.approved', 'file', String(f.fileNumber), `{"note":${n}}`);
      yield* write(S.outbox, now(), to.id, JSON.stringify({ kind: 'file.approved', number: f.fileNumber }), now());
      yield* write(S.saveConversation, account.id, 'idle', '{}', now());
      break;
    }
    case 'receipt': {
      const blob = createHash('sha256').update(inbound.messageId).digest('hex');
      yield* write(S.addDraft, account.id, blob, 'page-1.jpg', 'image/jpeg', inbound.text ?? null, now());
      const drafts = yield* many(S.drafts, account.id);
      const serial = Number((yield* one(S.counter, 'diary:2026'))?.value);
      const number = `SAH/R/2026/${String(serial).padStart(6, '0')}`;
      const receipt = (yield* one(S.addReceipt, number, 2026, serial, inbound.text ?? '', '2026-11-25', me.id, me.id, blob, now(), now())) as Row;
      for (const [i, d] of drafts.entries()) yield* write(S.addOriginal, receipt.id, i + 1, d.blob, d.filename, d.mime);
      yield* write(S.addMovement, 'receipt', receipt.id, me.id, me.id, 'created', now());
      yield* write(S.scanText, blob, now());
      yield* audit.append(String(me.code), 'receipt.diarised', 'receipt', number, '{}');
      yield* write(S.clearDrafts, account.id);
      yield* write(S.saveConversation, account.id, 'idle', JSON.stringify({ current: { target: 'receipt', number } }), now());
      break;
    }
    case 'leave.apply': {
      const start = /from (\d\d)-(\d\d)-(\d{4})/.exec(inbound.text ?? '');
      const startDate = start ? `${start[3]}-${start[2]}-${start[1]}` : '2026-12-01';
      const endDate = new Date(Date.parse(startDate) + 86_400_000).toISOString().slice(0, 10);
      yield* many(S.leaveOverlapping, me.id, endDate, startDate);
      yield* many(S.tourOverlapping, me.id, endDate, startDate);
      yield* one(S.balance, me.id, 2026, 'CL');
      yield* many(S.leaveOfEmployee, me.id);
      const officer = (yield* one(S.employee, me.reportingOfficerId)) as Row;
      yield* write(S.saveConversation, account.id, 'leave.confirm', JSON.stringify({ startDate, endDate }), now());
      pendingLeave.set(Number(me.id), { start: startDate, end: endDate, sanctioner: Number(officer.id) });
      break;
    }
    case 'leave.submit': {
      const p = pendingLeave.get(Number(me.id));
      if (p === undefined) break;
      yield* write(S.saveConversation, account.id, 'idle', '{}', now());
      yield* many(S.leaveOverlapping, me.id, p.end, p.start);
      yield* many(S.tourOverlapping, me.id, p.end, p.start);
      yield* one(S.balance, me.id, 2026, 'CL');
      yield* many(S.leaveOfEmployee, me.id);
      yield* one(S.employee, p.sanctioner);
      const serial = Number((yield* one(S.counter, 'leave:2026'))?.value);
      const number = `LV/2026/${String(serial).padStart(6, '0')}`;
      yield* write(S.addLeave, number, me.id, p.start, p.end, 'family function', p.sanctioner, p.sanctioner, now(), now());
      yield* audit.append(String(me.code), 'leave.applied', 'leave', number, '{}');
      yield* write(S.outbox, now(), p.sanctioner, JSON.stringify({ kind: 'leave.applied', number }), now());
      break;
    }
  }
  yield* write(S.inboundDone, JSON.stringify([{ text: reply }]), inbound.channel, inbound.messageId);
}

/** A receipt's PDF the cheapest way pdfkit allows: one A4 page per image, the image as it came, nothing else. */
function cheapestPdf(images: Uint8Array[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const image of images) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(Buffer.from(image.buffer, image.byteOffset, image.byteLength), 50, 50, { fit: [495, 742] });
    }
    doc.end();
  });
}

/** Written and synced (bytes and name) before answering: what any durable file write needs. */
async function durableFile(dir: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path.join(dir, createHash('sha256').update(bytes).digest('hex')), 'w');
  try {
    await file.writeFile(bytes);
    const folder = await open(dir, 'r');
    try {
      await Promise.all([file.sync(), folder.sync()]);
    } finally {
      await folder.close();
    }
  } finally {
    await file.close();
  }
}

/** A receipt's files before its transaction: the PDF made, the pages and the PDF written and synced side by side. */
async function receiptFiles(m: Message, dir: string | undefined): Promise<void> {
  const pages = (m.inbound.attachments ?? []).map((a) => a.bytes);
  if (dir === undefined || m.kind !== 'receipt' || pages.length === 0) return;
  const pdf = await cheapestPdf(pages);
  await Promise.all([...pages.map((p) => durableFile(dir, p)), durableFile(dir, pdf)]);
}

/** Runs messages one at a time, one transaction each; answers with each message's milliseconds. */
interface Executor {
  describe: string;
  message(m: Message): Promise<number>;
  close(): Promise<void>;
}

function sqliteExecutor(file: string, synchronous: 'normal' | 'full' | undefined, filesDir: string | undefined): Executor {
  const db = openSqliteFile(file);
  // The store's setting unless --sqlite-synchronous asks for another (then both run with it).
  if (synchronous !== undefined) db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  const syncNote = synchronous === 'normal' ? 'synchronous = NORMAL (--sqlite-synchronous)' : 'synchronous = FULL';
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (s === undefined) { s = db.prepare<unknown[]>(sql); prepared.set(sql, s); }
    return s;
  };
  const exec = (step: Step): Row[] => {
    const s = statement(step.sql);
    if (step.mode === 'many') return s.all(...step.args) as Row[];
    if (step.mode === 'one') {
      const row = s.get(...step.args) as Row | undefined;
      return row === undefined ? [] : [row];
    }
    return [{ changes: s.run(...step.args).changes }];
  };
  const pendingLeave: PendingLeave = new Map();
  // better-sqlite3 runs the generator to its end synchronously: no promise between two statements.
  const transaction = db.transaction((m: Message) => {
    const work = messageWork(m, pendingLeave);
    let step = work.next();
    while (step.done !== true) step = work.next(exec(step.value));
  });
  return {
    describe: `better-sqlite3 prepared statements, one BEGIN IMMEDIATE transaction per message, the store's connection settings (openSqliteFile: WAL, foreign keys), ${syncNote}`,
    message: async (m) => {
      const t0 = performance.now();
      await receiptFiles(m, filesDir);
      transaction.immediate(m);
      return performance.now() - t0;
    },
    close: async () => { db.close(); },
  };
}

async function postgresExecutor(url: string, filesDir: string | undefined): Promise<Executor> {
  const client = new pg.Client({ connectionString: url, types: pgTypes });
  // A dropped connection fails the pending query (and so the floor); unheard, it would end the process.
  client.on('error', () => undefined);
  await client.connect();
  const texts = new Map<string, { name: string; text: string }>();
  const query = (sql: string) => {
    let q = texts.get(sql);
    if (q === undefined) {
      let n = 0;
      q = { name: `floor_${texts.size}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      texts.set(sql, q);
    }
    return q;
  };
  const exec = async (step: Step): Promise<Row[]> => {
    const result = await client.query({ ...query(step.sql), values: step.args });
    return step.mode === 'write' ? [{ changes: result.rowCount ?? 0 }] : (result.rows as Row[]);
  };
  const pendingLeave: PendingLeave = new Map();
  return {
    describe: `pg prepared statements on one client, one transaction per message: BEGIN, pg_advisory_xact_lock(${OFFICE_LOCK_KEY}), the statements, COMMIT`,
    message: async (m) => {
      const t0 = performance.now();
      await receiptFiles(m, filesDir);
      await client.query('BEGIN');
      try {
        await client.query({ name: 'floor_office_lock', text: 'SELECT pg_advisory_xact_lock($1)', values: [OFFICE_LOCK_KEY] });
        const work = messageWork(m, pendingLeave);
        let step = work.next();
        while (step.done !== true) step = work.next(await exec(step.value));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      return performance.now() - t0;
    },
    close: () => client.end(),
  };
}

export interface FloorOptions {
  /** A working copy of the office: the SQLite file, or the PostgreSQL database it was copied into. */
  location: { file: string } | { url: string };
  /** The generated office's SQLite file, for the workload (the same seeded draw as the assistant's). */
  officeFile: string;
  seed: number;
  /** Operations drawn; the first 50 messages warm up, the rest are timed. */
  count: number;
  sqliteSynchronous?: 'normal' | 'full';
  /** Where a receipt's floor writes its page and PDF (receiptFiles); without it a receipt's floor is storage only. */
  filesDir?: string;
  /** The workload's options, as the assistant's (its pages differ per receipt unless samePage). */
  workload?: WorkloadOptions;
}

/** Mixed ratios (weighted by the floor run's mix), when the assistant's means were given. */
export interface FloorRatios {
  total: number;
  storage: number;
  storageWithAdapter: number;
  floorMessagesPerSecond: number;
  /** A receipt's whole message ÷ the receipt's floor, and that floor's mean. */
  receipt: number | null;
  receiptFloorMs: number | null;
}

const WARM_MESSAGES = 50;

/**
 * The floor, run in slices: run.ts puts a slice after each slice of the assistant's sequential run, so
 * that both are timed under the same load from whatever else shares the machine (a floor timed a
 * minute apart from the assistant measured the neighbours as much as Daftar).
 */
export class Floor {
  private readonly perKind = new Map<Kind, number[]>();
  private n = 0;
  private seconds = 0;
  private next = WARM_MESSAGES;

  private constructor(private readonly executor: Executor, private readonly messages: Message[], private readonly filesNote: string) {}

  static async open(o: FloorOptions): Promise<Floor> {
    const workload = new Workload(o.officeFile, o.seed, 'jpeg', o.workload ?? {});
    const executor = 'file' in o.location ? sqliteExecutor(o.location.file, o.sqliteSynchronous, o.filesDir) : await postgresExecutor(o.location.url, o.filesDir);
    const filesNote = o.filesDir === undefined ? 'is storage only (no PDF, no files)'
      : 'also makes the cheapest PDF (pdfkit, one A4 page per image, the JPEG as it came, no text) and writes its page and PDF to disk, synced in one round, before its transaction';
    return new Floor(executor, workload.take(o.count).flatMap((op) => op.messages), filesNote);
  }

  /** Statements prepared and pages cached, as the assistant's warm-up does for it. */
  async warm(): Promise<void> {
    for (const m of this.messages.slice(0, WARM_MESSAGES)) await this.executor.message(m);
  }

  /** The next `count` timed messages (fewer when the drawn messages run out). */
  async slice(count: number): Promise<void> {
    const started = performance.now();
    for (const m of this.messages.slice(this.next, this.next + count)) {
      const ms = await this.executor.message(m);
      const list = this.perKind.get(m.kind) ?? [];
      list.push(ms);
      this.perKind.set(m.kind, list);
      this.n += 1;
    }
    this.next += count;
    this.seconds += (performance.now() - started) / 1000;
  }

  /** Messages left to time. */
  get remaining(): number {
    return Math.max(0, this.messages.length - this.next);
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  /** Emits the `floor` figure, with the ratios when the assistant's means are given. */
  finish(daftar: Map<Kind, KindMeans> | null, params: Record<string, unknown>, emit: Emit, note: (line: string) => void, interleaved: boolean): FloorRatios | null {
    const kinds: Record<string, unknown> = {};
    let floorSum = 0;
    const sums = { total: 0, storage: 0, storageWithAdapter: 0 };
    let weighted = false;
    for (const kind of KINDS) {
      const list = this.perKind.get(kind);
      if (list === undefined) continue;
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      const d = daftar?.get(kind);
      kinds[kind] = {
        n: list.length, floorMeanMs: mean,
        ...(d === undefined ? {} : {
          daftarMeanMs: d.total, ratio: d.total / mean,
          daftarStorageMs: d.storage, storageRatio: d.storage / mean,
          daftarStorageWithAdapterMs: d.storageWithAdapter, storageWithAdapterRatio: d.storageWithAdapter / mean,
        }),
      };
      if (d !== undefined) {
        weighted = true;
        floorSum += mean * list.length;
        sums.total += d.total * list.length;
        sums.storage += d.storage * list.length;
        sums.storageWithAdapter += d.storageWithAdapter * list.length;
      }
    }
    note(`floor: ${this.n} messages in ${this.seconds.toFixed(2)} s`);
    const ratios = weighted ? { total: sums.total / floorSum, storage: sums.storage / floorSum, storageWithAdapter: sums.storageWithAdapter / floorSum } : null;
    emit('floor', {
      ...params, note: `${this.executor.describe}; no parse; a receipt ${this.filesNote}; ${interleaved ? 'timed in slices between the slices of the assistant\'s sequential run' : 'timed on its own'}`,
      messages: this.n, seconds: this.seconds, messagesPerSecond: this.n / this.seconds, kinds,
      ...(ratios === null ? {} : {
        ratioDaftarToFloorMixed: ratios.total, storageRatioMixed: ratios.storage, storageWithAdapterRatioMixed: ratios.storageWithAdapter,
        ratioNote: 'Daftar\'s mean per message (sequential run) / the floor\'s, weighted by the floor run\'s mix. ratio: whole message. '
          + 'storageRatio: SQL statements + transaction overhead (BEGIN/lock/COMMIT, store queue). '
          + 'storageWithAdapterRatio: all time in repository calls (adds Kysely query building and compiling, row mapping) + transaction overhead.',
      }),
    });
    const receiptList = this.perKind.get('receipt');
    const receiptFloorMs = receiptList === undefined ? null : receiptList.reduce((a, b) => a + b, 0) / receiptList.length;
    const receiptDaftar = daftar?.get('receipt');
    return ratios === null ? null : {
      ...ratios, floorMessagesPerSecond: this.n / this.seconds, receiptFloorMs,
      receipt: receiptFloorMs === null || receiptDaftar === undefined ? null : receiptDaftar.total / receiptFloorMs,
    };
  }
}

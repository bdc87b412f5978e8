// The floor: what each message kind must read and write, done with better-sqlite3 prepared statements
// in one transaction per message, on the same generated office. No language, no PDF, no blobs: only
// the storage work the assistant's answer needs (the duplicate check, the sender, the subject, the
// change with its audit event and notification, the conversation state, the stored reply).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { stamp } from './generate.ts';
import { KINDS, Workload, type Kind, type Message } from './workload.ts';

type Emit = (figure: string, data: Record<string, unknown>) => void;
type Row = Record<string, unknown>;

export async function runFloor(file: string, seed: number, count: number, daftarMeanByKind: Map<Kind, { total: number; storage: number }> | null, emit: Emit, note: (l: string) => void): Promise<void> {
  const workload = new Workload(file, seed);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const q = (sql: string) => db.prepare(sql);
  const s = {
    inboundFind: q('SELECT * FROM "InboundMessage" WHERE channel = ? AND messageId = ?'),
    inboundClaim: q(`INSERT INTO "InboundMessage" (channel, messageId, chatId, receivedAt, status, replies) VALUES (?, ?, ?, ?, 'processing', NULL)`),
    inboundDone: q(`UPDATE "InboundMessage" SET status = 'done', replies = ? WHERE channel = ? AND messageId = ?`),
    account: q('SELECT * FROM "ChatAccount" WHERE channel = ? AND address = ?'),
    employee: q('SELECT * FROM "Employee" WHERE id = ?'),
    fileByNumber: q('SELECT * FROM "EFile" WHERE fileNumber = ?'),
    movements: q('SELECT * FROM "Movement" WHERE subjectType = ? AND subjectId = ? ORDER BY id'),
    noteCount: q('SELECT count(*) AS n FROM "Note" WHERE fileId = ?'),
    receiptsByFile: q('SELECT * FROM "Receipt" WHERE fileId = ? ORDER BY id'),
    // A screenful (30) of the oldest of each, and the full counts, as the assistant asks.
    filesByHolder: q(`SELECT * FROM "EFile" WHERE holderId = ? AND status IN ('open', 'parked') ORDER BY movedAt, id LIMIT 30`),
    receiptsByHolder: q(`SELECT * FROM "Receipt" WHERE holderId = ? AND status = 'open' ORDER BY movedAt, id LIMIT 30`),
    filesHeld: q(`SELECT count(*) AS n FROM "EFile" WHERE holderId = ? AND status IN ('open', 'parked')`),
    receiptsHeld: q(`SELECT count(*) AS n FROM "Receipt" WHERE holderId = ? AND status = 'open'`),
    conversation: q('SELECT * FROM "Conversation" WHERE accountId = ?'),
    saveConversation: q(`INSERT INTO "Conversation" (accountId, kind, data, expiresAt) VALUES (?, ?, ?, ?)
      ON CONFLICT (accountId) DO UPDATE SET kind = excluded.kind, data = excluded.data, expiresAt = excluded.expiresAt`),
    addNote: q('INSERT INTO "Note" (fileId, number, authorId, text, decision, createdAt) VALUES (?, ?, ?, ?, ?, ?)'),
    auditHead: q('SELECT seq, hash FROM "AuditHead" WHERE id = 1'),
    auditAdd: q('INSERT INTO "AuditEvent" (seq, at, actor, type, subjectType, subjectId, data, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    auditHeadSet: q('INSERT INTO "AuditHead" (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash'),
    sent: q('SELECT * FROM "SentMessage" WHERE channel = ? AND chatId = ? AND messageId = ?'),
    moveFile: q('UPDATE "EFile" SET holderId = ?, movedAt = ?, status = ?, version = version + 1 WHERE id = ? AND version = ?'),
    addMovement: q('INSERT INTO "Movement" (subjectType, subjectId, fromId, toId, action, remark, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    accountsOf: q('SELECT * FROM "ChatAccount" WHERE employeeId = ? ORDER BY id'),
    outbox: q('INSERT INTO "Outbox" (createdAt, employeeId, channel, address, payload, nextAttemptAt) VALUES (?, ?, ?, ?, ?, ?)'),
    addDraft: q('INSERT INTO "UploadDraft" (accountId, blob, filename, mime, caption, createdAt) VALUES (?, ?, ?, ?, ?, ?)'),
    drafts: q('SELECT * FROM "UploadDraft" WHERE accountId = ? ORDER BY id'),
    clearDrafts: q('DELETE FROM "UploadDraft" WHERE accountId = ?'),
    counter: q('INSERT INTO "Counter" (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value'),
    addReceipt: q(`INSERT INTO "Receipt" (diaryNumber, year, serial, subject, fromWhom, receivedOn, createdById, holderId, fileId, pdfBlob, pages, status, createdAt, movedAt, version)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, 1, 'open', ?, ?, 0)`),
    addOriginal: q('INSERT INTO "ReceiptOriginal" (receiptId, position, blob, filename, mime) VALUES (?, ?, ?, ?, ?)'),
    balance: q('SELECT coalesce(sum(days), 0) AS days FROM "LeaveLedger" WHERE employeeId = ? AND year = ? AND type = ?'),
    overlapping: q(`SELECT * FROM "LeaveApplication" WHERE employeeId = ? AND status IN ('pending', 'sanctioned') AND startDate <= ? AND endDate >= ?`),
    addLeave: q(`INSERT INTO "LeaveApplication" (number, employeeId, type, startDate, endDate, halfDay, days, reason, chargeToId, sanctionerId, holderId, status, remark, createdAt, movedAt, version)
      VALUES (?, ?, 'CL', ?, ?, NULL, 2, ?, NULL, ?, ?, 'pending', NULL, ?, ?, 0)`),
  };
  const now = () => stamp(Date.UTC(2026, 10, 25, 6) + Math.floor(performance.now()));
  const audit = (actor: string, type: string, subjectType: string, subjectId: string, data: string) => {
    const head = s.auditHead.get() as { seq: number; hash: string } | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const hash = createHash('sha256').update(`${seq}${type}${subjectId}${data}${head?.hash ?? ''}`).digest('hex');
    s.auditAdd.run(seq, now(), actor, type, subjectType, subjectId, data, head?.hash ?? '0'.repeat(64), hash);
    s.auditHeadSet.run(seq, hash);
  };
  const notify = (employeeId: number, payload: string) => {
    for (const a of s.accountsOf.all(employeeId) as Row[]) s.outbox.run(now(), employeeId, a.channel, a.address, payload, now());
  };
  const pendingLeave = new Map<number, { start: string; end: string; sanctioner: number }>();

  const work = (m: Message) => {
    const { inbound, ref } = m;
    if (s.inboundFind.get(inbound.channel, inbound.messageId) !== undefined) return;
    s.inboundClaim.run(inbound.channel, inbound.messageId, inbound.chatId, now());
    const account = s.account.get(inbound.channel, inbound.chatId) as Row;
    const me = s.employee.get(account.employeeId) as Row;
    let reply = 'ok';
    switch (m.kind) {
      case 'status': {
        const f = s.fileByNumber.get(ref.fileNumber) as Row;
        s.employee.get(f.holderId);
        const trail = s.movements.all('file', f.id) as Row[];
        const people = new Set<unknown>(trail.flatMap((t) => [t.fromId, t.toId]));
        for (const id of people) s.employee.get(id);
        s.noteCount.get(f.id);
        s.receiptsByFile.all(f.id);
        reply = JSON.stringify(trail.slice(-15));
        break;
      }
      case 'my_files':
        reply = JSON.stringify([
          s.filesHeld.get(me.id), s.receiptsHeld.get(me.id), ...[...s.filesByHolder.all(me.id) as Row[], ...s.receiptsByHolder.all(me.id) as Row[]].slice(0, 30),
        ]);
        break;
      case 'note': {
        s.conversation.get(account.id);
        const f = s.fileByNumber.get(ref.fileNumber) as Row;
        const n = (s.noteCount.get(f.id) as { n: number }).n + 1;
        s.addNote.run(f.id, n, me.id, 'प्रस्ताव उचित है', null, now());
        audit(String(me.code), 'file.noted', 'file', String(f.fileNumber), `{"note":${n}}`);
        s.saveConversation.run(account.id, 'idle', JSON.stringify({ current: { target: 'file', number: f.fileNumber } }), now());
        break;
      }
      case 'approve': {
        const sent = s.sent.get(inbound.channel, inbound.chatId, inbound.replyToMessageId) as Row;
        const f = s.fileByNumber.get(sent.subjectId) as Row;
        const trail = s.movements.all('file', f.id) as Row[];
        const cameFrom = [...trail].reverse().find((t) => t.toId === me.id && t.fromId !== me.id && t.action === 'forwarded') as Row;
        const to = s.employee.get(cameFrom.fromId) as Row;
        s.moveFile.run(to.id, now(), 'open', f.id, f.version);
        const n = (s.noteCount.get(f.id) as { n: number }).n + 1;
        s.addNote.run(f.id, n, me.id, 'Approved.', 'approve', now());
        audit(String(me.code), 'file.noted', 'file', String(f.fileNumber), `{"note":${n}}`);
        s.addMovement.run('file', f.id, me.id, to.id, 'approved', null, now());
        audit(String(me.code), 'file.approved', 'file', String(f.fileNumber), `{"note":${n}}`);
        notify(Number(to.id), JSON.stringify({ kind: 'file.approved', number: f.fileNumber }));
        s.saveConversation.run(account.id, 'idle', '{}', now());
        break;
      }
      case 'receipt': {
        // The page is kept as a draft; the album's last page makes the receipt (the second transaction in Daftar, one here).
        const blob = createHash('sha256').update(inbound.messageId).digest('hex');
        s.addDraft.run(account.id, blob, 'page-1.png', 'image/png', inbound.text ?? null, now());
        const drafts = s.drafts.all(account.id) as Row[];
        const serial = (s.counter.get('diary:2026') as { value: number }).value;
        const number = `SAH/R/2026/${String(serial).padStart(6, '0')}`;
        const r = s.addReceipt.run(number, 2026, serial, inbound.text ?? '', '2026-11-25', me.id, me.id, blob, now(), now());
        drafts.forEach((d, i) => s.addOriginal.run(r.lastInsertRowid, i + 1, d.blob, d.filename, d.mime));
        s.addMovement.run('receipt', r.lastInsertRowid, me.id, me.id, 'created', null, now());
        audit(String(me.code), 'receipt.diarised', 'receipt', number, '{}');
        s.clearDrafts.run(account.id);
        s.conversation.get(account.id);
        s.saveConversation.run(account.id, 'idle', JSON.stringify({ current: { target: 'receipt', number } }), now());
        break;
      }
      case 'leave.apply': {
        const start = /from (\d\d)-(\d\d)-(\d{4})/.exec(inbound.text ?? '');
        const startDate = start ? `${start[3]}-${start[2]}-${start[1]}` : '2026-12-01';
        const endDate = new Date(Date.parse(startDate) + 86_400_000).toISOString().slice(0, 10);
        s.balance.get(me.id, 2026, 'CL');
        s.overlapping.all(me.id, endDate, startDate);
        const officer = s.employee.get(me.reportingOfficerId) as Row;
        s.conversation.get(account.id);
        s.saveConversation.run(account.id, 'leave.confirm', JSON.stringify({ startDate, endDate }), now());
        pendingLeave.set(Number(me.id), { start: startDate, end: endDate, sanctioner: Number(officer.id) });
        break;
      }
      case 'leave.submit': {
        s.conversation.get(account.id);
        const p = pendingLeave.get(Number(me.id));
        if (p === undefined) break;
        s.saveConversation.run(account.id, 'idle', '{}', now());
        s.balance.get(me.id, 2026, 'CL');
        s.overlapping.all(me.id, p.end, p.start);
        s.employee.get(p.sanctioner);
        const serial = (s.counter.get('leave:2026') as { value: number }).value;
        const number = `LV/2026/${String(serial).padStart(6, '0')}`;
        s.addLeave.run(number, me.id, p.start, p.end, 'family function', p.sanctioner, p.sanctioner, now(), now());
        audit(String(me.code), 'leave.applied', 'leave', number, '{}');
        notify(p.sanctioner, JSON.stringify({ kind: 'leave.applied', number }));
        break;
      }
    }
    s.inboundDone.run(JSON.stringify([{ text: reply }]), inbound.channel, inbound.messageId);
  };
  const tx = db.transaction(work);

  const all = workload.take(count).flatMap((op) => op.messages);
  for (const m of all.slice(0, 50)) tx.immediate(m);
  const perKind = new Map<Kind, number[]>();
  const started = performance.now();
  let n = 0;
  for (const m of all.slice(50)) {
    const t0 = performance.now();
    tx.immediate(m);
    const list = perKind.get(m.kind) ?? [];
    list.push(performance.now() - t0);
    perKind.set(m.kind, list);
    n += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  const kinds: Record<string, unknown> = {};
  let daftarSum = 0;
  let daftarStorage = 0;
  let floorSum = 0;
  let weight = 0;
  for (const kind of KINDS) {
    const list = perKind.get(kind);
    if (list === undefined) continue;
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    const daftar = daftarMeanByKind?.get(kind);
    kinds[kind] = {
      n: list.length, floorMeanMs: mean,
      ...(daftar === undefined ? {} : {
        daftarMeanMs: daftar.total, ratio: daftar.total / mean, daftarStorageMs: daftar.storage, storageRatio: daftar.storage / mean,
      }),
    };
    if (daftar !== undefined) {
      daftarSum += daftar.total * list.length; daftarStorage += daftar.storage * list.length; floorSum += mean * list.length; weight += list.length;
    }
  }
  note(`floor: ${n} messages in ${seconds.toFixed(2)} s`);
  emit('floor', {
    note: 'better-sqlite3 prepared statements, one IMMEDIATE transaction per message; storage only (no parse, PDF or blob writes)',
    messages: n, seconds, messagesPerSecond: n / seconds, kinds,
    ...(weight > 0 ? {
      ratioDaftarToFloorMixed: daftarSum / floorSum, storageRatioMixed: daftarStorage / floorSum,
      ratioNote: 'mean Daftar time per message (sequential run) / mean floor time, weighted by the floor run\'s mix; storage = time in Prisma transactions less parse, PDF and blob time',
    } : {}),
  });
}

// A seeded, reproducible office written in bulk straight into a migrated SQLite file: multi-row
// INSERTs through better-sqlite3 in large transactions, never through Prisma (which would take hours
// at state scale). Rows follow the schema and the formats the Prisma adapter writes (DateTime columns
// as ISO text with "+00:00", booleans as 0/1), so the real store reads them back unchanged.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrateDatabase } from '../adapters/storage/sqlite/migrate.ts';

export type Scale = 'district' | 'state';

export interface ScaleSpec {
  staff: number;
  sections: number;
  files: number;
  movementsPerFile: number;
  /** Receipts not yet filed, held by someone, as a share of files. */
  openReceiptShare: number;
  /** Share of staff with one leave application earlier in the year. */
  leaveShare: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  district: { staff: 2_000, sections: 40, files: 50_000, movementsPerFile: 10, openReceiptShare: 0.1, leaveShare: 0.25 },
  state: { staff: 50_000, sections: 1_000, files: 1_000_000, movementsPerFile: 10, openReceiptShare: 0.1, leaveShare: 0.25 },
};

/** The channel the generated chat accounts are linked on; the address is the employee code. */
export const BENCH_CHANNEL = 'bench';
/** The bot message id of the notification each open file's holder got when it reached them. */
export const sentMessageId = (fileId: number): string => `n-file-${fileId}`;

export interface Generated {
  file: string;
  scale: Scale;
  seed: number;
  reused: boolean;
  seconds: number;
  rows: Record<string, number>;
}

/** Mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Prisma adapter's DateTime text. */
export const stamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');

const FIRST = ['राम', 'सुनील', 'अनीता', 'मनोज', 'प्रिया', 'राकेश', 'सीमा', 'अजय', 'कविता', 'विनोद', 'पूजा', 'संजय', 'रीता', 'अमित',
  'नीतू', 'दिनेश', 'Ravi', 'Anjali', 'Rohit', 'Sneha', 'Vikas', 'Kiran', 'Deepak', 'Meena', 'सुरेश', 'ममता', 'अशोक', 'रेखा'];
const LAST = ['कुमार', 'सिंह', 'शर्मा', 'यादव', 'झा', 'प्रसाद', 'देवी', 'मिश्रा', 'पासवान', 'Kumar', 'Singh', 'Jha', 'Prasad', 'गुप्ता',
  'ठाकुर', 'मंडल', 'राय', 'चौधरी'];
const SUBJECT_WORDS = ['भूमि', 'अधिग्रहण', 'वेतन', 'निर्धारण', 'पेंशन', 'स्वीकृति', 'बाढ़', 'राहत', 'वितरण', 'निविदा', 'भवन', 'मरम्मत',
  'Annual', 'budget', 'audit', 'para', 'compliance', 'court', 'case', 'RTI', 'application', 'transfer', 'posting', 'scholarship'];
const NOTE_TEXTS = ['प्रस्ताव अवलोकनार्थ प्रस्तुत।', 'कृपया अवलोकन कर आदेश दें।', 'Proposal examined; may be approved.',
  'आवश्यक कागजात संलग्न हैं।', 'Put up for orders.', 'प्रतिवेदन प्राप्त, आगे की कार्रवाई हेतु प्रस्तुत।'];

const DAY = 86_400_000;
const YEAR_START = Date.UTC(2024, 0, 1);
const GENERATED_UNTIL = Date.UTC(2026, 10, 20); // the bench clock starts on 2026-11-25

/** Column lists, in insert order. */
const COLUMNS = {
  Section: ['id', 'code', 'name'],
  Employee: ['id', 'code', 'name', 'dob', 'post', 'postKey', 'mobile', 'email', 'sectionId', 'reportingOfficerId', 'active', 'language',
    'preferredChannel', 'remindersMuted', 'createdAt', 'updatedAt'],
  ChatAccount: ['id', 'channel', 'address', 'displayName', 'employeeId', 'linkedAt', 'conversationRef', 'createdAt'],
  EFile: ['id', 'fileNumber', 'sectionId', 'year', 'serial', 'subject', 'createdById', 'holderId', 'status', 'createdAt', 'movedAt',
    'closedRemark', 'version'],
  Movement: ['id', 'subjectType', 'subjectId', 'fromId', 'toId', 'action', 'remark', 'at'],
  Note: ['id', 'fileId', 'number', 'authorId', 'text', 'decision', 'createdAt'],
  Receipt: ['id', 'diaryNumber', 'year', 'serial', 'subject', 'fromWhom', 'receivedOn', 'createdById', 'holderId', 'fileId', 'pdfBlob',
    'pages', 'status', 'createdAt', 'movedAt', 'version'],
  ReceiptOriginal: ['receiptId', 'position', 'blob', 'filename', 'mime'],
  SentMessage: ['channel', 'chatId', 'messageId', 'employeeId', 'subjectType', 'subjectId', 'createdAt'],
  LeaveApplication: ['id', 'number', 'employeeId', 'type', 'startDate', 'endDate', 'halfDay', 'days', 'reason', 'chargeToId',
    'sanctionerId', 'holderId', 'status', 'remark', 'createdAt', 'decidedAt', 'movedAt', 'version'],
  LeaveLedger: ['id', 'employeeId', 'year', 'type', 'days', 'kind', 'refId', 'note', 'at'],
  Counter: ['key', 'value'],
} as const;
type Table = keyof typeof COLUMNS;
type Value = string | number | null;

/** Buffers rows and writes them with one prepared multi-row INSERT per batch. */
class BulkInsert {
  private readonly buffer: Value[] = [];
  private readonly width: number;
  private readonly batchRows: number;
  private readonly full: Database.Statement;
  rows = 0;

  constructor(private readonly db: Database.Database, private readonly table: Table) {
    this.width = COLUMNS[table].length;
    this.batchRows = Math.max(1, Math.floor(30_000 / this.width));
    this.full = db.prepare(this.sql(this.batchRows));
  }

  private sql(rows: number): string {
    const one = `(${Array.from({ length: this.width }, () => '?').join(',')})`;
    const cols = COLUMNS[this.table].map((c) => `"${c}"`).join(',');
    return `INSERT INTO "${this.table}" (${cols}) VALUES ${Array.from({ length: rows }, () => one).join(',')}`;
  }

  add(...values: Value[]): void {
    if (values.length !== this.width) throw new Error(`${this.table}: ${values.length} values for ${this.width} columns`);
    for (const v of values) this.buffer.push(v);
    this.rows += 1;
    if (this.buffer.length === this.width * this.batchRows) {
      this.full.run(this.buffer);
      this.buffer.length = 0;
    }
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.db.prepare(this.sql(this.buffer.length / this.width)).run(this.buffer);
    this.buffer.length = 0;
  }
}

interface StaffMember {
  id: number;
  code: string;
  sectionId: number;
  reportingOfficerId: number | null;
}

/** The bench database for a scale and seed: generated once, then reused from data/bench/. */
export async function ensureOffice(scale: Scale, seed: number, dir = 'data/bench', log: (line: string) => void = () => {}): Promise<Generated> {
  const file = path.resolve(dir, `${scale}-${seed}.db`);
  if (fs.existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const rows: Record<string, number> = {};
    for (const table of ['Employee', 'EFile', 'Movement', 'Note', 'Receipt'] as const) {
      rows[table] = (db.prepare(`SELECT max(rowid) AS n FROM "${table}"`).get() as { n: number }).n;
    }
    db.close();
    return { file, scale, seed, reused: true, seconds: 0, rows };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const started = performance.now();
  migrateDatabase(partial);
  const db = new Database(partial);
  // Bulk load: rollback journal in memory (better-sqlite3's defensive mode refuses OFF, and WAL would
  // copy every page twice), no syncs, and the indexes built once at the end (a sort, not 10^7 B-tree
  // inserts in random order). migrateDatabase leaves the file in WAL mode again below.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${Object.keys(COLUMNS).map(() => '?').join(',')})`)
    .all(...Object.keys(COLUMNS)) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  const rows = writeOffice(db, SCALES[scale], seed, log);
  const indexing = performance.now();
  for (const index of indexes) db.exec(index.sql);
  log(`indexes: ${indexes.length} built in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
  db.pragma('journal_mode = WAL');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(partial, file);
  const seconds = (performance.now() - started) / 1000;
  return { file, scale, seed, reused: false, seconds, rows };
}

function writeOffice(db: Database.Database, spec: ScaleSpec, seed: number, log: (line: string) => void): Record<string, number> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const inserts = Object.fromEntries((Object.keys(COLUMNS) as Table[]).map((t) => [t, new BulkInsert(db, t)])) as Record<Table, BulkInsert>;
  const begin = () => db.exec('BEGIN');
  const commit = () => db.exec('COMMIT');

  // ---- sections and staff: a Collector, a DDC and an ADM, then per section a Deputy Collector
  // (reporting to the DDC or the ADM), a Section Officer under them, and clerks under the SO.
  begin();
  const sectionCode = (i: number) => `S${String.fromCharCode(65 + Math.floor(i / 676) % 26, 65 + Math.floor(i / 26) % 26, 65 + (i % 26))}`;
  for (let s = 1; s <= spec.sections; s++) inserts.Section.add(s, sectionCode(s - 1), `प्रशाखा ${sectionCode(s - 1)} (${s})`);
  inserts.Section.flush();

  const staff: StaffMember[] = [];
  const bySection: StaffMember[][] = Array.from({ length: spec.sections + 1 }, () => []);
  const created = stamp(Date.UTC(2026, 0, 2, 4, 30));
  const addEmployee = (sectionId: number, post: string, postKey: string, reportingOfficerId: number | null): StaffMember => {
    const id = staff.length + 1;
    const code = `SAH${String(id).padStart(6, '0')}`;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const dob = `${int(1965, 1998)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const mobile = String(6_000_000_000 + id);
    const language = rnd() < 0.8 ? 'hi' : 'en';
    inserts.Employee.add(id, code, name, dob, post, postKey, mobile, `${code.toLowerCase()}@bench.example.in`, sectionId,
      reportingOfficerId, 1, language, null, 0, created, created);
    inserts.ChatAccount.add(id, 'bench', code, name, id, created, null, created);
    const member = { id, code, sectionId, reportingOfficerId };
    staff.push(member);
    bySection[sectionId]?.push(member);
    return member;
  };
  const collector = addEmployee(1, 'जिलाधिकारी', 'COLLECTOR', null);
  const ddc = addEmployee(1, 'उप विकास आयुक्त', 'DDC', collector.id);
  const adm = addEmployee(1, 'अपर समाहर्ता', 'ADM', collector.id);
  const heads: StaffMember[] = [];
  const officers: StaffMember[] = [];
  for (let s = 1; s <= spec.sections; s++) {
    const head = addEmployee(s, 'उप समाहर्ता', 'DC', s % 2 === 0 ? ddc.id : adm.id);
    const so = addEmployee(s, 'प्रशाखा पदाधिकारी', 'SO', head.id);
    heads.push(head);
    officers.push(so);
  }
  while (staff.length < spec.staff) {
    const s = (staff.length % spec.sections) + 1;
    const so = officers[s - 1] as StaffMember;
    const post = rnd() < 0.15 ? ['प्रधान लिपिक', 'HEAD_CLERK'] : rnd() < 0.1 ? ['आशुलिपिक', 'STENO'] : ['लिपिक', 'CLERK'];
    addEmployee(s, post[0] as string, post[1] as string, so.id);
  }
  inserts.Employee.flush();
  inserts.ChatAccount.flush();

  // Leave: opening balances for the year for everyone; a quarter have an application earlier in the year.
  const at = stamp(Date.UTC(2026, 0, 1));
  let leaveSerial = 0;
  for (const e of staff) {
    inserts.LeaveLedger.add(null, e.id, 2026, 'CL', 16, 'opening', null, 'bench', at);
    inserts.LeaveLedger.add(null, e.id, 2026, 'EL', 30, 'opening', null, 'bench', at);
    inserts.LeaveLedger.add(null, e.id, 2026, 'HPL', 20, 'opening', null, 'bench', at);
    if (e.reportingOfficerId === null || rnd() >= spec.leaveShare) continue;
    leaveSerial += 1;
    const start = Date.UTC(2026, int(0, 9), int(1, 25));
    const days = int(1, 3);
    const startDate = new Date(start).toISOString().slice(0, 10);
    const endDate = new Date(start + (days - 1) * DAY).toISOString().slice(0, 10);
    const applied = stamp(start - 3 * DAY + 5 * 3_600_000);
    const decided = stamp(start - 2 * DAY + 6 * 3_600_000);
    inserts.LeaveApplication.add(leaveSerial, `LV/2026/${String(leaveSerial).padStart(6, '0')}`, e.id, 'CL', startDate, endDate, null, days,
      'पारिवारिक कार्य', null, e.reportingOfficerId, e.reportingOfficerId, 'sanctioned', null, applied, decided, decided, 1);
    inserts.LeaveLedger.add(null, e.id, 2026, 'CL', -days, 'sanction', leaveSerial, null, decided);
  }
  inserts.LeaveApplication.flush();
  inserts.LeaveLedger.flush();
  inserts.Counter.add('leave:2026', leaveSerial);
  commit();
  log(`staff: ${staff.length} in ${spec.sections} sections, ${leaveSerial} leave applications`);

  // ---- files, each with its trail of movements, notes, the notification its holder got, and a receipt.
  const fileSerials = new Map<string, number>();
  const diarySerials = new Map<number, number>();
  let movementId = 0;
  let noteId = 0;
  let receiptId = 0;
  const BATCH = 20_000;
  const addReceipt = (year: number, createdMs: number, creator: StaffMember, holder: StaffMember, fileId: number | null, movedMs: number) => {
    receiptId += 1;
    const serial = (diarySerials.get(year) ?? 0) + 1;
    diarySerials.set(year, serial);
    const blob = (receiptId * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(8);
    inserts.Receipt.add(receiptId, `SAH/R/${year}/${String(serial).padStart(6, '0')}`, year, serial,
      `${pick(SUBJECT_WORDS)} ${pick(SUBJECT_WORDS)} ${pick(SUBJECT_WORDS)}`, rnd() < 0.5 ? 'प्रमंडलीय आयुक्त कार्यालय' : null,
      new Date(createdMs).toISOString().slice(0, 10), creator.id, holder.id, fileId, blob, int(1, 4), fileId === null ? 'open' : 'filed',
      stamp(createdMs), stamp(movedMs), fileId === null ? 0 : 1);
    inserts.ReceiptOriginal.add(receiptId, 1, blob, 'scan.jpg', 'image/jpeg');
    movementId += 1;
    inserts.Movement.add(movementId, 'receipt', receiptId, creator.id, creator.id, 'created', null, stamp(createdMs));
  };

  begin();
  for (let f = 1; f <= spec.files; f++) {
    const sectionId = int(1, spec.sections);
    const people = bySection[sectionId] as StaffMember[];
    const head = heads[sectionId - 1] as StaffMember;
    const creator = pick(people);
    const createdMs = YEAR_START + Math.floor(rnd() * (GENERATED_UNTIL - YEAR_START - 30 * DAY));
    const year = new Date(createdMs).getUTCFullYear();
    const key = `file:${sectionId}:${year}`;
    const serial = (fileSerials.get(key) ?? 0) + 1;
    fileSerials.set(key, serial);
    const fileNumber = `${sectionCode(sectionId - 1)}-${serial}/${year}`;
    // The trail: opened by the creator, then forwarded around the section and up to its officers.
    let t = createdMs;
    movementId += 1;
    inserts.Movement.add(movementId, 'file', f, creator.id, creator.id, 'created', null, stamp(t));
    let holder = creator;
    for (let m = 1; m < spec.movementsPerFile; m++) {
      let to: StaffMember = rnd() < 0.35 ? (officers[sectionId - 1] as StaffMember) : rnd() < 0.3 ? head : pick(people);
      if (to.id === holder.id) to = to.id === creator.id ? (officers[sectionId - 1] as StaffMember) : creator;
      if (to.id === holder.id) to = head;
      t += int(1, 72) * 3_600_000;
      movementId += 1;
      inserts.Movement.add(movementId, 'file', f, holder.id, to.id, 'forwarded', rnd() < 0.3 ? 'कृपया देखें' : null, stamp(t));
      holder = to;
    }
    const notes = int(1, 5);
    for (let n = 1; n <= notes; n++) {
      noteId += 1;
      inserts.Note.add(noteId, f, n, n === 1 ? creator.id : pick(people).id, pick(NOTE_TEXTS), null, stamp(createdMs + n * 3_600_000));
    }
    const r = rnd();
    const status = r < 0.8 ? 'open' : r < 0.9 ? 'parked' : 'closed';
    inserts.EFile.add(f, fileNumber, sectionId, year, serial, `${pick(SUBJECT_WORDS)} ${pick(SUBJECT_WORDS)} ${pick(SUBJECT_WORDS)} ${serial}`,
      creator.id, holder.id, status, stamp(createdMs), stamp(t), status === 'closed' ? 'निष्पादित' : null, spec.movementsPerFile);
    if (status === 'open') {
      inserts.SentMessage.add(BENCH_CHANNEL, holder.code, sentMessageId(f), holder.id, 'file', fileNumber, stamp(t));
    }
    addReceipt(year, createdMs, creator, creator, f, createdMs);
    if (rnd() < spec.openReceiptShare) {
      const ms = GENERATED_UNTIL - int(1, 60) * DAY;
      addReceipt(2026, ms, creator, pick(people), null, ms);
    }
    if (f % BATCH === 0) {
      commit();
      begin();
      if (f % (BATCH * 10) === 0) log(`files: ${f}/${spec.files}`);
    }
  }
  for (const insert of Object.values(inserts)) insert.flush();
  for (const [key, value] of fileSerials) inserts.Counter.add(key, value);
  for (const [year, value] of diarySerials) inserts.Counter.add(`diary:${year}`, value);
  inserts.Counter.flush();
  commit();
  return Object.fromEntries(Object.entries(inserts).map(([t, i]) => [t, i.rows]));
}

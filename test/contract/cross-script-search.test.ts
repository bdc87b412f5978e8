// Search across scripts on every store (in memory, a real SQLite file, real PostgreSQL): a word
// finds what is written in the other script — `sonbarsa` the subject "…सोनबरसा…", `सोनबरसा` the
// subject "…Sonbarsa…" — in receipts' subjects and senders and in files' subjects and notes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store, Tx } from '../../core/ports.ts';
import { MemoryStore } from '../../core/store/memory-store.ts';
import { createTestStore } from '../helpers/sqlite.ts';
import { createPgTestStore } from '../helpers/postgres.ts';

const T0 = new Date('2026-11-20T05:00:00.000Z');

const STORES: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> | void }>][] = [
  ['MemoryStore', async () => {
    const store = new MemoryStore();
    return { store, cleanup: () => store.close() };
  }],
  ['SqlStore (SQLite)', createTestStore],
  ['SqlStore (PostgreSQL)', createPgTestStore],
];

async function seed(tx: Tx): Promise<void> {
  const section = await tx.sections.create({ code: 'REV', name: 'राजस्व' });
  const clerk = await tx.employees.create({
    code: 'SAH0031', name: 'Test Clerk', dob: '1980-01-01', post: 'लिपिक', postKey: 'CLERK', mobile: '9000000031', email: null,
    sectionId: section.id, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
  });
  const receipt = (serial: number, subject: string, fromWhom: string | null) => tx.receipts.create({
    diaryNumber: `SAH/R/2026/${String(serial).padStart(6, '0')}`, year: 2026, serial, subject, fromWhom, receivedOn: '2026-11-20',
    createdById: clerk.id, holderId: clerk.id, fileId: null, pdfBlob: 'a'.repeat(64), pages: 1, status: 'open', createdAt: T0, movedAt: T0,
  });
  await receipt(1, 'भूमि अधिग्रहण — अंचल अधिकारी सोनबरसा का पत्र', null);
  await receipt(2, 'Flood relief distribution, Mahishi block', 'CO Mahishi');
  await receipt(3, 'Mutation appeal', 'अंचलाधिकारी, कहरा');
  await receipt(4, 'Road repair at Saharsa bazar', 'Executive Engineer');
  const file = (serial: number, subject: string) => tx.files.create({
    fileNumber: `REV-${serial}/2026`, sectionId: section.id, year: 2026, serial, subject, createdById: clerk.id, holderId: clerk.id,
    status: 'open', createdAt: T0, movedAt: T0, closedRemark: null,
  });
  const f1 = await file(1, 'बाढ़ राहत वितरण — सहरसा');
  await file(2, 'Land records of Sonbarsa circle');
  await tx.notes.add({ fileId: f1.id, number: 1, authorId: clerk.id, text: 'सूची प्रखंड विकास पदाधिकारी नौहट्टा से प्राप्त।', decision: null, createdAt: T0 });
}

describe.each(STORES)('search across scripts: %s', (_name, make) => {
  let cleanup: (() => Promise<void> | void) | null = null;
  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  async function store(): Promise<Store> {
    const made = await make();
    cleanup = made.cleanup;
    await made.store.transaction(seed);
    return made.store;
  }

  const receipts = (s: Store, words: string[]) => s.transaction(async (tx) => (await tx.receipts.search(words, 10)).map((r) => r.serial));
  const files = (s: Store, words: string[]) => s.transaction(async (tx) => (await tx.files.search(words, 10)).map((f) => f.fileNumber));

  it('finds Devanagari subjects and senders by Roman words, and Roman ones by Devanagari words', async () => {
    const s = await store();
    expect(await receipts(s, ['sonbarsa'])).toEqual([1]);
    expect(await receipts(s, ['Sonbarsa'])).toEqual([1]);
    expect(await receipts(s, ['सोनबरसा'])).toEqual([1]);
    expect(await receipts(s, ['महिषी'])).toEqual([2]);
    expect(await receipts(s, ['kahara'])).toEqual([3]);
    expect(await receipts(s, ['सहरसा', 'bazar'])).toEqual([4]);
    expect(await files(s, ['sonbarsa'])).toEqual(['REV-2/2026']);
    expect(await files(s, ['सोनबरसा'])).toEqual(['REV-2/2026']);
    expect(await files(s, ['rahat', 'saharsa'])).toEqual(['REV-1/2026']);
  });

  it('searches a file\'s notes across scripts too, and every word must still be found', async () => {
    const s = await store();
    expect(await files(s, ['nauhatta'])).toEqual(['REV-1/2026']);
    expect(await files(s, ['rahat', 'nauhatta'])).toEqual(['REV-1/2026']);
    expect(await files(s, ['rahat', 'sonbarsa'])).toEqual([]);
    expect(await receipts(s, ['sonbarsa', 'mahishi'])).toEqual([]);
    expect(await receipts(s, ['tender'])).toEqual([]);
    // Numbers and codes are searched as written.
    expect(await receipts(s, ['000003'])).toEqual([3]);
  });
});

// What every Store must do for receipts, files, notes, movements, counters and the chat's own state
// (conversations, upload drafts), run against each implementation like store-contract.ts.
import { describe, expect } from 'vitest';
import { contractHarness } from './harness.ts';
import type { Conversation, UploadDraft } from '../../core/types.ts';
import type { EFile, Movement, Note, Receipt, ReceiptOriginal } from '../../core/efile/types.ts';
import { UniqueViolation } from '../../core/errors.ts';
import type { ContractOptions, StoreUnderTest } from './store-contract.ts';

type NewReceipt = Omit<Receipt, 'id' | 'version'>;
type NewFile = Omit<EFile, 'id' | 'version'>;

const T0 = new Date('2026-03-31T18:29:59.999Z');
const plus = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

async function expectUnique(promise: Promise<unknown>, what: string): Promise<void> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(UniqueViolation);
  expect((error as UniqueViolation).what).toBe(what);
}

function receiptData(serial: number, patch: Partial<NewReceipt> = {}): NewReceipt {
  return {
    diaryNumber: `SAH/R/2026/${String(serial).padStart(6, '0')}`, year: 2026, serial, subject: `Letter ${serial}`,
    fromWhom: null, receivedOn: '2026-04-01', createdById: 1, holderId: 1, fileId: null, pdfBlob: 'a'.repeat(64),
    pages: 1, status: 'open', createdAt: T0, movedAt: plus(T0, serial), ...patch,
  };
}

function fileData(serial: number, patch: Partial<NewFile> = {}): NewFile {
  return {
    fileNumber: `EST-${serial}/2026`, sectionId: 1, year: 2026, serial, subject: `File ${serial}`, createdById: 1,
    holderId: 1, status: 'open', createdAt: T0, movedAt: plus(T0, serial), closedRemark: null, ...patch,
  };
}

function noteData(fileId: number, number: number, text: string, patch: Partial<Omit<Note, 'id'>> = {}): Omit<Note, 'id'> {
  return { fileId, number, authorId: 1, text, decision: null, createdAt: plus(T0, number), ...patch };
}

function movementData(n: number, patch: Partial<Omit<Movement, 'id'>> = {}): Omit<Movement, 'id'> {
  return { subjectType: 'file', subjectId: 1, fromId: 1, toId: 2, action: 'forwarded', remark: null, at: plus(T0, n), ...patch };
}

function original(receiptId: number, position: number): ReceiptOriginal {
  return { receiptId, position, blob: String(position).repeat(64), filename: `page-${position}.jpg`, mime: 'image/jpeg' };
}

function uploadData(accountId: number, n: number, patch: Partial<Omit<UploadDraft, 'id'>> = {}): Omit<UploadDraft, 'id'> {
  return { accountId, blob: String(n).repeat(64), filename: `scan-${n}.jpg`, mime: 'image/jpeg', caption: null, createdAt: plus(T0, n), albumKey: '', ...patch };
}

const conversation = (accountId: number, kind: string, patch: Partial<Conversation> = {}): Conversation =>
  ({ accountId, kind, data: `{"step":"${kind}"}`, expiresAt: plus(T0, 600_000), ...patch });

const ids = (rows: ReadonlyArray<{ id: number }>): number[] => rows.map((r) => r.id);

export function describeEfileContract(name: string, make: () => Promise<StoreUnderTest>, options: ContractOptions = {}): void {
  const { it, tx, setUp, checkGaps } = contractHarness(make, options);
  describe(`Store contract, eFile: ${name}`, () => {
    setUp();
    const receipts = (...rows: NewReceipt[]) => tx(async (t) => {
      const out: Receipt[] = [];
      for (const row of rows) out.push(await t.receipts.create(row));
      return out;
    });
    const files = (...rows: NewFile[]) => tx(async (t) => {
      const out: EFile[] = [];
      for (const row of rows) out.push(await t.files.create(row));
      return out;
    });

    describe('counters', () => {
      it('raises a counter to at least a value and never lowers it', async () => {
        await tx(async (t) => { await t.counters.raiseTo('file:EST:2026', 41); });
        expect(await tx((t) => t.counters.next('file:EST:2026'))).toBe(42);
        await tx(async (t) => { await t.counters.raiseTo('file:EST:2026', 10); });
        expect(await tx((t) => t.counters.next('file:EST:2026'))).toBe(43);
      });

      it('counts each key on its own from 1, across transactions', async () => {
        expect(await tx(async (t) => [await t.counters.next('diary:2026'), await t.counters.next('diary:2026')])).toEqual([1, 2]);
        expect(await tx(async (t) => [
          await t.counters.next('file:1:2026'), await t.counters.next('diary:2026'), await t.counters.next('Diary:2026'),
          await t.counters.next('file:1:2026'), await t.counters.next('diary:2027'),
        ])).toEqual([1, 3, 1, 2, 1]);
        expect(await tx((t) => t.counters.next('diary:2026'))).toBe(4);
      });
    });

    describe('receipts', () => {
      it('creates with every field at version 0 and finds by id and diary number; null when absent', async () => {
        const data = receiptData(7, {
          subject: 'भूमि अधिग्रहण — Land acquisition', fromWhom: 'Collector, Saharanpur', fileId: 12, pages: 3,
          status: 'filed', holderId: 4, createdById: 5, receivedOn: '2026-03-30',
        });
        const [made] = await receipts(data);
        expect(made).toEqual({ ...data, id: expect.any(Number), version: 0 });
        await tx(async (t) => {
          expect(await t.receipts.byId(made!.id)).toEqual(made);
          expect(await t.receipts.byDiaryNumber('SAH/R/2026/000007')).toEqual(made);
          expect(await t.receipts.byId(made!.id + 1000)).toBeNull();
          expect(await t.receipts.byDiaryNumber('SAH/R/2026/000008')).toBeNull();
          expect(await t.receipts.byDiaryNumber('sah/r/2026/000007')).toBeNull();
        });
      });

      it('rejects a duplicate diary number, and a duplicate year and serial', async () => {
        await receipts(receiptData(1));
        await expectUnique(tx((t) => t.receipts.create(receiptData(2, { diaryNumber: 'SAH/R/2026/000001' }))), 'Receipt.diaryNumber');
        await expectUnique(tx((t) => t.receipts.create(receiptData(1, { diaryNumber: 'OTHER/1' }))), 'Receipt.year_serial');
        await receipts(receiptData(1, { diaryNumber: 'SAH/R/2027/000001', year: 2027 }));
        expect((await tx((t) => t.receipts.search([], 10))).map((r) => r.diaryNumber)).toEqual(['SAH/R/2027/000001', 'SAH/R/2026/000001']);
      });

      it('updates only the fields in the patch when the version matches, and bumps the version', async () => {
        const [made] = await receipts(receiptData(1, { fromWhom: 'DM' }));
        const movedAt = plus(T0, 86_400_000);
        const first = await tx((t) => t.receipts.update(made!.id, 0, { holderId: 2, fileId: 9, status: 'filed', movedAt, subject: undefined }));
        expect(first).toEqual({ ...made, holderId: 2, fileId: 9, status: 'filed', movedAt, version: 1 });
        const second = await tx((t) => t.receipts.update(made!.id, 1, { fileId: null, fromWhom: null, subject: 'Corrected' }));
        expect(second).toEqual({ ...first, fileId: null, fromWhom: null, subject: 'Corrected', version: 2 });
        const third = await tx((t) => t.receipts.update(made!.id, 2, {}));
        expect(third).toEqual({ ...second, version: 3 });
        expect(await tx((t) => t.receipts.byId(made!.id))).toEqual(third);
      });

      it('refuses an update against another version, changing nothing', async () => {
        const [made, other] = await receipts(receiptData(1), receiptData(2));
        await tx((t) => t.receipts.update(made!.id, 0, { holderId: 2 }));
        const before = await tx((t) => t.receipts.byId(made!.id));
        await tx(async (t) => {
          expect(await t.receipts.update(made!.id, 0, { holderId: 3, status: 'closed' })).toBeNull();
          expect(await t.receipts.update(made!.id, 2, { holderId: 3 })).toBeNull();
          expect(await t.receipts.update(made!.id + 1000, 0, { holderId: 3 })).toBeNull();
        });
        expect(await tx((t) => t.receipts.byId(made!.id))).toEqual(before);
        expect(await tx((t) => t.receipts.byId(other!.id))).toEqual(other);
      });

      it('of two updates made against the same version, only the first applies', async () => {
        const [made] = await receipts(receiptData(1));
        const results = await Promise.all([
          tx((t) => t.receipts.update(made!.id, 0, { holderId: 2 })),
          tx((t) => t.receipts.update(made!.id, 0, { holderId: 3 })),
        ]);
        expect(results.map((r) => r?.holderId ?? null)).toEqual([2, null]);
        expect((await tx((t) => t.receipts.byId(made!.id)))?.holderId).toBe(2);
      });

      it('lists a holder\'s receipts of the given statuses, oldest movedAt first, then id', async () => {
        const made = await receipts(
          receiptData(1, { movedAt: plus(T0, 30) }),
          receiptData(2, { movedAt: plus(T0, 10) }),
          receiptData(3, { movedAt: plus(T0, 20), status: 'filed' }),
          receiptData(4, { movedAt: plus(T0, 10) }),
          receiptData(5, { movedAt: plus(T0, 5), holderId: 2 }),
          receiptData(6, { movedAt: plus(T0, 1), status: 'closed' }),
        );
        const [r1, r2, r3, r4, r5] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.receipts.listByHolder(1, ['open']))).toEqual([r2, r4, r1]);
          expect(ids(await t.receipts.listByHolder(1, ['open', 'filed']))).toEqual([r2, r4, r3, r1]);
          expect(ids(await t.receipts.listByHolder(2, ['open', 'filed', 'closed']))).toEqual([r5]);
          expect(await t.receipts.listByHolder(1, [])).toEqual([]);
          expect(await t.receipts.listByHolder(3, ['open'])).toEqual([]);
          expect((await t.receipts.listByHolder(1, ['open']))[0]).toEqual(made[1]);
        });
      });

      it('lists at most a limit of a holder\'s receipts, the oldest, and counts them all', async () => {
        const made = await receipts(
          receiptData(1, { movedAt: plus(T0, 30) }),
          receiptData(2, { movedAt: plus(T0, 10) }),
          receiptData(3, { movedAt: plus(T0, 20), status: 'filed' }),
          receiptData(4, { movedAt: plus(T0, 10) }),
        );
        const [, r2, r3, r4] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.receipts.listByHolder(1, ['open', 'filed'], 3))).toEqual([r2, r4, r3]);
          expect(await t.receipts.listByHolder(1, ['open'], 0)).toEqual([]);
          expect(await t.receipts.countByHolder(1, ['open'])).toBe(3);
          expect(await t.receipts.countByHolder(1, ['open', 'filed'])).toBe(4);
          expect(await t.receipts.countByHolder(2, ['open'])).toBe(0);
        });
      });

      it('lists a file\'s receipts in id order', async () => {
        const made = await receipts(receiptData(1, { fileId: 5 }), receiptData(2, { fileId: 6 }), receiptData(3), receiptData(4, { fileId: 5 }));
        await tx(async (t) => {
          expect(await t.receipts.listByFile(5)).toEqual([made[0], made[3]]);
          expect(ids(await t.receipts.listByFile(6))).toEqual([made[1]!.id]);
          expect(await t.receipts.listByFile(7)).toEqual([]);
        });
      });

      it('keeps a receipt\'s originals and lists them by position', async () => {
        const [a, b] = await receipts(receiptData(1), receiptData(2));
        await tx(async (t) => {
          await t.receipts.addOriginals([original(a!.id, 2), original(a!.id, 0)]);
          await t.receipts.addOriginals([original(b!.id, 0)]);
          await t.receipts.addOriginals([original(a!.id, 1)]);
          await t.receipts.addOriginals([]);
        });
        await tx(async (t) => {
          expect(await t.receipts.originals(a!.id)).toEqual([original(a!.id, 0), original(a!.id, 1), original(a!.id, 2)]);
          expect(await t.receipts.originals(b!.id)).toEqual([original(b!.id, 0)]);
          expect(await t.receipts.originals(b!.id + 1000)).toEqual([]);
        });
      });

      it('rejects an original at a position already taken, keeping none of that batch', async () => {
        const [a] = await receipts(receiptData(1));
        await tx((t) => t.receipts.addOriginals([original(a!.id, 0)]));
        await tx(async (t) => {
          await expectUnique(t.receipts.addOriginals([original(a!.id, 1), { ...original(a!.id, 0), filename: 'again.jpg' }]), 'ReceiptOriginal.id');
          expect(await t.receipts.originals(a!.id)).toEqual([original(a!.id, 0)]);
        });
      });

      it('searches diary number, subject and sender for every word, ignoring case, newest first, at most limit', async () => {
        const made = await receipts(
          receiptData(1, { subject: 'Land acquisition at Behat', fromWhom: 'Collector' }),
          receiptData(2, { subject: 'Road repair', fromWhom: 'Executive Engineer PWD' }),
          receiptData(3, { subject: 'LAND records', fromWhom: null }),
          receiptData(4, { subject: 'Leave of clerk', fromWhom: 'land office' }),
        );
        const [r1, r2, r3, r4] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.receipts.search(['land'], 10))).toEqual([r4, r3, r1]);
          expect(ids(await t.receipts.search(['Land'], 2))).toEqual([r4, r3]);
          expect(ids(await t.receipts.search(['land', 'COLLECTOR'], 10))).toEqual([r1]);
          expect(ids(await t.receipts.search(['pwd', 'road'], 10))).toEqual([r2]);
          expect(ids(await t.receipts.search(['000002'], 10))).toEqual([r2]);
          expect(ids(await t.receipts.search(['sah/r/2026'], 10))).toEqual([r4, r3, r2, r1]);
          expect(ids(await t.receipts.search(['land', 'road'], 10))).toEqual([]);
          expect(ids(await t.receipts.search(['nothing'], 10))).toEqual([]);
          expect(await t.receipts.search(['land'], 0)).toEqual([]);
          expect((await t.receipts.search(['road'], 10))[0]).toEqual(made[1]);
        });
      });

      it('searches Hindi words', async () => {
        const made = await receipts(
          receiptData(1, { subject: 'भूमि अधिग्रहण हेतु प्रस्ताव', fromWhom: 'जिलाधिकारी' }),
          receiptData(2, { subject: 'भूमि विवाद', fromWhom: 'तहसीलदार बेहट' }),
          receiptData(3, { subject: 'अवकाश प्रार्थना पत्र', fromWhom: 'अधिग्रहण अनुभाग' }),
        );
        const [r1, r2, r3] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.receipts.search(['भूमि', 'अधिग्रहण'], 10))).toEqual([r1]);
          expect(ids(await t.receipts.search(['भूमि अधिग्रहण'], 10))).toEqual([r1]);
          expect(ids(await t.receipts.search(['अधिग्रहण'], 10))).toEqual([r3, r1]);
          expect(ids(await t.receipts.search(['भूमि'], 10))).toEqual([r2, r1]);
          expect(ids(await t.receipts.search(['बेहट', 'विवाद'], 10))).toEqual([r2]);
          expect(ids(await t.receipts.search(['भूमि', 'Land'], 10))).toEqual([]);
        });
      });

      it('matches %, _ and ! in a word as themselves', async () => {
        const made = await receipts(
          receiptData(1, { subject: '50% cut in grant' }),
          receiptData(2, { subject: '500 saplings' }),
          receiptData(3, { subject: 'file_ref noted!' }),
          receiptData(4, { subject: 'fileXref' }),
        );
        const [r1, , r3] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.receipts.search(['50%'], 10))).toEqual([r1]);
          expect(ids(await t.receipts.search(['%'], 10))).toEqual([r1]);
          expect(ids(await t.receipts.search(['file_ref'], 10))).toEqual([r3]);
          expect(ids(await t.receipts.search(['_'], 10))).toEqual([r3]);
          expect(ids(await t.receipts.search(['!'], 10))).toEqual([r3]);
          expect(ids(await t.receipts.search(['5%0'], 10))).toEqual([]);
        });
      });
    });

    describe('files', () => {
      it('creates with every field at version 0 and finds by id and number; null when absent', async () => {
        const data = fileData(12, {
          subject: 'भूमि अधिग्रहण, ग्राम बेहट', sectionId: 3, createdById: 4, holderId: 5, status: 'parked', closedRemark: 'n/a',
        });
        const [made] = await files(data);
        expect(made).toEqual({ ...data, paperNumber: null, id: expect.any(Number), version: 0 });
        await tx(async (t) => {
          expect(await t.files.byId(made!.id)).toEqual(made);
          expect(await t.files.byNumber('EST-12/2026')).toEqual(made);
          expect(await t.files.byPaperNumber('EST-12/2026')).toBeNull();
          expect(await t.files.byId(made!.id + 1000)).toBeNull();
          expect(await t.files.byNumber('EST-13/2026')).toBeNull();
          expect(await t.files.byNumber('est-12/2026')).toBeNull();
        });
      });

      it('rejects a duplicate file number', async () => {
        await files(fileData(1));
        await expectUnique(tx((t) => t.files.create(fileData(2, { fileNumber: 'EST-1/2026' }))), 'EFile.fileNumber');
        expect(await tx((t) => t.files.byNumber('EST-1/2026'))).toMatchObject({ serial: 1 });
      });

      it('finds a digitised file by its paper number, and rejects a paper number used twice', async () => {
        const [made] = await files(fileData(7, { paperNumber: 'स्था०-45/2019' }), fileData(8));
        expect(made).toMatchObject({ paperNumber: 'स्था०-45/2019' });
        expect(await tx((t) => t.files.byPaperNumber('स्था०-45/2019'))).toEqual(made);
        await expectUnique(tx((t) => t.files.create(fileData(9, { paperNumber: 'स्था०-45/2019' }))), 'EFile.paperNumber');
        // Files born electronic have none, and any number of them may have none.
        await files(fileData(10, { paperNumber: null }), fileData(11));
      });

      it('rejects a duplicate section, year and serial', async () => {
        await files(fileData(1));
        await expectUnique(tx((t) => t.files.create(fileData(1, { fileNumber: 'EST-01/2026' }))), 'EFile.sectionId_year_serial');
        await files(fileData(1, { fileNumber: 'ACC-1/2026', sectionId: 2 }), fileData(1, { fileNumber: 'EST-1/2027', year: 2027 }));
      });

      it('updates only the fields in the patch when the version matches, and bumps the version', async () => {
        const [made] = await files(fileData(1));
        const movedAt = plus(T0, 86_400_000);
        const closed = await tx((t) => t.files.update(made!.id, 0, { status: 'closed', closedRemark: 'Disposed of', movedAt, holderId: undefined }));
        expect(closed).toEqual({ ...made, status: 'closed', closedRemark: 'Disposed of', movedAt, version: 1 });
        const reopened = await tx((t) => t.files.update(made!.id, 1, { status: 'open', closedRemark: null, holderId: 3, subject: 'New subject' }));
        expect(reopened).toEqual({ ...closed, status: 'open', closedRemark: null, holderId: 3, subject: 'New subject', version: 2 });
        const touched = await tx((t) => t.files.update(made!.id, 2, {}));
        expect(touched).toEqual({ ...reopened, version: 3 });
        expect(await tx((t) => t.files.byId(made!.id))).toEqual(touched);
      });

      it('refuses an update against another version, changing nothing', async () => {
        const [made] = await files(fileData(1));
        await tx(async (t) => {
          expect(await t.files.update(made!.id, 1, { holderId: 2 })).toBeNull();
          expect(await t.files.update(made!.id + 1000, 0, { holderId: 2 })).toBeNull();
          expect(await t.files.update(made!.id, 0, { holderId: 2 })).toMatchObject({ holderId: 2, version: 1 });
          expect(await t.files.update(made!.id, 0, { holderId: 3, status: 'parked' })).toBeNull();
        });
        expect(await tx((t) => t.files.byId(made!.id))).toEqual({ ...made, holderId: 2, version: 1 });
      });

      it('lists a holder\'s files of the given statuses, oldest movedAt first, then id', async () => {
        const made = await files(
          fileData(1, { movedAt: plus(T0, 20) }),
          fileData(2, { movedAt: plus(T0, 20), status: 'parked' }),
          fileData(3, { movedAt: plus(T0, 5) }),
          fileData(4, { movedAt: plus(T0, 1), holderId: 2 }),
          fileData(5, { movedAt: plus(T0, 2), status: 'closed' }),
        );
        const [f1, f2, f3, f4, f5] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.files.listByHolder(1, ['open']))).toEqual([f3, f1]);
          expect(ids(await t.files.listByHolder(1, ['open', 'parked']))).toEqual([f3, f1, f2]);
          expect(ids(await t.files.listByHolder(1, ['closed']))).toEqual([f5]);
          expect(ids(await t.files.listByHolder(2, ['open', 'parked']))).toEqual([f4]);
          expect(await t.files.listByHolder(1, [])).toEqual([]);
          expect((await t.files.listByHolder(1, ['closed']))[0]).toEqual(made[4]);
        });
      });

      it('lists at most a limit of a holder\'s files, the oldest, and counts them all', async () => {
        const made = await files(
          fileData(1, { movedAt: plus(T0, 20) }),
          fileData(2, { movedAt: plus(T0, 20), status: 'parked' }),
          fileData(3, { movedAt: plus(T0, 5) }),
          fileData(4, { movedAt: plus(T0, 1), holderId: 2 }),
          fileData(5, { movedAt: plus(T0, 2), status: 'closed' }),
        );
        const [f1, , f3] = ids(made);
        await tx(async (t) => {
          expect(ids(await t.files.listByHolder(1, ['open', 'parked'], 2))).toEqual([f3, f1]);
          expect(ids(await t.files.listByHolder(1, ['open'], 5))).toEqual([f3, f1]);
          expect(await t.files.listByHolder(1, ['open'], 0)).toEqual([]);
          expect(await t.files.countByHolder(1, ['open', 'parked'])).toBe(3);
          expect(await t.files.countByHolder(1, ['closed'])).toBe(1);
          expect(await t.files.countByHolder(2, ['closed'])).toBe(0);
          expect(await t.files.countByHolder(1, [])).toBe(0);
        });
      });

      it('searches file number, subject and notes for every word, ignoring case, newest first, at most limit', async () => {
        const made = await files(
          fileData(1, { subject: 'Land acquisition, Behat' }),
          fileData(2, { subject: 'Road repair' }),
          fileData(3, { subject: 'Budget', fileNumber: 'ACC-3/2026', sectionId: 2 }),
          fileData(4, { subject: 'Staff matters' }),
        );
        const [f1, f2, f3, f4] = ids(made);
        await tx(async (t) => {
          await t.notes.add(noteData(f2!, 1, 'The contractor asks for LAND near the bridge.'));
          await t.notes.add(noteData(f2!, 2, 'Estimate attached.'));
          await t.notes.add(noteData(f4!, 1, 'Transfer of the road clerk.'));
          await t.notes.add(noteData(f4!, 2, 'Approved by the collector.'));
        });
        await tx(async (t) => {
          expect(ids(await t.files.search(['land'], 10))).toEqual([f2, f1]);
          expect(ids(await t.files.search(['LAND'], 1))).toEqual([f2]);
          expect(ids(await t.files.search(['est-'], 10))).toEqual([f4, f2, f1]);
          expect(ids(await t.files.search(['acc-3/2026'], 10))).toEqual([f3]);
          // One word in the subject, the other in a note; or the two in two notes of the same file.
          expect(ids(await t.files.search(['road', 'estimate'], 10))).toEqual([f2]);
          expect(ids(await t.files.search(['transfer', 'collector'], 10))).toEqual([f4]);
          expect(ids(await t.files.search(['road'], 10))).toEqual([f4, f2]);
          expect(ids(await t.files.search(['behat', 'estimate'], 10))).toEqual([]);
          expect(ids(await t.files.search(['budget', 'approved'], 10))).toEqual([]);
          expect(await t.files.search(['land'], 0)).toEqual([]);
          expect((await t.files.search(['behat'], 10))[0]).toEqual(made[0]);
        });
      });

      it('searches Hindi words in subjects and notes', async () => {
        const made = await files(
          fileData(1, { subject: 'भूमि अधिग्रहण, ग्राम बेहट' }),
          fileData(2, { subject: 'सड़क मरम्मत' }),
          fileData(3, { subject: 'अधिष्ठान' }),
        );
        const [f1, f2, f3] = ids(made);
        await tx(async (t) => {
          await t.notes.add(noteData(f2!, 1, 'ठेकेदार ने भूमि की माँग की है।'));
          await t.notes.add(noteData(f3!, 1, 'भूमि अधिग्रहण की पत्रावली देखें।'));
        });
        await tx(async (t) => {
          expect(ids(await t.files.search(['भूमि', 'अधिग्रहण'], 10))).toEqual([f3, f1]);
          expect(ids(await t.files.search(['भूमि अधिग्रहण'], 10))).toEqual([f3, f1]);
          expect(ids(await t.files.search(['भूमि'], 10))).toEqual([f3, f2, f1]);
          expect(ids(await t.files.search(['सड़क', 'ठेकेदार'], 10))).toEqual([f2]);
          expect(ids(await t.files.search(['बेहट', 'ठेकेदार'], 10))).toEqual([]);
        });
      });

      it('matches % and _ in a word as themselves, in notes too', async () => {
        const made = await files(fileData(1, { subject: '50% grant' }), fileData(2, { subject: '500 saplings' }), fileData(3, { subject: 'Misc' }));
        const [f1, f2, f3] = ids(made);
        await tx(async (t) => {
          await t.notes.add(noteData(f2!, 1, 'see ref_no 4'));
          await t.notes.add(noteData(f3!, 1, 'see refXno 4'));
        });
        await tx(async (t) => {
          expect(ids(await t.files.search(['50%'], 10))).toEqual([f1]);
          expect(ids(await t.files.search(['ref_no'], 10))).toEqual([f2]);
          expect(ids(await t.files.search(['_'], 10))).toEqual([f2]);
          expect(f3).toBeDefined();
        });
      });
    });

    describe('notes', () => {
      it('adds notes with every field, lists a file\'s by number and counts them', async () => {
        const [file, other] = await files(fileData(1), fileData(2));
        const added = await tx(async (t) => [
          await t.notes.add(noteData(file!.id, 2, 'स्वीकृत।', { decision: 'approve', authorId: 7 })),
          await t.notes.add(noteData(file!.id, 1, 'Put up for approval.')),
          await t.notes.add(noteData(other!.id, 1, 'Other file.')),
          await t.notes.add(noteData(file!.id, 3, 'Returned for the estimate.', { decision: 'return' })),
        ]);
        expect(added[0]).toEqual({ ...noteData(file!.id, 2, 'स्वीकृत।', { decision: 'approve', authorId: 7 }), id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.notes.listByFile(file!.id)).toEqual([added[1], added[0], added[3]]);
          expect(await t.notes.listByFile(other!.id)).toEqual([added[2]]);
          expect(await t.notes.listByFile(other!.id + 1000)).toEqual([]);
          expect(await t.notes.count(file!.id)).toBe(3);
          expect(await t.notes.count(other!.id)).toBe(1);
          expect(await t.notes.count(other!.id + 1000)).toBe(0);
        });
      });

      it('rejects a second note with the same number on the same file', async () => {
        const [file, other] = await files(fileData(1), fileData(2));
        await tx((t) => t.notes.add(noteData(file!.id, 1, 'First.')));
        await expectUnique(tx((t) => t.notes.add(noteData(file!.id, 1, 'Again.'))), 'Note.fileId_number');
        await tx((t) => t.notes.add(noteData(other!.id, 1, 'Other file.')));
        expect((await tx((t) => t.notes.listByFile(file!.id))).map((n) => n.text)).toEqual(['First.']);
      });
    });

    describe('movements', () => {
      it('adds with every field and lists a subject\'s movements oldest first', async () => {
        const added = await tx(async (t) => [
          await t.movements.add(movementData(1, { action: 'created', fromId: 1, toId: 1 })),
          await t.movements.add(movementData(2, { subjectType: 'receipt', remark: 'शीघ्र' })),
          await t.movements.add(movementData(3, { remark: 'Please examine' })),
          await t.movements.add(movementData(4, { subjectId: 2 })),
          await t.movements.add(movementData(5, { action: 'approved', fromId: 2, toId: 1 })),
        ]);
        expect(added[1]).toEqual({ ...movementData(2, { subjectType: 'receipt', remark: 'शीघ्र' }), id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.movements.listFor('file', 1)).toEqual([added[0], added[2], added[4]]);
          expect(await t.movements.listFor('receipt', 1)).toEqual([added[1]]);
          expect(await t.movements.listFor('file', 2)).toEqual([added[3]]);
          expect(await t.movements.listFor('receipt', 2)).toEqual([]);
        });
      });

      it('lists the movements an employee made, newest first, at most limit', async () => {
        const added = await tx(async (t) => {
          const out: Movement[] = [];
          for (const [n, fromId] of [[1, 1], [2, 2], [3, 1], [4, 1], [5, 2]] as const) out.push(await t.movements.add(movementData(n, { fromId, subjectId: n })));
          return out;
        });
        await tx(async (t) => {
          expect(await t.movements.listByMover(1, 10)).toEqual([added[3], added[2], added[0]]);
          expect(await t.movements.listByMover(1, 2)).toEqual([added[3], added[2]]);
          expect(await t.movements.listByMover(2, 10)).toEqual([added[4], added[1]]);
          expect(await t.movements.listByMover(3, 10)).toEqual([]);
          expect(await t.movements.listByMover(1, 0)).toEqual([]);
        });
      });
    });

    describe('conversations', () => {
      it('keeps one conversation per account: set adds or replaces, clear removes', async () => {
        expect(await tx((t) => t.conversations.get(1))).toBeNull();
        await tx(async (t) => {
          await t.conversations.set(conversation(1, 'awaitSubject'));
          await t.conversations.set(conversation(2, 'chooseFile'));
        });
        expect(await tx((t) => t.conversations.get(1))).toEqual(conversation(1, 'awaitSubject'));
        const replaced = conversation(1, 'confirm', { data: '{"fileId":12,"text":"भूमि"}', expiresAt: plus(T0, 1) });
        await tx((t) => t.conversations.set(replaced));
        await tx(async (t) => {
          expect(await t.conversations.get(1)).toEqual(replaced);
          expect(await t.conversations.get(2)).toEqual(conversation(2, 'chooseFile'));
        });
        await tx(async (t) => {
          await t.conversations.clear(1);
          await t.conversations.clear(1);
          await t.conversations.clear(99);
        });
        expect(await tx((t) => t.conversations.get(1))).toBeNull();
        expect(await tx((t) => t.conversations.get(2))).toEqual(conversation(2, 'chooseFile'));
      });
    });

    describe('upload drafts', () => {
      it('adds drafts, lists an account\'s oldest first, and clears only that account\'s', async () => {
        const added = await tx(async (t) => [
          await t.uploads.add(uploadData(1, 1, { caption: 'भूमि अधिग्रहण' })),
          await t.uploads.add(uploadData(2, 2)),
          await t.uploads.add(uploadData(1, 3, { mime: 'application/pdf', filename: 'letter.pdf' })),
        ]);
        expect(added[0]).toEqual({ ...uploadData(1, 1, { caption: 'भूमि अधिग्रहण' }), id: expect.any(Number) });
        await tx(async (t) => {
          expect(await t.uploads.list(1)).toEqual([added[0], added[2]]);
          expect(await t.uploads.list(2)).toEqual([added[1]]);
          expect(await t.uploads.list(3)).toEqual([]);
        });
        await tx(async (t) => {
          await t.uploads.clear(1);
          await t.uploads.clear(3);
        });
        await tx(async (t) => {
          expect(await t.uploads.list(1)).toEqual([]);
          expect(await t.uploads.list(2)).toEqual([added[1]]);
        });
        const again = await tx((t) => t.uploads.add(uploadData(1, 4)));
        expect(await tx((t) => t.uploads.list(1))).toEqual([again]);
      });

      it('keeps albums apart: lists and clears one album of one chat, oldest page first', async () => {
        const [a1, b1, a2, other] = await tx(async (t) => [
          await t.uploads.add(uploadData(1, 1, { albumKey: 'tg:A', caption: 'बाढ़ राहत' })),
          await t.uploads.add(uploadData(1, 2, { albumKey: 'tg:B' })),
          await t.uploads.add(uploadData(1, 3, { albumKey: 'tg:A' })),
          await t.uploads.add(uploadData(2, 4, { albumKey: 'tg:A' })),
        ]);
        expect(await tx((t) => t.uploads.album(1, 'tg:A'))).toEqual([a1, a2]);
        expect(await tx((t) => t.uploads.album(1, 'tg:C'))).toEqual([]);
        expect(await tx((t) => t.uploads.clearAlbum(1, 'tg:A'))).toBe(2);
        expect(await tx((t) => t.uploads.clearAlbum(1, 'tg:A'))).toBe(0);
        expect(await tx((t) => t.uploads.list(1))).toEqual([b1]);
        expect(await tx((t) => t.uploads.album(2, 'tg:A'))).toEqual([other]);
      });

      it('the open album is the one of the chat\'s newest page, while it is recent enough', async () => {
        await tx(async (t) => {
          await t.uploads.add(uploadData(1, 10, { albumKey: 'm:first' }));
          await t.uploads.add(uploadData(1, 20, { albumKey: 'm:second' }));
          await t.uploads.add(uploadData(2, 30, { albumKey: 'm:other' }));
        });
        expect(await tx((t) => t.uploads.openAlbum(1, plus(T0, 20)))).toBe('m:second');
        expect(await tx((t) => t.uploads.openAlbum(1, plus(T0, 21)))).toBeNull();
        expect(await tx((t) => t.uploads.openAlbum(3, plus(T0, 0)))).toBeNull();
      });

      it('an album is due once its newest page is older than the quiet instant, longest quiet first', async () => {
        await tx(async (t) => {
          await t.uploads.add(uploadData(1, 100, { albumKey: 'tg:late' }));
          await t.uploads.add(uploadData(2, 10, { albumKey: 'tg:early' }));
          await t.uploads.add(uploadData(2, 50, { albumKey: 'tg:early' }));
          await t.uploads.add(uploadData(3, 20, { albumKey: '' }));
          await t.uploads.add(uploadData(1, 300, { albumKey: 'tg:open' }));
        });
        // tg:early's newest page is at 50, so it is due after tg:'' (20) and before tg:late (100).
        expect(await tx((t) => t.uploads.dueAlbums(plus(T0, 101), 10))).toEqual([
          { accountId: 3, albumKey: '' }, { accountId: 2, albumKey: 'tg:early' }, { accountId: 1, albumKey: 'tg:late' },
        ]);
        expect(await tx((t) => t.uploads.dueAlbums(plus(T0, 50), 10))).toEqual([{ accountId: 3, albumKey: '' }]);
        expect(await tx((t) => t.uploads.dueAlbums(plus(T0, 1_000), 2))).toHaveLength(2);
      });
    });

    describe('transactions', () => {
      it('rolls back every eFile write when the work throws', async () => {
        const [receipt] = await receipts(receiptData(1));
        const [file] = await files(fileData(1));
        await tx(async (t) => {
          await t.counters.next('diary:2026');
          await t.receipts.addOriginals([original(receipt!.id, 0)]);
          await t.notes.add(noteData(file!.id, 1, 'First.'));
          await t.conversations.set(conversation(1, 'awaitSubject'));
          await t.uploads.add(uploadData(1, 1));
        });
        const before = await tx(async (t) => ({
          receipt: await t.receipts.byId(receipt!.id), file: await t.files.byId(file!.id),
          movements: await t.movements.listByMover(1, 10), uploads: await t.uploads.list(1),
        }));
        const boom = new Error('boom');
        const failed = tx(async (t) => {
          expect(await t.counters.next('diary:2026')).toBe(2);
          await t.counters.next('file:1:2026');
          await t.receipts.create(receiptData(2));
          await t.receipts.update(receipt!.id, 0, { holderId: 2, status: 'filed' });
          await t.receipts.addOriginals([original(receipt!.id, 1)]);
          await t.files.create(fileData(2));
          await t.files.update(file!.id, 0, { status: 'closed', closedRemark: 'x' });
          await t.notes.add(noteData(file!.id, 2, 'Second.'));
          await t.movements.add(movementData(1));
          await t.conversations.set(conversation(1, 'confirm'));
          await t.conversations.set(conversation(2, 'confirm'));
          await t.uploads.clear(1);
          await t.uploads.add(uploadData(2, 2));
          throw boom;
        });
        await expect(failed).rejects.toBe(boom);
        await tx(async (t) => {
          expect(await t.receipts.byId(receipt!.id)).toEqual(before.receipt);
          expect(await t.receipts.byDiaryNumber(receiptData(2).diaryNumber)).toBeNull();
          expect(await t.receipts.originals(receipt!.id)).toEqual([original(receipt!.id, 0)]);
          expect(await t.files.byId(file!.id)).toEqual(before.file);
          expect(await t.files.byNumber(fileData(2).fileNumber)).toBeNull();
          expect((await t.notes.listByFile(file!.id)).map((n) => n.number)).toEqual([1]);
          expect(await t.movements.listByMover(1, 10)).toEqual(before.movements);
          expect(await t.conversations.get(1)).toEqual(conversation(1, 'awaitSubject'));
          expect(await t.conversations.get(2)).toBeNull();
          expect(await t.uploads.list(1)).toEqual(before.uploads);
          expect(await t.uploads.list(2)).toEqual([]);
          expect(await t.counters.next('diary:2026')).toBe(2);
          expect(await t.counters.next('file:1:2026')).toBe(1);
        });
      });

      it('a refused receipt caught inside the work leaves the transaction and its counter usable', async () => {
        await receipts(receiptData(1));
        const made = await tx(async (t) => {
          const serial = await t.counters.next('diary:2026');
          // Both keys clash; which one a store names is not part of the contract.
          await expect(t.receipts.create(receiptData(serial))).rejects.toBeInstanceOf(UniqueViolation);
          const next = await t.counters.next('diary:2026');
          return t.receipts.create(receiptData(next));
        });
        expect(made.serial).toBe(2);
        expect(await tx((t) => t.counters.next('diary:2026'))).toBe(3);
      });
    });

    describe('dates', () => {
      it('round-trip to the millisecond', async () => {
        const instants = [new Date('2026-01-01T00:00:00.001Z'), new Date('2026-12-31T23:59:59.999Z'), new Date('1999-06-15T12:30:45.500Z')];
        const made = await tx(async (t) => {
          const out: Array<{ receipt: Receipt; file: EFile }> = [];
          for (const [i, instant] of instants.entries()) {
            const receipt = await t.receipts.create(receiptData(i + 1, { createdAt: instant, movedAt: plus(instant, 1) }));
            const file = await t.files.create(fileData(i + 1, { createdAt: plus(instant, 2), movedAt: plus(instant, 3) }));
            await t.notes.add(noteData(file.id, 1, 'n', { createdAt: plus(instant, 4) }));
            await t.movements.add(movementData(i, { subjectId: file.id, at: plus(instant, 5) }));
            await t.conversations.set(conversation(i + 1, 'k', { expiresAt: plus(instant, 6) }));
            await t.uploads.add(uploadData(i + 1, i, { createdAt: plus(instant, 7) }));
            out.push({ receipt, file });
          }
          return out;
        });
        await tx(async (t) => {
          for (const [i, instant] of instants.entries()) {
            const { receipt, file } = made[i]!;
            const ms = instant.getTime();
            const storedReceipt = await t.receipts.byId(receipt.id);
            expect(storedReceipt?.createdAt).toBeInstanceOf(Date);
            expect(storedReceipt?.createdAt.getTime()).toBe(ms);
            expect(storedReceipt?.movedAt.getTime()).toBe(ms + 1);
            const storedFile = await t.files.byId(file.id);
            expect(storedFile?.createdAt.getTime()).toBe(ms + 2);
            expect(storedFile?.movedAt.getTime()).toBe(ms + 3);
            expect((await t.notes.listByFile(file.id))[0]?.createdAt.getTime()).toBe(ms + 4);
            expect((await t.movements.listFor('file', file.id))[0]?.at.getTime()).toBe(ms + 5);
            expect((await t.conversations.get(i + 1))?.expiresAt.getTime()).toBe(ms + 6);
            expect((await t.uploads.list(i + 1))[0]?.createdAt.getTime()).toBe(ms + 7);
          }
        });
        const later = plus(instants[0]!, 86_400_000 + 1);
        const moved = await tx((t) => t.receipts.update(made[0]!.receipt.id, 0, { movedAt: later }));
        expect(moved?.movedAt.getTime()).toBe(later.getTime());
        expect((await tx((t) => t.receipts.byId(made[0]!.receipt.id)))?.movedAt.getTime()).toBe(later.getTime());
      });

      it('order to the millisecond', async () => {
        const made = await receipts(
          receiptData(1, { movedAt: plus(T0, 2) }),
          receiptData(2, { movedAt: plus(T0, 1) }),
          receiptData(3, { movedAt: new Date('2026-04-01T00:00:00.000Z') }),
        );
        const madeFiles = await files(fileData(1, { movedAt: plus(T0, 1) }), fileData(2, { movedAt: T0 }));
        expect(ids(await tx((t) => t.receipts.listByHolder(1, ['open'])))).toEqual([made[1]!.id, made[0]!.id, made[2]!.id]);
        expect(ids(await tx((t) => t.files.listByHolder(1, ['open'])))).toEqual([madeFiles[1]!.id, madeFiles[0]!.id]);
      });
    });

    describe('signed documents', () => {
      it('keeps signed copies per subject, newest first, dates to the ms', async () => {
        const at = new Date('2026-11-25T09:15:30.123Z');
        const doc = (blob: string, subjectId = 'EST-1/2026') => ({
          subjectType: 'file', subjectId, blob, signerId: 2, documentHash: 'h'.repeat(64), challengeId: `c-${blob}`, createdAt: at,
        });
        const first = await tx((t) => t.signedDocuments.add(doc('a')));
        const second = await tx((t) => t.signedDocuments.add(doc('b')));
        await tx((t) => t.signedDocuments.add(doc('c', 'EST-2/2026')));
        const listed = await tx((t) => t.signedDocuments.listFor('file', 'EST-1/2026'));
        expect(listed.map((d) => d.id)).toEqual([second.id, first.id]);
        expect(listed[1]).toEqual(first);
        expect(listed[0]?.createdAt.getTime()).toBe(at.getTime());
        expect(await tx((t) => t.signedDocuments.listFor('file', 'EST-9/2026'))).toEqual([]);
      });
    });

    checkGaps();
  });
}

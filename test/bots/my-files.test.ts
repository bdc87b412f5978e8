// "What is with me" for an officer holding many files: the full count, the oldest screenful.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/sqlite.ts';
import { makeOffice } from '../helpers/office.ts';

let sqlite: TestStore | null = null;
afterEach(async () => {
  await sqlite?.cleanup();
  sqlite = null;
});

describe('my files', () => {
  it('counts every file and receipt in hand but lists only the 30 oldest, oldest first', async () => {
    sqlite = await createTestStore();
    const o = await makeOffice({ store: sqlite.store });
    await o.linkAll();
    const { so } = o.staff;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 5, 0));
    await o.store.transaction(async (tx) => {
      for (let n = 1; n <= 33; n++) {
        await tx.files.create({
          fileNumber: `EST-${n}/2026`, sectionId: so.sectionId, year: 2026, serial: n, subject: `विषय ${n}`, createdById: so.id,
          holderId: so.id, status: n === 7 ? 'parked' : 'open', createdAt: day(40 - n), movedAt: day(40 - n), closedRemark: null,
        });
      }
      await tx.files.create({
        fileNumber: 'EST-99/2026', sectionId: so.sectionId, year: 2026, serial: 99, subject: 'बंद', createdById: so.id,
        holderId: so.id, status: 'closed', createdAt: day(0), movedAt: day(0), closedRemark: 'done',
      });
      await tx.receipts.create({
        diaryNumber: 'SAH/R/2026/000001', year: 2026, serial: 1, subject: 'पुरानी डाक', fromWhom: null, receivedOn: '2026-01-01',
        createdById: so.id, holderId: so.id, fileId: null, pdfBlob: 'x', pages: 1, status: 'open', createdAt: day(1), movedAt: day(1),
      });
    });
    const reply = await o.text(so.code, 'मेरे पास कौन सी फाइलें हैं');
    const lines = reply.split('\n');
    expect(lines[0]).toBe('आपके पास 34 लंबित (पुराने पहले):');
    const listed = lines.slice(1).map((l) => /(SAH\/R\/\d+\/\d+|EST-\d+\/2026)/.exec(l)?.[1]);
    expect(listed).toHaveLength(30);
    // Oldest first: the receipt (day 1), then EST-33 (day 7) … EST-5 (day 35); EST-1…4 are the newest.
    expect(listed).toEqual(['SAH/R/2026/000001', ...Array.from({ length: 29 }, (_, i) => `EST-${33 - i}/2026`)]);
    expect(reply).not.toContain('EST-99/2026');
  });
});

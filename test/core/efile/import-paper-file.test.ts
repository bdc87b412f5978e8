// One row of the paper-file index: how its cells are read against the roll and the office's number
// format, and what writing it does (on the in-memory store; the Prisma one runs in the CLI test).
import { describe, expect, it } from 'vitest';
import {
  checkPaperFileRow, digitisePaperFile, parseFileNumber, type PaperFileContext, type PaperFilePlan,
} from '../../../core/efile/import-paper-file.ts';
import { mapPaperColumns } from '../../../core/efile/import-paper-file-columns.ts';
import { DEFAULT_NUMBER_FORMATS, fileCounter } from '../../../core/efile/numbering.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { canonicalPost } from '../../../bots/language/index.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function setUp() {
  const store = new MemoryStore();
  const staff = await seedSmallOffice(store);
  const snapshot = await store.transaction(async (tx) => ({ sections: await tx.sections.list(), employees: await tx.employees.list() }));
  const ctx: PaperFileContext = { ...snapshot, formats: DEFAULT_NUMBER_FORMATS, today: '2026-11-25', canonicalPost };
  return { store, staff, ctx };
}

const row = (cells: Record<string, string>) => ({
  line: 2, cells: { subject: 'Service book', section: 'EST', holder: 'SAH0020', openedOn: '14-08-2019', scans: 'a.pdf', paperNumber: 'P/1/2019', ...cells },
});

describe('paper file index', () => {
  it('recognises English, Hindi and bilingual headers, and names the missing ones', () => {
    const map = mapPaperColumns(['File Number', 'पुरानी संचिका संख्या', 'Subject / विषय', 'कोषांग', 'Current Holder', 'opened_on', 'Scans', 'Remarks', 'Colour']);
    expect(map.byField).toEqual({
      fileNumber: 'File Number', paperNumber: 'पुरानी संचिका संख्या', subject: 'Subject / विषय', section: 'कोषांग',
      holder: 'Current Holder', openedOn: 'opened_on', scans: 'Scans', notes: 'Remarks',
    });
    expect(map.unknown).toEqual(['Colour']);
    expect(mapPaperColumns(['subject', 'section']).missing).toEqual(['paperNumber', 'holder', 'openedOn', 'scans']);
    expect(mapPaperColumns(['विषय', 'subject']).duplicates).toEqual([{ field: 'subject', headers: ['विषय', 'subject'] }]);
  });

  it('reads file numbers in the configured format only', () => {
    expect(parseFileNumber('{section}-{serial}/{year}', 'SAH', 'EST-12/2019')).toEqual({ section: 'EST', year: 2019, serial: 12 });
    expect(parseFileNumber('{office}/{section}/{year}/{serial:4}', 'SAH', 'SAH/EST/2019/0012')).toEqual({ section: 'EST', year: 2019, serial: 12 });
    expect(parseFileNumber('{section}-{serial}/{year}', 'SAH', 'EST/12/2019')).toBeNull();
    expect(parseFileNumber('{section}-{serial}/{year}', 'SAH', 'EST-0/2019')).toBeNull();
    expect(parseFileNumber('{section}-{serial}/{year}', 'SAH', 'EST-12/19')).toBeNull();
  });

  it('finds the section by code or name and the holder by code or "name, post"', async () => {
    const { staff, ctx } = await setUp();
    const byName = checkPaperFileRow(row({ section: 'स्थापना', holder: 'सुनीता देवी, प्रशाखा पदाधिकारी' }), ctx);
    expect(byName.ok && [byName.plan.section.code, byName.plan.holder.id]).toEqual(['EST', staff.so.id]);
    const bracketed = checkPaperFileRow(row({ holder: 'Priya Singh (Clerk)', section: 'est' }), ctx);
    expect(bracketed.ok && bracketed.plan.holder.id).toBe(staff.clerkEn.id);
    const wrongPost = checkPaperFileRow(row({ holder: 'Priya Singh, जिलाधिकारी' }), ctx);
    expect(wrongPost).toEqual({ ok: false, reasons: [{ code: 'PAPER.UNKNOWN_HOLDER', params: { value: 'Priya Singh, जिलाधिकारी' } }] });
  });

  it('rejects a row with every reason at once', async () => {
    const { ctx } = await setUp();
    const inactive = { ...ctx, employees: ctx.employees.map((e) => (e.code === 'SAH0020' ? { ...e, active: false } : e)) };
    expect(checkPaperFileRow(row({ subject: ' ', openedOn: '2027-01-01', fileNumber: 'EST-5' }), inactive)).toEqual({
      ok: false,
      reasons: [
        { code: 'PAPER.MISSING_VALUE', params: { field: 'subject' } },
        { code: 'PAPER.INACTIVE_HOLDER', params: { code: 'SAH0020' } },
        { code: 'PAPER.FUTURE_DATE', params: { value: '2027-01-01' } },
        { code: 'PAPER.BAD_FILE_NUMBER', params: { value: 'EST-5', example: 'EST-12/2019' } },
      ],
    });
    expect(checkPaperFileRow(row({ paperNumber: '', fileNumber: '', scans: '' }), ctx)).toEqual({
      ok: false, reasons: [{ code: 'PAPER.MISSING_VALUE', params: { field: 'paperNumber' } }, { code: 'PAPER.MISSING_VALUE', params: { field: 'scans' } }],
    });
  });

  it('writes the file with its holder, raises the section counter, and skips it the second time', async () => {
    const { store, staff, ctx } = await setUp();
    const checked = checkPaperFileRow(row({ fileNumber: 'est-40/2019', paperNumber: '' }), ctx);
    if (!checked.ok) throw new Error(JSON.stringify(checked.reasons));
    const plan: PaperFilePlan = checked.plan;
    expect(plan.paperNumber).toBe('EST-40/2019');
    const clock = new FakeClock();
    const scans = [{ pdfBlob: 'a'.repeat(64), pages: 3, label: 'a.pdf', originals: [{ blob: 'a'.repeat(64), filename: 'a.pdf', mime: 'application/pdf' }] }];
    const first = await store.transaction((tx) => digitisePaperFile(tx, clock, { plan, scans, formats: DEFAULT_NUMBER_FORMATS, by: null }));
    expect(first.status).toBe('created');
    if (first.status !== 'created') return;
    expect(first.file).toMatchObject({ fileNumber: 'EST-40/2019', holderId: staff.clerk.id, createdById: staff.clerk.id, status: 'open' });
    expect(first.receipts.map((r) => [r.diaryNumber, r.fileId, r.status, r.pages])).toEqual([['SAH/R/2026/000001', first.file.id, 'filed', 3]]);
    const after = await store.transaction(async (tx) => ({
      next: await tx.counters.next(fileCounter(first.file.sectionId, 2019)),
      moves: (await tx.movements.listFor('file', first.file.id)).map((m) => [m.action, m.toId, m.at.toISOString()]),
      scan: await tx.scanTexts.byBlob('a'.repeat(64)),
      notes: await tx.notes.listByFile(first.file.id),
    }));
    expect(after).toMatchObject({ next: 41, moves: [['created', staff.clerk.id, '2019-08-13T18:30:00.000Z']], scan: { status: 'pending' }, notes: [] });
    const again = await store.transaction((tx) => digitisePaperFile(tx, clock, { plan, scans, formats: DEFAULT_NUMBER_FORMATS, by: null }));
    expect(again).toMatchObject({ status: 'skipped', file: { fileNumber: 'EST-40/2019' } });
    // Another paper file given a number already taken is refused, not merged.
    const other = checkPaperFileRow(row({ fileNumber: 'EST-40/2019', paperNumber: 'P/9' }), ctx);
    if (!other.ok) throw new Error('expected ok');
    expect(await store.transaction((tx) => digitisePaperFile(tx, clock, { plan: other.plan, scans, formats: DEFAULT_NUMBER_FORMATS, by: null })))
      .toEqual({ status: 'rejected', reason: { code: 'PAPER.NUMBER_TAKEN', params: { value: 'EST-40/2019', paper: 'EST-40/2019' } } });
  });
});

// `daftar import-files`: a folder of scans and an index with good and bad rows, imported twice, on a
// real migrated SQLite file; the scans are real PDFs and PNGs, checked by the real renderer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportFilesDeps } from '../../app/cli/import-files.ts';
import { PdfRenderer } from '../../adapters/pdf/pdf-renderer.ts';
import { MemoryBlobStore } from '../../core/store/memory-blobs.ts';
import { DEFAULT_NUMBER_FORMATS, fileCounter } from '../../core/efile/numbering.ts';
import { canonicalPost } from '../../bots/language/index.ts';
import { createTestStore, type TestStore } from '../helpers/sqlite.ts';
import { seedSmallOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import { letterPdf, pngOf } from '../adapters/ocr/scan-images.ts';
import { hugePng, openActionJsPdf } from '../helpers/hostile-files.ts';

const HEADER = 'file_number,paper_number,subject,section,holder,opened_on,scans,notes';

class Captured extends PassThrough {
  text = '';
  constructor(readonly isTTY = false) {
    super();
    this.on('data', (c: Buffer) => { this.text += c.toString('utf8'); });
  }
}

let db: TestStore;
let staff: TestOffice['staff'];
let folder: string;
let deps: ImportFilesDeps;
let blobs: MemoryBlobStore;

beforeEach(async () => {
  db = await createTestStore();
  staff = await seedSmallOffice(db.store);
  folder = mkdtempSync(path.join(os.tmpdir(), 'daftar-import-files-'));
  blobs = new MemoryBlobStore();
  const clock = new FakeClock('2026-11-25T05:30:00.000Z');
  deps = { store: db.store, clock, renderer: new PdfRenderer(clock), blobs, formats: DEFAULT_NUMBER_FORMATS, canonicalPost };
});

afterEach(async () => {
  await db.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

async function makeScans(): Promise<void> {
  writeFileSync(path.join(folder, 'letter.pdf'), await letterPdf(['सेवा पुस्तिका सत्यापन', 'Service book verification']));
  writeFileSync(path.join(folder, 'other.pdf'), await letterPdf(['Another letter']));
  mkdirSync(path.join(folder, 'P-45'));
  writeFileSync(path.join(folder, 'P-45', 'page-2.png'), pngOf(await letterPdf(['page two']), 40));
  writeFileSync(path.join(folder, 'P-45', 'page-10.png'), pngOf(await letterPdf(['page ten']), 40));
  writeFileSync(path.join(folder, 'broken.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog');
  writeFileSync(path.join(folder, 'notes.txt'), 'not a scan');
  execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', path.join(folder, 'letter.pdf'), path.join(folder, 'locked.pdf')]);
}

const INDEX = [
  HEADER,
  'EST-12/2019,,सेवा पुस्तिका सत्यापन,EST,SAH0020,14-08-2019,letter.pdf,मूल प्रति प्रशाखा में है।',
  ',P/45/2018,Land records of Mahishi,स्थापना,"सुनीता देवी, प्रशाखा पदाधिकारी",02/03/2018,P-45,',
  ',P/46/2018,Unknown section,XYZ,SAH0020,02/03/2018,other.pdf,',
  'GOP-3/2019,,Wrong section number,EST,SAH0020,02/03/2019,other.pdf,',
  ',P/47/2018,Bad date,EST,SAH0020,31-02-2019,other.pdf,',
  ',P/48/2018,Missing scan,EST,SAH0020,01-01-2019,other.pdf;nope.pdf,',
  ',P/49/2018,Corrupt scan,EST,SAH0020,01-01-2019,broken.pdf,',
  'EST-12/2019,,Same file again,EST,SAH0020,14-08-2019,other.pdf,',
  ',P/50/2018,Unknown holder,EST,SAH9999,01-01-2019,other.pdf,',
  ',P/51/2018,Text file,EST,SAH0020,01-01-2019,notes.txt,',
  ',P/52/2018,,EST,SAH0020,01-01-2019,other.pdf,',
  ',P/53/2018,Locked scan,EST,SAH0020,01-01-2019,locked.pdf,',
  ',P/54/2018,Outside,EST,SAH0020,01-01-2019,../secret.pdf,',
].join('\n');

async function run(options: { dryRun?: boolean; tty?: boolean } = {}) {
  const out = new Captured();
  const progress = new Captured(options.tty ?? false);
  const result = await importFiles(deps, folder, { dryRun: options.dryRun === true, progress }, out);
  return { ...result, out: out.text, progress: progress.text };
}

const lineOf = (out: string, line: number): string => out.split('\n').find((l) => l.startsWith(`line ${String(line).padEnd(2)} `)) ?? '';

describe('daftar import-files', () => {
  it('imports the good rows, rejects each bad one with its reason, and a second run duplicates nothing', async () => {
    await makeScans();
    writeFileSync(path.join(folder, 'index.csv'), INDEX);
    const first = await run();
    expect(first.exitCode).toBe(1);
    expect(lineOf(first.out, 2)).toContain('created → EST-12/2019 (1 scan, 1 page) | बनाई गई → EST-12/2019');
    expect(lineOf(first.out, 3)).toContain('P/45/2018');
    expect(lineOf(first.out, 3)).toContain('created → EST-1/2026 (1 scan, 2 pages)');
    expect(lineOf(first.out, 4)).toContain('rejected: no section (कोषांग) "XYZ"');
    expect(lineOf(first.out, 4)).toContain('अस्वीकृत: कोषांग "XYZ" नहीं मिला');
    expect(lineOf(first.out, 5)).toContain(`file_number "GOP-3/2019" is another section's number; this row's section is EST`);
    expect(lineOf(first.out, 6)).toContain('opened_on "31-02-2019" is not a date');
    expect(lineOf(first.out, 7)).toContain('scan nope.pdf is not in the folder');
    expect(lineOf(first.out, 8)).toContain('scan broken.pdf is damaged');
    expect(lineOf(first.out, 9)).toContain('the same file is on line 2 of the index');
    expect(lineOf(first.out, 10)).toContain('holder "SAH9999" is not on the staff roll');
    expect(lineOf(first.out, 11)).toContain('scan notes.txt is not a PDF, JPEG or PNG');
    expect(lineOf(first.out, 12)).toContain('subject is blank');
    expect(lineOf(first.out, 13)).toContain('scan locked.pdf is password-protected');
    expect(lineOf(first.out, 14)).toContain('scan ../secret.pdf is outside the folder');
    expect(first.out).toContain('created 2, skipped 0, rejected 11 of 13 rows');
    expect(first.out).toContain('2 scans queued for text search');

    const state = await db.store.transaction(async (tx) => {
      const est = await tx.sections.byCode('EST');
      const old = await tx.files.byNumber('EST-12/2019');
      const fresh = await tx.files.byPaperNumber('P/45/2018');
      return {
        est, old, fresh,
        oldReceipts: old ? await tx.receipts.listByFile(old.id) : [],
        freshReceipts: fresh ? await tx.receipts.listByFile(fresh.id) : [],
        notes: old ? await tx.notes.listByFile(old.id) : [],
        freshNotes: fresh ? await tx.notes.listByFile(fresh.id) : [],
        rejected: await tx.files.byPaperNumber('P/48/2018'),
        events: (await tx.audit.page(1, 500)).filter((e) => e.type === 'file.digitised'),
        scans: await tx.scanTexts.counts(),
      };
    });
    // Placed with its holder, dated when it was opened on paper, open, keyed by its paper number.
    expect(state.old).toMatchObject({ holderId: staff.clerk.id, status: 'open', year: 2019, serial: 12, paperNumber: 'EST-12/2019', subject: 'सेवा पुस्तिका सत्यापन' });
    expect(state.old?.createdAt.toISOString()).toBe('2019-08-13T18:30:00.000Z');
    expect(state.fresh).toMatchObject({ fileNumber: 'EST-1/2026', holderId: staff.so.id, paperNumber: 'P/45/2018' });
    expect(state.notes.map((n) => n.text)).toEqual([expect.stringMatching(/^Digitised from paper file EST-12\/2019, opened 14-08-2019\..*\nमूल प्रति प्रशाखा में है।$/s)]);
    expect(state.freshNotes).toEqual([]);
    // Scans filed in the file: a PDF as it came; the folder's images, in page order, made one PDF.
    expect(state.oldReceipts).toHaveLength(1);
    expect(state.oldReceipts[0]).toMatchObject({ status: 'filed', holderId: staff.clerk.id, pages: 1 });
    expect(await pdfText((await blobs.get(state.oldReceipts[0]?.pdfBlob ?? '')) ?? new Uint8Array())).toContain('Service book verification');
    expect(state.freshReceipts).toHaveLength(1);
    const madePdf = (await blobs.get(state.freshReceipts[0]?.pdfBlob ?? '')) ?? new Uint8Array();
    expect((await qpdfCheck(madePdf)).ok).toBe(true);
    expect(state.freshReceipts[0]?.subject).toBe('Land records of Mahishi — P-45/page-2.png … P-45/page-10.png');
    const originals = await db.store.transaction((tx) => tx.receipts.originals(state.freshReceipts[0]?.id ?? 0));
    expect(originals.map((o) => o.filename)).toEqual(['page-2.png', 'page-10.png']);
    expect(state.rejected).toBeNull();
    expect(state.events.map((e) => e.subjectId)).toEqual(['EST-12/2019', 'EST-1/2026']);
    // The PDF (1 blob) and the images' PDF with its 2 originals (3 blobs) wait for OCR.
    expect(state.scans).toEqual({ pending: 4, done: 0, failed: 0 });
    // A file opened later in EST for 2019 does not take the imported number.
    expect(await db.store.transaction((tx) => tx.counters.next(fileCounter(state.est?.id ?? 0, 2019)))).toBe(13);

    const second = await run();
    expect(second.exitCode).toBe(1);
    expect(lineOf(second.out, 2)).toContain('skipped: already imported (EST-12/2019) | छोड़ी गई: पहले से आयातित (EST-12/2019)');
    expect(lineOf(second.out, 3)).toContain('skipped: already imported (EST-1/2026)');
    expect(second.out).toContain('created 0, skipped 2, rejected 11 of 13 rows');
    const counts = await db.store.transaction(async (tx) => ({
      files: (await tx.files.search(['2'], 100)).length, receipts: (await tx.receipts.search(['SAH'], 100)).length,
      events: (await tx.audit.page(1, 500)).filter((e) => e.type === 'file.digitised').length,
    }));
    expect(counts).toEqual({ files: 2, receipts: 2, events: 2 });
  });

  it('exits 0 when every row is created or skipped', async () => {
    await makeScans();
    writeFileSync(path.join(folder, 'index.csv'), INDEX.split('\n').slice(0, 3).join('\n'));
    expect((await run()).exitCode).toBe(0);
    expect((await run()).exitCode).toBe(0);
  });

  it('--dry-run reports what would happen and writes nothing', async () => {
    await makeScans();
    writeFileSync(path.join(folder, 'index.csv'), INDEX);
    const dry = await run({ dryRun: true });
    expect(lineOf(dry.out, 2)).toContain('would be created → EST-12/2019 (1 scan, 1 page)');
    expect(lineOf(dry.out, 3)).toContain('would be created → a new number (1 scan, 2 pages)');
    expect(lineOf(dry.out, 4)).toContain('rejected');
    expect(dry.out).toContain('dry run: 2 would be created, 0 skipped, 11 rejected of 13 rows; nothing was written');
    const written = await db.store.transaction(async (tx) => ({
      file: await tx.files.byNumber('EST-12/2019'), scans: await tx.scanTexts.counts(),
      events: (await tx.audit.page(1, 500)).filter((e) => e.type === 'file.digitised').length,
    }));
    expect(written).toEqual({ file: null, scans: { pending: 0, done: 0, failed: 0 }, events: 0 });
    expect(await blobs.get('0'.repeat(64))).toBeNull();
  });

  it('reads Hindi headers and says which required columns are missing', async () => {
    await makeScans();
    writeFileSync(path.join(folder, 'index.csv'), [
      'संचिका संख्या,विषय,कोषांग,वर्तमान धारक,खोलने की तिथि,स्कैन',
      'EST-3/2020,भवन मरम्मत,EST,"मनोज कुमार, लिपिक",2020-01-05,letter.pdf',
    ].join('\n'));
    const hindi = await run();
    expect(hindi.exitCode).toBe(0);
    expect(hindi.out).toContain('created → EST-3/2020');

    writeFileSync(path.join(folder, 'other.csv'), 'subject,section\nx,EST\n');
    const out = new Captured();
    const missing = await importFiles(deps, folder, { index: path.join(folder, 'other.csv'), progress: new Captured() }, out);
    expect(missing.exitCode).toBe(1);
    expect(out.text).toContain('lacks columns: paper_number (पुरानी संचिका संख्या), holder (वर्तमान धारक), opened_on (खोलने की तिथि), scans (स्कैन)');
    expect(out.text).toContain('Nothing was imported.');
  });

  it('draws a progress bar on a terminal and plain lines otherwise', async () => {
    await makeScans();
    writeFileSync(path.join(folder, 'index.csv'), INDEX.split('\n').slice(0, 3).join('\n'));
    const tty = await run({ tty: true, dryRun: true });
    expect(tty.progress).toMatch(/\r\[#{24}\] 2\/2 rows · ETA 0:00 /);
    const plain = await run({ dryRun: true });
    expect(plain.progress).toContain('import-files: 2/2 rows\n');
    expect(plain.progress).not.toContain('\r');
  });
});

describe('daftar import-files: hostile scans', () => {
  it('rejects a page over the pixel limit and a PDF with JavaScript, and keeps scan names as safe base names', async () => {
    writeFileSync(path.join(folder, 'huge.png'), hugePng(30000, 30000));
    writeFileSync(path.join(folder, 'scripted.pdf'), await openActionJsPdf({ objectStreams: true }));
    mkdirSync(path.join(folder, 'P-62'));
    const odd = `page\u0007\u001b[2J\u202e1${'x'.repeat(200)}.pdf`;
    writeFileSync(path.join(folder, 'P-62', odd), await letterPdf(['odd name']));
    writeFileSync(path.join(folder, 'index.csv'), [
      HEADER,
      ',P/60/2018,Huge page,EST,SAH0020,01-01-2019,huge.png,',
      ',P/61/2018,Scripted,EST,SAH0020,01-01-2019,scripted.pdf,',
      ',P/62/2018,Odd name,EST,SAH0020,01-01-2019,P-62,',
    ].join('\n'));
    const { exitCode, out } = await run();
    expect(exitCode).toBe(1);
    expect(lineOf(out, 2)).toContain('rejected: scan huge.png is 30000 × 30000 pixels, over 40 megapixels; scan it again at a lower resolution (300 dpi)');
    expect(lineOf(out, 2)).toContain('अस्वीकृत: स्कैन huge.png 30000 × 30000 पिक्सेल का है');
    expect(lineOf(out, 3)).toContain('rejected: scan scripted.pdf contains JavaScript, which an office file must not carry');
    expect(lineOf(out, 4)).toContain('created → EST-1/2026 (1 scan, 1 page)');
    const originals = await db.store.transaction(async (tx) => {
      const file = await tx.files.byPaperNumber('P/62/2018');
      const [receipt] = file === null ? [] : await tx.receipts.listByFile(file.id);
      return tx.receipts.originals(receipt?.id ?? 0);
    });
    expect(originals.map((o) => o.filename)).toEqual([`page[2J1${'x'.repeat(108)}.pdf`]);
    expect(await db.store.transaction(async (tx) => [await tx.files.byPaperNumber('P/60/2018'), await tx.files.byPaperNumber('P/61/2018')])).toEqual([null, null]);
  });
});

// A small office for the file and receipt table tests: the seeded staff (clerk and clerkEn of EST
// under its section officer; the Collector and DDC of GOP), with files and receipts made through
// the real use cases.
import { createFile } from '../../../core/efile/files.ts';
import { diariseReceipt } from '../../../core/efile/receipts.ts';
import { digitisePaperFile, type PaperFilePlan } from '../../../core/efile/import-paper-file.ts';
import { DEFAULT_NUMBER_FORMATS } from '../../../core/efile/numbering.ts';
import type { EFile, Receipt } from '../../../core/efile/types.ts';
import type { Tx } from '../../../core/ports.ts';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import type { Employee, Section } from '../../../core/types.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

export async function efileOffice() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const staff = await seedSmallOffice(store);
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => store.transaction(work);
  const section = async (code: string): Promise<Section> => {
    const found = (await run((tx) => tx.sections.list())).find((s) => s.code === code);
    if (found === undefined) throw new Error(`no section ${code}`);
    return found;
  };
  const newFile = async (actor: Employee = staff.clerk, subject = 'सोनबरसा अंचल भूमि विवाद'): Promise<EFile> => {
    const est = await section('EST');
    return run((tx) => createFile(tx, clock, { actor, subject, section: est, formats: DEFAULT_NUMBER_FORMATS }));
  };
  let scans = 0;
  const newReceipt = (actor: Employee = staff.clerk): Promise<Receipt> => {
    scans += 1;
    const blob = String(scans).padStart(64, '0');
    return run((tx) => diariseReceipt(tx, clock, {
      actor, subject: 'बाढ़ राहत दावा', fromWhom: 'अंचलाधिकारी, सोनबरसा', pdfBlob: blob, pages: 1,
      originals: [{ blob, filename: 'scan.jpg', mime: 'image/jpeg' }], formats: DEFAULT_NUMBER_FORMATS,
    }));
  };
  /** A running paper file imported by the office (import-files), held by the clerk, with one scan. */
  const digitise = async () => {
    const plan: PaperFilePlan = {
      line: 2, paperNumber: 'स्था/12/2019', fileNumber: null, subject: 'सेवा पुस्तिका', section: await section('EST'),
      holder: staff.clerk, openedOn: '2019-04-01', notes: null, scans: ['page1.pdf'],
    };
    return run((tx) => digitisePaperFile(tx, clock, {
      plan, formats: DEFAULT_NUMBER_FORMATS, by: null,
      scans: [{ pdfBlob: 'f'.repeat(64), pages: 2, label: 'page1.pdf', originals: [] }],
    }));
  };
  const file = async (number: string): Promise<EFile> => {
    const found = await run((tx) => tx.files.byNumber(number));
    if (found === null) throw new Error(`no file ${number}`);
    return found;
  };
  const receipt = async (number: string): Promise<Receipt> => {
    const found = await run((tx) => tx.receipts.byDiaryNumber(number));
    if (found === null) throw new Error(`no receipt ${number}`);
    return found;
  };
  return { store, clock, staff, run, section, newFile, newReceipt, digitise, file, receipt };
}

export type EfileOffice = Awaited<ReturnType<typeof efileOffice>>;

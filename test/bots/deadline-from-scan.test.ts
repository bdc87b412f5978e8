// A statutory deadline named only inside the letter (issue 20 item 4: "subject, caption or scan
// text"): the receipt is diarised under an ordinary subject, the background reader reads the scan
// with the real tesseract, and the clerk holding it is then sent the proposal with its buttons.
import { describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../adapters/ocr/tesseract.ts';
import { readPendingScans, type ScanReaderDeps } from '../../app/cli/background.ts';
import { proposeFromScanText } from '../../bots/commands/deadline.ts';
import { silentLogger } from '../../bots/log.ts';
import { DEFAULT_CALENDAR } from '../../core/calendar/holidays.ts';
import { DEFAULT_DEADLINE_RULES } from '../../core/deadlines/rules.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { letterPdf } from '../adapters/ocr/scan-images.ts';

const ocr = new TesseractOcr({ command: 'tesseract', languages: 'hin+eng', timeoutMs: 60_000 });
const policy = { rules: DEFAULT_DEADLINE_RULES, calendar: DEFAULT_CALENDAR };
const DIARY = 'SAH/R/2026/000001';

/** The reader as `daftar start` wires it (app/cli/background.ts startScanReader). */
const readerDeps = (o: TestOffice): ScanReaderDeps => ({
  store: o.store, blobs: o.blobs, clock: o.clock, ocr, log: silentLogger,
  onRead: async (blob) => { await o.store.transaction((tx) => proposeFromScanText(tx, o.clock, policy, blob)); },
});

async function office(): Promise<TestOffice> {
  const o = await makeOffice({ clock: new FakeClock('2026-12-07T05:30:00.000Z') });
  await o.linkAll();
  return o;
}

describe('a deadline named only in the scan', () => {
  it('is proposed to the holder once the scan is read, and confirmed with its button', async () => {
    const o = await office();
    const pdf = await letterPdf(['Application under Section 6(1) of the', 'Right to Information Act, 2005', 'Please supply copies of flood relief registers']);
    const diarised = await o.say('SAH0021', 'Letter from Ramesh Yadav', { attachments: [{ filename: 'letter.pdf', mime: 'application/pdf', bytes: pdf }] });
    expect(diarised.some((r) => r.buttons?.some((b) => b.command.startsWith('/deadline.')))).toBe(false);
    const before = o.channel.to('SAH0021').length;

    expect((await readPendingScans(readerDeps(o))).done).toBeGreaterThan(0);
    await o.deliver();
    const told = o.channel.to('SAH0021').slice(before).map((d) => d.reply);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(`Read in the scan of ${DIARY}:`);
    expect(told[0]?.text).toContain('reply due 6 Jan 2027 (30 days; RTI Act 2005, s.7(1))');
    expect(told[0]?.buttons?.map((b) => b.command)).toEqual([`/deadline.confirm ${DIARY} rti`, `/deadline.correct ${DIARY} rti`, `/deadline.dismiss ${DIARY} rti`]);

    expect(await o.text('SAH0021', `/deadline.confirm ${DIARY} rti`)).toContain('6 Jan 2027 recorded (30 days left)');
    // Answered: reading it again proposes nothing more.
    const pdfBlob = (await o.store.transaction((tx) => tx.receipts.byDiaryNumber(DIARY)))?.pdfBlob ?? '';
    expect(await o.store.transaction((tx) => proposeFromScanText(tx, o.clock, policy, pdfBlob))).toBe(0);
  }, 60_000);

  it('is not proposed again when the subject already named it', async () => {
    const o = await office();
    const pdf = await letterPdf(['Right to Information Act, 2005', 'Section 6(1) application']);
    await o.say('SAH0021', 'RTI application from Ramesh Yadav', { attachments: [{ filename: 'letter.pdf', mime: 'application/pdf', bytes: pdf }] });
    const before = o.channel.to('SAH0021').length;
    await readPendingScans(readerDeps(o));
    await o.deliver();
    expect(o.channel.to('SAH0021').slice(before)).toEqual([]);
  }, 60_000);
});

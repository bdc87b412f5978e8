// The note sheet's end: the last lines of a note, its decision, the author's block and (on a signed
// copy) the digital signature box stay on one page — never the author or the signature alone at the
// top of a last page. Read back page by page by poppler's pdftotext, for every length of the notes
// before it, so whichever line falls at the foot of page 1 is tried.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { NoteSheet, VisibleSignature } from '../../../core/efile/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { qpdfCheck } from '../../helpers/pdf-tools.ts';

const run = promisify(execFile);
const renderer = new PdfRenderer(new FakeClock());

/** Each page's text (pdftotext ends each page with a form feed). */
async function pages(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-keep-'));
  try {
    await writeFile(path.join(dir, 'sheet.pdf'), bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'sheet.pdf'), '-'], { maxBuffer: 16 * 1024 * 1024 });
    return stdout.normalize('NFC').split('\f').slice(0, -1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SIGNATURE: VisibleSignature = {
  name: 'राजेश कुमार सिंह', post: 'उप विकास आयुक्त', code: 'SAH0002', at: '25-11-2026 14:05 IST',
  via: 'signed via OTP to ••••0002', what: 'Approval of GOP-1/2026, note 3', documentHash: 'ab'.repeat(32),
};

/** A file whose first note has `filler` lines, so that the last note ends anywhere on the page. */
function sheet(filler: number, last: { text: string; decision?: string }, signature?: VisibleSignature): NoteSheet {
  return {
    office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' },
    fileNumber: 'GOP-1/2026', subject: 'बाढ़ राहत वितरण / Flood relief distribution', section: 'जिला गोपनीय प्रशाखा', status: 'open / चालू',
    notes: [
      { number: 1, author: 'Priya Singh', post: 'Clerk', at: '20-11-2026 10:00 IST', text: Array.from({ length: filler }, (_, i) => `Filler line ${i + 1} of the first note.`).join('\n') || 'Put up.' },
      { number: 2, author: 'गीता देवी', post: 'प्रधान लिपिक', at: '21-11-2026 11:00 IST', text: 'आदेशार्थ प्रस्तुत।' },
      { number: 3, author: 'राजेश कुमार सिंह', post: 'उप विकास आयुक्त', at: '25-11-2026 14:05 IST', ...last },
    ],
    annexures: [], movements: [], generatedAt: '25-11-2026 14:05 IST',
    ...(signature === undefined ? {} : { signature }),
  };
}

const pageWith = (all: string[], text: string) => all.findIndex((p) => p.includes(text));

describe('the end of the note sheet stays together', () => {
  it('the signature box is under the signed decision, on the same page as it and the note\'s last line, however long the notes before', async () => {
    const last = { text: 'Seen. The distribution list is in order.\nIssue the sanction to the circle offices today.', decision: 'Approved / स्वीकृत' };
    let spilled = 0;
    for (let filler = 8; filler <= 40; filler++) {
      const pdf = await renderer.noteSheet(sheet(filler, last, SIGNATURE));
      const all = await pages(pdf);
      const signed = pageWith(all, 'Digitally signed / डिजिटल हस्ताक्षरित');
      expect(signed, `filler ${filler}`).toBeGreaterThanOrEqual(0);
      // The box comes after the decision note and before the tables.
      const page = all[signed] ?? '';
      expect(page, `filler ${filler}: the decision is on the signature's page`).toContain('Approved / स्वीकृत');
      expect(page, `filler ${filler}: the note's last line is on the signature's page`).toContain('Issue the sanction to the circle offices today.');
      expect(page.indexOf('Approved / स्वीकृत')).toBeLessThan(page.indexOf('Digitally signed'));
      expect(all.join('').indexOf('Digitally signed')).toBeLessThan(all.join('').indexOf('Annexures / संलग्नक'));
      if (signed > 0) spilled++;
    }
    // Some lengths did push the end onto page 2 (else this proved nothing).
    expect(spilled).toBeGreaterThan(0);
  }, 120_000);

  it('without a signature, the author\'s block never starts a page alone: the note\'s last lines come with it', async () => {
    const last = { text: 'Put up for orders on the distribution list.\nThe list was checked with the circle offices.\nThe funds are available under the head.' };
    let spilled = 0;
    for (let filler = 8; filler <= 40; filler++) {
      const all = await pages(await renderer.noteSheet(sheet(filler, last)));
      const author = all.findIndex((p) => p.includes('25-11-2026 14:05 IST') && p.includes('राजेश कुमार सिंह'));
      const page = all[author] ?? '';
      expect(page, `filler ${filler}`).toContain('The funds are available under the head.');
      expect(page, `filler ${filler}`).toContain('The list was checked with the circle offices.');
      if (author > 0) spilled++;
    }
    expect(spilled).toBeGreaterThan(0);
  }, 120_000);

  it('a decision without a remark is printed once, as the decision', async () => {
    // What noteSheetOf gives for "approved" with no remark: the note text left empty, the decision set.
    const pdf = await renderer.noteSheet(sheet(1, { text: '', decision: 'Approved / स्वीकृत' }, SIGNATURE));
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const text = (await pages(pdf)).join('\n');
    expect(text.match(/Approved/g)).toHaveLength(1);
    expect(text).toContain('Note 3 / टिप्पणी 3');
  });
});

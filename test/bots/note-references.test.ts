// References between notes and letters through the assistant: "see C/1" / "देखें प/1" / "see note 1"
// are checked when the note is written (a reference to nothing is refused, clearly, in the writer's
// language); the note sheet PDF shows each and links to it (a GoTo link annotation, read back with
// qpdf); "file EST-1/2026 C/1" returns that letter's PDF.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const jpeg = (name: string): InboundAttachment => ({
  filename: name, mime: 'image/jpeg', bytes: readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url)),
});

/** Priya diarises a scan and opens a file from it: the letter is C/1 of the file's correspondence. */
async function fileWithLetter(): Promise<{ o: TestOffice; number: string }> {
  const o = await makeOffice();
  await o.linkAll();
  await o.say('SAH0021', 'Land acquisition letter from BDO Sonbarsa', { attachments: [jpeg('scan-portrait.jpg')] });
  const made = joined(await o.say('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' }));
  const number = /EST-\d+\/2026/.exec(made)?.[0];
  if (number === undefined) throw new Error(`no file number in: ${made}`);
  return { o, number };
}

const noteCount = (o: TestOffice, number: string) => o.store.transaction(async (tx) => tx.notes.count((await tx.files.byNumber(number))!.id));

/**
 * The link annotations of a PDF as qpdf reads them (each one's GoTo destination name), and the named
 * destinations the document defines (where each link lands).
 */
async function linksOf(pdf: Uint8Array): Promise<{ links: string[]; destinations: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-links-'));
  try {
    const file = path.join(dir, 'sheet.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)('qpdf', ['--json=2', '--json-key=qpdf', file], { maxBuffer: 64 * 1024 * 1024 });
    type Value = Record<string, unknown>;
    const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf[1];
    const value = (ref: unknown): Value | undefined => {
      const v = typeof ref === 'string' ? objects[`obj:${ref}`]?.value : ref;
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Value) : undefined;
    };
    const all = Object.values(objects).map((o) => value(o.value)).filter((v): v is Value => v !== undefined);
    const links = all.filter((v) => v['/Subtype'] === '/Link').map((v) => String(value(v['/A'])?.['/D'] ?? '').replace(/^u:/, ''));
    const names = all.flatMap((v) => (Array.isArray(value(v['/Dests'])?.['/Names']) ? (value(v['/Dests'])?.['/Names'] as unknown[]) : []));
    const destinations = names.filter((n): n is string => typeof n === 'string').map((n) => n.replace(/^u:/, ''));
    return { links, destinations };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('references between notes and letters', () => {
  it('checks references when the note is written: a letter or note that is not there is refused, nothing written', async () => {
    const { o, number } = await fileWithLetter();
    expect(joined(await o.say('SAH0021', 'note: Letter examined; see C/1.'))).toContain('Note 1');
    expect(joined(await o.say('SAH0021', 'note: As proposed in note 1, see C/4.'))).toBe(
      `The reference "C/4" points to nothing: ${number} has 1 letter(s) in its correspondence. The note was not written; correct the reference and send it again.`);
    expect(joined(await o.say('SAH0021', 'note: see note 3 for the history.'))).toBe(
      `The reference "note 3" points to nothing: ${number} has 1 note(s) so far. The note was not written; correct the reference and send it again.`);
    expect(joined(await o.say('SAH0021', 'note: vide SAH/R/2026/000099, the earlier reminder.'))).toContain(`that diary number is not in ${number}`);
    expect(await noteCount(o, number)).toBe(1);
    // In Hindi, for a Hindi writer: the section officer holds it next.
    await o.say('SAH0021', `send ${number} to SAH0010`);
    expect(joined(await o.say('SAH0010', `टिप्पणी ${number}: देखें प/2`))).toBe(
      `संदर्भ "प/2" किसी पत्र या टिप्पणी को नहीं दर्शाता: ${number} के पत्राचार में 1 पत्र हैं। टिप्पणी नहीं लिखी गई; संदर्भ ठीक कर फिर भेजें।`);
    expect(joined(await o.say('SAH0010', `टिप्पणी ${number}: देखें प/१ एवं टिप्पणी 1; आदेशार्थ प्रस्तुत।`))).toMatch(/टिप्पणी 2|Note 2/);
    expect(await noteCount(o, number)).toBe(2);
    // A draft's references are checked too.
    expect(joined(await o.say('SAH0010', `मसौदा ${number}: देखें टिप्पणी 9`))).toContain('संदर्भ "टिप्पणी 9"');
  });

  it('the note sheet PDF shows each reference and links to the letter\'s row or the note', async () => {
    const { o, number } = await fileWithLetter();
    await o.say('SAH0021', 'note: Letter of BDO Sonbarsa received.');
    await o.say('SAH0021', 'note: See note 1 and C/1 for the proposal. Put up for orders.');
    const replies = await o.say('SAH0021', `file ${number}`);
    const doc = replies.find((r) => r.document !== undefined)?.document;
    const pdf = Buffer.from(doc?.base64 ?? '', 'base64');
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    const text = await pdfText(pdf);
    expect(text).toContain('See / देखें: Note 1 / टिप्पणी 1');
    expect(text).toContain('See / देखें: C/1 — SAH/R/2026/000001 (Land acquisition letter from BDO Sonbarsa)');
    // The annexure row carries the letter's place, which the reference names.
    expect(text).toMatch(/Annexures[\s\S]*C\/1\s[\s\S]*SAH\/R\/2026\/000001/);
    const { links, destinations } = await linksOf(pdf);
    expect(links.sort()).toEqual(['letter-1', 'note-1']);
    // Each link lands somewhere: the letter's row in the annexures, and note 1's heading.
    expect(destinations).toEqual(expect.arrayContaining(['letter-1', 'note-1', 'note-2']));
  });

  it('"file X C/1" returns that letter\'s PDF; a place with no letter is said plainly', async () => {
    const { o, number } = await fileWithLetter();
    const replies = await o.say('SAH0021', `file ${number} C/1`);
    expect(joined(replies)).toBe(`${number} — C/1: receipt SAH/R/2026/000001 (Land acquisition letter from BDO Sonbarsa)`);
    const receipt = await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'));
    const stored = await o.blobs.get(receipt?.pdfBlob ?? '');
    expect(replies[0]?.document?.base64).toBe(Buffer.from(stored ?? new Uint8Array()).toString('base64'));
    expect(joined(await o.say('SAH0021', `file ${number} C/3`))).toBe(`${number} has no C/3 in its correspondence (it has 1 letter(s)).`);
    expect(joined(await o.say('SAH0010', `फाइल ${number} प/1`))).toContain('प्राप्ति SAH/R/2026/000001');
    // Someone outside the file's section and path learns only where it is.
    await o.store.transaction(async (tx) => {
      const gop = await tx.sections.byCode('GOP');
      const outsider = await tx.employees.create({
        code: 'SAH0099', name: 'Ramesh Paswan', dob: '1985-02-02', post: 'Clerk', postKey: 'CLERK', mobile: '9000000099', email: null,
        sectionId: gop?.id ?? 0, reportingOfficerId: null, active: true, language: 'en', preferredChannel: null, remindersMuted: false,
      });
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0099', displayName: null });
      await tx.accounts.update(account.id, { employeeId: outsider.id, linkedAt: o.clock.now() });
    });
    const refused = await o.say('SAH0099', `file ${number} C/1`);
    expect(joined(refused)).toBe(`${number} is with Priya Singh (Clerk). Its contents are open only to its section and to those it has passed through.`);
    expect(refused[0]?.document).toBeUndefined();
  });
});

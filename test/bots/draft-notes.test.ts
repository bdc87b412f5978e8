// Yellow notes through the assistant: "draft …: …" / "मसौदा टिप्पणी: …" writes one; the file's holder
// corrects it by replying to it, discards it or confirms it with a button; only the confirmed text
// reaches the note sheet PDF (checked with pdftotext); a confirmed approval goes through the same
// consent and OTP signing as any decision.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateOfficeCa } from '../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../adapters/signing/pdf-signer.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import type { Reply } from '../../bots/reply.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

async function office(options: Parameters<typeof makeOffice>[0] = {}): Promise<TestOffice> {
  const o = await makeOffice(options);
  await o.linkAll();
  return o;
}

/** Priya (clerk, English) opens a file and sends it up to the section officer (Hindi). */
async function fileWithSo(o: TestOffice): Promise<string> {
  const made = joined(await o.say('SAH0021', 'new file: Repair of the Sonbarsa block road'));
  const number = /EST-\d+\/2026/.exec(made)?.[0];
  if (number === undefined) throw new Error(`no file number in: ${made}`);
  await o.say('SAH0021', `send ${number} to SAH0010`);
  return number;
}

async function sheetText(o: TestOffice, chat: string, number: string): Promise<string> {
  const replies = await o.say(chat, `file ${number}`);
  const doc = replies.find((r) => r.document !== undefined)?.document;
  if (doc === undefined) throw new Error(`no note sheet: ${joined(replies)}`);
  const pdf = Buffer.from(doc.base64, 'base64');
  expect((await qpdfCheck(pdf)).ok).toBe(true);
  return pdfText(pdf);
}

const auditTypes = (o: TestOffice) => o.store.transaction(async (tx) => (await tx.audit.page(1, 10_000)).map((e) => e.type));

describe('yellow notes over chat', () => {
  it('a clerk drafts, the officer corrects it by reply and confirms it: only the confirmed text is on the note sheet', async () => {
    const o = await office();
    const number = await fileWithSo(o);
    const written = await o.say('SAH0021', `draft ${number}: Estimate of Rs 4.2 lakh put up for approval.`);
    expect(joined(written)).toBe(`Draft note #1 saved on ${number} (a yellow note: not on the note sheet). Sent to सुनीता देवी (प्रशाखा पदाधिकारी) to confirm.`);
    await o.deliver();
    const toSo = o.channel.lastTo('SAH0010');
    expect(toSo.reply.text).toContain('मसौदा टिप्पणी #1');
    expect(toSo.reply.text).toContain('Estimate of Rs 4.2 lakh put up for approval.');
    expect(toSo.reply.buttons?.map((b) => b.command)).toEqual(['/draft.confirm 1', '/draft.approve 1', '/draft.discard 1']);

    // The draft is on no note sheet. (pdftotext reads this font's full stop as a space: "Rs 4 2 lakh".)
    expect(await sheetText(o, 'SAH0010', number)).not.toMatch(/lakh put up/);

    // The officer replies to the draft with the corrected text.
    const corrected = joined(await o.say('SAH0010', 'Estimate of Rs 4.15 lakh (revised) put up for approval.', { replyToMessageId: toSo.messageId }));
    expect(corrected).toBe(`मसौदा टिप्पणी #1 (${number}) संशोधित:\n«Estimate of Rs 4.15 lakh (revised) put up for approval.»`);
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toBe(`सुनीता देवी corrected your draft note #1 on ${number}:\n«Estimate of Rs 4.15 lakh (revised) put up for approval.»`);
    expect(await sheetText(o, 'SAH0010', number)).not.toMatch(/lakh/);

    expect(joined(await o.say('SAH0010', '', { action: '/draft.confirm 1' }))).toBe(`मसौदा #1 पुष्ट: ${number} पर हरी टिप्पणी 1 बन गई।`);
    const sheet = await sheetText(o, 'SAH0010', number);
    expect(sheet).toMatch(/Rs 4\W15 lakh \(revised\) put up for approval/);
    expect(sheet).not.toMatch(/Rs 4\W2 lakh/);
    await o.deliver();
    expect(o.channel.lastTo('SAH0021').reply.text).toBe(`सुनीता देवी confirmed your draft note #1: note 1 on ${number}.`);
    // Confirmed is final: a second press, or a correction, is refused plainly.
    expect(joined(await o.say('SAH0010', '', { action: '/draft.confirm 1' }))).toBe('मसौदा टिप्पणी #1 पहले ही पुष्ट हो चुकी है (हरी टिप्पणी बन चुकी है)।');
    expect(joined(await o.say('SAH0010', 'मसौदा 1: फिर से'))).toContain('पहले ही पुष्ट');
    expect((await auditTypes(o)).filter((t) => t.startsWith('draft.'))).toEqual(['draft.drafted', 'draft.edited', 'draft.confirmed']);
  });

  it('right after sending the file up, "मसौदा टिप्पणी: …" without a number goes on that file; once it moves on, it does not', async () => {
    const o = await office();
    // Priya holds another file too: the draft must not be guessed onto it.
    await o.say('SAH0021', 'new file: Another matter');
    const number = await fileWithSo(o);
    expect(joined(await o.say('SAH0021', 'मसौदा टिप्पणी: सड़क मरम्मत का प्राक्कलन आदेशार्थ प्रस्तुत।'))).toContain(`Draft note #1 saved on ${number}`);
    // The section officer sends it on: the clerk's next unnamed draft no longer reaches it.
    await o.say('SAH0010', `send ${number} to SAH0002`);
    expect(joined(await o.say('SAH0021', 'draft: one more line'))).not.toContain(`saved on ${number}`);
  });

  it('in Hindi: the holder writes a draft, sees it listed, discards it; outsiders neither see nor touch it', async () => {
    const o = await office();
    const number = await fileWithSo(o);
    const written = await o.say('SAH0010', `मसौदा टिप्पणी ${number}: भूमि मापी प्रतिवेदन प्रतीक्षित; संचिका रोकी जाए।`);
    expect(joined(written)).toBe(`मसौदा टिप्पणी #1 ${number} पर सहेजी गई (पीली टिप्पणी: नोटशीट पर नहीं जाती)। पुष्टि करने पर यह हरी टिप्पणी बनेगी।`);
    expect(written[0]?.buttons?.map((b) => b.command)).toEqual(['/draft.confirm 1', '/draft.approve 1', '/draft.discard 1']);
    expect(joined(await o.say('SAH0010', `मसौदे ${number}`))).toContain('#1 (सुनीता देवी (प्रशाखा पदाधिकारी)): «भूमि मापी प्रतिवेदन प्रतीक्षित; संचिका रोकी जाए।»');
    // The DDC is neither its writer nor the holder.
    expect(joined(await o.say('SAH0002', `drafts ${number}`))).toBe(`${number} पर आपको दिखने वाली कोई खुली मसौदा टिप्पणी नहीं है।`);
    expect(joined(await o.say('SAH0002', 'draft 1: changed by someone else'))).toBe('मसौदा टिप्पणी #1 नहीं मिली।');
    expect(joined(await o.say('SAH0002', '', { action: '/draft.discard 1' }))).toBe('मसौदा टिप्पणी #1 नहीं मिली।');
    // The clerk who sent the file up may draft, but not confirm someone else's draft.
    expect(joined(await o.say('SAH0021', '', { action: '/draft.confirm 1' }))).toBe('Draft note #1 was not found.');
    expect(joined(await o.say('SAH0010', '', { action: '/draft.discard 1' }))).toBe(`मसौदा टिप्पणी #1 (${number}) हटा दी गई।`);
    expect(await sheetText(o, 'SAH0010', number)).not.toContain('प्रतिवेदन प्रतीक्षित');
    // Nobody else may start a draft on a file that is neither theirs nor just sent by them.
    expect(joined(await o.say('SAH0002', `draft ${number}: x`))).toBe(
      `${number} पर मसौदा टिप्पणी वही लिख सकता है जिसके पास संचिका है, या जिसने इसे अभी-अभी अपने नियंत्री पदाधिकारी को भेजा है। यह सुनीता देवी (प्रशाखा पदाधिकारी) के पास है।`);
    expect(joined(await o.say('SAH0010', 'मसौदा टिप्पणी:'))).toBe('मसौदा खाली है। जैसे: मसौदा टिप्पणी: आदेशार्थ प्रस्तुत।');
    expect((await auditTypes(o)).filter((t) => t.startsWith('draft.'))).toEqual(['draft.drafted', 'draft.discarded']);
  });
});

describe('a draft confirmed as a signed approval', () => {
  let signer: PdfSigner;
  const clock = new FakeClock();
  beforeAll(async () => {
    const { authority } = await loadOrCreateOfficeCa(mkdtempSync(path.join(tmpdir(), 'daftar-ca-')), clock.now());
    signer = new PdfSigner({ authority, clock });
  }, 120_000);

  it('goes through consent and the OTP like any signed decision; the signed note is the draft, now confirmed', async () => {
    const o = await office({ clock, signer, signPolicy: { posts: ['DDC'], decisions: ['file.approve', 'file.return'] } });
    // The section officer sends the file up to her reporting officer, the DDC, with the draft he is to sign.
    const made = joined(await o.say('SAH0010', 'नई संचिका: सोनबरसा सड़क मरम्मत प्राक्कलन'));
    const number = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
    await o.say('SAH0010', `${number} SAH0002 को भेजें`);
    expect(joined(await o.say('SAH0010', `मसौदा टिप्पणी ${number}: Approved; the estimate is in order.`))).toContain('Rakesh Kumar (उप विकास आयुक्त) को पुष्टि के लिए भेजी गई');
    await o.deliver();
    const summary = await o.say('SAH0002', '', { action: '/draft.approve 1' });
    expect(summary[0]?.buttons?.map((b) => b.command)).toEqual(['/sign.consent', '/sign.cancel']);
    expect(joined(summary)).toContain('Approved; the estimate is in order.');
    // Nothing decided yet: the draft is open, the file with the DDC.
    expect(await o.store.transaction((tx) => tx.drafts.byId(1))).toMatchObject({ status: 'signing' });
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.ddc.id);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    const done = await o.say('SAH0002', o.otp.lastCode());
    const doc = done.find((r) => r.document !== undefined)?.document;
    expect(doc?.mime).toBe('application/pdf');
    expect(await signer.verify(Buffer.from(doc?.base64 ?? '', 'base64'))).toMatchObject({ signed: true, intact: true });
    expect(await o.store.transaction((tx) => tx.drafts.byId(1))).toMatchObject({ status: 'confirmed', noteNumber: 1 });
    const notes = await o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(number))!.id));
    expect(notes.map((n) => [n.text, n.decision, n.authorId])).toEqual([['Approved; the estimate is in order.', 'approve', o.staff.ddc.id]]);
    const types = await auditTypes(o);
    expect(types.filter((t) => t.startsWith('draft.'))).toEqual(['draft.drafted', 'draft.confirmed']);
    expect(types).toContain('signature.applied');
  }, 60_000);
});

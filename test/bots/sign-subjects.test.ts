// Signing tour approvals, TA approvals and letter dispatch with an OTP: the same consent → OTP →
// signed PDF path as files and leave, each PDF checked by pdfsig against the office CA, qpdf, and
// the chat's own verify; and each failure leaves the decision pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateOfficeCa } from '../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../adapters/signing/pdf-signer.ts';
import { cancelTour } from '../../core/tour/decide-tour.ts';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import { nssDatabase, pdfsig, type NssDatabase } from '../helpers/nss.ts';

let authority: Awaited<ReturnType<typeof loadOrCreateOfficeCa>>['authority'];
let nss: NssDatabase;
// Each test's office has its own clock and a signer on it. The clocks start in early March, well
// before today: pdfsig judges certificate validity by the real time, and a certificate issued on a
// test date after today would be "not yet valid".
let clock: FakeClock;
let signer: PdfSigner;
const POLICY = { posts: ['DDC'], decisions: ['tour.approve', 'ta.approve', 'letter.dispatch'] as const };

beforeAll(async () => {
  authority = (await loadOrCreateOfficeCa(mkdtempSync(path.join(tmpdir(), 'daftar-ca-')), new FakeClock('2026-01-05T05:30:00.000Z').now())).authority;
  nss = await nssDatabase([authority.certificatePem]);
}, 120_000);

afterAll(async () => {
  await nss?.dispose();
});

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const pdfOf = (replies: Reply[]) => Buffer.from(replies.find((r) => r.document !== undefined)?.document?.base64 ?? '', 'base64');

async function office(): Promise<TestOffice> {
  clock = new FakeClock('2026-03-02T05:30:00.000Z');
  signer = new PdfSigner({ authority, clock });
  const o = await makeOffice({ clock, signer, signPolicy: { posts: POLICY.posts, decisions: [...POLICY.decisions] } });
  await o.linkAll();
  return o;
}

/** The section officer's tour, waiting with the DDC (who signs approvals). */
async function tourAtDdc(o: TestOffice): Promise<string> {
  await o.say('SAH0010', 'tour to Patna 10-11 Mar for revenue meeting by bus');
  expect(joined(await o.say('SAH0010', 'हाँ'))).toContain('TR/2026/');
  const tour = await o.store.transaction(async (tx) => (await tx.tours.listByHolder(o.staff.ddc.id, ['pending']))[0]);
  if (tour === undefined) throw new Error('the tour did not reach the DDC');
  return tour.number;
}

/** Another linked chat of the DDC (an office PC). */
async function secondDevice(o: TestOffice, address: string): Promise<void> {
  await o.store.transaction(async (tx) => {
    const account = await tx.accounts.create({ channel: 'test', address, displayName: null });
    await tx.accounts.update(account.id, { employeeId: o.staff.ddc.id, linkedAt: clock.now() });
  });
}

async function expectSignedPdf(pdf: Buffer, text: string[]): Promise<void> {
  const report = await pdfsig(pdf, nss);
  expect(report).toContain('Signature Validation: Signature is Valid.');
  expect(report).toContain('Certificate Validation: Certificate is Trusted.');
  expect((await qpdfCheck(pdf)).ok).toBe(true);
  expect(await signer.verify(pdf)).toMatchObject({ signed: true, intact: true, wholeDocument: true, trusted: true, signer: { code: 'SAH0002' } });
  const printed = await pdfText(pdf);
  for (const t of ['Digitally signed', 'SAH0002', 'signed via OTP to ••••0002', ...text]) expect(printed).toContain(t);
  const tampered = Buffer.from(pdf);
  tampered[400] = (tampered[400] ?? 0) ^ 0x01;
  expect(await pdfsig(tampered, nss)).not.toContain('Signature is Valid');
  expect(await signer.verify(tampered)).toMatchObject({ signed: true, intact: false });
}

describe('signing a tour approval', () => {
  it('approves only on the right code, with a signed tour approval order that pdfsig trusts', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    await o.deliver();
    const summary = await o.say('SAH0002', 'approved', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    const text = joined(summary);
    expect(text).toContain(number);
    expect(text).toMatch(/Patna[\s\S]*10-03-2026[\s\S]*SHA-256: [0-9a-f]{64}/);
    expect(summary[0]?.buttons?.map((b) => b.command)).toEqual(['/sign.consent', '/sign.cancel']);
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('pending');

    expect(joined(await o.say('SAH0002', '', { action: '/sign.consent' }))).toContain('••••0002');
    const wrong = o.otp.lastCode() === '000000' ? '111111' : '000000';
    expect(joined(await o.say('SAH0002', wrong))).toMatch(/प्रयास बाकी/);
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('pending');
    const done = await o.say('SAH0002', o.otp.lastCode());
    expect(joined(done)).toContain(`दौरा ${number}`);
    const pdf = pdfOf(done);
    await expectSignedPdf(pdf, [number, 'Patna', 'revenue meeting', 'Tour Approval Order', 'भ्रमण स्वीकृति आदेश']);
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('approved');
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('tour', number))).toHaveLength(1);
    const applied = (await o.store.transaction((tx) => tx.audit.page(1, 1000))).find((e) => e.type === 'signature.applied');
    expect(applied).toMatchObject({ subjectType: 'tour', subjectId: number });
    expect(JSON.parse(applied?.data ?? '{}')).toMatchObject({ channel: 'test' });
    expect(text).toContain(JSON.parse(applied?.data ?? '{}').documentHash);
    // The applicant hears of it as with an unsigned approval.
    await o.deliver();
    expect(o.channel.lastTo('SAH0010').reply.text).toContain(number);
    // The signed order can be fetched again by its number, by the applicant and the signer only.
    const short = number.replace(/\/0+(\d)/, '/$1');
    const again = await o.say('SAH0010', `signed ${short}`);
    expect(Buffer.compare(pdfOf(again), pdf)).toBe(0);
    expect(pdfOf(await o.say('SAH0002', `हस्ताक्षरित ${number}`)).length).toBeGreaterThan(0);
    const stranger = await o.say(o.staff.clerk.code, `signed ${number}`);
    expect(stranger[0]?.document).toBeUndefined();
    expect(joined(stranger)).toContain('केवल आवेदक');
    expect(joined(await o.say('SAH0010', 'signed TR/2026/999999'))).toContain('TR/2026/999999');
  }, 60_000);

  it('refuses the code when the tour was cancelled after consent, and signs nothing', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    await o.say('SAH0002', '', { action: `/tour.approve ${number}` });
    await o.say('SAH0002', 'yes');
    const code = o.otp.lastCode();
    await o.store.transaction(async (tx) => {
      const tour = await tx.tours.byNumber(number);
      if (tour === null) throw new Error('no tour');
      const cancelled = await cancelTour(tx, clock, { actor: o.staff.so, tour, reason: 'meeting postponed' });
      expect(cancelled.ok).toBe(true);
    });
    expect(joined(await o.say('SAH0002', code))).toMatch(new RegExp(`${number.replace(/\//g, '\\/')} में इसी बीच बदलाव`));
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('cancelled');
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('tour', number))).toEqual([]);
    const refused = (await o.store.transaction((tx) => tx.audit.page(1, 1000))).find((e) => e.type === 'signature.refused');
    expect(refused).toMatchObject({ subjectType: 'tour', subjectId: number });
  });

  it('does not let a second device use the challenge; cancel and an expired code leave the tour pending', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    await secondDevice(o, 'SAH0002-tab');
    expect(joined(await o.say('SAH0002-tab', o.otp.lastCode()))).toMatch(/OTP प्रतीक्षित नहीं/);
    expect(joined(await o.say('SAH0002', 'रद्द करें'))).toMatch(new RegExp(`हस्ताक्षर रद्द; ${number.replace(/\//g, '\\/')} पर निर्णय लंबित`));
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toMatch(/OTP प्रतीक्षित नहीं/);

    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    clock.advanceMinutes(6);
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toMatch(/अवधि समाप्त/);
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('pending');
  });

  it('refusing a tour is not signed (only approvals are in the policy)', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    expect(joined(await o.say('SAH0002', `refused ${number}: dates clash with the district review`))).toContain('अस्वीकृत');
    expect((await o.store.transaction((tx) => tx.tours.byNumber(number)))?.status).toBe('refused');
  });
});

describe('signing a TA approval', () => {
  it('approves the claim only on the right code and returns the signed TA bill with its visible block', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', 'yes');
    await o.say('SAH0002', o.otp.lastCode());
    clock.advanceMinutes(24 * 60 * 10);
    expect(joined(await o.say('SAH0010', 'TA claim 850 bus fare Patna'))).toMatch(/TA\/2026\/\d+/);
    const claim = await o.store.transaction(async (tx) => (await tx.taClaims.listByHolder(o.staff.ddc.id, ['pending']))[0]);
    if (claim === undefined) throw new Error('the claim did not reach the DDC');

    const summary = joined(await o.say('SAH0002', '', { action: `/ta.approve ${claim.number}` }));
    expect(summary).toMatch(new RegExp(`${claim.number.replace(/\//g, '\\/')}[\\s\\S]*₹${claim.total}[\\s\\S]*SHA-256: [0-9a-f]{64}`));
    expect((await o.store.transaction((tx) => tx.taClaims.byNumber(claim.number)))?.status).toBe('pending');
    await o.say('SAH0002', 'हाँ');
    const done = await o.say('SAH0002', o.otp.lastCode());
    expect(joined(done)).toContain(claim.number);
    await expectSignedPdf(pdfOf(done), [claim.number, '850', 'यात्रा भत्ता विपत्र']);
    expect((await o.store.transaction((tx) => tx.taClaims.byNumber(claim.number)))?.status).toBe('approved');
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('ta', claim.number))).toHaveLength(1);
  }, 60_000);

  it('refuses the code when the claim was decided from another device meanwhile', async () => {
    const o = await office();
    const number = await tourAtDdc(o);
    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', 'yes');
    await o.say('SAH0002', o.otp.lastCode());
    clock.advanceMinutes(24 * 60 * 10);
    await o.say('SAH0010', 'TA claim 400 bus fare Patna');
    const claim = await o.store.transaction(async (tx) => (await tx.taClaims.listByHolder(o.staff.ddc.id, ['pending']))[0]);
    if (claim === undefined) throw new Error('the claim did not reach the DDC');
    await o.say('SAH0002', '', { action: `/ta.approve ${claim.number}` });
    await o.say('SAH0002', '', { action: '/sign.consent' });
    const code = o.otp.lastCode();
    await secondDevice(o, 'SAH0002-pc');
    expect(joined(await o.say('SAH0002-pc', '', { action: `/ta.refuse ${claim.number} receipts missing` }))).toContain('अस्वीकृत');
    expect(joined(await o.say('SAH0002', code))).toMatch(/इसी बीच बदलाव/);
    expect((await o.store.transaction((tx) => tx.taClaims.byNumber(claim.number)))?.status).toBe('refused');
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('ta', claim.number))).toEqual([]);
  });
});

/** A file forwarded by the clerk to the DDC, who writes letters on it. */
async function fileAtDdc(o: TestOffice): Promise<string> {
  await o.say('SAH0021', 'new file: Land records update');
  await o.say('SAH0021', 'send to DDC');
  const file = await o.store.transaction(async (tx) => (await tx.files.listByHolder(o.staff.ddc.id, ['open']))[0]);
  if (file === undefined) throw new Error('the file did not reach the DDC');
  return file.fileNumber;
}

describe('signing the dispatch of a letter', () => {
  it('numbers, signs, stores and notes the letter; it can be fetched again and verified; tampering is caught', async () => {
    const o = await office();
    const file = await fileAtDdc(o);
    const draft = await o.say('SAH0002', `letter on ${file} to The Secretary, Revenue and Land Reforms Dept, Patna: subject: Updating land records text: The report on the above subject is enclosed.`);
    expect(joined(draft)).toContain('The Secretary, Revenue and Land Reforms Dept, Patna');
    const dispatch = draft[0]?.buttons?.[0]?.command ?? '';
    expect(dispatch).toMatch(/^\/letter\.dispatch \d+$/);
    const summary = joined(await o.say('SAH0002', '', { action: dispatch }));
    expect(summary).toMatch(/Updating land records[\s\S]*SHA-256: [0-9a-f]{64}/);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    const done = await o.say('SAH0002', o.otp.lastCode());
    expect(joined(done)).toContain('SAH/D/2026/000001');
    const pdf = pdfOf(done);
    await expectSignedPdf(pdf, ['SAH/D/2026/000001', 'समाहरणालय, सहरसा', 'Collectorate, Saharsa', 'Updating land records', 'The Secretary, Revenue and Land Reforms Dept, Patna']);

    const letter = await o.store.transaction((tx) => tx.letters.byNumber('SAH/D/2026/000001'));
    expect(letter).toMatchObject({ status: 'dispatched', signerId: o.staff.ddc.id });
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('letter', 'SAH/D/2026/000001'))).toHaveLength(1);
    const notes = await o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(file))?.id ?? 0));
    expect(notes.at(-1)?.text).toContain('Letter no. SAH/D/2026/000001 signed and dispatched to The Secretary');

    // Fetched again by number, by someone who can see the file, and verified in the chat.
    const again = await o.say('SAH0021', 'letter SAH/D/2026/000001');
    expect(again[0]?.document?.base64).toBe(pdf.toString('base64'));
    expect(joined(await o.say('SAH0002', 'verify', { attachments: [{ filename: 'letter.pdf', mime: 'application/pdf', bytes: pdf }] }))).toMatch(/हस्ताक्षर वैध है/);
    const tampered = Buffer.from(pdf);
    tampered[400] = (tampered[400] ?? 0) ^ 0x01;
    expect(joined(await o.say('SAH0002', 'verify', { attachments: [{ filename: 'tampered.pdf', mime: 'application/pdf', bytes: tampered }] }))).toMatch(/बदला गया है/);
  }, 60_000);

  it('refuses the code when the file moved before dispatch: the letter stays a draft and no number is used', async () => {
    const o = await office();
    const file = await fileAtDdc(o);
    const draft = await o.say('SAH0002', `पत्र ${file} सेवा में: सचिव, राजस्व एवं भूमि सुधार विभाग, पटना विषय: भूमि अभिलेख पाठ: प्रतिवेदन संलग्न है।`);
    await o.say('SAH0002', '', { action: draft[0]?.buttons?.[0]?.command ?? '' });
    await o.say('SAH0002', 'हाँ');
    const code = o.otp.lastCode();
    await secondDevice(o, 'SAH0002-pc');
    await o.say('SAH0002-pc', `send ${file} to SAH0010`);
    expect((await o.store.transaction((tx) => tx.files.byNumber(file)))?.holderId).toBe(o.staff.so.id);
    expect(joined(await o.say('SAH0002', code))).toMatch(/पत्र प्रारूप #\d+ में इसी बीच बदलाव/);
    const letters = await o.store.transaction(async (tx) => tx.letters.listByFile((await tx.files.byNumber(file))?.id ?? 0));
    expect(letters.map((l) => [l.status, l.number])).toEqual([['draft', null]]);
    expect(await o.store.transaction((tx) => tx.counters.next('dispatch:2026'))).toBe(1);
  });

  it('cancelling the signature leaves the letter a draft; a second dispatch of a sent letter is refused', async () => {
    const o = await office();
    const file = await fileAtDdc(o);
    const draft = await o.say('SAH0002', `letter on ${file} to DM, Madhepura: subject: Boundary survey text: Please depute a surveyor.`);
    const dispatch = draft[0]?.buttons?.[0]?.command ?? '';
    await o.say('SAH0002', '', { action: dispatch });
    expect(joined(await o.say('SAH0002', '', { action: '/sign.cancel' }))).toMatch(/प्रेषित नहीं हुआ, प्रारूप बना हुआ है/);
    await o.say('SAH0002', '', { action: dispatch });
    await o.say('SAH0002', 'yes');
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toContain('SAH/D/2026/000001');
    expect(joined(await o.say('SAH0002', '', { action: dispatch }))).toMatch(/अब प्रारूप नहीं है/);
  }, 60_000);
});

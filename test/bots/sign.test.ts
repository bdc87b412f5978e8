// Signing a decision from a chat: consent, an OTP bound to the decision's hash, a signed note sheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadOrCreateOfficeCa } from '../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../adapters/signing/pdf-signer.ts';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { qpdfCheck } from '../helpers/pdf-tools.ts';

let signer: PdfSigner;
const clock = new FakeClock();

beforeAll(async () => {
  const { authority } = await loadOrCreateOfficeCa(mkdtempSync(path.join(tmpdir(), 'daftar-ca-')), clock.now());
  signer = new PdfSigner({ authority, clock });
}, 120_000);

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/** A file forwarded by the clerk to the DDC, whose decisions must be signed. */
async function officeWithFileAtDdc(): Promise<{ o: TestOffice; number: string }> {
  const o = await makeOffice({ clock, signer, signPolicy: { posts: ['DDC'], decisions: ['file.approve', 'file.return'] } });
  await o.linkAll();
  await o.say('SAH0021', 'new file: Sonbarsa road repair estimate');
  await o.say('SAH0021', 'note: Estimate of Rs 4.2 lakh put up for approval.');
  await o.say('SAH0021', 'send to DDC');
  const file = await o.store.transaction(async (tx) => (await tx.files.listByHolder(o.staff.ddc.id, ['open']))[0]);
  if (file === undefined) throw new Error('the file did not reach the DDC');
  return { o, number: file.fileNumber };
}

function pdfsig(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'daftar-sig-')), 'signed.pdf');
  writeFileSync(file, bytes);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return run.stdout + run.stderr;
}

describe('signing a decision with an OTP', () => {
  it('shows what will be signed, asks consent, takes the OTP and returns a signed note sheet that verifies', async () => {
    const { o, number } = await officeWithFileAtDdc();
    const summary = await o.say('SAH0002', `approved ${number}, estimate is in order`);
    const text = joined(summary);
    expect(text).toContain(number);
    expect(text).toMatch(/SHA-256: [0-9a-f]{64}/);
    expect(summary[0]?.buttons?.map((b) => b.command)).toEqual(['/sign.consent', '/sign.cancel']);
    // Nothing has happened yet: no note, file still with the DDC.
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.ddc.id);

    expect(joined(await o.say('SAH0002', 'हाँ'))).toContain('••••0002');
    const wrong = o.otp.lastCode() === '000000' ? '111111' : '000000';
    expect(joined(await o.say('SAH0002', wrong))).toMatch(/प्रयास बाकी/);
    const done = await o.say('SAH0002', o.otp.lastCode());
    const doc = done.find((r) => r.document !== undefined)?.document;
    expect(doc?.mime).toBe('application/pdf');
    const pdf = Buffer.from(doc?.base64 ?? '', 'base64');
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    const check = await signer.verify(pdf);
    expect(check).toMatchObject({ signed: true, intact: true, wholeDocument: true, trusted: true, signer: { name: 'Rakesh Kumar', code: 'SAH0002' } });

    const file = await o.store.transaction((tx) => tx.files.byNumber(number));
    expect(file?.holderId).toBe(o.staff.clerkEn.id);
    const events = await o.store.transaction((tx) => tx.audit.page(1, 1000));
    const applied = events.find((e) => e.type === 'signature.applied');
    expect(JSON.parse(applied?.data ?? '{}')).toMatchObject({ channel: 'test' });
    expect(text).toContain(JSON.parse(applied?.data ?? '{}').documentHash);

    // Fetched again by file number, and checked in the chat; one flipped byte is caught.
    const again = await o.say('SAH0002', `signed ${number}`);
    expect(again[0]?.document?.base64).toBe(doc?.base64);
    expect(joined(await o.say('SAH0002', 'verify', { attachments: [{ filename: 'signed.pdf', mime: 'application/pdf', bytes: pdf }] }))).toMatch(/हस्ताक्षर वैध है/);
    // One byte early in the file: inside the signed byte range, far from the signature itself.
    const tampered = Buffer.from(pdf);
    tampered[400] = (tampered[400] ?? 0) ^ 0x01;
    expect(pdfsig(tampered)).not.toContain('Signature is Valid');
    expect(joined(await o.say('SAH0002', 'verify', { attachments: [{ filename: 'tampered.pdf', mime: 'application/pdf', bytes: tampered }] }))).toMatch(/बदला गया है/);
  }, 60_000);

  it('refuses the code if the file changed after consent, and leaves the decision pending', async () => {
    const { o, number } = await officeWithFileAtDdc();
    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    const code = o.otp.lastCode();
    // The DDC's office PC adds a note meanwhile.
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0002-pc', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.ddc.id, linkedAt: clock.now() });
    });
    await o.say('SAH0002-pc', `note on ${number}: please also check the rates`);
    expect(joined(await o.say('SAH0002', code))).toMatch(/इसी बीच बदलाव/);
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.ddc.id);
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('file', number))).toEqual([]);
  });

  it('does not let a second device use the challenge, and cancelling leaves the file pending', async () => {
    const { o, number } = await officeWithFileAtDdc();
    await o.say('SAH0002', `return ${number}: attach the site photographs`);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0002-tab', displayName: null });
      await tx.accounts.update(account.id, { employeeId: o.staff.ddc.id, linkedAt: clock.now() });
    });
    expect(joined(await o.say('SAH0002-tab', o.otp.lastCode()))).toMatch(/OTP प्रतीक्षित नहीं/);
    expect(joined(await o.say('SAH0002', 'रद्द करें'))).toMatch(/हस्ताक्षर रद्द/);
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toMatch(/OTP प्रतीक्षित नहीं/);
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.ddc.id);
  });

  it('refuses an expired code', async () => {
    const { o, number } = await officeWithFileAtDdc();
    await o.say('SAH0002', `approved ${number}`);
    await o.say('SAH0002', '', { action: '/sign.consent' });
    clock.advanceMinutes(6);
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toMatch(/अवधि समाप्त/);
    expect((await o.store.transaction((tx) => tx.files.byNumber(number)))?.holderId).toBe(o.staff.ddc.id);
  });
});

describe('signing a leave sanction with an OTP', () => {
  it('sanctions only on the right code and returns a signed order that pdfsig accepts', async () => {
    const o = await makeOffice({ clock, signer, signPolicy: { posts: ['DDC'], decisions: ['leave.sanction'] } });
    await o.linkAll();
    await o.store.transaction((tx) => tx.leaveLedger.add({ employeeId: o.staff.so.id, year: 2026, type: 'CL', days: 16, kind: 'opening', refId: null, note: null, at: clock.now() }));
    // The section officer's CL is sanctioned by the DDC, whose sanctions are signed.
    await o.say('SAH0010', 'CL 2 days from 7 Dec, family function');
    await o.say('SAH0010', 'हाँ');
    await o.deliver();
    const asked = o.channel.lastTo('SAH0002');
    const summary = joined(await o.say('SAH0002', 'sanctioned', { replyToMessageId: asked.messageId }));
    expect(summary).toMatch(/LV\/2026\/000001[\s\S]*SHA-256: [0-9a-f]{64}/);
    const before = await o.store.transaction((tx) => tx.leave.byNumber('LV/2026/000001'));
    expect(before?.status).toBe('pending');
    await o.say('SAH0002', 'yes');
    const done = await o.say('SAH0002', o.otp.lastCode());
    const pdf = Buffer.from(done.find((r) => r.document !== undefined)?.document?.base64 ?? '', 'base64');
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    expect(await signer.verify(pdf)).toMatchObject({ signed: true, intact: true, wholeDocument: true, signer: { code: 'SAH0002' } });
    expect((await o.store.transaction((tx) => tx.leave.byNumber('LV/2026/000001')))?.status).toBe('sanctioned');
    expect(await o.store.transaction((tx) => tx.leaveLedger.balance(o.staff.so.id, 2026, 'CL'))).toBe(14);
    expect(await o.store.transaction((tx) => tx.signedDocuments.listFor('leave', 'LV/2026/000001'))).toHaveLength(1);
  }, 60_000);
});

// Issue 18 item 7: a signed leave sanction reaches the applicant as the signed order on their own
// channel, and "signed LV/…" by the applicant returns the same signed copy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateOfficeCa } from '../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../adapters/signing/pdf-signer.ts';
import type { Reply } from '../../bots/reply.ts';
import { DEFAULT_LEAVE_RULES } from '../../core/leave/rules.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { pdfText } from '../helpers/pdf-tools.ts';

let authority: Awaited<ReturnType<typeof loadOrCreateOfficeCa>>['authority'];
beforeAll(async () => {
  authority = (await loadOrCreateOfficeCa(mkdtempSync(path.join(tmpdir(), 'daftar-ca-')), new FakeClock('2026-01-05T05:30:00.000Z').now())).authority;
}, 120_000);

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');
const pdfOf = (replies: Reply[]) => Buffer.from(replies.find((r) => r.document !== undefined)?.document?.base64 ?? '', 'base64');

async function office(): Promise<{ o: TestOffice; signer: PdfSigner }> {
  const clock = new FakeClock('2026-03-02T05:30:00.000Z');
  const signer = new PdfSigner({ authority, clock });
  const o = await makeOffice({ clock, signer, signPolicy: { posts: ['DDC'], decisions: ['leave.sanction', 'tour.approve'] } });
  await o.linkAll();
  await o.store.transaction(async (tx) => {
    await tx.leaveLedger.add({ employeeId: o.staff.so.id, year: 2026, type: 'CL', days: DEFAULT_LEAVE_RULES.types[0]?.entitlement ?? 16, kind: 'opening', refId: null, note: null, at: clock.now() });
  });
  return { o, signer };
}

describe('the applicant receives the signed order', () => {
  it('a leave sanctioned by signature: the signed order reaches the applicant, and `signed LV/…` returns it', async () => {
    const { o, signer } = await office();
    await o.say('SAH0010', 'CL 2 days from 5 Mar, family function');
    expect(joined(await o.say('SAH0010', 'हाँ'))).toContain('LV/2026/000001');
    await o.deliver();
    await o.say('SAH0002', 'sanctioned', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    await o.say('SAH0002', '', { action: '/sign.consent' });
    await o.say('SAH0002', o.otp.lastCode());
    await o.deliver();
    const copy = o.channel.to('SAH0010').map((d) => d.reply).find((r) => r.document !== undefined);
    expect(copy?.text).toMatch(/आपकी छुट्टी LV\/2026\/000001 का स्वीकृति आदेश \(डिजिटल हस्ताक्षरित/);
    expect(copy?.subject?.type).toBe('signed');
    const pdf = Buffer.from(copy?.document?.base64 ?? '', 'base64');
    expect(await signer.verify(pdf)).toMatchObject({ signed: true, intact: true, signer: { code: 'SAH0002' } });
    expect((await pdfText(pdf)).normalize('NFC')).toContain('LV/2026/000001');
    // Asked again by its number, the applicant gets the very same signed copy.
    const again = await o.say('SAH0010', 'signed LV/2026/000001');
    expect(Buffer.compare(pdfOf(again), pdf)).toBe(0);
  }, 60_000);

  it('a tour approved by signature: the officer on tour receives the signed approval order', async () => {
    const { o, signer } = await office();
    await o.say('SAH0010', 'tour to Patna 10-11 Mar for revenue meeting by bus');
    await o.say('SAH0010', 'हाँ');
    await o.deliver();
    await o.say('SAH0002', 'approved', { replyToMessageId: o.channel.lastTo('SAH0002').messageId });
    await o.say('SAH0002', '', { action: '/sign.consent' });
    await o.say('SAH0002', o.otp.lastCode());
    await o.deliver();
    const copy = o.channel.to('SAH0010').map((d) => d.reply).find((r) => r.document !== undefined);
    expect(copy?.text).toMatch(/आपके दौरे TR\/2026\/000001 का स्वीकृति आदेश/);
    expect(await signer.verify(Buffer.from(copy?.document?.base64 ?? '', 'base64'))).toMatchObject({ signed: true, intact: true });
  }, 60_000);
});

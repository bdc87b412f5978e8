// Scans are checked and stored before the message's transaction (bots/commands/receipt.ts
// prepareUploads), but only for a linked, active sender: nobody else gets anything onto the disk.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeOffice } from '../helpers/office.ts';
import type { InboundAttachment, Reply } from '../../bots/reply.ts';

const page = (): InboundAttachment => ({
  filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)),
});
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('uploads', () => {
  it('keeps nothing from a chat that is not linked', async () => {
    const o = await makeOffice();
    const reply = joined(await o.say('stranger-1', 'letter', { attachments: [page()] }));
    expect(reply).toContain('Please link this chat to your employee code first');
    await new Promise((r) => setTimeout(r, 80));
    expect(o.blobs.blobs.size).toBe(0);
  });

  it('keeps nothing from an employee who is no longer active', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.store.transaction((tx) => tx.employees.update(o.staff.clerkEn.id, { active: false }));
    const reply = joined(await o.say(o.staff.clerkEn.code, 'letter', { attachments: [page()] }));
    expect(reply).toMatch(/SAH0021/);
    await new Promise((r) => setTimeout(r, 80));
    expect(o.blobs.blobs.size).toBe(0);
    expect(await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'))).toBeNull();
  });

  it('stores a linked clerk\'s page once, as the receipt\'s original, beside its PDF', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const scan = page();
    const reply = joined(await o.say(o.staff.clerkEn.code, 'Letter from CO Kahara', { attachments: [scan] }));
    expect(reply).toContain('SAH/R/2026/000001');
    const receipt = await o.store.transaction((tx) => tx.receipts.byDiaryNumber('SAH/R/2026/000001'));
    const originals = await o.store.transaction((tx) => tx.receipts.originals(receipt!.id));
    const sha = createHash('sha256').update(scan.bytes).digest('hex');
    expect(originals.map((x) => x.blob)).toEqual([sha]);
    expect([...o.blobs.blobs.keys()].sort()).toEqual([sha, receipt!.pdfBlob].sort());
  });
});

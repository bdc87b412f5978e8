// Issue 18, item 12: a receipt put in a file is where its file is (not with the clerk who filed it),
// and a decision taken without a remark is printed once on the note sheet, as the decision.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import type { Reply } from '../../bots/reply.ts';

const scan = { filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)) };
const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

async function fileSentToSo(): Promise<{ o: TestOffice; number: string }> {
  const o = await makeOffice();
  await o.linkAll();
  await o.say('SAH0021', 'Flood relief letter from CO Kahara', { attachments: [scan] });
  const made = joined(await o.say('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' }));
  const number = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
  expect(number).not.toBe('');
  await o.say('SAH0021', 'note: Put up for orders.');
  expect(joined(await o.say('SAH0021', 'send to section officer'))).toContain('सुनीता देवी');
  await o.deliver();
  return { o, number };
}

describe("a receipt's status once its file has moved on", () => {
  it('names the file and where the file is now, not the clerk who put it in', async () => {
    const { o, number } = await fileSentToSo();
    const en = await o.text('SAH0021', 'status SAH/R/2026/000001');
    expect(en).toContain(`Put in file ${number}; the file is now with सुनीता देवी (प्रशाखा पदाधिकारी)`);
    expect(en).not.toMatch(/^With Priya Singh/m);
    // In Hindi for the section officer, who can see it too.
    const hi = await o.text('SAH0010', 'status SAH/R/2026/000001');
    expect(hi).toContain(`संचिका ${number} में रखी गई है; संचिका अभी सुनीता देवी (प्रशाखा पदाधिकारी) के पास है`);
    // The file moves on again (to the DDC): the receipt's status follows it.
    await o.say('SAH0010', 'DDC ko bhejo', { replyToMessageId: o.channel.lastTo('SAH0010').messageId });
    expect(await o.text('SAH0021', 'status SAH/R/2026/000001')).toContain('the file is now with Rakesh Kumar (उप विकास आयुक्त)');
  });

  it('a receipt not in a file is still with its holder', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'Survey report from Amin, Mahishi', { attachments: [scan] });
    const en = await o.text('SAH0021', 'status SAH/R/2026/000001');
    expect(en).toContain('With Priya Singh (Clerk) since');
    expect(en).not.toContain('Put in file');
  });
});

describe('the note sheet of a decided file', () => {
  it('prints a decision taken without a remark once, as the decision', async () => {
    const { o, number } = await fileSentToSo();
    expect(joined(await o.say('SAH0010', 'approved', { replyToMessageId: o.channel.lastTo('SAH0010').messageId }))).toContain('Priya Singh');
    const sheet = (await o.say('SAH0021', `file ${number}`)).find((r) => r.document !== undefined)?.document;
    const text = await pdfText(Buffer.from(sheet?.base64 ?? '', 'base64'));
    const notes = text.slice(text.indexOf('Note 2 / टिप्पणी 2'), text.indexOf('Annexures / संलग्नक'));
    expect(notes).toContain('Approved / स्वीकृत');
    expect(notes.match(/Approved/g)).toHaveLength(1);
    expect(notes.match(/स्वीकृत/g)).toHaveLength(1);
    expect(notes).not.toContain('Approved. / स्वीकृत।');
  });

  it('keeps a remark given with the decision, above the decision', async () => {
    const { o, number } = await fileSentToSo();
    await o.say('SAH0010', `approved ${number}: issue the relief list to the circle offices`);
    const sheet = (await o.say('SAH0021', `file ${number}`)).find((r) => r.document !== undefined)?.document;
    const text = await pdfText(Buffer.from(sheet?.base64 ?? '', 'base64'));
    const notes = text.slice(text.indexOf('Note 2 / टिप्पणी 2'), text.indexOf('Annexures / संलग्नक'));
    expect(notes).toMatch(/issue the relief list to the circle offices[\s\S]*Approved \/ स्वीकृत/);
  });
});

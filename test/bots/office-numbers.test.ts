// An office with its own FILE_NUMBER_FORMAT finds its files by their numbers in chat, as the
// default office does with GOP-1/2026.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeOffice } from '../helpers/office.ts';
import { officeNumbers } from '../../core/office/numbers.ts';
import { officeProfile } from '../../core/office/profile.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import type { InboundAttachment } from '../../bots/reply.ts';

const scan: InboundAttachment = {
  filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)),
};
const formats = { office: 'BHR', diary: '{office}/DAK/{year}/{serial:5}', file: '{office}/{section}/{serial}/{year}' };

describe('an office that numbers its own way', () => {
  it('reads its file and diary numbers back from text, and not the default shapes', () => {
    const numbers = officeNumbers(formats);
    expect(numbers.findFile('status bhr/est/12/2026 please')).toBe('BHR/EST/12/2026');
    expect(numbers.findDiary('receipt BHR/DAK/2026/00007 kahan hai')).toBe('BHR/DAK/2026/00007');
    expect(numbers.findFile('status EST-12/2026')).toBeNull();
    // Not inside a longer path or code.
    expect(numbers.findFile('see x/BHR/EST/12/2026/y')).toBeNull();
  });

  it('finds a file made under FILE_NUMBER_FORMAT={office}/{section}/{serial}/{year} by its number in chat', async () => {
    const o = await makeOffice({ formats });
    await o.linkAll();
    const made = await o.text('SAH0021', 'Land acquisition letter from BDO Sonbarsa', { attachments: [scan] });
    const diary = /BHR\/DAK\/2026\/\d{5}/.exec(made)?.[0];
    expect(diary, made).toBeDefined();
    const opened = await o.text('SAH0021', '', { action: `/receipt.newfile ${diary}` });
    const number = /BHR\/EST\/\d+\/2026/.exec(opened)?.[0];
    expect(number, opened).toBe('BHR/EST/1/2026');

    // Status by the number, in words, from another chat that may see it (the section officer).
    const status = await o.text('SAH0010', `status ${number!.toLowerCase()}`);
    expect(status).toContain('BHR/EST/1/2026');
    expect(status).toContain('Priya Singh');
    // The note sheet by "file <number>".
    const sheet = await o.say('SAH0021', `file ${number}`);
    expect(sheet.some((r) => r.document?.mime === 'application/pdf')).toBe(true);
    // A note on the file named by its number moves nothing and is recorded on it.
    const noted = await o.text('SAH0021', `note on ${number}: papers verified`);
    expect(noted).toContain('BHR/EST/1/2026');
    const file = await o.store.transaction((tx) => tx.files.byNumber('BHR/EST/1/2026'));
    expect(file?.holderId).toBe(o.staff.clerkEn.id);
  });
});

describe('another office', () => {
  it('prints its own name on the note sheet (OFFICE_NAME_EN / OFFICE_NAME_HI)', async () => {
    const office = officeProfile({ name: { en: 'Collectorate, Madhepura', hi: 'समाहरणालय, मधेपुरा' }, place: { en: 'Madhepura, Bihar', hi: 'मधेपुरा, बिहार' } });
    const o = await makeOffice({ office });
    await o.linkAll();
    await o.say('SAH0021', 'Road repair estimate', { attachments: [scan] });
    const opened = await o.text('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' });
    const number = /EST-\d+\/2026/.exec(opened)?.[0] ?? '';
    const sheet = (await o.say('SAH0021', `file ${number}`)).find((r) => r.document !== undefined);
    const text = await pdfText(Buffer.from(sheet?.document?.base64 ?? '', 'base64'));
    expect(text).toContain('Collectorate, Madhepura');
    expect(text).not.toContain('Saharsa');
  });
});


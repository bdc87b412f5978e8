// A text over MAX_TEXT_CHARS is answered before it is parsed: the real assistant on a real SQLite
// file, whose every table is read before and after to show that only the message id was recorded.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LanguageModel } from '../../bots/language/index.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { testLanguage } from '../helpers/language.ts';
import { createTestStore, sqliteRows, type TestStore } from '../helpers/sqlite.ts';

type Tables = Record<string, unknown[]>;

/** Every row of every table, straight from the file. */
function everything(file: string): Tables {
  const tables = sqliteRows<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return Object.fromEntries(tables.map((t) => [t.name, sqliteRows(file, `SELECT * FROM "${t.name}"`)]));
}

/** The real language model, noting the length of every text it is asked to parse. */
async function countingModel(): Promise<{ model: LanguageModel; parsed: number[] }> {
  const real = await testLanguage();
  const parsed: number[] = [];
  return { model: { parse: (text, options) => { parsed.push(text.length); return real.parse(text, options); } }, parsed };
}

const TEN_MB = 10 * 1024 * 1024;
const page = () => ({ filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)) });

let db: TestStore | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

async function office(options: { maxTextChars?: number } = {}): Promise<{ o: TestOffice; parsed: number[]; file: string }> {
  db = await createTestStore();
  const { model, parsed } = await countingModel();
  const o = await makeOffice({ store: db.store, language: model, ...options });
  await o.linkAll();
  return { o, parsed, file: db.file };
}

describe('a text over the length limit', () => {
  it('is answered in the sender\'s language without parsing, keeping only its message id, and answered alike when redelivered', async () => {
    const { o, parsed, file } = await office();
    const before = everything(file);
    const huge = `note: ${'x'.repeat(TEN_MB)}`;
    const messageId = randomUUID();
    // A caption this long comes with a scan: the scan is not looked at either.
    const replies = await o.assistant.handle({ channel: 'test', chatId: o.staff.clerkEn.code, messageId, text: huge, attachments: [page()] });
    expect(replies).toEqual([{ text: expect.stringContaining('This message is too long (1,04,85,766 characters). A message may be at most 4,096 characters') }]);
    expect(parsed).toEqual([]);

    const after = everything(file);
    const { InboundMessage: inbound, ...rest } = after;
    const { InboundMessage: inboundBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(inbound).toHaveLength((inboundBefore?.length ?? 0) + 1);
    expect(inbound?.at(-1)).toMatchObject({ channel: 'test', messageId, chatId: o.staff.clerkEn.code, replies: JSON.stringify(replies) });
    expect(o.blobs.blobs.size).toBe(0);

    // The channel delivers it again: the same answer, and still nothing else changed.
    expect(await o.assistant.handle({ channel: 'test', chatId: o.staff.clerkEn.code, messageId, text: huge })).toEqual(replies);
    expect(everything(file)).toEqual(after);
    expect(parsed).toEqual([]);
  });

  it('is answered in Hindi to a Hindi-speaking employee, and creates no chat account for a stranger', async () => {
    const { o, parsed, file } = await office();
    const long = 'a'.repeat(5000);
    expect(await o.text(o.staff.clerk.code, long)).toMatch(/^यह संदेश बहुत लंबा है \(5,000 अक्षर\)। एक संदेश में अधिकतम 4,096 अक्षर/);
    const accounts = everything(file).ChatAccount;
    expect(await o.text('stranger-1', long)).toMatch(/^This message is too long/);
    expect(await o.text('stranger-2', `नमस्ते ${long}`)).toMatch(/^यह संदेश बहुत लंबा है/);
    expect(everything(file).ChatAccount).toEqual(accounts);
    expect(parsed).toEqual([]);
  });

  it('is a configurable limit: a text at the limit is read as usual, one character more is not; a button command too', async () => {
    const { o, parsed } = await office({ maxTextChars: 300 });
    const at = `my files ${' '.repeat(291)}`;
    expect(at).toHaveLength(300);
    expect(await o.text(o.staff.clerkEn.code, at)).not.toMatch(/too long/);
    expect(parsed).toEqual([300]);
    expect(await o.text(o.staff.clerkEn.code, `${at}.`)).toMatch(/^This message is too long \(301 characters\)\. A message may be at most 300 characters/);
    expect(await o.text(o.staff.clerkEn.code, '', { action: `/receipt.newfile ${'9'.repeat(400)}` })).toMatch(/too long \(417 characters\)/);
    expect(parsed).toEqual([300]);
  });
});

// A reply to a file's notification that is not a decision is asked back with the choices as
// buttons — never "not understood", never taken as a decision.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeOffice } from '../helpers/office.ts';

const scan = { filename: 's.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)) };

describe('a reply to a file notification that decides nothing', () => {
  it('asks the holder what to do, with approve / return / forward / note sheet buttons, and moves nothing', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'Electricity bill of the collectorate', { attachments: [scan] });
    const made = await o.text('SAH0021', '', { action: '/receipt.newfile SAH/R/2026/000001' });
    const number = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
    await o.say('SAH0021', 'send to section officer');
    await o.deliver();
    const notice = o.channel.lastTo('SAH0010');
    for (const said of ['dekh lenge', 'will see later', 'बाद में देखेंगे']) {
      const replies = await o.say('SAH0010', said, { replyToMessageId: notice.messageId });
      const asked = replies.find((r) => r.buttons !== undefined);
      expect(asked?.text, said).toContain(number);
      expect(asked?.buttons?.map((b) => b.command)).toEqual([
        `/file.approve ${number}`, `/file.return ${number}`, `/file.forward ${number}`, `/file.sheet ${number}`,
      ]);
    }
    const file = await o.store.transaction((tx) => tx.files.byNumber(number));
    expect(file?.holderId).toBe(o.staff.so.id);
    expect(file?.status).toBe('open');
  });

  it('still says "not understood" to such words when they reply to nothing', async () => {
    const o = await makeOffice();
    await o.linkAll();
    expect(await o.text('SAH0010', 'dekh lenge')).not.toMatch(/EST-|\/file\./);
  });
});

// Issue 18 item 9 through the assistant: "theek lagta hai" in reply to a file approves it with no
// remark, so nothing of it enters the text to be signed or the note sheet; a real remark does.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

async function fileAtDdc(signs: boolean): Promise<{ o: TestOffice; number: string; notice: string }> {
  const o = await makeOffice(signs ? { signPolicy: { posts: ['DDC'], decisions: ['file.approve', 'file.return'] } } : {});
  await o.linkAll();
  await o.say('SAH0021', 'new file: Sonbarsa road repair estimate');
  await o.say('SAH0021', 'note: Estimate of Rs 4.2 lakh put up for approval.');
  await o.say('SAH0021', 'send to DDC');
  await o.deliver();
  const { messageId } = o.channel.lastTo('SAH0002');
  return { o, number: 'EST-1/2026', notice: messageId };
}

describe('filler in reply to a file is approval with no remark', () => {
  it.each(['theek lagta hai', 'ji haan theek hai', 'हाँ ठीक है', 'ok sir'])('"%s": the text to be signed is the decision alone', async (reply) => {
    const { o, notice } = await fileAtDdc(true);
    const summary = joined(await o.say('SAH0002', reply, { replyToMessageId: notice }));
    expect(summary).toMatch(/SHA-256: [0-9a-f]{64}/);
    const signed = /पाठ: (.*)/.exec(summary)?.[1] ?? '';
    expect(signed).toMatch(/स्वीकृत|Approved/);
    for (const word of ['lagta', 'theek', 'ठीक', 'sir', 'haan', 'हाँ']) expect(signed).not.toContain(word);
  });

  it('an unsigned approval writes no filler into the note sheet; a real remark is written', async () => {
    const { o, number, notice } = await fileAtDdc(false);
    await o.say('SAH0002', 'theek lagta hai', { replyToMessageId: notice });
    const notes = await o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(number))?.id ?? 0));
    const last = notes.at(-1)?.text ?? '';
    expect(last).not.toMatch(/lagta/);
    const second = await fileAtDdc(false);
    await second.o.say('SAH0002', 'approved, release by Friday', { replyToMessageId: second.notice });
    const withRemark = await second.o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(number))?.id ?? 0));
    expect(withRemark.at(-1)?.text).toContain('release by Friday');
  });
});

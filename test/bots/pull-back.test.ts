// Pull back through the assistant: "pull back X" / "वापस लें X" / "wapas lo X" and the button on
// the "sent" confirmation; the recipient is told; after they act, the sender is told who acted and when.
import { describe, expect, it } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { pdfText } from '../helpers/pdf-tools.ts';
import type { Reply } from '../../bots/reply.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  await o.linkAll();
  return o;
}

/** Priya (clerk, English) opens a file and sends it by mistake to the DDC. */
async function sentToDdc(o: TestOffice): Promise<{ number: string; sent: Reply[] }> {
  const made = joined(await o.say('SAH0021', 'new file: Boundary dispute at Sonbarsa'));
  const number = /EST-\d+\/2026/.exec(made)?.[0];
  if (number === undefined) throw new Error(`no file number in: ${made}`);
  const sent = await o.say('SAH0021', `send ${number} to SAH0002`);
  expect(joined(sent)).toContain('Rakesh Kumar');
  await o.deliver();
  return { number, sent };
}

const holderOf = (o: TestOffice, number: string) => o.store.transaction(async (tx) => (await tx.files.byNumber(number))?.holderId);

describe('pull back over chat', () => {
  it('the sender pulls a file back in English; the recipient is told; status shows the movement', async () => {
    const o = await office();
    const { number, sent } = await sentToDdc(o);
    // The sent confirmation offers the pull back as a button.
    expect(sent[0]?.buttons?.map((b) => b.command)).toEqual([`/pullback file ${number}`]);
    const answer = joined(await o.say('SAH0021', `pull back ${number}`));
    expect(answer).toBe(`${number} is pulled back from Rakesh Kumar (उप विकास आयुक्त); it is with you again. They have been told.`);
    expect(await holderOf(o, number)).toBe(o.staff.clerkEn.id);
    await o.deliver();
    const told = o.channel.lastTo('SAH0002').reply.text;
    expect(told).toContain(`Priya Singh (Clerk) ने ${number}`);
    expect(told).toContain('वापस ले ली है');
    const events = await o.store.transaction(async (tx) => tx.audit.page(1, 1000));
    expect(events.map((e) => e.type)).toContain('file.pulled_back');
    // The movement register: the status trail and the note sheet's movement table.
    expect(joined(await o.say('SAH0021', `status ${number}`))).toMatch(/Rakesh Kumar → Priya Singh \(pulled back\)/);
    const pdf = (await o.say('SAH0021', `file ${number}`)).find((r) => r.document !== undefined)?.document;
    expect(await pdfText(Buffer.from(pdf?.base64 ?? '', 'base64'))).toMatch(/pulled back \/ वापस ली\s+गई/);
  });

  it('works by the button, in Hindi and in Hinglish', async () => {
    const o = await office();
    const first = await sentToDdc(o);
    expect(joined(await o.say('SAH0021', '', { action: `/pullback file ${first.number}` }))).toContain('pulled back from Rakesh Kumar');
    // Manoj (Hindi) sends a file to the DDC by mistake and pulls it back in Hindi, then in Hinglish.
    const made = joined(await o.say('SAH0020', 'नई संचिका: सेवा पुस्तिका अद्यतन'));
    const number = /EST-\d+\/2026/.exec(made)?.[0] ?? '';
    await o.say('SAH0020', `${number} SAH0002 को भेजें`);
    expect(await holderOf(o, number)).toBe(o.staff.ddc.id);
    expect(joined(await o.say('SAH0020', `वापस लें ${number}`))).toBe(`${number} Rakesh Kumar (उप विकास आयुक्त) से वापस ले ली गई; अब यह आपके पास है। उन्हें सूचित कर दिया गया है।`);
    await o.say('SAH0020', `${number} SAH0002 को भेजें`);
    expect(joined(await o.say('SAH0020', `wapas lo ${number}`))).toContain('वापस ले ली गई');
    expect(await holderOf(o, number)).toBe(o.staff.clerk.id);
  });

  it('after the recipient acted, the sender is told who acted and when, and the file stays', async () => {
    const o = await office();
    const { number } = await sentToDdc(o);
    o.clock.advanceMinutes(20);
    await o.say('SAH0002', `note on ${number}: Seen. Please put up the survey report.`);
    const refused = joined(await o.say('SAH0021', `pull back ${number}`));
    expect(refused).toBe(`${number} can no longer be pulled back: Rakesh Kumar (उप विकास आयुक्त) wrote a note on it at 25-11-2026 11:20 IST. Please speak to them.`);
    expect(await holderOf(o, number)).toBe(o.staff.ddc.id);
    expect(joined(await o.say('SAH0020', `वापस लें ${number}`))).toContain(`${number} आपने नहीं भेजी थी`);
  });

  it('a receipt sent to the wrong person comes back the same way', async () => {
    const o = await office();
    const made = joined(await o.say('SAH0021', 'new file: Placeholder'));
    expect(made).toMatch(/EST-/);
    // A receipt diarised by the clerk, sent to the section officer by mistake.
    const receipt = await o.store.transaction(async (tx) => {
      const { diariseReceipt } = await import('../../core/efile/receipts.ts');
      const { DEFAULT_NUMBER_FORMATS } = await import('../../core/efile/numbering.ts');
      return diariseReceipt(tx, o.clock, {
        actor: o.staff.clerkEn, subject: 'Flood relief claim', fromWhom: 'CO Kahara', pdfBlob: 'a'.repeat(64), pages: 1, originals: [], formats: DEFAULT_NUMBER_FORMATS,
      });
    });
    await o.say('SAH0021', `send ${receipt.diaryNumber} to SAH0010`);
    expect(joined(await o.say('SAH0021', `pull back ${receipt.diaryNumber}`))).toContain(`${receipt.diaryNumber} is pulled back from सुनीता देवी`);
    const back = await o.store.transaction((tx) => tx.receipts.byId(receipt.id));
    expect(back?.holderId).toBe(o.staff.clerkEn.id);
  });
});

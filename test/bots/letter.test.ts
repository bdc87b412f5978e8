// Outgoing letters over chat: drafting (one line, Hindi or English, or by steps), unsigned dispatch
// for posts the policy does not ask to sign, gap-free letter numbers, fetching again, and the
// refusals; and that routeLetter costs other messages no storage call.
import { describe, expect, it } from 'vitest';
import { routeLetter } from '../../bots/commands/letter.ts';
import type { AssistantDeps, CommandContext } from '../../bots/context.ts';
import type { Reply } from '../../bots/reply.ts';
import type { EfileTx } from '../../core/efile/efile-tx.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf-tools.ts';
import { createTestStore } from '../helpers/sqlite.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/** The clerk's own file (signing policy: nobody signs letters, so dispatch is numbered, unsigned). */
async function clerkWithFile(o: TestOffice): Promise<string> {
  await o.linkAll();
  await o.say('SAH0021', 'new file: Land records update');
  const file = await o.store.transaction(async (tx) => (await tx.files.listByHolder(o.staff.clerkEn.id, ['open']))[0]);
  if (file === undefined) throw new Error('no file');
  return file.fileNumber;
}

describe('letters over chat', () => {
  it('drafts from one line, dispatches unsigned but numbered, and fetches it again by number', async () => {
    const { store, cleanup } = await createTestStore();
    try {
      const o = await makeOffice({ store, signPolicy: { posts: ['DDC'], decisions: ['letter.dispatch'] } });
      const file = await clerkWithFile(o);
      const draft = await o.say('SAH0021', `letter on ${file} to The Secretary, Revenue and Land Reforms Dept, Patna: subject: Updating land records text: The report is enclosed.\nKindly acknowledge.`);
      const text = joined(draft);
      expect(text).toContain('To: The Secretary, Revenue and Land Reforms Dept, Patna');
      expect(text).toContain('Subject: Updating land records');
      expect(text).toContain('dispatch gives a letter number, no signature');
      expect(draft[0]?.buttons?.map((b) => b.label)).toEqual(['Dispatch', 'Cancel']);

      const sent = await o.say('SAH0021', '', { action: draft[0]?.buttons?.[0]?.command ?? '' });
      expect(joined(sent)).toMatch(/Dispatched unsigned .*letter no\. SAH\/D\/2026\/000001/);
      const pdf = Buffer.from(sent[0]?.document?.base64 ?? '', 'base64');
      expect((await qpdfCheck(pdf)).ok).toBe(true);
      const printed = await pdfText(pdf);
      for (const t of ['समाहरणालय, सहरसा', 'SAH/D/2026/000001', 'सेवा में', 'Updating land records', 'Kindly acknowledge.', 'Priya Singh']) expect(printed).toContain(t);
      expect(printed).not.toContain('Digitally signed');

      // A second letter takes the next number; the file has a note for each.
      const second = await o.say('SAH0021', `letter on ${file} to DM, Madhepura: subject: Survey text: Please depute a surveyor.`);
      expect(joined(await o.say('SAH0021', '', { action: second[0]?.buttons?.[0]?.command ?? '' }))).toContain('SAH/D/2026/000002');
      const notes = await o.store.transaction(async (tx) => tx.notes.listByFile((await tx.files.byNumber(file))?.id ?? 0));
      expect(notes.map((n) => n.text).filter((t) => t.includes('dispatched (unsigned)'))).toHaveLength(2);

      // Anyone who can see the file gets the letter again; the Collector sees all files.
      const again = await o.say('SAH0001', 'पत्र SAH/D/2026/000001');
      expect(again[0]?.document?.base64).toBe(pdf.toString('base64'));
      expect(joined(again)).toMatch(/बिना हस्ताक्षर/);
      expect(joined(await o.say('SAH0021', 'letter SAH/D/2026/000099'))).toMatch(/SAH\/D\/2026\/000099 was not found/);
      const audit = await o.store.transaction((tx) => tx.audit.page(1, 1000));
      expect(audit.filter((e) => e.type === 'letter.dispatched').map((e) => e.subjectId)).toEqual(['SAH/D/2026/000001', 'SAH/D/2026/000002']);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it('takes a letter in Hindi, and by steps', async () => {
    const o = await makeOffice();
    const file = await clerkWithFile(o);
    const hindi = joined(await o.say('SAH0020', `पत्र ${file} सेवा में: सचिव, राजस्व एवं भूमि सुधार विभाग, पटना विषय: भूमि अभिलेख पाठ: प्रतिवेदन संलग्न है।`));
    // The Hindi clerk does not hold the file: refused, nothing saved.
    expect(hindi).toMatch(new RegExp(`${file.replace(/\//g, '\\/')}`));
    expect(await o.store.transaction(async (tx) => tx.letters.listByFile((await tx.files.byNumber(file))?.id ?? 0))).toEqual([]);

    expect(joined(await o.say('SAH0021', `letter on ${file}`))).toMatch(/To whom\?/);
    expect(joined(await o.say('SAH0021', 'The Commissioner, Kosi Division, Saharsa'))).toMatch(/subject/);
    expect(joined(await o.say('SAH0021', 'Flood relief'))).toMatch(/text of the letter/);
    const draft = await o.say('SAH0021', 'Relief material for 12 panchayats is requested.');
    expect(joined(draft)).toContain('To: The Commissioner, Kosi Division, Saharsa');
    const letters = await o.store.transaction(async (tx) => tx.letters.listByFile((await tx.files.byNumber(file))?.id ?? 0));
    expect(letters).toMatchObject([{ status: 'draft', number: null, addressee: 'The Commissioner, Kosi Division, Saharsa', subject: 'Flood relief' }]);

    // Cancel drops the draft; "cancel" in the middle of the steps drops the steps.
    expect(joined(await o.say('SAH0021', '', { action: draft[0]?.buttons?.[1]?.command ?? '' }))).toMatch(/was cancelled/);
    await o.say('SAH0021', `letter on ${file}`);
    expect(joined(await o.say('SAH0021', 'cancel'))).toMatch(/nothing was saved/);
    expect((await o.store.transaction((tx) => tx.letters.byId(letters[0]?.id ?? 0)))?.status).toBe('cancelled');
  });

  it('answers an unreadable letter with the example and saves nothing', async () => {
    const o = await makeOffice();
    const file = await clerkWithFile(o);
    const reply = joined(await o.say('SAH0021', `letter on ${file} about the flood relief`));
    expect(reply).toMatch(/could not be read; nothing was saved/);
    expect(reply).toContain('letter on EST-12/2026 to');
    expect(joined(await o.say('SAH0021', `letter on ${file} to DM: subject: x text: ${'y'.repeat(7000)}`))).toMatch(/too long/);
    expect(await o.store.transaction(async (tx) => tx.letters.listByFile((await tx.files.byNumber(file))?.id ?? 0))).toEqual([]);
  });

  it('lets the officer the file was sent to dispatch the clerk\'s draft, signed', async () => {
    const o = await makeOffice({ signPolicy: { posts: ['DDC'], decisions: ['letter.dispatch'] }, signer: {
      sign: async (pdf) => pdf, verify: async () => ({ signed: false }),
    } });
    const file = await clerkWithFile(o);
    await o.say('SAH0021', `letter on ${file} to The Commissioner, Kosi Division: subject: Flood relief text: Relief material is requested.`);
    await o.say('SAH0021', 'send to DDC');
    // The clerk can no longer dispatch it: the file is with the DDC.
    const letterId = (await o.store.transaction(async (tx) => tx.letters.listByFile((await tx.files.byNumber(file))?.id ?? 0)))[0]?.id;
    expect(joined(await o.say('SAH0021', '', { action: `/letter.dispatch ${letterId}` }))).toMatch(/is with Rakesh Kumar/);

    const shown = await o.say('SAH0002', `पत्र ${file}`);
    expect(shown[0]?.text).toContain('सेवा में: The Commissioner, Kosi Division');
    expect(shown[0]?.text).toContain('OTP से हस्ताक्षर होगा');
    expect(shown.at(-1)?.text).toMatch(/किसे भेजना है/);
    expect(joined(await o.say('SAH0002', '', { action: shown[0]?.buttons?.[0]?.command ?? '' }))).toMatch(/SHA-256: [0-9a-f]{64}/);
    await o.say('SAH0002', 'हाँ');
    expect(joined(await o.say('SAH0002', o.otp.lastCode()))).toContain('SAH/D/2026/000001');
    expect(await o.store.transaction((tx) => tx.letters.byId(letterId ?? 0))).toMatchObject({ status: 'dispatched', authorId: o.staff.clerkEn.id, signerId: o.staff.ddc.id });
  });

  it('keeps a dispatched letter from those who cannot see its file', async () => {
    const o = await makeOffice();
    const file = await clerkWithFile(o);
    const draft = await o.say('SAH0021', `letter on ${file} to DM, Supaul: subject: x text: y`);
    await o.say('SAH0021', '', { action: draft[0]?.buttons?.[0]?.command ?? '' });
    // The file is in the establishment section; the collector's own office is not, and never held it.
    await o.store.transaction(async (tx) => {
      const gop = (await tx.sections.list()).find((s) => s.code === 'GOP');
      if (gop === undefined) throw new Error('no GOP');
      const outsider = await tx.employees.create({ ...o.staff.clerk, code: 'SAH0030', mobile: '9000000030', sectionId: gop.id, postKey: 'CLERK' });
      const account = await tx.accounts.create({ channel: 'test', address: 'SAH0030', displayName: null });
      await tx.accounts.update(account.id, { employeeId: outsider.id, linkedAt: o.clock.now() });
    });
    const refused = await o.say('SAH0030', 'पत्र SAH/D/2026/000001');
    expect(refused[0]?.document).toBeUndefined();
    expect(joined(refused)).toContain(file);
  });
});

describe('routeLetter on messages that are not letters', () => {
  const others = [
    'note: put up for orders', 'DDC को भेजें', 'status EST-12/2026', 'स्वीकृत', 'पत्र प्राप्त हुआ, संचिका में रखें', 'letters pending?',
    'बिजली विभाग का पत्र', 'पत्रांक बताएं', 'file EST-12/2026', 'मदद', 'letterhead chahiye',
  ];
  for (const text of others) {
    it(`passes "${text}" on without touching storage`, async () => {
      const calls: string[] = [];
      const tx = new Proxy({}, { get: (_t, repo) => { calls.push(String(repo)); throw new Error(`storage touched: ${String(repo)}`); } }) as EfileTx;
      const ctx = { tx, deps: { clock: new FakeClock() } as unknown as AssistantDeps, lang: 'hi', account: { id: 1 } } as unknown as CommandContext;
      const o = await makeOffice();
      expect(await routeLetter(ctx, o.staff.ddc, text)).toBeNull();
      expect(calls).toEqual([]);
    });
  }
});

// Issue 18 item 11, the words: channels named as people know them, the link prompt in the roll's
// language, help showing only what the reader may do, no "send to DDC" for the DDC, and training
// step 5 saying per channel how to Reply.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../bots/reply.ts';
import { makeOffice, type TestOffice } from '../helpers/office.ts';

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/** A chat on another channel, linked to the employee; returns a "say" for it. */
async function chatOn(o: TestOffice, channel: string, chatId: string, employeeId: number | null) {
  if (employeeId !== null) {
    await o.store.transaction(async (tx) => {
      const account = await tx.accounts.create({ channel, address: chatId, displayName: null });
      await tx.accounts.update(account.id, { employeeId, linkedAt: o.clock.now() });
    });
  }
  let n = 0;
  return async (text: string, action?: string) => joined(await o.assistant.handle({
    channel, chatId, messageId: `${chatId}-${(n += 1)}`, ...(action === undefined ? { text } : { action }),
  }));
}

describe('the link OTP and prompt', () => {
  it('names the chat "Teams / web chat", not "botframework", in the OTP and in the notice to other chats', async () => {
    const o = await makeOffice();
    await o.linkAll();
    const say = await chatOn(o, 'botframework', 'webchat-local.abc|user.abc', null);
    await say('link SAH0020');
    const otp = o.otp.sent.at(-1);
    expect(otp?.context).toBe('Daftar: Teams / वेब चैट खाता जोड़ने के लिए');
    expect(otp?.context).not.toMatch(/botframework/);
    await o.deliver();
    const notice = o.channel.lastTo('SAH0020').reply.text;
    expect(notice).toContain('Teams / वेब चैट');
    expect(notice).not.toMatch(/botframework/);
    const en = await chatOn(o, 'botframework', 'webchat-local.def|user.def', null);
    await en('link SAH0021');
    expect(o.otp.sent.at(-1)?.context).toBe('Daftar: to link your Teams / web chat chat');
  });

  it('asks for the OTP in the language of the employee on the roll, whatever the chat typed', async () => {
    const o = await makeOffice();
    // Manoj Kumar's roll says Hindi; he types in English.
    const hindiRoll = await chatOn(o, 'telegram', '501', null);
    expect(await hindiRoll('link SAH0020')).toMatch(/मनोज कुमार जी, .* पर 6 अंकों का OTP भेजा गया है/);
    // Priya Singh's roll says English; she types in Hindi.
    const englishRoll = await chatOn(o, 'telegram', '502', null);
    expect(await englishRoll('जोड़ें SAH0021')).toMatch(/Priya Singh, a 6-digit OTP has been sent to/);
  });
});

describe('help shows what this person may do', () => {
  it("a clerk's help offers no circular to all; the DDC's does, and never suggests sending to the DDC", async () => {
    const o = await makeOffice();
    await o.linkAll();
    const clerk = await o.text('SAH0020', 'मदद');
    expect(clerk).not.toContain('परिपत्र सभी को');
    expect(clerk).toContain('मेरे परिपत्र • देखा');
    // "send to …" names the reader's reporting officer (the section officer, SO).
    expect(clerk).toContain('• नई संचिका: <विषय> • टिप्पणी: <पाठ> • SO को भेजें');
    const ddc = await o.text('SAH0002', 'help');
    expect(ddc).toContain('परिपत्र सभी को');
    expect(ddc).not.toContain('DDC को भेजें');
    expect(ddc).not.toContain('संदेश DDC');
    expect(ddc).toContain('• नई संचिका: <विषय> • टिप्पणी: <पाठ> • DM को भेजें');
    const en = await o.text('SAH0021', 'help');
    expect(en).not.toContain('circular to all');
    expect(en).toContain('my circulars • ack');
  });
});

describe('notifications', () => {
  it('a file reaching the DDC does not suggest "send to DDC" to the DDC', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'new file: Sonbarsa road repair');
    await o.say('SAH0021', 'send to DDC');
    await o.deliver();
    const notice = o.channel.lastTo('SAH0002').reply.text;
    expect(notice).toContain('EST-1/2026');
    expect(notice).not.toContain('DDC को भेजें');
    expect(notice).toContain('<पद या नाम> को भेजें');
  });
});

describe('training step 5 says per channel how to Reply', () => {
  it.each([
    ['telegram', '601', /Press and hold it \(or swipe it right\), choose Reply/, false],
    ['botframework', 'webchat-local.xyz|user.xyz', /Press ↩ \(reply\) under that message/, false],
    ['botframework', '19:teams-chat|29:user', /This chat has no Reply to a message/, true],
  ] as const)('%s %s', async (channel, chatId, how, noReply) => {
    const o = await makeOffice();
    const say = await chatOn(o, channel, chatId, o.staff.clerkEn.id);
    await say('training');
    for (let i = 0; i < 3; i += 1) await say('', '/training.skip');
    const step5 = await say('', '/training.skip');
    expect(step5).toContain('Step 5/6');
    expect(step5).toMatch(how);
    expect(step5.includes('This chat has no Reply')).toBe(noReply);
    // An approval typed without a Reply is told how to Reply on this channel.
    if (!noReply) expect(await say('approved')).toMatch(channel === 'telegram' ? /Press and hold the practice message/ : /Press ↩ \(reply\) under the practice message/);
  });
});

describe('OTPs printed on the server console (demo mode)', () => {
  it('the link and signing replies say the OTP is on the server console, not "sent to ••••0002"', async () => {
    const { createAssistant } = await import('../../bots/assistant.ts');
    const { PdfRenderer } = await import('../../adapters/pdf/pdf-renderer.ts');
    const { MemoryBlobStore } = await import('../../core/store/memory-blobs.ts');
    const { MemoryStore } = await import('../../core/store/memory-store.ts');
    const { DEFAULT_OTP_POLICY } = await import('../../core/otp/otp-policy.ts');
    const { DEFAULT_NUMBER_FORMATS } = await import('../../core/efile/numbering.ts');
    const { DEFAULT_LEAVE_RULES } = await import('../../core/leave/rules.ts');
    const { DEFAULT_CALENDAR } = await import('../../core/calendar/holidays.ts');
    const { DEFAULT_TOUR_RULES } = await import('../../core/tour/ta-rates.ts');
    const { SIGNABLE } = await import('../../core/signing/sign-policy.ts');
    const { silentLogger } = await import('../../bots/log.ts');
    const { seedSmallOffice } = await import('../helpers/office.ts');
    const { FakeClock } = await import('../helpers/clock.ts');
    const { RecordingOtpSender } = await import('../helpers/recording-otp.ts');
    const { testLanguage } = await import('../helpers/language.ts');
    const store = new MemoryStore();
    const clock = new FakeClock();
    await seedSmallOffice(store);
    const deps = {
      store, clock, language: await testLanguage(), otpSender: new RecordingOtpSender(), log: silentLogger,
      otpPolicy: { ...DEFAULT_OTP_POLICY, key: 'test-key-that-is-long-enough-for-hmac' },
      renderer: new PdfRenderer(clock), blobs: new MemoryBlobStore(), formats: DEFAULT_NUMBER_FORMATS,
      uploads: { maxBytes: 2 * 1024 * 1024, albumWindowMs: 50 }, decisionConfidence: 0.6,
      signer: { sign: async (pdf: Uint8Array) => pdf, verify: async () => ({ signed: false as const }) },
      signPolicy: { posts: ['DDC'], decisions: [...SIGNABLE] },
      leavePolicy: { rules: DEFAULT_LEAVE_RULES, calendar: DEFAULT_CALENDAR }, tourRules: DEFAULT_TOUR_RULES,
      otpOnConsole: true,
    };
    const assistant = createAssistant(deps as unknown as Parameters<typeof createAssistant>[0]);
    let n = 0;
    const say = async (chatId: string, text: string, action?: string) => joined(await assistant.handle({
      channel: 'telegram', chatId, messageId: `m${(n += 1)}`, ...(action === undefined ? { text } : { action }),
    }));
    const linking = await say('700', 'link SAH0002');
    expect(linking).toMatch(/डेमो मोड: OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/);
    expect(linking).not.toMatch(/पर 6 अंकों का OTP भेजा गया/);
    await say('700', deps.otpSender.lastCode());
    await say('701', 'link SAH0010');
    await say('701', deps.otpSender.lastCode());
    const so = await store.transaction((tx) => tx.employees.byCode('SAH0010'));
    await store.transaction((tx) => tx.leaveLedger.add({ employeeId: so?.id ?? 0, year: 2026, type: 'CL', days: 16, kind: 'opening', refId: null, note: null, at: clock.now() }));
    await say('701', 'CL 2 days from 3 Dec, family function');
    expect(await say('701', 'हाँ')).toContain('LV/2026/000001');
    expect(await say('700', '', '/leave.sanction LV/2026/000001')).toContain('SHA-256');
    const consent = await say('700', '', '/sign.consent');
    expect(consent).toMatch(/डेमो मोड: हस्ताक्षर का OTP किसी फ़ोन या ई-मेल पर नहीं भेजा गया — वह सर्वर के कंसोल पर छपा है/);
    expect(consent).not.toMatch(/OTP ••••0002 पर भेजा गया/);
  });
});

// Linking cannot be turned against the owner: notices go to the chats the owner already had, the
// preferred chat stays until the owner moves it, a stranger cannot spend the owner's codes, and the
// owner hears of every request. Through the real assistant and the real outbox dispatcher.
import { describe, expect, it } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.ts';

/** Links the chat with the OTP flow; the clock moves a minute first, as a second phone is linked later in life. */
async function link(office: TestOffice, chatId: string, code: string): Promise<void> {
  office.clock.advanceMinutes(1);
  expect(await office.text(chatId, `link ${code}`)).toMatch(/OTP/);
  expect(await office.text(chatId, office.otp.lastCode())).toMatch(/linked|जुड़ गया/);
}

const texts = (office: TestOffice, chatId: string): string[] => office.channel.to(chatId).map((d) => d.reply.text);

describe('linking a second chat', () => {
  it('warns the chats linked before, never the new one, and drops a warning whose chat was unlinked meanwhile', async () => {
    const office = await makeOffice();
    await link(office, 'phone-1', 'SAH0021');
    await link(office, 'phone-2', 'SAH0021');
    await office.deliver();
    expect(texts(office, 'phone-1').join('\n')).toMatch(/a new test chat was linked to your employee code/);
    expect(texts(office, 'phone-2').join('\n')).not.toMatch(/was linked to your employee code|asked to be linked/);

    // A third chat is linked while the first is unlinked before delivery: the notice is not redirected.
    await link(office, 'phone-3', 'SAH0021');
    await office.store.transaction(async (tx) => {
      const first = await tx.accounts.find('test', 'phone-1');
      await tx.accounts.update(first?.id ?? 0, { employeeId: null, linkedAt: null });
    });
    const before = office.channel.delivered.length;
    await office.deliver();
    const late = office.channel.delivered.slice(before);
    expect(late.map((d) => d.chatId).sort()).toEqual(['phone-2', 'phone-2']);
    expect(texts(office, 'phone-3')).toEqual([]);
    expect(await office.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
  });

  it('keeps notifications on the first chat until the employee moves them from a linked chat, and tells the others', async () => {
    const office = await makeOffice();
    await link(office, 'ddc', 'SAH0002');
    await link(office, 'phone-1', 'SAH0021');
    await link(office, 'phone-2', 'SAH0021');
    await office.say('ddc', 'msg SAH0021: survey report please');
    await office.deliver();
    expect(texts(office, 'phone-1').join('\n')).toMatch(/survey report please/);
    expect(texts(office, 'phone-2').join('\n')).not.toMatch(/survey report/);

    expect(await office.text('phone-2', 'notify here')).toMatch(/notifications will come to this chat/);
    expect(await office.text('phone-2', 'notify here')).toMatch(/already come to this chat/);
    await office.say('ddc', 'msg SAH0021: and the map');
    await office.deliver();
    expect(texts(office, 'phone-2').join('\n')).toMatch(/and the map/);
    expect(texts(office, 'phone-1').join('\n')).toMatch(/your notifications now go to your test chat \(changed from that chat/);
    expect(texts(office, 'phone-1').join('\n')).not.toMatch(/and the map/);
    const events = await office.store.transaction((tx) => tx.audit.page(1, 1000));
    expect(events.filter((e) => e.type === 'staff.preferred_chat_set')).toHaveLength(1);
    // An unlinked chat cannot move anyone's notifications.
    expect(await office.text('stranger', 'notify here')).toMatch(/link this chat to your employee code first/);
  });
});

describe('link requests', () => {
  it('caps each chat, so a stranger asking for the owner\'s code does not lock the owner out', async () => {
    const office = await makeOffice();
    for (let i = 0; i < 3; i += 1) expect(await office.text('stranger', 'link SAH0021')).toContain('••••0021');
    expect(await office.text('stranger', 'link SAH0021')).toMatch(/At most 3 OTPs/);
    // The owner, from their own phone, still gets a code, and only the owner's chat can use it.
    expect(await office.text('owner', 'link SAH0021')).toContain('••••0021');
    const code = office.otp.lastCode();
    expect(await office.text('stranger', code)).toMatch(/not right|No OTP/);
    expect(await office.text('owner', code)).toMatch(/linked/);
    // Unknown codes count against the chat too: a chat cannot walk the roll.
    for (const probe of ['SAH9991', 'SAH9992', 'SAH9993']) expect(await office.text('prober', `link ${probe}`)).toMatch(/not on the master roll/);
    expect(await office.text('prober', 'link SAH0020')).toMatch(/At most 3 OTPs/);
    expect(office.otp.sent.filter((m) => m.to.address === '9000000020')).toHaveLength(0);
    // The next hour the chat may ask again.
    office.clock.advanceMinutes(61);
    expect(await office.text('prober', 'link SAH0020')).toContain('••••0020');
  });

  it('stops at a ceiling per employee across many chats, and says so', async () => {
    const office = await makeOffice();
    const limit = office.policy.linkCeilingPerHour;
    let issued = 0;
    for (let chat = 1; issued < limit; chat += 1) {
      for (let i = 0; i < 3 && issued < limit; i += 1, issued += 1) expect(await office.text(`s-${chat}`, 'link SAH0021')).toContain('••••0021');
    }
    expect(await office.text('one-more', 'link SAH0021')).toMatch(new RegExp(`Codes for SAH0021 were asked for ${limit} times in the last hour from several chats`));
    expect(office.otp.sent).toHaveLength(limit);
  });

  it('tells the owner\'s linked chats of each request from a new chat, in the owner\'s language, in the same transaction', async () => {
    const office = await makeOffice();
    await link(office, 'hindi-phone', 'SAH0020');
    await link(office, 'english-phone', 'SAH0021');
    await office.say('new-chat', 'link SAH0020');
    await office.say('new-chat-2', 'link SAH0021');
    // Queued with the code, before any delivery: addressed to the owner's chats only.
    const queued = await office.store.transaction((tx) => tx.outbox.due(office.clock.now(), 10));
    expect(queued.map((q) => [q.address, (JSON.parse(q.payload) as { kind: string }).kind]))
      .toEqual([['hindi-phone', 'account.link_requested'], ['english-phone', 'account.link_requested']]);
    await office.deliver();
    expect(texts(office, 'hindi-phone')).toEqual([expect.stringMatching(/नए test खाते से आपके कर्मी कोड को जोड़ने का अनुरोध आया .*OTP ••••0020 पर भेजा गया/)]);
    expect(texts(office, 'english-phone')).toEqual([expect.stringMatching(/a new test chat asked to be linked to your employee code .*an OTP was sent to ••••0021/)]);
    expect(texts(office, 'new-chat')).toEqual([]);
    // Of three more asks from that chat, two get codes and are told; the refused third tells nobody.
    for (let i = 0; i < 3; i += 1) await office.say('new-chat', 'link SAH0020');
    await office.deliver();
    expect(texts(office, 'hindi-phone')).toHaveLength(3);
  });
});

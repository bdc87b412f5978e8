import { describe, expect, it } from 'vitest';
import { makeOffice, type TestOffice } from '../helpers/office.ts';

async function linkedEmployeeOf(office: TestOffice, chatId: string): Promise<string | null> {
  return office.store.transaction(async (tx) => {
    const account = await tx.accounts.find('test', chatId);
    if (account?.employeeId == null) return null;
    return (await tx.employees.byId(account.employeeId))?.code ?? null;
  });
}

async function auditTypes(office: TestOffice): Promise<string[]> {
  return office.store.transaction(async (tx) => (await tx.audit.page(1, 1000)).map((e) => e.type));
}

describe('linking a chat account with an OTP', () => {
  it('links with the right code sent to the mobile on the roll', async () => {
    const office = await makeOffice();
    const asked = await office.text('tg-1', 'link SAH0021');
    expect(asked).toContain('••••0021');
    expect(office.otp.sent).toHaveLength(1);
    expect(office.otp.sent[0]?.to).toEqual({ kind: 'sms', address: '9000000021' });
    // The reply never carries the code itself.
    expect(asked).not.toContain(office.otp.lastCode());
    const done = await office.text('tg-1', office.otp.lastCode());
    expect(done).toContain('Priya Singh');
    expect(done).toMatch(/linked/i);
    expect(await linkedEmployeeOf(office, 'tg-1')).toBe('SAH0021');
    expect(await auditTypes(office)).toEqual(['otp.issued', 'account.linked']);
  });

  it('answers a Hindi request in Hindi, and links with Hindi digits', async () => {
    const office = await makeOffice();
    const asked = await office.text('wa-1', 'जोड़ें SAH0020');
    expect(asked).toContain('OTP');
    expect(asked).toMatch(/[\u0900-\u097F]/);
    const hindiDigits = office.otp.lastCode().replace(/\d/g, (d) => '०१२३४५६७८९'[Number(d)] ?? d);
    const done = await office.text('wa-1', hindiDigits);
    expect(done).toContain('मनोज कुमार');
    expect(await linkedEmployeeOf(office, 'wa-1')).toBe('SAH0020');
  });

  it('counts wrong codes and locks the challenge on the fifth', async () => {
    const office = await makeOffice();
    await office.say('tg-2', 'link SAH0021');
    const right = office.otp.lastCode();
    const wrong = right === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left -= 1) {
      expect(await office.text('tg-2', wrong)).toContain(`${left} ${left === 1 ? 'try' : 'tries'} left`);
    }
    expect(await office.text('tg-2', wrong)).toMatch(/blocked/);
    // Even the right code no longer works once locked.
    expect(await office.text('tg-2', right)).toMatch(/No OTP is awaited/);
    expect(await linkedEmployeeOf(office, 'tg-2')).toBeNull();
    expect((await auditTypes(office)).filter((t) => t === 'otp.wrong_code')).toHaveLength(4);
    expect(await auditTypes(office)).toContain('otp.locked');
  });

  it('refuses an expired code', async () => {
    const office = await makeOffice();
    await office.say('tg-3', 'link SAH0021');
    office.clock.advanceMinutes(5);
    office.clock.advance(1000);
    expect(await office.text('tg-3', office.otp.lastCode())).toMatch(/expired/);
    expect(await linkedEmployeeOf(office, 'tg-3')).toBeNull();
  });

  it('never accepts the same code twice, nor from another chat', async () => {
    const office = await makeOffice();
    await office.say('tg-4', 'link SAH0021');
    const code = office.otp.lastCode();
    // Another chat typing the code (say, someone who saw it) is not awaiting any OTP.
    expect(await office.text('tg-evil', code)).toMatch(/No OTP is awaited/);
    expect(await linkedEmployeeOf(office, 'tg-evil')).toBeNull();
    await office.say('tg-4', code);
    expect(await linkedEmployeeOf(office, 'tg-4')).toBe('SAH0021');
    // Replayed after use: nothing is awaited any more.
    expect(await office.text('tg-4', code)).toMatch(/No OTP is awaited/);
  });

  it('issues at most three codes per employee per hour', async () => {
    const office = await makeOffice();
    for (let i = 0; i < 3; i += 1) expect(await office.text('tg-5', 'link SAH0021')).toContain('••••0021');
    expect(await office.text('tg-5', 'link SAH0021')).toMatch(/At most 3 OTPs/);
    expect(office.otp.sent).toHaveLength(3);
    // An hour later codes are issued again, and only the newest works: earlier ones were cancelled.
    const older = office.otp.lastCode();
    office.clock.advanceMinutes(61);
    expect(await office.text('tg-5', 'link SAH0021')).toContain('••••0021');
    expect(office.otp.sent).toHaveLength(4);
    if (older !== office.otp.lastCode()) expect(await office.text('tg-5', older)).toMatch(/not right/);
    expect(await office.text('tg-5', office.otp.lastCode())).toMatch(/linked/);
  });

  it('refuses to link an account that is already linked', async () => {
    const office = await makeOffice();
    await office.say('tg-6', 'link SAH0021');
    await office.say('tg-6', office.otp.lastCode());
    expect(await office.text('tg-6', 'link SAH0020')).toMatch(/already linked to employee SAH0021/);
    expect(office.otp.sent).toHaveLength(1);
    expect(await linkedEmployeeOf(office, 'tg-6')).toBe('SAH0021');
  });

  it('says so for an employee code that is not on the roll, and sends nothing', async () => {
    const office = await makeOffice();
    expect(await office.text('tg-7', 'link SAH9999')).toMatch(/"SAH9999" is not on the master roll/);
    expect(office.otp.sent).toHaveLength(0);
  });

  it('lets one employee link several chats, and tells the first about the second', async () => {
    const office = await makeOffice();
    await office.say('tg-8', 'link SAH0021');
    await office.say('tg-8', office.otp.lastCode());
    await office.say('wa-8', 'link SAH0021');
    await office.say('wa-8', office.otp.lastCode());
    expect(await linkedEmployeeOf(office, 'wa-8')).toBe('SAH0021');
    const queued = await office.store.transaction((tx) => tx.outbox.due(office.clock.now(), 10));
    // The request and the link, both told to the chat linked before (link-safety.test.ts has the rest).
    expect(queued.map((q) => [q.address, (JSON.parse(q.payload) as { kind: string }).kind]))
      .toEqual([['tg-8', 'account.link_requested'], ['tg-8', 'account.linked']]);
  });

  it('gives an unlinked sender only help and the link instructions', async () => {
    const office = await makeOffice();
    const reply = await office.text('tg-9', 'my files');
    expect(reply).toMatch(/link this chat to your employee code first/);
    expect(await office.text('tg-9', 'help')).toMatch(/link <employee code>/);
    const scan = await office.say('tg-9', '', { attachments: [{ filename: 'a.jpg', mime: 'image/jpeg', bytes: new Uint8Array([1, 2]) }] });
    expect(scan.map((r) => r.text).join('\n')).toMatch(/link this chat/);
  });

  it('stops a deactivated employee from linking or acting', async () => {
    const office = await makeOffice();
    await office.say('tg-10', 'link SAH0021');
    await office.say('tg-10', office.otp.lastCode());
    await office.store.transaction((tx) => tx.employees.update(office.staff.clerkEn.id, { active: false }));
    expect(await office.text('tg-10', 'me')).toMatch(/SAH0021 is not active/);
    expect(await office.text('tg-11', 'link SAH0021')).toMatch(/SAH0021 is not active/);
  });

  it('tells the user when the OTP could not be sent, and leaves no usable challenge', async () => {
    const office = await makeOffice();
    office.otp.failNext = 1;
    expect(await office.text('tg-12', 'link SAH0021')).toMatch(/could not be sent/);
    expect(await office.text('tg-12', '123456')).toMatch(/No OTP is awaited/);
    expect(await linkedEmployeeOf(office, 'tg-12')).toBeNull();
  });
});

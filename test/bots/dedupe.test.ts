import { describe, expect, it } from 'vitest';
import { makeOffice } from '../helpers/office.ts';

describe('a message delivered twice', () => {
  it('is executed once and answered the same way again', async () => {
    const office = await makeOffice();
    const message = { channel: 'test', chatId: 'tg-1', messageId: 'update-42', text: 'link SAH0021' };
    const first = await office.assistant.handle(message);
    const again = await office.assistant.handle(message);
    expect(again).toEqual(first);
    expect(office.otp.sent).toHaveLength(1);
    const events = await office.store.transaction((tx) => tx.audit.page(1, 100));
    expect(events.filter((e) => e.type === 'otp.issued')).toHaveLength(1);
  });

  it('does not link twice or count a wrong try twice when the OTP message is redelivered', async () => {
    const office = await makeOffice();
    await office.say('tg-2', 'link SAH0021');
    const wrong = office.otp.lastCode() === '000000' ? '111111' : '000000';
    const message = { channel: 'test', chatId: 'tg-2', messageId: 'update-7', text: wrong };
    const first = await office.assistant.handle(message);
    await office.assistant.handle(message);
    await office.assistant.handle(message);
    expect(first[0]?.text).toContain('4 tries left');
    // The next genuinely new wrong try is the second, not the fourth.
    expect(await office.text('tg-2', wrong)).toContain('3 tries left');
  });

  it('treats the same message id on another channel as a different message', async () => {
    const office = await makeOffice();
    await office.assistant.handle({ channel: 'telegram', chatId: 'a', messageId: '1', text: 'link SAH0021' });
    await office.assistant.handle({ channel: 'whatsapp', chatId: 'b', messageId: '1', text: 'link SAH0020' });
    expect(office.otp.sent.map((m) => m.to.address)).toEqual(['9000000021', '9000000020']);
  });
});

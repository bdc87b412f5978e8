// Real SMTP: nodemailer talks to an smtp-server listening on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { SmtpOtpSender } from '../../../adapters/otp/smtp-sender.ts';
import { OtpDeliveryError } from '../../../core/errors.ts';

interface Mail { from: string; to: string[]; raw: string }

async function startSmtp(options: { reject?: boolean } = {}): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (options.reject) callback(new Error('550 mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function decodeBody(raw: string): string {
  // nodemailer sends non-ASCII text as quoted-printable or base64.
  const [, body = ''] = raw.split(/\r?\n\r?\n/, 2).length === 2 ? raw.split(/\r?\n\r?\n/) : ['', raw];
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(raw)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

describe('OTP by e-mail over SMTP', () => {
  it('delivers the code to the address on the roll', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const sender = new SmtpOtpSender(smtp.url, 'Daftar <daftar@saharsa.example.in>');
    closers.push(async () => sender.close());
    await sender.send({
      to: { kind: 'email', address: 'priya@saharsa.example.in' }, code: '482913', purpose: 'link',
      language: 'hi', context: 'Daftar: telegram खाता जोड़ने के लिए', expiresInMinutes: 5,
    });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['priya@saharsa.example.in']);
    expect(smtp.mails[0]?.from).toBe('daftar@saharsa.example.in');
    const body = decodeBody(smtp.mails[0]?.raw ?? '');
    expect(body).toContain('482913');
    expect(body).toContain('5 मिनट');
  });

  it('raises OtpDeliveryError when the server refuses, and when nothing listens', async () => {
    const smtp = await startSmtp({ reject: true });
    closers.push(smtp.close);
    const refusing = new SmtpOtpSender(smtp.url, 'daftar@saharsa.example.in');
    const message = { to: { kind: 'email' as const, address: 'x@saharsa.example.in' }, code: '111111', purpose: 'link' as const, language: 'en' as const, context: 'test', expiresInMinutes: 5 };
    await expect(refusing.send(message)).rejects.toBeInstanceOf(OtpDeliveryError);
    await smtp.close();
    closers.pop();
    await expect(new SmtpOtpSender(smtp.url, 'daftar@saharsa.example.in').send(message)).rejects.toBeInstanceOf(OtpDeliveryError);
  });
});

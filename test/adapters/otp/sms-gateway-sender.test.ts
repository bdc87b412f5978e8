// Real HTTP: the SMS sender calls a gateway listening on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsGatewayOtpSender } from '../../../adapters/otp/sms-gateway-sender.ts';
import { OtpDeliveryError } from '../../../core/errors.ts';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function gateway(status: number): Promise<{ base: string; calls: { method: string; url: string; body: string }[] }> {
  const calls: { method: string; url: string; body: string }[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

const message = { to: { kind: 'sms' as const, address: '9000000021' }, code: '582041', purpose: 'link' as const, language: 'en' as const, context: 'to link your telegram chat', expiresInMinutes: 5 };

describe('OTP by SMS through an HTTP gateway', () => {
  it('fills the URL template with the mobile and the message', async () => {
    const gw = await gateway(200);
    await new SmsGatewayOtpSender(`${gw.base}/send?to={mobile}&text={message}&key=abc`).send(message);
    expect(gw.calls).toHaveLength(1);
    const url = new URL(gw.calls[0]?.url ?? '', gw.base);
    expect(url.searchParams.get('to')).toBe('9000000021');
    expect(url.searchParams.get('text')).toMatch(/^582041 is your Daftar OTP/);
  });

  it('posts JSON when configured for POST', async () => {
    const gw = await gateway(202);
    await new SmsGatewayOtpSender(`${gw.base}/sms/{mobile}`, 'POST').send(message);
    expect(gw.calls[0]?.method).toBe('POST');
    expect(JSON.parse(gw.calls[0]?.body ?? '{}')).toMatchObject({ mobile: '9000000021' });
  });

  it('raises OtpDeliveryError on an HTTP error', async () => {
    const gw = await gateway(503);
    await expect(new SmsGatewayOtpSender(`${gw.base}/send?to={mobile}&text={message}`).send(message)).rejects.toThrow(OtpDeliveryError);
  });
});

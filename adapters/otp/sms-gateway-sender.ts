import type { OtpMessage, OtpSender } from '../../core/ports.ts';
import { OtpDeliveryError } from '../../core/errors.ts';
import { otpText } from './otp-text.ts';

/**
 * OTP by SMS through an HTTP gateway (the state's SMS service, or any bulk-SMS vendor) whose URL is
 * a template: {mobile} and {message} are replaced, URL-encoded. POST also sends them as JSON.
 */
export class SmsGatewayOtpSender implements OtpSender {
  readonly kinds = ['sms'] as const;

  constructor(private readonly urlTemplate: string, private readonly method: 'GET' | 'POST' = 'GET') {}

  async send(message: OtpMessage): Promise<void> {
    if (message.to.kind !== 'sms') throw new OtpDeliveryError('the SMS gateway only sends SMS', 'sms');
    const body = otpText(message);
    const url = this.urlTemplate
      .replaceAll('{mobile}', encodeURIComponent(message.to.address))
      .replaceAll('{message}', encodeURIComponent(body));
    let response: Response;
    try {
      response = await fetch(url, {
        method: this.method,
        signal: AbortSignal.timeout(10_000),
        ...(this.method === 'POST'
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mobile: message.to.address, message: body }) }
          : {}),
      });
    } catch (error) {
      throw new OtpDeliveryError(`SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`, 'sms');
    }
    if (!response.ok) throw new OtpDeliveryError(`SMS gateway answered HTTP ${response.status}`, 'sms');
  }
}

import type { OtpMessage, OtpSender } from '../../core/ports.ts';
import { maskEmail, maskMobile } from '../../core/otp/codes.ts';
import { otpText } from './otp-text.ts';

/**
 * Development only: prints the OTP on the server's console instead of sending it, so the demo
 * office works without an SMS gateway or mail server. Start-up refuses it in production.
 */
export class ConsoleOtpSender implements OtpSender {
  readonly kinds = ['sms', 'email'] as const;

  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  async send(message: OtpMessage): Promise<void> {
    const to = message.to.kind === 'sms' ? maskMobile(message.to.address) : maskEmail(message.to.address);
    this.write(`[development OTP sender — not sent anywhere] to ${to}: ${otpText(message)}`);
  }
}

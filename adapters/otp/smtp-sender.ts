import nodemailer, { type Transporter } from 'nodemailer';
import type { OtpMessage, OtpSender } from '../../core/ports.ts';
import { OtpDeliveryError } from '../../core/errors.ts';
import { otpText } from './otp-text.ts';

/** OTP by e-mail through any SMTP server (SMTP_URL), e.g. the NIC mail relay. */
export class SmtpOtpSender implements OtpSender {
  readonly kinds = ['email'] as const;
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, socketTimeout: 15_000 } as never);
  }

  async send(message: OtpMessage): Promise<void> {
    if (message.to.kind !== 'email') throw new OtpDeliveryError('the SMTP sender only sends e-mail', 'email');
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to.address,
        subject: message.language === 'hi' ? 'Daftar OTP (ओटीपी)' : 'Daftar OTP',
        text: otpText(message),
      });
    } catch (error) {
      // The reason goes to the log; the address and the code do not.
      throw new OtpDeliveryError(`SMTP: ${error instanceof Error ? error.message : String(error)}`, 'email');
    }
  }

  close(): void {
    this.transport.close();
  }
}

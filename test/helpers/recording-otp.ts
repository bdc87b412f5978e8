import { OtpDeliveryError } from '../../core/errors.ts';
import type { OtpMessage, OtpSender } from '../../core/ports.ts';

/** An OTP transport that keeps what it was asked to send, as a phone would show it. */
export class RecordingOtpSender implements OtpSender {
  readonly kinds: ReadonlyArray<'sms' | 'email'> = ['sms', 'email'];
  readonly sent: OtpMessage[] = [];
  failNext = 0;

  async send(message: OtpMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new OtpDeliveryError('gateway down (test)', message.to.kind);
    }
    this.sent.push(message);
  }

  lastCode(): string {
    const last = this.sent.at(-1);
    if (last === undefined) throw new Error('no OTP was sent');
    return last.code;
  }
}

import type { OtpMessage, OtpSender } from '../../core/ports.ts';
import { OtpDeliveryError } from '../../core/errors.ts';

/** Several transports as one: SMS first when configured (phones get it fastest), then e-mail. */
export class AnyOtpSender implements OtpSender {
  readonly kinds: ReadonlyArray<'sms' | 'email'>;

  constructor(private readonly senders: OtpSender[]) {
    this.kinds = (['sms', 'email'] as const).filter((k) => senders.some((s) => s.kinds.includes(k)));
  }

  async send(message: OtpMessage): Promise<void> {
    const sender = this.senders.find((s) => s.kinds.includes(message.to.kind));
    if (sender === undefined) throw new OtpDeliveryError(`no ${message.to.kind} sender configured`, message.to.kind);
    await sender.send(message);
  }
}

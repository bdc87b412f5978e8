// Hands a signing OTP to the transport after the transaction that issued it has committed (never
// while holding the database). A code that could not be sent is cancelled, so it cannot be used.
import { fail, ok, OtpDeliveryError, type Result } from '../errors.ts';
import type { IssuedChallenge } from '../otp/issue-challenge.ts';
import type { OtpPolicy } from '../otp/otp-policy.ts';
import type { OtpSender, Store } from '../ports.ts';
import type { UiLanguage } from '../types.ts';

export async function sendSigningCode(
  store: Store, sender: OtpSender,
  options: {
    issued: IssuedChallenge;
    language: UiLanguage;
    /** What the code is for, as the signer reads it with the code ("Daftar: to sign EST-12/2026"). */
    context: string;
    policy: OtpPolicy;
    /** Told why a code was not sent (for the log; the signer is told OTP.NOT_SENT). */
    onUndelivered?: (error: OtpDeliveryError) => void;
  },
): Promise<Result<{ destination: string; minutes: number }>> {
  const { issued, policy } = options;
  try {
    await sender.send({
      to: issued.to, code: issued.code, purpose: 'sign', language: options.language, expiresInMinutes: policy.ttlMinutes, context: options.context,
    });
  } catch (error) {
    if (!(error instanceof OtpDeliveryError)) throw error;
    options.onUndelivered?.(error);
    await store.transaction((tx) => tx.otps.update(issued.challenge.id, { status: 'cancelled' }));
    return fail('OTP.NOT_SENT');
  }
  return ok({ destination: issued.challenge.destination, minutes: policy.ttlMinutes });
}

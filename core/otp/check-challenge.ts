import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { OtpChallenge } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { otpMatches } from './codes.ts';
import type { OtpPolicy } from './otp-policy.ts';

/**
 * Checks a code against a pending challenge. Wrong tries are counted and committed (this returns
 * a failure value rather than throwing, so the count survives); the fifth wrong try locks it.
 * A right code marks the challenge used, so the same code never works twice.
 */
export async function checkChallenge(
  tx: Tx, clock: Clock, options: { challenge: OtpChallenge; code: string; policy: OtpPolicy; actor: string },
): Promise<Result<OtpChallenge>> {
  const { challenge, code, policy } = options;
  const now = clock.now();
  if (challenge.status === 'locked') return fail('OTP.LOCKED');
  if (challenge.status !== 'pending') return fail('OTP.NO_PENDING');
  if (now.getTime() > challenge.expiresAt.getTime()) {
    await tx.otps.update(challenge.id, { status: 'cancelled' });
    await recordEvent(tx, clock, { actor: options.actor, type: 'otp.expired', subjectType: 'otp', subjectId: challenge.id });
    return fail('OTP.EXPIRED', { minutes: policy.ttlMinutes });
  }
  if (!/^\d{6}$/.test(code)) return fail('OTP.MALFORMED');
  if (!otpMatches(policy.key, challenge.id, challenge.salt, code, challenge.codeHash)) {
    const attempts = challenge.attempts + 1;
    const locked = attempts >= policy.maxAttempts;
    await tx.otps.update(challenge.id, { attempts, status: locked ? 'locked' : 'pending' });
    await recordEvent(tx, clock, {
      actor: options.actor, type: locked ? 'otp.locked' : 'otp.wrong_code', subjectType: 'otp', subjectId: challenge.id,
      data: { attempts },
    });
    return locked ? fail('OTP.LOCKED') : fail('OTP.WRONG_CODE', { left: policy.maxAttempts - attempts });
  }
  const used = await tx.otps.update(challenge.id, { status: 'used', consumedAt: now });
  return ok(used);
}

import { randomBytes, randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../errors.ts';
import type { Clock, OtpMessage, Tx } from '../ports.ts';
import type { Employee, OtpChallenge, OtpPurpose } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { hashOtp, maskEmail, maskMobile, newOtpCode } from './codes.ts';
import type { OtpPolicy } from './otp-policy.ts';

export interface IssueChallengeOptions {
  purpose: OtpPurpose;
  employee: Employee;
  accountId: number | null;
  /** Transports the configured sender can use, in order of preference. */
  kinds: ReadonlyArray<'sms' | 'email'>;
  policy: OtpPolicy;
  subjectHash?: string;
  subjectRef?: string;
}

export interface IssuedChallenge {
  challenge: OtpChallenge;
  /** The clear code, to be handed to the OtpSender after commit and then forgotten. */
  code: string;
  to: OtpMessage['to'];
}

/**
 * Starts an OTP challenge inside the caller's transaction. The code is sent by the caller after
 * commit (never while holding the database); older pending challenges of the same account and
 * purpose are cancelled so that only the newest code works.
 */
export async function issueChallenge(tx: Tx, clock: Clock, options: IssueChallengeOptions): Promise<Result<IssuedChallenge>> {
  const { employee, policy, purpose } = options;
  const now = clock.now();
  const to = pickDestination(employee, options.kinds);
  if (to === null) return fail('STAFF.NO_CONTACT', { code: employee.code });

  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const issued = await tx.otps.countIssuedSince(employee.id, purpose, hourAgo);
  // Linking is limited per requesting chat by the caller; here only its higher per-employee ceiling.
  if (purpose === 'link' && issued >= policy.linkCeilingPerHour) {
    return fail('OTP.LINK_CEILING', { code: employee.code, perHour: policy.linkCeilingPerHour });
  }
  if (purpose !== 'link' && issued >= policy.perHour[purpose]) return fail('OTP.RATE_LIMITED', { perHour: policy.perHour[purpose] });

  if (options.accountId !== null) {
    const previous = await tx.otps.latestPendingForAccount(options.accountId, purpose);
    if (previous !== null) await tx.otps.update(previous.id, { status: 'cancelled' });
  }

  const code = newOtpCode();
  const id = randomUUID();
  const salt = randomBytes(8).toString('hex');
  const challenge = await tx.otps.create({
    id, purpose, employeeId: employee.id, accountId: options.accountId,
    codeHash: hashOtp(policy.key, id, salt, code), salt,
    subjectHash: options.subjectHash ?? null, subjectRef: options.subjectRef ?? null,
    destination: to.kind === 'sms' ? maskMobile(to.address) : maskEmail(to.address),
    createdAt: now, expiresAt: new Date(now.getTime() + policy.ttlMinutes * 60 * 1000),
    attempts: 0, status: 'pending', consumedAt: null,
  });
  await recordEvent(tx, clock, {
    actor: employee.code, type: 'otp.issued', subjectType: 'otp', subjectId: id,
    data: { purpose, via: to.kind, destination: challenge.destination, subjectHash: challenge.subjectHash },
  });
  return ok({ challenge, code, to });
}

function pickDestination(employee: Employee, kinds: ReadonlyArray<'sms' | 'email'>): OtpMessage['to'] | null {
  for (const kind of kinds) {
    if (kind === 'sms' && employee.mobile) return { kind, address: employee.mobile };
    if (kind === 'email' && employee.email) return { kind, address: employee.email };
  }
  return null;
}

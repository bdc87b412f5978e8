// One-time passwords are never stored or logged in clear: only an HMAC of the code, keyed with the
// server secret and bound to the challenge id, so a copy of the database or a backup does not give
// the codes away, and a code cannot be moved to another challenge.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_LENGTH = 6;

export function newOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

export function hashOtp(key: string, challengeId: string, salt: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}:${salt}:${code}`).digest('hex');
}

export function otpMatches(key: string, challengeId: string, salt: string, code: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashOtp(key, challengeId, salt, code), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function maskMobile(mobile: string): string {
  return `••••${mobile.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}•••@${domain}`;
}

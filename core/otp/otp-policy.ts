export interface OtpPolicy {
  /** How long a code lives. */
  ttlMinutes: number;
  /** Wrong codes before the challenge is locked. */
  maxAttempts: number;
  /** Codes issued per employee per purpose in any rolling hour. */
  perHour: { link: number; sign: number; practice: number };
  /** HMAC key for the stored hashes (DAFTAR_SECRET, or a per-process random key in development). */
  key: string;
}

export const DEFAULT_OTP_POLICY: Omit<OtpPolicy, 'key'> = {
  ttlMinutes: 5,
  maxAttempts: 5,
  perHour: { link: 3, sign: 10, practice: 3 },
};

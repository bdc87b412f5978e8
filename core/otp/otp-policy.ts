export interface OtpPolicy {
  /** How long a code lives. */
  ttlMinutes: number;
  /** Wrong codes before the challenge is locked. */
  maxAttempts: number;
  /**
   * Codes issued per hour. For signing and practice: per employee, in any rolling hour. For linking:
   * per requesting chat, in each clock hour, whatever codes it asks for (see core/staff/link-account.ts).
   */
  perHour: { link: number; sign: number; practice: number };
  /**
   * Link codes per employee in any rolling hour, from all chats together: a ceiling above the per-chat
   * limit, so that a stranger's chat cannot use up the owner's codes, while the owner's phone is not
   * flooded by many chats either.
   */
  linkCeilingPerHour: number;
  /** HMAC key for the stored hashes (DAFTAR_SECRET, or a per-process random key in development). */
  key: string;
}

export const DEFAULT_OTP_POLICY: Omit<OtpPolicy, 'key'> = {
  ttlMinutes: 5,
  maxAttempts: 5,
  perHour: { link: 3, sign: 10, practice: 3 },
  linkCeilingPerHour: 10,
};

import type { OtpMessage } from '../../core/ports.ts';

/** The words of an OTP message: the code first (phones show it in the notification), never shared. */
export function otpText(message: OtpMessage): string {
  return message.language === 'hi'
    ? `${message.code} आपका Daftar OTP है — ${message.context}। ${message.expiresInMinutes} मिनट तक मान्य। इसे किसी को न बताएँ।`
    : `${message.code} is your Daftar OTP — ${message.context}. Valid ${message.expiresInMinutes} minutes. Do not share it.`;
}

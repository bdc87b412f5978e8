// Defaults of the intake limits (MAX_TEXT_CHARS, MAX_IMAGE_MEGAPIXELS in bots/config.ts).
export const DEFAULT_INTAKE_LIMITS = {
  /** Telegram's own limit for one message, so no Telegram user ever meets it. */
  maxTextChars: 4096,
  /** An A4 page scanned at 600 dpi is about 35 megapixels; a letter needs 300 dpi (about 9). */
  maxImageMegapixels: 40,
} as const;

/** Whether a declared image size is over the limit (megapixels are millions of pixels). */
export function tooManyPixels(size: { width: number; height: number }, maxMegapixels: number): boolean {
  return size.width * size.height > maxMegapixels * 1_000_000;
}

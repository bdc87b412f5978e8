import type { UiLanguage } from '../core/types.ts';

/**
 * Before we know who wrote: Devanagari in the text means Hindi; otherwise English. Only the start is
 * looked at, so a text far over the limit costs no more than one within it. Used by the assistant
 * and by the channel host (refusals at the channel's edge) alike.
 */
export function languageOfText(text: string | undefined): UiLanguage {
  return /[\u0900-\u097F]/.test((text ?? '').slice(0, 1000)) ? 'hi' : 'en';
}

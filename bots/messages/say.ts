import type { UiLanguage } from '../../core/types.ts';

/** Values put into a sentence. */
export type P = Record<string, string | number>;
/** One sentence in both of the office's languages. */
export type Say = Record<UiLanguage, (p: P) => string>;

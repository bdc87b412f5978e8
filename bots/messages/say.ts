import type { UiLanguage } from '../../core/types.ts';

/** Values put into a sentence. */
export type P = Record<string, string | number>;
/** One sentence in both of the office's languages. */
export type Say = Record<UiLanguage, (p: P) => string>;

/**
 * A table of sentences by name. Its keys are the table's own (`keyof typeof` the result), so a
 * lookup by a misspelt key, or a key whose sentence lacks one of the languages, does not compile:
 * nobody is ever shown a raw key.
 */
export function sentences<K extends string>(table: Record<K, Say>): Readonly<Record<K, Say>> {
  return table;
}

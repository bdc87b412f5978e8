/**
 * Language understanding for Daftar: intents and entities from English, Hindi and Hinglish
 * office messages. See README.md in this folder for the conventions of each entity.
 */
export type { Intent, Language } from './intents.ts';
export { INTENTS, DECISIONS } from './intents.ts';
export type { Addressee } from './addressee.ts';
export type { Entities } from './entities.ts';
export type { Parse, ParseOptions, LanguageModel } from './model.ts';
export { loadLanguage } from './model.ts';
export { canonicalPost, POSTS } from './posts.ts';
export type { PostTitle } from './posts.ts';
export { normalize } from './normalize.ts';

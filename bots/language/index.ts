/**
 * Language understanding for Daftar: intents and entities from English, Hindi and Hinglish
 * office messages. See README.md in this folder for the conventions of each entity.
 */
export type { Intent, Language } from './intents.js';
export { INTENTS, DECISIONS } from './intents.js';
export type { Addressee } from './addressee.js';
export type { Entities } from './entities.js';
export type { Parse, ParseOptions, LanguageModel } from './model.js';
export { loadLanguage } from './model.js';
export { canonicalPost, POSTS } from './posts.js';
export type { PostTitle } from './posts.js';
export { normalize } from './normalize.js';

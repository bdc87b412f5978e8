/**
 * Posts of a district collectorate and how staff write them. Used to read addressees in chat
 * ("DDC sahab ko bhej do") and to canonicalise the post column of the staff roll.
 */
import JaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { analyze } from './normalize.ts';

export interface PostTitle {
  en: string;
  hi: string;
  /** Further spellings: abbreviations, Roman Hindi, Devanagari transliterations, colloquial. */
  aliases: string[];
}

export const POSTS: Record<string, PostTitle> = {
  COLLECTOR: { en: 'Collector & District Magistrate', hi: 'समाहर्ता-सह-जिला दंडाधिकारी', aliases: [
    'collector', 'district collector', 'dm', 'district magistrate', 'जिलाधिकारी', 'समाहर्ता', 'जिला पदाधिकारी',
    'जिला दंडाधिकारी', 'डीएम', 'कलेक्टर', 'jiladhikari', 'zila adhikari', 'samaharta', 'jila padadhikari',
    'zila padadhikari', 'collector sahab', 'dm sahab'] },
  DDC: { en: 'Deputy Development Commissioner (e-Office nodal officer)', hi: 'उप विकास आयुक्त', aliases: [
    'ddc', 'deputy development commissioner', 'डीडीसी', 'up vikas ayukt', 'up vikas aayukt', 'upvikas ayukt',
    'e-office nodal officer', 'eoffice nodal officer', 'nodal officer', 'नोडल पदाधिकारी'] },
  ADM: { en: 'Additional Collector (ADM)', hi: 'अपर समाहर्ता', aliases: [
    'adm', 'additional district magistrate', 'additional collector', 'एडीएम', 'अपर जिला दंडाधिकारी',
    'apar samaharta', 'apar samharta', 'अपर जिलाधिकारी', 'addl collector', 'addl dm', 'adl collector',
    'additional dm'] },
  SDC: { en: 'Senior Deputy Collector', hi: 'वरीय उप समाहर्ता', aliases: [
    'sdc', 'senior deputy collector', 'varishth up samaharta', 'variya up samaharta', 'वरिष्ठ उप समाहर्ता'] },
  EST_DC: { en: 'Establishment Deputy Collector', hi: 'स्थापना उप समाहर्ता', aliases: [
    'establishment deputy collector', 'deputy collector establishment', 'establishment dc', 'est dc',
    'sthapna up samaharta', 'उप समाहर्ता स्थापना', 'स्थापना प्रभारी'] },
  DCLR: { en: 'Deputy Collector Land Reforms', hi: 'भूमि सुधार उप समाहर्ता', aliases: [
    'dclr', 'deputy collector land reforms', 'डीसीएलआर', 'bhumi sudhar up samaharta'] },
  DC: { en: 'Deputy Collector', hi: 'उप समाहर्ता', aliases: [
    'deputy collector', 'up samaharta', 'upsamaharta', 'डिप्टी कलेक्टर', 'dy collector'] },
  DIO: { en: 'District Informatics Officer', hi: 'जिला सूचना विज्ञान पदाधिकारी', aliases: [
    'dio', 'district informatics officer', 'डीआईओ', 'jila suchna vigyan padadhikari', 'nic officer'] },
  SDO: { en: 'Sub-Divisional Officer', hi: 'अनुमंडल पदाधिकारी', aliases: [
    'sdo', 'sub divisional officer', 'subdivisional officer', 'sub-divisional officer', 'एसडीओ',
    'anumandal padadhikari', 'sdm', 'अनुमंडलाधिकारी'] },
  DPRO: { en: 'District Public Relations Officer', hi: 'जिला जनसंपर्क पदाधिकारी', aliases: [
    'dpro', 'district public relations officer', 'डीपीआरओ', 'jila jansampark padadhikari', 'pro'] },
  DPO: { en: 'District Planning Officer', hi: 'जिला योजना पदाधिकारी', aliases: [
    'district planning officer', 'jila yojana padadhikari', 'planning officer'] },
  DSO: { en: 'District Supply Officer', hi: 'जिला आपूर्ति पदाधिकारी', aliases: ['dso', 'district supply officer'] },
  CO: { en: 'Circle Officer', hi: 'अंचल अधिकारी', aliases: [
    'co', 'circle officer', 'सीओ', 'अंचलाधिकारी', 'anchal adhikari', 'anchaladhikari', 'अंचल पदाधिकारी'] },
  BDO: { en: 'Block Development Officer', hi: 'प्रखंड विकास पदाधिकारी', aliases: [
    'bdo', 'block development officer', 'बीडीओ', 'prakhand vikas padadhikari'] },
  SO: { en: 'Section Officer', hi: 'प्रशाखा पदाधिकारी', aliases: [
    'section officer', 'so', 'prashakha padadhikari', 'शाखा पदाधिकारी', 'section incharge', 'शाखा प्रभारी'] },
  OS: { en: 'Office Superintendent', hi: 'कार्यालय अधीक्षक', aliases: [
    'office superintendent', 'superintendent', 'karyalay adhikshak', 'अधीक्षक'] },
  HEAD_CLERK: { en: 'Head Clerk', hi: 'प्रधान लिपिक', aliases: [
    'head clerk', 'headclerk', 'bada babu', 'bara babu', 'बड़ा बाबू', 'बडा बाबू', 'pradhan lipik', 'हेड क्लर्क'] },
  NAZIR: { en: 'Nazir', hi: 'नाजिर', aliases: ['nazir', 'naazir', 'नाजिर', 'नाज़िर', 'नजारत प्रभारी'] },
  ACCOUNTANT: { en: 'Accountant', hi: 'लेखापाल', aliases: [
    'accountant', 'lekhapal', 'accounts clerk', 'लेखा लिपिक', 'एकाउंटेंट', 'अकाउंटेंट'] },
  STENO: { en: 'Stenographer', hi: 'आशुलिपिक', aliases: ['stenographer', 'steno', 'pa', 'आशुलिपिक', 'स्टेनो', 'ashulipik'] },
  DEO: { en: 'Data Entry Operator', hi: 'डाटा एंट्री ऑपरेटर', aliases: [
    'data entry operator', 'deo', 'operator', 'computer operator', 'कंप्यूटर ऑपरेटर', 'ऑपरेटर', 'डेटा एंट्री ऑपरेटर'] },
  RECORD_KEEPER: { en: 'Record Keeper', hi: 'अभिलेखपाल', aliases: ['record keeper', 'abhilekhpal', 'अभिलेख पाल'] },
  CLERK: { en: 'Clerk / Dealing Assistant', hi: 'लिपिक', aliases: [
    'clerk', 'dealing assistant', 'dealing clerk', 'assistant', 'lipik', 'sahayak', 'सहायक', 'दैनिक लिपिक',
    'उच्च वर्गीय लिपिक', 'निम्न वर्गीय लिपिक', 'udc', 'ldc', 'upper division clerk', 'lower division clerk',
    'क्लर्क'] },
  PEON: { en: 'Office Attendant', hi: 'कार्यालय परिचारी', aliases: ['peon', 'office attendant', 'परिचारी', 'चपरासी', 'चपरासी', 'chaprasi', 'mts'] },
};

// Honorifics and fillers that surround a post in chat or on a roll ("DDC sahab", "श्री", "महोदय").
const HONORIFICS = new Set([
  'sahab', 'saheb', 'sahib', 'sir', 'ji', 'mr', 'mrs', 'ms', 'shri', 'sri', 'smt', 'the', 'madam', 'maam',
  'साहब', 'जी', 'श्री', 'श्रीमती', 'महोदय', 'महोदया', 'मा', 'माननीय', 'सर', 'babu', 'बाबू',
]);
// A roll may say "SDO, Sadar" or "CO Mahishi": the place is not part of the post.
const PLACE_WORDS = new Set(['saharsa', 'सहरसा', 'sadar', 'सदर', 'simri', 'सिमरी', 'bakhtiyarpur', 'बख्तियारपुर',
  'mahishi', 'महिषी', 'sonbarsa', 'सोनबरसा', 'kahara', 'कहरा', 'nauhatta', 'नवहट्टा', 'salkhua', 'सलखुआ',
  'patarghat', 'पतरघट', 'satar', 'kataiya', 'सत्तर', 'कटैया', 'banma', 'itahari', 'बनमा', 'ईटहरी', 'sour',
  'bazar', 'सौर', 'बाजार', 'district', 'जिला']);

/** Post phrase -> key, built once from the canonical titles and aliases (folded). */
const ALIAS_INDEX: Map<string, string> = (() => {
  const index = new Map<string, string>();
  for (const [key, title] of Object.entries(POSTS)) {
    for (const phrase of [key.replace(/_/g, ' '), title.en, title.hi, ...title.aliases]) {
      const folded = foldPhrase(phrase);
      if (folded && !index.has(folded)) index.set(folded, key);
    }
  }
  return index;
})();
const MAX_ALIAS_WORDS = Math.max(...[...ALIAS_INDEX.keys()].map((k) => k.split(' ').length));

/** Plural and oblique endings: SDOs, clerks, पदाधिकारियों, लिपिकों, अधिकारियों. */
function singular(word: string): string {
  if (/^[a-z]{2,}s$/.test(word) && !/(ss|us)$/.test(word)) {
    const stem = word.slice(0, -1);
    return stem.endsWith("'") ? stem.slice(0, -1) : stem;
  }
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (/[\u0900-\u097F]/.test(word)) {
    if (word.endsWith('ियों')) return word.slice(0, -4) + 'ी';
    if (word.endsWith('ों') && word.length > 4) return word.slice(0, -2);
  }
  return word;
}

function foldPhrase(text: string): string {
  return analyze(text)
    .tokens.filter((t) => t.kind === 'word' || t.kind === 'code')
    .map((t) => singular(t.norm))
    .join(' ');
}

/**
 * Canonical post key for a post phrase in any register ('उप विकास आयुक्त', 'up vikas ayukt',
 * 'D.D.C.', 'Deputy Development Commissioner, Saharsa'), or null when it is not a known post.
 * Exact alias first, then the longest alias inside the phrase, then a Jaro-Winkler match for
 * misspellings of the longer aliases (short abbreviations are never matched fuzzily).
 */
export function canonicalPost(text: string): string | null {
  const all = foldPhrase(text).split(' ').filter(Boolean);
  const asWritten = ALIAS_INDEX.get(all.join(' ')); // 'bada babu' before 'babu' is dropped
  if (asWritten) return asWritten;
  const words = all.filter((w) => !HONORIFICS.has(w));
  if (words.length === 0) return null;
  const exact = ALIAS_INDEX.get(words.join(' '));
  if (exact) return exact;
  const found = longestAliasIn(words);
  if (found) return found.key;
  const core = words.filter((w) => !PLACE_WORDS.has(w)).join(' ');
  if (core.length < 6) return null;
  // Word by word, so "establishment section" is not "establishment dc".
  const coreWords = core.split(' ');
  let best: { key: string; score: number } | null = null;
  for (const [alias, key] of ALIAS_INDEX) {
    const aliasWords = alias.split(' ');
    if (alias.length < 6 || aliasWords.length !== coreWords.length) continue;
    if (!aliasWords.every((w, i) => JaroWinkler(w, coreWords[i] ?? '') >= 0.85)) continue;
    const score = JaroWinkler(core, alias);
    if (score >= 0.93 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key ?? null;
}

/** Key when the phrase is exactly a post (honorifics aside), without searching inside it. */
export function exactPost(text: string): string | null {
  const all = foldPhrase(text).split(' ').filter(Boolean);
  return ALIAS_INDEX.get(all.join(' ')) ?? ALIAS_INDEX.get(all.filter((w) => !HONORIFICS.has(w)).join(' ')) ?? null;
}

/** The longest run of words that is an alias; used for "SDO Sadar" or "प्रधान लिपिक, स्थापना". */
export function longestAliasIn(words: string[]): { key: string; start: number; length: number } | null {
  // Each word made singular once, not once per window it falls in (this runs on every message).
  const singulars = words.map(singular);
  for (let len = Math.min(MAX_ALIAS_WORDS, words.length); len >= 1; len--) {
    for (let s = 0; s + len <= words.length; s++) {
      const key = ALIAS_INDEX.get(singulars.slice(s, s + len).join(' '));
      if (key) return { key, start: s, length: len };
    }
  }
  return null;
}

export { HONORIFICS as POST_HONORIFICS, singular as singularWord, MAX_ALIAS_WORDS };

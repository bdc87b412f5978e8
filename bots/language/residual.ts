/**
 * Free-text entities read as "what is left": the purpose of a leave or tour once dates, types,
 * places and request words are taken out; the subject of a new file; a search query; the
 * audience of a circular.
 */
import type { Token } from './normalize.ts';
import { findPhrases, phraseList, sliceText, wordSet } from './phrases.ts';
import { canonicalPost } from './posts.ts';

const isSep = (t: Token | undefined): boolean => t?.kind === 'punct' && t.text !== "'" && t.text !== '?';

// Request words around a leave or tour purpose; they split the text into chunks.
const REQUEST_WORDS = wordSet([
  'leave', 'leaves', 'chhutti', 'छुट्टी', 'अवकाश', 'avkash', 'chahiye', 'चाहिए', 'need', 'needed', 'want', 'wish',
  'apply', 'applying', 'application', 'request', 'requesting', 'requested', 'grant', 'please', 'sir', 'madam',
  'महोदय', 'मुझे', 'mujhe', 'i', 'me', 'to', 'from', 'for', 'on', 'till', 'until', 'by', 'onwards', 'tour', 'daura',
  'दौरा', 'दौरे', 'bhraman', 'भ्रमण', 'programme', 'program', 'कार्यक्रम', 'field', 'visit', 'outstation', 'duty',
  'submit', 'propose', 'travel', 'go', 'going', 'will', 'be', 'jaunga', 'जाऊंगा', 'lunga', 'lena', 'लेना', 'karna',
  'kar', 'de', 'do', 'dijiye', 'देने', 'कृपा', 'करें', 'mil', 'sakti', 'sakta', 'मिल', 'सकती', 'सकता', 'kya', 'क्या',
  'can', 'get', 'take', 'avail', 'back', 'date', 'backdated', 'daal', 'lagana', 'request', 'kindly', 'may', 'allow',
  'permission', 'अनुमति', 'due', 'because', 'kyunki', 'क्योंकि', 'हेतु', 'hetu', 'karan', 'कारण', 'wajah', 'वजह',
  'regarding', 'reason', 'purpose',
  'कारण', 'उद्देश्य', 'have', 'has', 'am', 'shall', 'would', 'like', 'half', 'day', 'days', 'din', 'दिन', 'also',
  'station', 'headquarters', 'मुख्यालय', 'leaving', 'required', 'requires', 'tak', 'तक',
  'जमा', 'jama', 'करना', 'करनी', 'lagana', 'laga',
]);
// Words that belong inside a purpose ("beti ki shaadi hai") but never start or end one.
const LEADING = wordSet(['hai', 'है', 'hain', 'हैं', 'ki', 'ka', 'ke', 'की', 'का', 'के', 'ko', 'को', 'se', 'से', 'me',
  'में', 'mein', 'par', 'पर', 'and', 'aur', 'और', 'jana', 'जाना', 'is', 'एवं']);
const TRAILING = wordSet(['ki', 'ka', 'ke', 'की', 'का', 'के', 'ko', 'को', 'se', 'से', 'me', 'में', 'mein', 'par', 'पर',
  'and', 'aur', 'और', 'एवं']);
const FUNCTION = new Set([...LEADING, ...wordSet(['the', 'my', 'a', 'an', 'of'])]);
const TOUR_NOUNS = wordSet(['tour', 'daura', 'दौरा', 'भ्रमण', 'bhraman']);
const MULTI_MARKERS = phraseList([
  ['ke liye', true], ['के लिए', true], ['ke karan', true], ['के कारण', true], ['ki wajah se', true],
  ['की वजह से', true], ['due to', true], ['because of', true], ['on account of', true],
]);

/**
 * The longest chunk of content words not used by other entities; ties go to the later chunk
 * (the reason usually closes the request). `used` marks token indices taken by other entities.
 */
export function purpose(tokens: Token[], source: string, used: Set<number>): string | undefined {
  const splitter = new Set<number>(used);
  for (const m of findPhrases(tokens, MULTI_MARKERS)) for (let i = m.from; i < m.to; i++) splitter.add(i);
  tokens.forEach((t, i) => {
    if (isSep(t) || REQUEST_WORDS.has(t.norm) || t.kind === 'num' || t.kind === 'code' || t.emoji) splitter.add(i);
    // "inspection tour", "निरीक्षण दौरा": a word naming the kind of tour is not its purpose.
    if (TOUR_NOUNS.has(t.norm) && i > 0) splitter.add(i - 1);
  });
  let best: [number, number] | null = null;
  let i = 0;
  while (i < tokens.length) {
    if (splitter.has(i)) { i++; continue; }
    let j = i;
    while (j < tokens.length && !splitter.has(j)) j++;
    let a = i;
    let b = j;
    while (a < b && LEADING.has((tokens[a] as Token).norm)) a++;
    while (b > a && TRAILING.has((tokens[b - 1] as Token).norm)) b--;
    const content = tokens.slice(a, b).some((t) => !FUNCTION.has(t.norm));
    if (content && (!best || b - a >= best[1] - best[0])) best = [a, b];
    i = j;
  }
  return best ? sliceText(source, tokens, best[0], best[1]) : undefined;
}

/** Text between a run of command words at the start and a run at the end ("X ki nayi file kholo"). */
export function stripEdges(tokens: Token[], source: string, vocab: Set<string>): string | undefined {
  const skip = (t: Token | undefined): boolean => !!t && (vocab.has(t.norm) || isSep(t) || t.emoji || t.text === '?');
  let a = 0;
  let b = tokens.length;
  const colon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ':');
  if (colon >= 0) a = colon + 1; // "new file: road repair Sonbarsa", "subject: ..."
  while (a < b && skip(tokens[a])) a++;
  while (b > a && skip(tokens[b - 1])) b--;
  return sliceText(source, tokens, a, b);
}

export const SUBJECT_WORDS = wordSet([
  'new', 'file', 'create', 'open', 'a', 'fresh', 'start', 'make', 'for', 'on', 'regarding', 'about', 'the', 'subject',
  'नई', 'नया', 'संचिका', 'फाइल', 'खोलें', 'बनाएं', 'बनाएँ', 'सृजित', 'करें', 'हेतु', 'के', 'लिए', 'की', 'पर', 'विषय',
  'nayi', 'naya', 'nai', 'banao', 'kholo', 'kholiye', 'bana', 'do', 'ki', 'ka', 'ke', 'liye', 'ek', 'chahiye', 'karo',
  'kar', 'banani', 'hai', 'kholna', 'sanchika', 'खोलनी', 'है', 'vishay', 'please', 'sir', 'खोलिए',
]);
export const QUERY_WORDS = wordSet([
  'find', 'search', 'for', 'look', 'files', 'file', 'on', 'about', 'related', 'to', 'the', 'any', 'regarding',
  'खोजें', 'खोज', 'खोजो', 'ढूंढें', 'ढूँढें', 'ढूंढो', 'की', 'के', 'से', 'संबंधित', 'जुड़ी', 'जुड़े', 'संचिका',
  'संचिकाएं', 'संचिकाएँ', 'फाइल', 'फाइलें', 'वाली', 'वाला', 'wali', 'wala', 'wale', 'ki', 'ka', 'dhundh', 'khoj',
  'karo', 'kar', 'do', 'dikhao', 'sanchika', 'please', 'sir', 'me', 'show', 'de',
]);

const ALL_WORDS = wordSet(['all', 'everyone', 'everybody', 'staff', 'employees', 'sabhi', 'sab', 'sabko', 'सभी', 'सब',
  'सबको', 'कर्मी', 'कर्मियों', 'कर्मचारी', 'कर्मचारियों']);
const CIRCULAR_WORDS = wordSet(['circular', 'notice', 'suchna', 'सूचना', 'परिपत्र', 'paripatra', 'broadcast', 'notify',
  'send', 'issue', 'bhejo', 'भेजें', 'to', 'for', 'ko', 'को', 'karo', 'kar', 'suchit', 'जारी', 'करें', 'please']);

/** 'all', a post key (sabhi SDO -> 'SDO'), or the section phrase as written, from before the ':'. */
export function audience(tokens: Token[], source: string): string | undefined {
  const colon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ':');
  const end = colon >= 0 ? colon : tokens.length;
  const words = tokens.slice(0, end).map((t, i) => ({ t, i })).filter(({ t }) => !CIRCULAR_WORDS.has(t.norm) && t.kind !== 'punct');
  if (words.length === 0) return undefined;
  if (words.every(({ t }) => ALL_WORDS.has(t.norm))) return 'all';
  const rest = words.filter(({ t }) => !ALL_WORDS.has(t.norm) || words.length === 1);
  const from = rest[0]?.i ?? 0;
  const to = (rest[rest.length - 1]?.i ?? 0) + 1;
  const text = sliceText(source, tokens, from, to);
  if (!text) return undefined;
  return canonicalPost(text) ?? text;
}

const REPORT_KINDS = phraseList([
  ['pendency', 'pendency'], ['pending', 'pendency'], ['लंबित', 'pendency'], ['लंबितता', 'pendency'],
  ['pendancy', 'pendency'], ['leave', 'leave'], ['अवकाश', 'leave'], ['chhutti', 'leave'], ['tour', 'tour'],
  ['दौरा', 'tour'], ['daura', 'tour'], ['disposal', 'disposal'], ['निष्पादन', 'disposal'], ['nishpadan', 'disposal'],
  ['attendance', 'attendance'], ['उपस्थिति', 'attendance'], ['hajiri', 'attendance'], ['हाजिरी', 'attendance'],
]);
/** Which report is asked for (pendency, leave, tour, disposal, attendance). */
export function reportKind(tokens: Token[]): string | undefined {
  return findPhrases(tokens, REPORT_KINDS)[0]?.value;
}


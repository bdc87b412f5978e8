/**
 * Remarks kept verbatim: the reason after a decision word ("return — attach the survey report"),
 * the text of a note, circular or message.
 */
import { codeKind } from './codes.ts';
import { analyze, type Token } from './normalize.ts';
import { notingIdioms } from './noting.ts';
import { sliceText, wordSet } from './phrases.ts';

interface DecisionWords {
  /** Words that carry the decision itself; the remark follows the first of them. */
  core: Set<string>;
  /** Words that may surround the decision without being part of the remark. */
  filler: Set<string>;
  /** Reason connectors dropped at the start of a remark ("because", "क्योंकि"). */
  connectors: Set<string>;
  /** A reason written before the decision word counts ("संशोधन हेतु वापस"). */
  reasonBefore: boolean;
}

const CONNECTORS = wordSet(['because', 'since', 'as', 'due', 'to', 'kyunki', 'kyonki', 'kyuki', 'क्योंकि', 'चूंकि', 'चूँकि']);
const COMMON = ['sir', 'ji', 'please', 'kindly', 'कृपया', 'जी', 'सर', 'महोदय', 'this', 'it', 'file', 'फाइल', 'संचिका',
  'sanchika', 'is', 'है', 'हैं', 'hai', 'kar', 'karo', 'do', 'de', 'dijiye', 'kijiye', 'diya', 'करें', 'कर', 'दें',
  'किया', 'की', 'जाता', 'जाती', 'जाए', 'दी', 'दिया', 'गया', 'yah', 'यह', 'isko', 'ise', 'इसे', 'ye', 'इस', 'case'];
// Applications a decision is about ("station leave sanctioned", "दौरा कार्यक्रम स्वीकृत").
const APPLICATIONS = ['leave', 'cl', 'el', 'hpl', 'rh', 'scl', 'station', 'chhutti', 'tour', 'programme', 'program', 'ta',
  'bill', 'claim', 'application', 'request', 'छुट्टी', 'अवकाश', 'आकस्मिक', 'उपार्जित', 'दौरा', 'दौरे', 'कार्यक्रम',
  'यात्रा', 'भत्ता', 'विपत्र', 'दावा', 'आवेदन', 'मांग', 'मुख्यालय', 'छोड़ने', 'अनुमति', 'permission'];

function decision(core: string[], filler: string[], reasonBefore: boolean): DecisionWords {
  const coreSet = wordSet(core);
  return {
    core: coreSet,
    filler: new Set([...wordSet([...COMMON, ...filler]), ...coreSet]),
    connectors: CONNECTORS,
    reasonBefore,
  };
}

export const DECISION_WORDS: Record<string, DecisionWords> = {
  approve: decision(
    ['approved', 'approve', 'sanctioned', 'sanction', 'agreed', 'agree', 'accepted', 'accept', 'ok', 'fine', 'alright',
      'proceed', 'passed', 'pass', 'go', 'manjur', 'manjuri', 'swikrit', 'anumodit', 'sahmat', 'chalega', 'thik',
      'yathaprastavit', 'स्वीकृत', 'स्वीकृति', 'मंजूर', 'मंजूरी', 'ठीक', 'अनुमोदित', 'अनुमोदन', 'सहमत', 'सहमति',
      'यथाप्रस्तावित', 'प्रस्तावानुसार', 'स्वीकार्य', 'swikarya'],
    ['up', 'put', 'as', 'proposed', 'seen', 'i', 'am', 'the', 'proposal', 'draft', 'with', 'thanks', 'ahead', 'all',
      'right', 'yes', 'haan', 'hoon', 'hun', 'हूं', 'हूँ', 'आगे', 'बढ़ाएँ', 'बढ़ाएं', 'बढ़ें', 'बढ़ाइए', 'बढ़ा', 'कीजिए',
      'देख', 'लिया', 'ली', 'प्रस्तुत', 'उपस्थापित', 'यथा', 'प्रस्तावित', 'प्रस्ताव', 'पर', 'aage', 'badha', 'gaya',
      'dekh', 'liya', 'li', 'bilkul', 'yatha', 'prastavit', 'ho', 'karta', 'sahi', 'bhai', 'looks', 'हां', 'हाँ',
      'accorded', 'प्रदान', 'जाती', 'जाता', 'issue', 'issued', 'निर्गत', 'nirgat', 'देखा', 'dekha',
      ...APPLICATIONS],
    false,
  ),
  return: decision(
    ['return', 'returned', 'revert', 'reverted', 'back', 'resubmit', 'reexamine', 'wapas', 'lauta', 'lautaya',
      'वापस', 'लौटाएं', 'लौटाएँ', 'लौटाया', 'लौटाई', 'लौटा', 'पुनः', 'dobara', 'nahi', 'नहीं'],
    ['with', 'comments', 'comment', 'remarks', 'remark', 'observation', 'observations', 'the', 'being', 'to', 'sender',
      'dealing', 'assistant', 'send', 'sent', 'bhej', 'jaye', 'jaaye', 'rahe', 'hain', 'भेजें', 'टिप्पणी', 'सहित',
      'प्रस्तुत', 'उपस्थापित', 'isse', 'ok'],
    true,
  ),
  refuse: decision(
    ['refused', 'refuse', 'rejected', 'reject', 'denied', 'declined', 'decline', 'disallowed', 'regretted', 'not',
      'cannot', "can't", 'asvikrit', 'namanjur', 'nahi', 'na', 'अस्वीकृत', 'अस्वीकार', 'नामंजूर', 'नहीं', 'अमान्य',
      'amanya', 'मना', 'mana', 'turned'],
    [...APPLICATIONS, 'ml', 'pl', 'be', 'can', 'granted', 'sanctioned', 'approved', 'approve', 'allowed', 'permitted',
      'possible', 'milegi', 'milega', 'mil', 'sakti', 'sakta', 'sakte', 'hogi', 'hoga', 'sorry', 'time', 'at',
      'moment', 'abhi', 'baar', 'your', 'aapki', 'aapka', 'ki', 'permission', 'banta', 'jata', 'kiya', 'manjur',
      'swikrit', 'sambhav', 'छुट्टी', 'अवकाश', 'दौरा', 'दौरे', 'की', 'अनुमति', 'यात्रा', 'भत्ता', 'दावा', 'मांग',
      'आवेदन', 'स्वीकृत', 'संभव', 'मिलेगी', 'मिलेगा', 'जा', 'सकता', 'सकती', 'इस', 'बार', 'उपार्जित', 'आकस्मिक',
      'स्टेशन', 'छोड़ने', 'मुख्यालय', 'अभी'],
    true,
  ),
  park: decision(
    ['park', 'parked', 'hold', 'abeyance', 'pending', 'रोक', 'रोकें', 'रोककर', 'रोके', 'स्थगित', 'लंबित', 'होल्ड',
      'पार्क', 'rok', 'side'],
    ['for', 'now', 'the', 'on', 'put', 'keep', 'in', 'रखें', 'को', 'पर', 'अभी', 'फिलहाल', 'rakh', 'ke', 'abhi', 'pe',
      'ko', 'me', 'is'],
    true,
  ),
  close_file: decision(
    ['close', 'closed', 'band', 'बंद', 'नस्तीबद्ध', 'consign', 'filed', 'समाप्त'],
    ['the', 'may', 'be', 'karni', 'karna', 'ko', 'की', 'to', 'record', 'room', 'and'],
    true,
  ),
  reopen: decision(
    ['reopen', 'reopened', 'revive', 'reactivate', 'open', 'opened', 'khol', 'kholo', 'खोलें', 'खोला', 'पुनर्जीवित',
      'सक्रिय', 'चालू', 'chalu', 'undo'],
    ['the', 'closed', 'again', 'phir', 'se', 'dobara', 'को', 'फिर', 'से', 'दोबारा', 'पुनः', 'ko', 'band', 'wali',
      'wapas', 'on', 'close', 'needs', 'to', 'be', 'बंद'],
    false,
  ),
};

/**
 * Small talk around a decision, per language: assent, hedges ("lagta hai"), politeness and thanks.
 * These are never a remark: a remark must carry a word beyond them, the decision's own words and
 * its filler ("theek lagta hai", "ji haan theek hai", "हाँ ठीक है" approve with no remark).
 */
export const SMALL_TALK: Readonly<Record<'en' | 'hinglish' | 'hi', readonly string[]>> = {
  en: ['ok', 'okay', 'okey', 'k', 'yes', 'yeah', 'yep', 'sure', 'fine', 'good', 'great', 'nice', 'perfect', 'looks',
    'look', 'seems', 'seem', 'sounds', 'right', 'alright', 'correct', 'noted', 'thanks', 'thank', 'thx', 'sir',
    'madam', 'maam', 'dear', 'please', 'kindly', 'ji'],
  hinglish: ['theek', 'thik', 'thick', 'theekh', 'tik', 'h', 'hai', 'he', 'hain', 'hei', 'lagta', 'lagti', 'lag', 'lage',
    'laga', 'raha', 'rahi', 'hi', 'haan', 'han', 'ha', 'haa', 'ji', 'jee', 'sahi', 'accha', 'acha', 'achha', 'achchha',
    'badhiya', 'bilkul', 'hua', 'ho', 'gaya', 'dhanyavad', 'dhanyawad', 'shukriya', 'sahab', 'saheb', 'huzoor', 'hukum',
    'bhai', 'ekdam', 'chalo', 'chaliye'],
  hi: ['ठीक', 'है', 'हैं', 'लगता', 'लगती', 'लग', 'रहा', 'रही', 'हाँ', 'हां', 'जी', 'सही', 'अच्छा', 'बढ़िया', 'बिल्कुल',
    'बिलकुल', 'हुआ', 'हो', 'गया', 'धन्यवाद', 'शुक्रिया', 'सर', 'महोदय', 'साहब', 'श्रीमान', 'कृपया', 'एकदम', 'चलिए'],
};
const SMALL_TALK_WORDS = wordSet([...SMALL_TALK.en, ...SMALL_TALK.hinglish, ...SMALL_TALK.hi]);
// Small words that join small talk ("mere hisab se theek hai", "it all looks fine to me"): not
// trimmed from a remark's start (a remark may open with them), but no content on their own.
const GLUE = wordSet(['you', 'it', 'is', 'all', 'this', 'that', 'me', 'to', 'so', 'very', 'well', 'as', 'of', 'sab', 'mujhe',
  'mere', 'mera', 'hisab', 'se', 'to', 'toh', 'ek', 'dum', 'bhi', 'yah', 'ye', 'सब', 'मुझे', 'मेरे', 'मेरा', 'हिसाब',
  'से', 'तो', 'यह', 'ये', 'भी', 'एक', 'दम']);

/** Whether tokens[from, to) say something beyond small talk, the decision's words and its filler. */
function carriesContent(tokens: Token[], from: number, to: number, words: DecisionWords): boolean {
  return tokens.slice(from, to).some((t) => t.kind === 'word' && !t.emoji && !SMALL_TALK_WORDS.has(t.norm) && !GLUE.has(t.norm) &&
    !words.filler.has(t.norm) && !words.connectors.has(t.norm) && !isId(t));
}

const TRAILING = wordSet(['संचिका', 'फाइल', 'file', 'sanchika', 'this', 'it', 'ise', 'isko', 'इसे', 'यह', 'ye',
  'please', 'कृपया', 'sir', 'ji', 'जी', 'सर']);
const isSep = (t: Token | undefined): boolean => t?.kind === 'punct' && t.text !== '?' && t.text !== "'";
const isId = (t: Token): boolean => {
  const k = codeKind(t);
  return k === 'file' || k === 'diary';
};

/**
 * Text after the decision word: filler right after it is skipped; at a separator, a segment made
 * only of filler (or starting with another decision word) is skipped too, otherwise the remark
 * starts there. With nothing after it, a reason written before the decision word is used.
 * A send-back in noting idioms: what follows the decision word counts only if it says more than
 * "put it up again" ("re-examine karke rakho" has no remark); with nothing after it, the whole
 * reply is the remark when it says something beyond the idioms ("observations above may be
 * complied with"), else the reason before the decision word.
 */
export function decisionRemark(intent: string, tokens: Token[], source: string): string | undefined {
  const remark = rawDecisionRemark(intent, tokens, source);
  const words = DECISION_WORDS[intent];
  if (remark === undefined || !words) return remark;
  // Filler is never a remark: "lagta hai", "ji", "thank you" around the decision say nothing.
  const own = analyze(remark).tokens;
  let from = 0;
  let to = own.length;
  const edge = (t: Token | undefined): boolean => !!t && (isSep(t) || (t.kind === 'word' && (SMALL_TALK_WORDS.has(t.norm) || words.core.has(t.norm))));
  while (from < to && edge(own[from])) from++;
  while (to > from && (isSep(own[to - 1]) || COURTESY_EDGE.has((own[to - 1] as Token).norm) || (own[to - 1] as Token).text === '।')) to--;
  if (!carriesContent(own, from, to, words)) return undefined;
  return sliceText(remark, own, from, to);
}

function rawDecisionRemark(intent: string, tokens: Token[], source: string): string | undefined {
  const words = DECISION_WORDS[intent];
  if (!words) return undefined;
  const skippable = (t: Token): boolean => words.filler.has(t.norm) || isId(t) || t.emoji;
  const k = tokens.findIndex((t) => words.core.has(t.norm));
  const idiom = intent === 'return' ? new Set(notingIdioms(tokens).return) : new Set<number>();
  // Words that say something: not filler, not "and put it up again" (nor, when asked, a noting idiom).
  const says = (from: number, to: number, idiomsToo: boolean): number => tokens.slice(from, to)
    .filter((t, j) => t.kind === 'word' && !skippable(t) && !(idiomsToo && idiom.has(from + j)) && !AND.has(t.norm) &&
      !SUBMIT_AGAIN.has(t.norm) && !words.connectors.has(t.norm)).length;
  if (k >= 0) {
    const after = remarkStart(tokens, k, words, skippable);
    if (after !== undefined && (intent !== 'return' || says(after, tokens.length, false) > 0)) {
      return sliceText(source, tokens, after, tokens.length);
    }
  }
  if (intent === 'return' && idiom.size && says(0, tokens.length, true) > 0) return wholeRemark(tokens, source);
  if (k < 0 || !words.reasonBefore) return undefined;
  let from = 0;
  let to = k;
  while (from < to && (skippable(tokens[from] as Token) || isSep(tokens[from]))) from++;
  // Only nouns, courtesy, "send" and a dangling "and" are trimmed at the end: "सुधार कर" keeps its verb.
  while (to > from && (TRAILING.has((tokens[to - 1] as Token).norm) || AND.has((tokens[to - 1] as Token).norm) ||
    SEND.has((tokens[to - 1] as Token).norm) || isId(tokens[to - 1] as Token) || isSep(tokens[to - 1]))) to--;
  return sliceText(source, tokens, from, to);
}
const SEND = wordSet(['send', 'sent', 'bhej', 'भेजें', 'bheja']);

/** Index where the remark after the decision word at `k` starts, or undefined when nothing follows. */
function remarkStart(tokens: Token[], k: number, words: DecisionWords, skippable: (t: Token) => boolean): number | undefined {
  let i = k + 1;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (isSep(t)) {
      let end = i + 1;
      while (end < tokens.length && !isSep(tokens[end])) end++;
      const segment = tokens.slice(i + 1, end);
      const head = segment[0];
      if (segment.every(skippable)) { i = end; continue; }
      if (head && (words.core.has(head.norm) || words.connectors.has(head.norm))) { i++; continue; }
      return i + 1;
    }
    if (skippable(t) || words.connectors.has(t.norm)) { i++; continue; }
    return i;
  }
  return undefined;
}

const AND = wordSet(['and', 'or', 'n', 'aur', 'और', 'एवं', 'evam', 'then', 'tatha', 'तथा']);
// "… karke dobara bhejo / rakhen / put up karo": the way back up, not a remark.
const SUBMIT_AGAIN = wordSet(['bhej', 'भेजें', 'rakh', 'रखें', 'prastut', 'प्रस्तुत', 'उपस्थापित', 'upasthapit', 'put', 'up',
  'karo', 'kar', 'करें', 'kijiye', 'dekho', 'dekh', 'देखें', 'again', 'phir', 'se', 'फिर', 'से', 'laiye', 'lao',
  'asst', 'ko', 'को']);
const COURTESY_EDGE = wordSet(['sir', 'ji', 'please', 'कृपया', 'जी', 'सर', 'महोदय', 'sadar', 'सादर']);

/** The whole reply, without the courtesy and file numbers around it. */
function wholeRemark(tokens: Token[], source: string): string | undefined {
  let from = 0;
  let to = tokens.length;
  const edge = (t: Token | undefined): boolean => !!t && (COURTESY_EDGE.has(t.norm) || isId(t) || isSep(t));
  while (from < to && edge(tokens[from])) from++;
  while (to > from && edge(tokens[to - 1])) to--;
  return sliceText(source, tokens, from, to);
}

/** The first ':' or dash within `within` tokens after `after`; its index or -1. */
export function separatorAfter(tokens: Token[], after: number, within = 8): number {
  for (let i = Math.max(after, 0); i < Math.min(tokens.length, after + within + 1); i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && (t.text === ':' || t.text === '-')) return i;
  }
  return -1;
}

const NOTE_WORDS = wordSet(['note', 'noting', 'tippani', 'टिप्पणी', 'नोट', 'नोटिंग']);
const NOTE_FILLER = wordSet(['add', 'a', 'put', 'record', 'write', 'that', 'ki', 'कि', 'likho', 'likh', 'likhein',
  'लिखें', 'जोड़ें', 'do', 'de', 'kar', 'lo', 'daal', 'karo', 'करें', 'अंकित', 'on', 'for', 'file', 'please', 'me',
  'में', 'पर']);

/** The note text: after a ':' or dash near the note word, else after the words around it. */
export function noteRemark(tokens: Token[], source: string): string | undefined {
  const k = tokens.findIndex((t) => NOTE_WORDS.has(t.norm));
  const sep = separatorAfter(tokens, k < 0 ? 0 : k, 6);
  if (sep >= 0) return sliceText(source, tokens, sep + 1, tokens.length);
  if (k < 0) return undefined;
  let i = k + 1;
  while (i < tokens.length && (NOTE_FILLER.has((tokens[i] as Token).norm) || isSep(tokens[i]))) i++;
  return sliceText(source, tokens, i, tokens.length);
}

const MESSAGE_FILLER = wordSet(['ko', 'को', 'bolo', 'bata', 'batao', 'do', 'de', 'ki', 'kar', 'that', 'message', 'msg',
  'send', 'sandesh', 'संदेश', 'दें', 'कि', 'कहें', 'बताएं', 'बताएँ', 'bhej', 'भेजें', 'tell', 'inform', 'ping', 'text',
  'sir', 'ji', 'जी', 'sahab', 'साहब', 'महोदय']);

/** Message text: after the first ':' if there is one, else after the addressee and command words. */
export function messageRemark(tokens: Token[], source: string, addresseeEnd: number): string | undefined {
  const colon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ':');
  if (colon >= 0) return sliceText(source, tokens, colon + 1, tokens.length);
  let i = Math.max(addresseeEnd, 0);
  while (i < tokens.length && (MESSAGE_FILLER.has((tokens[i] as Token).norm) || isSep(tokens[i]))) i++;
  return sliceText(source, tokens, i, tokens.length);
}

const FORWARD_COURTESY = wordSet(['sir', 'ji', 'please', 'कृपया', 'जी', 'सर', 'महोदय', 'sadar', 'सादर', 'sahab',
  'साहब', 'madam', 'namaste', 'नमस्ते', 'pranam', 'प्रणाम', 'puc', 'hai', 'है', 'hain', 'हैं', 'kar', 'करें', 'do',
  'दें', 'de', 'diya', 'दिया', 'gaya', 'गया', 'jaye', 'जाए', 'rahe', 'raha', 'karo', 'karein', 'and', 'kind', 'orders',
  'order', 'for', 'of', 'एवं', 'और', 'ke', 'liye', 'के', 'लिए', 'हेतु', 'hetu', 'kripya', 'the', 'file', 'संचिका',
  'फाइल', 'is', 'please']);

/**
 * A forwarding remark is only what follows a separator after the addressee ("to DDC, urgent").
 * Courtesy before the separator ("Sir, submitted for orders") and a segment that is only noting
 * idioms ("अग्रसारित, आदेशार्थ") are not remarks.
 */
export function forwardRemark(tokens: Token[], source: string, addresseeEnd: number): string | undefined {
  const idiom = new Set([...notingIdioms(tokens).forward]);
  const plain = (t: Token, i: number): boolean => t.kind !== 'word' || FORWARD_COURTESY.has(t.norm) || idiom.has(i) || t.emoji;
  let from = Math.max(addresseeEnd, 0);
  for (let i = from; i < tokens.length; i++) {
    if (!isSep(tokens[i])) continue;
    // "Sir, submitted for orders": courtesy before the separator, not an addressee then a remark.
    if (addresseeEnd <= 0 && tokens.slice(from, i).every((t) => t.kind !== 'word' || FORWARD_COURTESY.has(t.norm))) {
      from = i + 1;
      continue;
    }
    if (tokens.slice(i + 1).every((t, j) => plain(t, i + 1 + j))) return undefined;
    return sliceText(source, tokens, i + 1, tokens.length);
  }
  return undefined;
}

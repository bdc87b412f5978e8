/**
 * Who a file or message goes to: "send to DDC", "isko DDC ko bhej do", "अमित आनंद को भेजें",
 * "msg SAH0042: ...". A phrase is read as an employee code, else a post, else a person's name.
 */
import { codeKind } from './codes.ts';
import { normalize, type Token } from './normalize.ts';
import { wordSet, sliceText } from './phrases.ts';
import { canonicalPost, exactPost, POST_HONORIFICS } from './posts.ts';

export interface Addressee { post?: string; name?: string; code?: string }
export interface AddresseeFinding { addressee: Addressee; from: number; to: number }

// Courtesy words that may follow a post ("DDC sir", "ADM sahab") and belong to its span.
const COURTESY = wordSet(['sir', 'sahab', 'saheb', 'sahib', 'ji', 'जी', 'साहब', 'महोदय', 'महोदया', 'madam', 'सर']);
const HONORIFIC = new Set([...POST_HONORIFICS, ...wordSet(['a', 'an', 'mr.', 'dr', 'shrimati', 'sushri', 'सुश्री'])]);
// Words that end a name or post phrase when reading backwards from "ko"/"को".
const BOUNDARY = wordSet([
  'isko', 'ise', 'isse', 'iske', 'usko', 'inko', 'इसे', 'इसको', 'यह', 'ये', 'ye', 'yeh', 'file', 'files', 'फाइल',
  'संचिका', 'sanchika', 'please', 'कृपया', 'kripya', 'aage', 'आगे', 'badha', 'बढ़ाएँ', 'बढ़ाएं', 'bhej', 'भेजें',
  'forward', 'se', 'से', 'के', 'माध्यम', 'through', 'dak', 'डाक', 'letter', 'पत्र', 'me', 'में', 'and', 'aur', 'और',
  'mark', 'send', 'put', 'up', 'this', 'it', 'copy', 'प्रति', 'message', 'msg', 'संदेश', 'circular', 'परिपत्र',
  'notice', 'bhejo', 'turant', 'तुरंत', 'abhi', 'अभी', 'wala', 'wali', 'वाली', 'ka', 'ki', 'का', 'की', 'hai', 'है',
]);
// Words after "to X" that are not part of X.
const AFTER_STOP = wordSet(['for', 'with', 'and', 'regarding', 'please', 'today', 'immediately', 'urgently', 'asap',
  'through', 'via', 'ko', 'को', 'that', 'the', 'about', 'on', 'in', 'by', 'kindly', 'if']);
const NOT_NAMES = wordSet(['puc', 'file', 'see', 'peruse', 'sign', 'approve', 'examine', 'consider', 'look', 'go', 'be', 'do',
  'him', 'her', 'them', 'me', 'us', 'you', 'unke', 'unko', 'inko', 'section', 'office', 'all',
  'sabhi', 'sab', 'सभी', 'everyone', 'record', 'room', 'mujhe', 'मुझे', 'hum', 'humko', 'हमें', 'isko', 'usko']);
const KO = wordSet(['ko', 'को']);
// "X के पास", and the noting forms "X के अवलोकनार्थ / आदेशार्थ / समक्ष" name whom a file goes to.
const KO_PAIRS = new Set(['ke paas', 'के पास', 'ke pass', 'के अवलोकनार्थ', 'ke avlokanarth', 'के आदेशार्थ', 'ke aadesharth',
  'ke adesharth', 'के अवलोकन', 'ke avlokan', 'के अनुमोदनार्थ', 'ke anumodanarth', 'के समक्ष', 'ke samaksh', 'के सामने', 'ke saamne', 'ke samne',
  'के हस्ताक्षरार्थ', 'ke order', 'ke orders', 'ke aadesh', 'के आदेश', 'ke approval', 'ke sign'].map((p) => normalize(p)));
// "for kind perusal of X", "orders of X", "laid before X": English noting names the officer after these.
const OF_MARKERS = wordSet(['perusal', 'orders', 'order', 'approval', 'signature', 'consideration', 'information',
  'sanction', 'decision', 'kind']);
const BEFORE_MARKERS = wordSet(['laid', 'placed', 'put', 'up', 'submitted', 'lay', 'place']);
const BY_MARKERS = wordSet(['seen', 'perused', 'examined']);
const COMMANDS = wordSet(['msg', 'message', 'tell', 'inform', 'ping', 'text', 'sms', 'whatsapp', 'bolo', 'संदेश']);

function trimHonorifics(tokens: Token[], from: number, to: number): [number, number] {
  while (from < to && HONORIFIC.has((tokens[from] as Token).norm)) from++;
  while (to > from && HONORIFIC.has((tokens[to - 1] as Token).norm)) to--;
  return [from, to];
}

/** Reads tokens [from, to) as a code, a post, or a name; null when it is none of them. */
function resolve(tokens: Token[], source: string, from: number, to: number): Addressee | null {
  [from, to] = trimHonorifics(tokens, from, to);
  if (to <= from) return null;
  const phrase = tokens.slice(from, to);
  const code = phrase.find((t) => codeKind(t) === 'employee');
  if (code) return { code: code.text.toUpperCase() };
  const text = source.slice(phrase[0]?.start ?? 0, phrase[phrase.length - 1]?.end ?? 0);
  const post = canonicalPost(text);
  if (post) return { post };
  if (phrase.some((t) => t.kind !== 'word' || NOT_NAMES.has(t.norm) || BOUNDARY.has(t.norm))) return null;
  const name = sliceText(source, tokens, from, to);
  return name ? { name } : null;
}

/** "X ko", "X को", "X ke paas", "X के अवलोकनार्थ": X read backwards up to a boundary word. */
function beforeKo(tokens: Token[], source: string): AddresseeFinding | null {
  for (let i = 1; i < tokens.length; i++) {
    const one = (tokens[i] as Token).norm;
    const two = `${one} ${tokens[i + 1]?.norm ?? ''}`;
    const width = KO_PAIRS.has(two) ? 2 : KO.has(one) ? 1 : 0;
    if (!width) continue;
    let from = i;
    while (from > 0 && i - from < 5) {
      const t = tokens[from - 1] as Token;
      if (t.kind === 'punct' || BOUNDARY.has(t.norm) || codeKind(t) === 'file' || codeKind(t) === 'diary') break;
      from--;
    }
    // Prefer the longest tail that is exactly a post ("अपर समाहर्ता के माध्यम से समाहर्ता को").
    for (let s = from; s < i; s++) {
      const post = exactPost(source.slice(tokens[s]?.start ?? 0, tokens[i - 1]?.end ?? 0));
      if (post) return { addressee: { post }, from: s, to: i + width };
    }
    const found = resolve(tokens, source, from, i);
    if (found) return { addressee: found, from, to: i + width };
  }
  return null;
}

/** "to X" in English: the last one wins ("route this through ADM to DM"). */
function afterTo(tokens: Token[], source: string): AddresseeFinding | null {
  let best: AddresseeFinding | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as Token).norm !== 'to') continue;
    let from = i + 1;
    while (tokens[from] && (HONORIFIC.has((tokens[from] as Token).norm) || tokens[from]?.text === '.')) from++;
    let to = from;
    while (to < tokens.length && to - from < 5) {
      const t = tokens[to] as Token;
      if (t.kind === 'punct' || (to > from && AFTER_STOP.has(t.norm))) break;
      to++;
    }
    const found = readForward(tokens, source, from, to);
    if (found) best = found;
  }
  return best;
}

/**
 * Reads an addressee that starts at `from`: the longest exact post ("head clerk", "DIO"), an
 * employee code, else a name running to the end of the phrase, else a post found inside it
 * ("SDO Sadar"). Trailing honorifics ("DDC sir") belong to the span.
 */
function readForward(tokens: Token[], source: string, from: number, to: number): AddresseeFinding | null {
  const first = tokens[from];
  if (!first) return null;
  if (codeKind(first) === 'employee') return { addressee: { code: first.text.toUpperCase() }, from, to: from + 1 };
  for (let end = to; end > from; end--) {
    const post = exactPost(source.slice(first.start, tokens[end - 1]?.end ?? 0));
    if (post) {
      while (end > from + 1 && !COURTESY.has((tokens[end - 1] as Token).norm) && HONORIFIC.has((tokens[end - 1] as Token).norm)) end--;
      while (tokens[end] && COURTESY.has((tokens[end] as Token).norm)) end++;
      return { addressee: { post }, from, to: end };
    }
  }
  const found = resolve(tokens, source, from, to);
  return found ? { addressee: found, from, to } : null;
}

/** "for kind perusal of DDC", "laid before the DM", "may be seen by DCLR": a post, a code or a name. */
function afterNotingMarker(tokens: Token[], source: string): AddresseeFinding | null {
  for (let i = 1; i < tokens.length; i++) {
    const w = (tokens[i] as Token).norm;
    const prev = (tokens[i - 1] as Token).norm;
    const marked = (w === 'of' && OF_MARKERS.has(prev)) || (w === 'before' && BEFORE_MARKERS.has(prev)) ||
      (w === 'by' && BY_MARKERS.has(prev));
    if (!marked) continue;
    let from = i + 1;
    while (tokens[from] && (HONORIFIC.has((tokens[from] as Token).norm) || tokens[from]?.text === '.')) from++;
    let to = from;
    while (to < tokens.length && to - from < 5) {
      const t = tokens[to] as Token;
      if (t.kind === 'punct' || (to > from && AFTER_STOP.has(t.norm))) break;
      to++;
    }
    const found = readForward(tokens, source, from, to);
    if (found) return found;
  }
  return null;
}

/** "DDC sir may like to see", "ADM may kindly peruse": the officer asked to see it is named first. */
function beforeMay(tokens: Token[], source: string): AddresseeFinding | null {
  const may = tokens.findIndex((t) => t.norm === 'may');
  if (may <= 0 || may > 5) return null;
  for (let s = 0; s < may; s++) {
    const post = exactPost(source.slice(tokens[s]?.start ?? 0, tokens[may - 1]?.end ?? 0));
    if (post) return { addressee: { post }, from: s, to: may };
  }
  return null;
}

/** "msg DDC: ...", "tell the head clerk: ...", "message Amit Anand: ...". */
function afterCommand(tokens: Token[], source: string): AddresseeFinding | null {
  const i = tokens.findIndex((t) => COMMANDS.has(t.norm));
  if (i < 0) return null;
  let from = i + 1;
  while (tokens[from] && ['the', 'to', 'a'].includes((tokens[from] as Token).norm)) from++;
  let to = from;
  while (to < tokens.length && to - from < 5 && (tokens[to] as Token).kind !== 'punct') to++;
  return readForward(tokens, source, from, to);
}

/** The addressee is named before a ':'; what follows is the message body ("msg X: come to my chamber"). */
export function findAddressee(tokens: Token[], source: string): AddresseeFinding | undefined {
  const colon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ':');
  const head = colon >= 0 ? tokens.slice(0, colon) : tokens;
  return beforeKo(head, source) ?? afterTo(head, source) ?? afterNotingMarker(head, source) ?? beforeMay(head, source) ??
    afterCommand(head, source) ?? undefined;
}

/**
 * What rules do better than statistics: OTPs, link commands, explicit prefixes ("note:",
 * "circular to all:", "msg DDC:"), one-word commands, the reminder switch, small talk, and the
 * conditions an intent cannot do without. Decisions have their own rules in decisions.ts.
 */
import { codeKind } from './codes.ts';
import { CONCEPTS } from './concepts.ts';
import { longestAliasIn } from './posts.ts';
import { destinations } from './travel.ts';
import type { Intent } from './intents.ts';
import type { Token } from './normalize.ts';
import { wordSet } from './phrases.ts';
import { decisionHead, explicitDecision, MY_DOING } from './decisions.ts';
import { notingDirection } from './noting.ts';

/** Intents a rule vouches for, with a multiplier applied to the classifier's probability. */
export type Boosts = Partial<Record<Intent, number>>;

const STRONG = 50;
const WEAK = 10;
/** A noting idiom ("submitted for orders", "पुनः उपस्थापित करें") says which way the file goes. */
const IDIOM = 30;
const OTP_WORDS = wordSet(['otp', 'ओटीपी', 'code', 'कोड', 'is', 'hai', 'है', 'the', 'my', 'mera', 'मेरा', 'here', 'ye',
  'lo', 'यह', 'रहा', 'sir', 'received', 'aaya', 'mila', 'bhej', 'raha', 'hoon', 'hu', 'daal']);
const LINK_WORDS = wordSet(['link', 'लिंक', 'jod', 'जोड़ें', 'जोड़', 'register', 'code', 'कोड',
  'id', 'आईडी', 'account', 'खाता', 'कर्मचारी', 'employee', 'connect', 'jodein', 'jodo', 'संख्या', 'no']);
const SENDING_WORDS = wordSet(['bhej', 'forward', 'send', 'भेजें', 'अग्रसारित', 'mark', 'msg', 'message', 'संदेश', 'ko', 'को']);
const NOTE_WORDS = wordSet(['note', 'noting', 'tippani', 'टिप्पणी', 'नोट', 'नोटिंग', 'notes', 'टिप्पणियां']);
const CIRCULAR_WORDS = wordSet(['circular', 'परिपत्र', 'paripatra', 'broadcast', 'notify', 'notice', 'सूचना', 'suchna', 'suchit']);
const MESSAGE_WORDS = wordSet(['msg', 'message', 'संदेश', 'tell', 'ping', 'text', 'bolo', 'sms', 'inform']);

export function ruleBoosts(tokens: Token[]): Boosts {
  const words = tokens.filter((t) => t.kind !== 'punct');
  const boosts: Boosts = {};
  // A bare 6-digit number (or 123 456), possibly with "otp"/"code" around it, is an OTP reply.
  const nums = words.filter((t) => t.kind === 'num');
  const sixDigits = nums.some((t) => /^\d{6}$/.test(t.text)) || (nums.length === 2 && nums.every((t) => /^\d{3}$/.test(t.text)));
  if (sixDigits && words.every((t) => t.kind === 'num' || OTP_WORDS.has(t.norm))) boosts.otp = STRONG;
  // A code with a link word and nothing being sent: "link SAH0042", "mera code SAH0042 hai".
  const hasCode = words.some((t) => codeKind(t) === 'employee' || (t.kind === 'num' && /^\d{5,10}$/.test(t.text)));
  if (hasCode && words.some((t) => LINK_WORDS.has(t.norm)) && !words.some((t) => SENDING_WORDS.has(t.norm))) {
    boosts.link = STRONG;
  }
  const colon = tokens.findIndex((t) => t.kind === 'punct' && (t.text === ':' || t.text === '-'));
  const head = colon >= 0 ? tokens.slice(0, colon) : [];
  if (colon >= 0 && colon <= 6) {
    if (head.some((t) => NOTE_WORDS.has(t.norm))) boosts.note = STRONG;
    else if (head.some((t) => CIRCULAR_WORDS.has(t.norm))) boosts.circular = STRONG;
    else if (head.some((t) => MESSAGE_WORDS.has(t.norm))) boosts.message = STRONG;
  }
  const decided = decisionHead(tokens);
  Object.assign(boosts, decided);
  // Noting idioms, unless an explicit prefix ("note: … put up for orders") or the reminder switch
  // says what the text is, or the message asks how it is done ("संचिका अग्रसारित कैसे करें?").
  const switched = reminderSwitch(tokens);
  const prefixed = boosts.note !== undefined || boosts.circular !== undefined || boosts.message !== undefined ||
    Object.keys(switched).length > 0 || words.some((t) => HOW.has(t.norm));
  const direction = prefixed ? undefined : notingDirection(tokens);
  // An idiom in the remark does not overrule the decision that opens the reply ("approved, send
  // back to the section for issue" approves).
  const otherDecision = (d: string): boolean => Object.keys(decided).some((k) => k !== d);
  if (direction === 'return' && !otherDecision('return')) boosts.return = Math.max(boosts.return ?? 1, IDIOM);
  if (direction === 'approve' && !otherDecision('approve')) boosts.approve = Math.max(boosts.approve ?? 1, IDIOM);
  // "submitted for orders" sends a file on, but "OK, put up fair copy" approves and "leave … for
  // sanction" is an application: a decision word or an application leaves it to the classifier.
  if (direction === 'forward' && !Object.keys(decided).length && !explicitDecision(tokens) &&
    !words.some((t) => APPLICATION.has(t.norm))) {
    boosts.forward = IDIOM;
  }
  if (isCapabilityQuestion(tokens)) boosts.help = STRONG;
  // "संचिका अग्रसारित कैसे करें?", "how do I apply for leave": asking how it is done.
  if (isHowTo(tokens)) boosts.help = Math.max(boosts.help ?? 1, WEAK);
  // "एडीएम को अग्रसारित करें: ..." is a forward even though it looks like a circular or message.
  if (!Object.keys(decided).length && words.some((t) => FORWARD_VERBS.has(t.norm)) && hasAddresseeShape(tokens)) {
    boosts.forward = Math.max(boosts.forward ?? 1, WEAK);
  }
  if (words.length === 1 && /^\/(start|help|menu)$/.test(tokens.map((t) => t.text).join(''))) boosts.help = STRONG;
  const command = oneWordCommand(words);
  if (command) boosts[command] = STRONG;
  Object.assign(boosts, switched);
  // "flood relief wali files dikhao", "भूमि संबंधी संचिकाएं": files named by their subject are searched for.
  if (bySubject(tokens)) boosts.search = Math.max(boosts.search ?? 1, WEAK);
  const diary = tourDiary(tokens);
  if (diary) boosts.tour_diary = Math.max(boosts.tour_diary ?? 1, diary);
  return boosts;
}

// Concepts that name office business; a message with none of them may well be small talk.
const BUSINESS = new Set(['@approve', '@return', '@refuse', '@leave', '@tour', '@ta', '@file', '@send', '@sent',
  '@search', '@new', '@close', '@open', '@hold', '@attach', '@verify', '@ack', '@cancel', '@remind', '@training',
  '@diary', '@report', '@circular', '@message', '@link', '@otp', '@note', '@help', '@pending']);
const FUNCTION_WORDS = wordSet(['is', 'the', 'a', 'an', 'are', 'was', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'hai',
  'है', 'hain', 'हैं', 'ka', 'ki', 'ke', 'का', 'की', 'के', 'ko', 'को', 'se', 'से', 'me', 'में', 'par', 'पर', 'kya', 'क्या',
  'sir', 'ji', 'जी', 'please', 'you', 'i', 'it', 'this', 'that', 'what', "what's", 'aur', 'और', 'ye', 'yah', 'यह']);

/**
 * Small talk and unrelated text: no business concept, no post, nothing code- or date-like, and
 * at least half of its words never seen in an office request. Returns the share of
 * unfamiliar words (the confidence that the message is off-topic), or 0.
 */
export function offTopic(tokens: Token[], concepts: Set<string>, officeWords: ReadonlySet<string>): number {
  if ([...concepts].some((c) => BUSINESS.has(c))) return 0;
  if (tokens.some((t) => t.kind === 'code' || t.kind === 'num')) return 0;
  const content = tokens.filter((t) => t.kind === 'word' && !t.emoji && !FUNCTION_WORDS.has(t.norm));
  if (content.length === 0) return 0;
  if (longestAliasIn(content.map((t) => t.norm))) return 0; // "आशुलिपिक को दे दें" names a post
  const known = content.filter((t) => officeWords.has(t.norm) || CONCEPTS.has(t.norm)).length;
  const unfamiliar = 1 - known / content.length;
  return unfamiliar >= 0.5 ? unfamiliar : 0;
}

// Words that are a whole command when said alone (with courtesy around them): "मदद", "help please".
const COMMANDS: [Intent, string[]][] = [
  ['help', ['help', 'madad', 'मदद', 'सहायता', 'menu', 'मेनू', 'commands']],
  ['training', ['training', 'प्रशिक्षण', 'prashikshan']],
  ['ack', ['ack', 'acknowledged', 'noted', 'देखा', 'dekha', 'अवगत']],
  ['cancel', ['cancel', 'रद्द', 'radd', 'निरस्त']],
  ['confirm', ['yes', 'haan', 'हां', 'confirm', 'confirmed', 'पुष्टि']],
  ['deny', ['no', 'nahi', 'नहीं', 'nope']],
];
const COMMAND_OF = new Map<string, Intent>(COMMANDS.flatMap(([intent, ws]) => [...wordSet(ws)].map((w): [string, Intent] => [w, intent])));
const COURTESY_WORDS = wordSet(['please', 'sir', 'ji', 'जी', 'सर', 'karein', 'करें', 'kar', 'do', 'kijiye', 'कीजिए', 'दें',
  'ok', 'okay', 'yes', 'haan']);
function oneWordCommand(words: Token[]): Intent | undefined {
  const core = words.filter((t) => !COURTESY_WORDS.has(t.norm));
  return core.length === 1 && !core[0]?.emoji ? COMMAND_OF.get(core[0]?.norm ?? '') : undefined;
}

const HOW = wordSet(['how', 'kaise', 'कैसे', 'kaisey']);
const APPLICATION = wordSet(['leave', 'chhutti', 'छुट्टी', 'अवकाश', 'avkash', 'cl', 'el', 'hpl', 'tour', 'daura', 'दौरा',
  'दौरे', 'ta', 'टीए', 'claim', 'दावा', 'भत्ता', 'यात्रा']);
const FORWARD_VERBS = wordSet(['forward', 'अग्रसारित', 'bhej', 'भेजें', 'send', 'mark', 'fwd', 'उपस्थापित', 'submitted',
  'marked', 'route']);
const TO_WORDS = wordSet(['to', 'ko', 'को']);
/** A post or code next to "to"/"ko": something is being sent to someone. */
function hasAddresseeShape(tokens: Token[]): boolean {
  return tokens.some((t, i) => {
    if (!TO_WORDS.has(t.norm)) return false;
    const around = [tokens[i - 1], tokens[i + 1], tokens[i + 2]].filter((x): x is Token => !!x);
    return around.some((x) => codeKind(x) === 'employee' || !!longestAliasIn([x.norm]));
  });
}

const CAN_WORDS = wordSet(['sakte', 'सकते', 'can', 'karta', 'करता', 'karte', 'करते']);
const WHAT_WORDS = wordSet(['kya', 'क्या', 'what', 'kya-kya']);
/** "kya kar sakte ho", "what can you do", "आप क्या कर सकते हैं": asking what the bot does. */
function isCapabilityQuestion(tokens: Token[]): boolean {
  const w = tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
  const q = w.findIndex((x) => WHAT_WORDS.has(x));
  return q >= 0 && w.length <= 7 && w.slice(q + 1, q + 4).some((x) => CAN_WORDS.has(x)) &&
    !w.some((x) => CONCEPTS.get(x)?.some((c) => BUSINESS.has(c) && c !== '@help'));
}

const HOW_TO = wordSet(['करें', 'करते', 'करना', 'करूं', 'kar', 'karte', 'karna', 'karu', 'do', 'does', 'to', 'can', 'should',
  'use', 'जाता', 'jata', 'hota', 'होता']);
/** A how-question about doing something: "how do I …", "how to …", "X कैसे करें", "kaise karte hain". */
function isHowTo(tokens: Token[]): boolean {
  const w = tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
  return w.some((x, i) => HOW.has(x) && w.slice(i + 1, i + 4).some((y) => HOW_TO.has(y)));
}

const REMINDER_WORDS = wordSet(['reminder', 'reminders', 'अनुस्मारक', 'रिमाइंडर', 'notification', 'notifications',
  'सूचनाएं', 'alert', 'alerts', 'अलर्ट', 'yaad', 'याद']);
const DAILY_MESSAGE = wordSet(['message', 'messages', 'messaging', 'संदेश', 'msg']);
const DAILY = wordSet(['roz', 'रोज', 'daily', 'रोजाना', 'everyday']);
// Words that only ever switch the digest ("unsubscribe", "mute").
const SWITCH_ONLY = wordSet(['unsubscribe', 'subscribe', 'mute', 'unmute', 'digest']);
const NOTICES = wordSet(['सूचना', 'suchna', 'notice', 'notices', 'updates', 'messages']);
const OFF_WORDS = wordSet(['off', 'stop', 'band', 'बंद', 'mute', 'pause', 'silence', 'unsubscribe', 'disable', 'mat',
  'मत', 'nahi', 'नहीं', "don't", 'रोक', 'rok', 'more', 'deactivate']);
const ON_WORDS = wordSet(['on', 'start', 'chalu', 'चालू', 'resume', 'enable', 'unmute', 'subscribe', 'shuru', 'शुरू',
  'again', 'phir', 'फिर', 'दोबारा', 'wapas', 'restart', 'activate']);
/** Reminders are a switch: the words around "reminder" say which way it is turned. */
function reminderSwitch(tokens: Token[]): Boosts {
  const about = tokens.some((t) => REMINDER_WORDS.has(t.norm)) ||
    (tokens.some((t) => DAILY_MESSAGE.has(t.norm)) && tokens.some((t) => DAILY.has(t.norm)));
  if (!about) return {};
  const off = tokens.some((t) => OFF_WORDS.has(t.norm));
  const on = tokens.some((t) => ON_WORDS.has(t.norm));
  if (off === on) return {};
  return off ? { reminders_off: STRONG } : { reminders_on: STRONG };
}

const SUBJECT_MARKERS = wordSet(['wali', 'wale', 'wala', 'वाली', 'वाले', 'वाला', 'related', 'संबंधी', 'संबंधित', 'sambandhit',
  'regarding', 'about', 'ki', 'ke', 'की', 'के']);
const FILE_WORDS = wordSet(['file', 'files', 'फाइल', 'फाइलें', 'संचिका', 'संचिकाएं', 'sanchika']);
const NOT_SUBJECT = wordSet(['my', 'mera', 'मेरी', 'मेरे', 'meri', 'mere', 'pending', 'लंबित', 'sent', 'bheji', 'भेजी', 'sab',
  'सभी', 'all', 'new', 'nayi', 'नई', 'this', 'is', 'इस', 'us', 'kal', 'aaj', 'today', 'kaun', 'kis', 'which', 'the', 'pichli',
  'last', 'closed', 'band']);
/** A subject, a marker ("wali", "संबंधी", "about") and a file word: "survey wali files", "files about floods". */
function bySubject(tokens: Token[]): boolean {
  const w = tokens.filter((t) => t.kind === 'word');
  return w.some((t, i) => {
    if (!SUBJECT_MARKERS.has(t.norm)) return false;
    const before = w[i - 1];
    const after = w[i + 1];
    const subjectBefore = before && !NOT_SUBJECT.has(before.norm) && !FILE_WORDS.has(before.norm) && !CONCEPTS.has(before.norm) &&
      after && FILE_WORDS.has(after.norm) && (t.norm !== 'ki' && t.norm !== 'ke' && t.norm !== 'की' && t.norm !== 'के');
    const subjectAfter = (t.norm === 'about' || t.norm === 'regarding' || t.norm === 'related') && before && FILE_WORDS.has(before.norm) &&
      after && !NOT_SUBJECT.has(after.norm);
    return !!(subjectBefore || subjectAfter);
  });
}

// A tour diary is a record of a visit made: "tour diary: …", or a visit told in the past tense.
const DIARY = wordSet(['diary', 'dairy', 'डायरी', 'दैनिकी', 'dainiki', 'पंजी']);
const NUMBER_AFTER = wordSet(['no', 'number', 'नंबर', 'संख्या', 'sankhya']);
const VISITED = wordSet(['visited', 'inspected', 'went', 'attended', 'reviewed', 'toured', 'held', 'met', 'gaya', 'gaye',
  'gayi', 'गया', 'गए', 'गई', 'gye', 'kiya', 'किया', 'की', 'hua', 'hui', 'हुआ', 'हुई', 'tha', 'the', 'thi', 'था', 'थे',
  'थी', 'dekha', 'देखा', 'mila', 'मिला', 'mile', 'मिले', 'लिया', 'liya', 'done']);
// What an officer does on a visit; a place and a past tense alone may be a wedding in Darbhanga.
const VISIT = wordSet(['inspection', 'inspected', 'निरीक्षण', 'nirikshan', 'janch', 'jaanch', 'जांच', 'check', 'checked',
  'site', 'camp', 'शिविर', 'shivir', 'review', 'reviewed', 'samiksha', 'समीक्षा', 'meeting', 'baithak', 'बैठक', 'survey',
  'सर्वे', 'block', 'prakhand', 'प्रखंड', 'anchal', 'अंचल', 'office', 'कार्यालय', 'school', 'विद्यालय', 'hospital',
  'अस्पताल', 'phc', 'anganwadi', 'आंगनबाड़ी', 'kendra', 'केंद्र', 'centre', 'panchayat', 'पंचायत', 'mgnrega', 'मनरेगा',
  'yojana', 'योजना', 'distribution', 'वितरण', 'ration', 'राशन', 'pds', 'works', 'progress', 'shikayat', 'शिकायत',
  'schools', 'विद्यालयों', 'स्कूलों', 'offices', 'centres', 'केंद्रों']);
const FUTURE = wordSet(['will', 'shall', 'going', 'need', 'want', 'jana', 'jaana', 'जाना', 'jaunga', 'jaungi', 'जाऊंगा',
  'जाऊंगी', 'jayenge', 'जाएंगे', 'chahiye', 'चाहिए', 'hai', 'है', 'hoga', 'होगा', 'hogi', 'होगी', 'karna', 'करना',
  'karni', 'करनी', 'next', 'agle', 'अगले', 'tomorrow', 'parson', 'plan', 'programme', 'program', 'apply', 'request',
  'permission', 'अनुमति', 'approve', 'sanction', 'claim', 'ta', 'bill', 'fare', 'rs', 'रुपये', 'cancel', 'रद्द']);

function tourDiary(tokens: Token[]): number {
  const said = tokens.some((t, i) => DIARY.has(t.norm) && !NUMBER_AFTER.has(tokens[i + 1]?.norm ?? ''));
  if (said) return STRONG;
  const words = tokens.filter((t) => t.kind === 'word');
  const official = words.some((t) => VISIT.has(t.norm));
  const past = words.some((t) => VISITED.has(t.norm));
  return official && past && !words.some((t) => FUTURE.has(t.norm)) ? WEAK : 0;
}

const OPENING = wordSet(['reopen', 'reopened', 'revive', 'reactivate', 'open', 'opened', 'khol', 'kholo', 'खोलें', 'खोला',
  'खोलने', 'kholna', 'पुनर्जीवित', 'सक्रिय', 'चालू', 'chalu', 'undo', 'activate']);
const CANCELLING = wordSet(['cancel', 'cancelled', 'रद्द', 'radd', 'निरस्त', 'withdraw', 'revoke']);
const REFUSAL = wordSet(['refused', 'refuse', 'rejected', 'reject', 'denied', 'declined', 'disallowed', 'regretted',
  'अमान्य', 'amanya', 'मना', 'mana', 'asvikrit', 'namanjur', 'अस्वीकृत', 'अस्वीकार', 'नामंजूर']);
const BARE = wordSet(['nahi', 'no', 'नहीं', 'na', 'not', 'nope', 'mat', 'मत', "don't", 'haan', 'yes', 'हां', 'ji', 'जी',
  'sir', 'सर', 'please', 'ye', 'yah', 'यह', 'it', 'that', "that's", 'is', 'hai', 'है', 'bhai', 'abhi', 'अभी', 'now',
  'do', 'kar', 'karo', 'करें', 'thanks']);

const I_ME = wordSet(['i', "i'm", 'main', 'मैं', 'mai']);
const ON_PAR = wordSet(['on', 'par', 'pe', 'पर', 'में', 'me']);
const WHO_ASKS = wordSet(['anyone', 'anybody', 'someone', 'officers', 'officer', 'employees', 'koi', 'कोई', 'kisi',
  'किसी', 'list', 'सूची', 'sab', 'सब', 'sabhi', 'सभी', 'kis', 'किस']);
const TAKE = wordSet(['le', 'lo', 'lein', 'लें', 'लो', 'lena', 'लेना', 'liya', 'लिया']);
const WENT = wordSet(['went', 'gaya', 'gaye', 'gayi', 'गया', 'गए', 'गई', 'visited', 'attended']);
const OUTGOING = wordSet(['outbox', 'outgoing']);
const SENT_PARTICIPLES = wordSet(['अग्रसारित', 'agrasarit', 'प्रेषित', 'भेजीं', 'forwarded']);
// "दौरा किया", "tour done": a tour made, told after it.
const TOURED = wordSet(['daura', 'दौरा', 'दौरे', 'tour', 'bhraman', 'भ्रमण', 'visit']);
const DID = wordSet(['kiya', 'किया', 'kiye', 'किए', 'did', 'done', 'completed', 'hua', 'हुआ', 'पूरा', 'pura']);
const DONE = wordSet(['did', 'kiya', 'ki', 'kiye', 'hui', 'हुई', 'हुए', 'किया', 'किए', 'have', 'has', 'tha', 'था']);
const SENT_ASKS = wordSet(['files', 'फाइलें', 'फाइलों', 'संचिकाएं', 'संचिकाओं', 'items', 'letters', 'पत्र', 'list', 'सूची',
  'outbox', 'outgoing', 'i', 'me', 'my', 'mine', 'maine', 'मैंने', 'मेरे', 'मेरी', 'mera', 'what', 'which', 'kya', 'क्या',
  'kaun', 'कौन', 'kitni', 'kitne', 'कितनी', 'कितने', 'kisko', 'किसे', 'show', 'dikhao', 'दिखाएं', 'jo', 'हुई', 'hui',
  'गई', 'गए', 'gaye', 'sent']);
const WRITING = wordSet(['likho', 'likh', 'likhein', 'likhen', 'लिखें', 'लिखो', 'लिख', 'write', 'add', 'record', 'put',
  'daal', 'daalo', 'डालें', 'जोड़ें', 'jod', 'अंकित', 'kar', 'करें', 'करो', 'lo', 'लो', 'make', 'enter', 'dal', 'do']);
/** A note word with its text after ':' or a dash, or with a verb of writing next to it ("note likho ki …"). */
function isNoteRequest(tokens: Token[]): boolean {
  return tokens.some((t, i) => {
    if (!NOTE_WORDS.has(t.norm)) return false;
    const near = tokens.slice(Math.max(0, i - 3), i + 4);
    return near.some((x) => (x.kind === 'punct' && (x.text === ':' || x.text === '-')) || WRITING.has(x.norm));
  });
}

/**
 * Conditions some intents cannot do without; an intent whose condition is missing gives way.
 * A reopen names opening; a circular has its text after ':'; a message names someone to tell or
 * has a ':'; a bare "no"/"yes" says little else (nor is a noting idiom one); "cancel" without a
 * refusal word is a cancel, and a cancel names cancelling; "sent" asks about sending done; "who
 * is out" asks about others; a tour diary names the diary or official work; a tour applied for
 * lies ahead; reminders are switched by naming them; a note names a note and what it says.
 */
export function missingConditions(tokens: Token[]): Intent[] {
  const out: Intent[] = [];
  const words = tokens.filter((t) => t.kind === 'word');
  if (!words.some((t) => OPENING.has(t.norm))) out.push('reopen');
  const body = tokens.some((t) => t.kind === 'punct' && (t.text === ':' || t.text === '-'));
  if (!body) out.push('circular');
  if (!body && !words.some((t) => MESSAGE_WORDS.has(t.norm) || t.norm === 'batao' || t.norm === 'कहें')) out.push('message');
  const rest = words.filter((t) => !BARE.has(t.norm) && !CONCEPTS.get(t.norm)?.some((c) => c === '@yes' || c === '@no'));
  // A noting idiom ("सही नहीं है, संशोधित करें") says more than a bare yes or no.
  if (rest.length >= 3 || notingDirection(tokens)) out.push('deny', 'confirm');
  if (words.some((t) => CANCELLING.has(t.norm)) && !words.some((t) => REFUSAL.has(t.norm))) out.push('refuse');
  // "Sent" asks what went out — files, items, my sendings, what/which/kitni; "संचिका अवलोकनार्थ प्रेषित"
  // (the file sent up for perusal) reports a forwarding, it asks nothing.
  // And it is about sending done: "sent", "bheja", "forward kiya", "what did I send".
  const concept = (t: Token, c: string): boolean => CONCEPTS.get(t.norm)?.includes(c) ?? false;
  const sending = tokens.some((t) => concept(t, '@sent') || OUTGOING.has(t.norm) || SENT_PARTICIPLES.has(t.norm)) ||
    (tokens.some((t) => concept(t, '@send')) && tokens.some((t) => DONE.has(t.norm)));
  if (!sending || !tokens.some((t) => SENT_ASKS.has(t.norm) || t.text === '?')) out.push('sent');
  // "Who is out" asks about others: "kal nahi aaunga, CL laga dena" is the writer's own leave.
  const asksWho = tokens.some((t) => WHO_ASKS.has(t.norm) || CONCEPTS.get(t.norm)?.includes('@who'));
  // "on leave today?", "आज अवकाश पर": who is away, said without "who", and not about the writer.
  const away = tokens.some((t, i) => ON_PAR.has(t.norm) && (CONCEPTS.get(tokens[i - 1]?.norm ?? '')?.includes('@leave') ||
    CONCEPTS.get(tokens[i + 1]?.norm ?? '')?.some((c) => c === '@leave' || c === '@tour') ||
    CONCEPTS.get(tokens[i - 1]?.norm ?? '')?.includes('@tour')));
  const mine = tokens.some((t) => CONCEPTS.get(t.norm)?.includes('@mine'));
  const myAbsence = tokens.some((t) => MY_DOING.has(t.norm) || I_ME.has(t.norm));
  if ((!asksWho && !(away && !mine)) || myAbsence) out.push('who_is_out');
  // A tour diary records official work on a tour: it names the diary or that work ("inspected the
  // PHC", "शिविर देखा"); "went home to Madhubani, nice trip" is no diary.
  const toured = tokens.some((t, i) => TOURED.has(t.norm) && [1, 2].some((d) => DID.has(tokens[i + d]?.norm ?? '')));
  if (!toured && !tokens.some((t) => DIARY.has(t.norm) || VISIT.has(t.norm))) out.push('tour_diary');
  // A tour applied for lies ahead: "went home to Madhubani last week" is no tour programme.
  const places = new Set(destinations(tokens).flatMap((p) => Array.from({ length: p.to - p.from }, (_, k) => p.from + k)));
  const wentAlready = tokens.some((t, i) => WENT.has(t.norm) && !places.has(i));
  if (wentAlready && !words.some((t) => FUTURE.has(t.norm) && t.norm !== 'hai' && t.norm !== 'है')) out.push('apply_tour');
  // A cancel names it (cancel, रद्द, withdraw, "वापस लें"); "my leave details" cancels nothing.
  const withdraws = tokens.some((t, i) => (t.norm === 'wapas' || t.norm === 'वापस') && TAKE.has(tokens[i + 1]?.norm ?? ''));
  if (!withdraws && !tokens.some((t) => CANCELLING.has(t.norm) || CONCEPTS.get(t.norm)?.includes('@cancel'))) out.push('cancel');
  // Reminders are switched by naming them ("reminders off", "roz ke message band"); "mat bhejo" is a no.
  const reminded = tokens.some((t) => REMINDER_WORDS.has(t.norm) || SWITCH_ONLY.has(t.norm)) ||
    (tokens.some((t) => DAILY_MESSAGE.has(t.norm) || NOTICES.has(t.norm)) &&
      tokens.some((t) => DAILY.has(t.norm) || OFF_WORDS.has(t.norm) || ON_WORDS.has(t.norm)));
  if (!reminded) out.push('reminders_off', 'reminders_on');
  // A note says it is one and what it says ("note:", "टिप्पणी लिखें", "noting - …"): "submitted for
  // orders" is no note, nor is "the note is not in proper form, revise".
  if (!isNoteRequest(tokens)) out.push('note');
  return out;
}

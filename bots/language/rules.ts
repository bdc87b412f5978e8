/**
 * What rules do better than statistics: OTPs, link commands, explicit prefixes ("note:",
 * "circular to all:", "msg DDC:"), one-word commands, the reminder switch, small talk, and the
 * conditions an intent cannot do without. Decisions have their own rules in decisions.ts.
 */
import { codeKind } from './codes.ts';
import { CONCEPTS } from './concepts.ts';
import { longestAliasIn } from './posts.ts';
import type { Intent } from './intents.ts';
import type { Token } from './normalize.ts';
import { wordSet } from './phrases.ts';
import { decisionHead } from './decisions.ts';

/** Intents a rule vouches for, with a multiplier applied to the classifier's probability. */
export type Boosts = Partial<Record<Intent, number>>;

const STRONG = 50;
const WEAK = 10;
const OTP_WORDS = wordSet(['otp', 'ओटीपी', 'code', 'कोड', 'is', 'hai', 'है', 'the', 'my', 'mera', 'मेरा', 'here', 'ye',
  'lo', 'यह', 'रहा', 'sir', 'received', 'aaya', 'mila', 'bhej', 'raha', 'hoon', 'hu', 'daal']);
const LINK_WORDS = wordSet(['link', 'लिंक', 'jod', 'जोड़ें', 'जोड़', 'register', 'code', 'कोड',
  'id', 'आईडी', 'account', 'खाता', 'कर्मचारी', 'employee', 'connect', 'jodein', 'jodo', 'संख्या', 'no']);
const SENDING_WORDS = wordSet(['bhej', 'forward', 'send', 'भेजें', 'अग्रसारित', 'mark', 'msg', 'message', 'संदेश', 'ko', 'को']);
const NOTE_WORDS = wordSet(['note', 'noting', 'tippani', 'टिप्पणी', 'नोट', 'नोटिंग']);
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
  if (isCapabilityQuestion(tokens)) boosts.help = STRONG;
  // "एडीएम को अग्रसारित करें: ..." is a forward even though it looks like a circular or message.
  if (!Object.keys(decided).length && words.some((t) => FORWARD_VERBS.has(t.norm)) && hasAddresseeShape(tokens)) {
    boosts.forward = WEAK;
  }
  if (words.length === 1 && /^\/(start|help|menu)$/.test(tokens.map((t) => t.text).join(''))) boosts.help = STRONG;
  const command = oneWordCommand(words);
  if (command) boosts[command] = STRONG;
  Object.assign(boosts, reminderSwitch(tokens));
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
const COURTESY_WORDS = wordSet(['please', 'sir', 'ji', 'जी', 'सर', 'karein', 'करें', 'kar', 'do', 'kijiye', 'कीजिए', 'दें']);
function oneWordCommand(words: Token[]): Intent | undefined {
  const core = words.filter((t) => !COURTESY_WORDS.has(t.norm));
  return core.length === 1 && !core[0]?.emoji ? COMMAND_OF.get(core[0]?.norm ?? '') : undefined;
}

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

const REMINDER_WORDS = wordSet(['reminder', 'reminders', 'अनुस्मारक', 'रिमाइंडर', 'notification', 'notifications',
  'सूचनाएं', 'alert', 'alerts', 'अलर्ट', 'yaad', 'याद']);
const DAILY_MESSAGE = wordSet(['message', 'messages', 'messaging', 'संदेश', 'msg']);
const DAILY = wordSet(['roz', 'रोज', 'daily', 'रोजाना', 'everyday']);
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

const OPENING = wordSet(['reopen', 'reopened', 'revive', 'reactivate', 'open', 'opened', 'khol', 'kholo', 'खोलें', 'खोला',
  'खोलने', 'kholna', 'पुनर्जीवित', 'सक्रिय', 'चालू', 'chalu', 'undo', 'activate']);
const CANCELLING = wordSet(['cancel', 'cancelled', 'रद्द', 'radd', 'निरस्त', 'withdraw', 'revoke']);
const REFUSAL = wordSet(['refused', 'refuse', 'rejected', 'reject', 'denied', 'declined', 'disallowed', 'asvikrit',
  'namanjur', 'अस्वीकृत', 'अस्वीकार', 'नामंजूर']);
const BARE = wordSet(['nahi', 'no', 'नहीं', 'na', 'not', 'nope', 'mat', 'मत', "don't", 'haan', 'yes', 'हां', 'ji', 'जी',
  'sir', 'सर', 'please', 'ye', 'yah', 'यह', 'it', 'that', "that's", 'is', 'hai', 'है', 'bhai', 'abhi', 'अभी', 'now',
  'do', 'kar', 'karo', 'करें', 'thanks']);

/**
 * Conditions some intents cannot do without; an intent whose condition is missing gives way.
 * A reopen names opening; a circular has its text after ':'; a message names someone to tell or
 * has a ':'; a bare "no"/"yes" says little else; "cancel" without a refusal word is a cancel.
 */
export function missingConditions(tokens: Token[]): Intent[] {
  const out: Intent[] = [];
  const words = tokens.filter((t) => t.kind === 'word');
  if (!words.some((t) => OPENING.has(t.norm))) out.push('reopen');
  const body = tokens.some((t) => t.kind === 'punct' && (t.text === ':' || t.text === '-'));
  if (!body) out.push('circular');
  if (!body && !words.some((t) => MESSAGE_WORDS.has(t.norm) || t.norm === 'bata' || t.norm === 'कहें')) out.push('message');
  const rest = words.filter((t) => !BARE.has(t.norm) && !CONCEPTS.get(t.norm)?.some((c) => c === '@yes' || c === '@no'));
  if (rest.length >= 3) out.push('deny', 'confirm');
  if (words.some((t) => CANCELLING.has(t.norm)) && !words.some((t) => REFUSAL.has(t.norm))) out.push('refuse');
  return out;
}

/**
 * Is a message about the office at all? Chatter — sport, films, songs, weather, jokes, prices,
 * politics, food, personal travel and shopping, small talk — must never become an action, even
 * when it borrows an office word ("cricket match ka status", "who is out in IPL", "train ki
 * chhutti kab hai"). Two checks, both general:
 *  - office evidence: an action intent needs some office concept or object (a file, receipt,
 *    leave, tour, circular or note word, a file number, a post, a command word); a message with
 *    none is `unknown`;
 *  - a non-office topic word vetoes unless the office evidence is strong (an office object, a file
 *    or diary number, an employee code, an explicit command prefix, a noting idiom, an explicit
 *    decision word, or a leave/tour request with its specifics: "cricket match ke liye CL chahiye"
 *    is still a leave application).
 * Greetings ("pranam", "good morning sir", "नमस्ते सर") are read here too: a greeting alone asks
 * for the welcome (`help`); a greeting followed by a request is the request.
 */
import { codeKind } from './codes.ts';
import { CONCEPTS } from './concepts.ts';
import { NEGATION } from './decisions.ts';
import { NUMBER_WORDS } from './lexicon.ts';
import { analyze, type Analysis, type Token } from './normalize.ts';
import { notingDirection } from './noting.ts';
import { findPhrases, phraseList, wordSet } from './phrases.ts';
import { longestAliasIn } from './posts.ts';
import { DECISION_WORDS } from './remarks.ts';
import { destinations, leaveTypes, travelModes } from './travel.ts';

/** Leisure: sport, films and songs, jokes, shopping, politics, food, holidays. Never office business. */
const LEISURE_WORDS = wordSet([
  // sport
  'cricket', 'क्रिकेट', 'ipl', 'आईपीएल', 'match', 'मैच', 'football', 'फुटबॉल', 'hockey', 'हॉकी',
  'kabaddi', 'कबड्डी', 'wicket', 'wickets', 'विकेट', 'century', 'शतक', 'batting', 'bowling', 'innings', 't20',
  'odi', 'olympics', 'olympic', 'medal', 'tournament', 'worldcup', 'stadium', 'score', 'स्कोर', 'kohli', 'dhoni',
  'bumrah', 'messi', 'khiladi', 'खिलाड़ी', 'player', 'players', 'jeeta', 'jeeti', 'jeetega',
  'jeetegi', 'jeete', 'जीता', 'जीती', 'जीतेगा', 'जीतेगी', 'haara', 'हारा', 'won', 'batsman', 'bowler',
  'khel', 'खेल', 'win', 'winner', 'jeet', 'जीत', 'play', 'playing', 'played', 'game', 'games', 'marathon',
  // films, music, television, social media
  'film', 'films', 'फिल्म', 'फ़िल्म', 'movie', 'movies', 'मूवी', 'cinema', 'सिनेमा', 'bollywood',
  'बॉलीवुड', 'hollywood', 'actor', 'actress', 'hero', 'heroine', 'हीरो', 'हीरोइन', 'song', 'songs', 'gaana',
  'gaane', 'gana', 'गाना', 'गाने', 'गीत', 'geet', 'music', 'संगीत', 'sangeet', 'singer', 'serial', 'netflix',
  'youtube', 'यूट्यूब', 'instagram', 'reel', 'reels', 'facebook', 'trailer', 'bhojpuri', 'भोजपुरी', 'dance', 'डांस',
  'tv', 'टीवी',
  // jokes, fun
  'joke', 'jokes', 'chutkula', 'chutkule', 'चुटकुला', 'चुटकुले', 'shayari', 'शायरी', 'meme', 'memes', 'funny',
  'lol', 'haha', 'hahaha', 'mazak', 'मजाक', 'riddle', 'paheli', 'पहेली', 'kahani', 'कहानी',
  // shopping, markets
  'sensex', 'nifty', 'bitcoin', 'crypto', 'amazon', 'अमेजन', 'flipkart', 'zomato', 'swiggy', 'courier', 'parcel',
  'recharge', 'रिचार्ज', 'iphone', 'restaurant',
  // politics, horoscopes
  'tejashwi', 'तेजस्वी', 'lalu', 'लालू', 'bjp', 'भाजपा', 'congress', 'कांग्रेस', 'rjd', 'राजद', 'jdu', 'जदयू', 'neta',
  'नेता', 'rally', 'रैली', 'politics', 'राजनीति', 'rajneeti', 'rashifal', 'राशिफल',
  // food
  'chai', 'चाय', 'coffee', 'कॉफी', 'nashta', 'नाश्ता', 'khana', 'खाना', 'biryani', 'बिरयानी', 'samosa', 'समोसा',
  'pizza', 'recipe', 'रेसिपी', 'mithai', 'मिठाई', 'litti', 'लिट्टी',
  // personal travel and places of leisure
  'pnr', 'irctc', 'tatkal', 'तत्काल', 'ticket', 'टिकट', 'picnic', 'पिकनिक', 'ghumne', 'घूमने', 'ghoomne', 'mall',
  'vacation', 'goa', 'manali',
  // festivals (a leave for one is still a leave: see strong evidence), wishes, small talk
  'holi', 'होली', 'diwali', 'दिवाली', 'deepawali', 'दीपावली', 'chhath', 'छठ', 'eid', 'ईद', 'dussehra', 'दशहरा',
  'christmas', 'festival', 'त्योहार', 'tyohar', 'shubhkamnayein', 'शुभकामनाएं', 'शुभकामना', 'badhai', 'बधाई',
  'congratulations', 'congrats', 'bore', 'boring', 'love', 'quote', 'quotes', 'suvichar', 'सुविचार', 'shayri',
  'wallpaper', 'gym', 'yoga', 'panchang', 'पंचांग', 'yourself', 'human', 'robot', 'insaan', 'mela', 'मेला', 'bheed', 'alarm',
  'भीड़',
]);
/**
 * Everyday things a district office also deals with — rain and floods, trains and buses, schools,
 * markets and prices, phones, elections, the world at large: chatter when the message asks about
 * them ("train ki chhutti kab hai"), business when it does something with them ("barish se nuksan
 * ki report bhejo", "school visit ka tour 5 Dec").
 */
const EVERYDAY_WORDS = wordSet([
  'weather', 'mausam', 'मौसम', 'barish', 'baarish', 'बारिश', 'rain', 'raining', 'garmi', 'गर्मी', 'thand', 'thandi',
  'ठंड', 'ठंडी', 'sardi', 'सर्दी', 'kohra', 'कोहरा', 'fog', 'temperature', 'तापमान', 'forecast', 'aandhi', 'आंधी',
  'dhoop', 'धूप', 'humidity', 'umas',
  'price', 'prices', 'bhav', 'भाव', 'daam', 'दाम', 'petrol', 'पेट्रोल', 'diesel', 'डीजल', 'sabzi', 'sabji',
  'सब्जी', 'tamatar', 'टमाटर', 'pyaz', 'pyaaz', 'प्याज', 'aloo', 'आलू', 'mehngai', 'महंगाई', 'cylinder', 'सिलेंडर',
  'market', 'wifi', 'mobile', 'phone', 'laptop', 'picture', 'story', 'party', 'पार्टी', 'hotel', 'holiday',
  'india', 'bharat', 'भारत', 'pakistan', 'पाकिस्तान', 'australia', 'england', 'duniya', 'दुनिया', 'president', 'cm',
  'minister', 'mantri', 'मंत्री', 'mukhyamantri', 'मुख्यमंत्री', 'pradhanmantri', 'प्रधानमंत्री',
  'school', 'स्कूल', 'college', 'tuition', 'homework', 'train', 'ट्रेन', 'bus', 'बस', 'railway', 'metro', 'traffic',
  'jam', 'bank', 'बैंक', 'atm', 'bijli', 'बिजली', 'electricity', 'light',
  'news', 'khabar', 'खबर', 'samachar', 'समाचार', 'akhbar', 'अखबार', 'newspaper', 'fan', 'cold', 'hot',
  'garam', 'गरम',
]);
const LEISURE_PHRASES = phraseList<true>([
  'world cup', 'box office', 'share market', 'stock market', 'web series', 'kaun jeeta', 'who won', 'good night',
  'how are you', 'how r u', 'how are u', 'kaise ho', 'kaise hain', 'kaise hai', 'कैसे हैं', 'कैसे हो', 'kya haal',
  'क्या हाल', "what's up", 'whats up', 'kya chal raha', 'क्या चल रहा', 'शुभ रात्रि', 'shubh ratri', 'new year',
  'naya saal', 'नया साल', 'नव वर्ष', 'नववर्ष', 'indian team', 'team india', 'good morning message',
  'good morning wishes', 'good night message', 'report card',
].map((p): [string, true] => [p, true]));
const EVERYDAY_PHRASES = phraseList<true>([
  'bank holiday', 'bank ki chhutti', 'बैंक की छुट्टी',
].map((p): [string, true] => [p, true]));
/** Concepts of doing office work (as against asking about something): these keep an everyday word in business. */
const ACTING = new Set(['@report', '@circular', '@send', '@note', '@file', '@attach']);

/** Things only the office has: a file, a receipt, a note sheet, leave (अवकाश), a circular, a signature. */
const OFFICE_OBJECTS = wordSet([
  'file', 'files', 'फाइल', 'फाइलें', 'फाइलों', 'संचिका', 'संचिकाएं', 'संचिकाओं', 'sanchika', 'dak', 'डाक',
  'receipt', 'receipts', 'आवती', 'noting', 'नोटिंग', 'टिप्पणी', 'tippani', 'circular', 'circulars', 'परिपत्र',
  'paripatra', 'eoffice', 'अवकाश', 'avkash', 'otp', 'ओटीपी', 'signature', 'हस्ताक्षर', 'pdf', 'pendency',
  'लंबित', 'letter', 'पत्र', 'patra', 'application', 'आवेदन', 'dispatch',
  'पत्रांक', 'कोषांग', 'दौरा', 'daura', 'tour', 'दौरे', 'भ्रमण', 'bhraman', 'note', 'नोट', 'diary', 'डायरी', 'दैनिकी',
  'dainiki', 'inspection', 'निरीक्षण', 'nirikshan',
]);
/** Acronyms of office business; only in capitals ("pl" is please, "ta" is a Hindi particle). */
const OFFICE_ACRONYMS = wordSet(['cl', 'el', 'hpl', 'scl', 'ml', 'pl', 'rh', 'ta', 'da', 'lpc', 'rti']);
/** Decision words that say nothing outside an office ("wapas", "back", "ok" are everyday words). */
const EXPLICIT_DECISIONS = wordSet([
  'approved', 'sanctioned', 'स्वीकृत', 'स्वीकृति', 'मंजूर', 'manjur', 'अनुमोदित', 'swikrit', 'rejected', 'refused',
  'अस्वीकृत', 'अस्वीकार', 'asvikrit', 'namanjur', 'नामंजूर', 'reverted', 'लौटाया', 'लौटाएं', 'forwarded',
  'अग्रसारित', 'नस्तीबद्ध', 'yathaprastavit', 'यथाप्रस्तावित',
]);
/** Words of office work that no concept names ("my queue", "देख लिया", "jaanch", "unmute"). */
const OFFICE_WORDS = wordSet(['queue', 'सूची', 'list', 'naam', 'dekh', 'देख', 'jaanch', 'जांच', 'verification',
  'inspection', 'निरीक्षण', 'unsubscribe', 'unmute', 'mute', 'proceed', 'go', 'kaam', 'काम', 'work', 'office',
  'कार्यालय', 'section', 'शाखा', 'acceded', 'admissible', 'देय', 'ग्राह्य', 'grahya', 'स्वीकार्य', 'swikarya',
  'proposal', 'प्रस्ताव', 'prastav', 'मांग', 'अनुरोध', 'anurodh', 'draft', 'प्रारूप', 'para', 'पैरा', 'कंडिका', 'noc',
  'अनापत्ति', 'anapatti', 'objection', 'आपत्ति', 'aapatti', 'permission', 'अनुमति', 'anumati', 'paas', 'पास', 'approval', 'orders',
  // being away: the reason and the absence make a leave request even without the word leave
  'bimar', 'बीमार', 'sick', 'ill', 'tabiyat', 'तबीयत', 'bukhar', 'बुखार', 'fever', 'aaunga', 'aaungi', 'paunga',
  'paungi', 'आऊंगा', 'आऊंगी', 'पाऊंगा', 'पाऊंगी', 'absent', 'अनुपस्थित', 'unwell', 'illness', 'doctor', 'rahunga',
  'रहूंगा', 'सकूंगा', 'sakunga']);
const PREFIX_WORDS = wordSet(['note', 'noting', 'tippani', 'टिप्पणी', 'नोट', 'circular', 'परिपत्र', 'notice', 'सूचना',
  'msg', 'message', 'संदेश']);
/** Concepts of office business (what BUSINESS in rules.ts lists, plus where/who/balance questions). */
const OFFICE_CONCEPTS = new Set(['@approve', '@return', '@refuse', '@leave', '@tour', '@ta', '@file', '@send', '@sent',
  '@search', '@new', '@close', '@open', '@hold', '@attach', '@verify', '@ack', '@cancel', '@remind', '@training',
  '@diary', '@report', '@circular', '@message', '@link', '@otp', '@note', '@pending', '@where', '@who', '@balance',
  '@scope']);

/** The words that carry a decision on a file (approve, return, refuse, park, close, reopen), negations aside. */
const DECIDING_WORDS = new Set(Object.values(DECISION_WORDS).flatMap((d) => [...d.core]).filter((w) => !NEGATION.has(w) && w !== 'ok'));

export type Evidence = 'strong' | 'weak' | 'none';

/** How plainly a message is about office business. `symbols` are features.ts's shape symbols. */
export function officeEvidence(tokens: Token[], symbols: string[]): Evidence {
  const words = tokens.filter((t) => t.kind === 'word');
  if (tokens.some((t) => { const k = codeKind(t); return k === 'file' || k === 'diary' || k === 'employee'; })) return 'strong';
  if (words.some((t) => OFFICE_OBJECTS.has(t.norm) || EXPLICIT_DECISIONS.has(t.norm))) return 'strong';
  if (words.some((t) => t.upper && OFFICE_ACRONYMS.has(t.norm))) return 'strong';
  if (hasPrefix(tokens) || notingDirection(tokens)) return 'strong';
  // A reply that opens with a decision ("Return with remarks: the amounts do not match"), unless
  // that clause is about something else ("approve my friend request on facebook").
  const sep = tokens.findIndex((t) => t.kind === 'punct' && t.text !== "'" && t.text !== '?');
  const clause = sep > 0 ? tokens.slice(0, sep) : tokens;
  if (words.slice(0, 3).some((t) => DECIDING_WORDS.has(t.norm)) && !hasTopic(clause)) return 'strong';
  const concepts = new Set(words.flatMap((t) => CONCEPTS.get(t.norm) ?? []));
  // A request with its specifics: a leave (or days asked for) with a date, a span or "chahiye"; a
  // tour with a place, a mode of travel or a date.
  // A span counts when it is counted ("2 din", "teen din"), not asked about ("kitne din").
  const counted = tokens.some((t) => t.kind === 'num' || (t.kind === 'word' && NUMBER_WORDS[t.norm] !== undefined && t.norm !== 'a' && t.norm !== 'an'));
  const dated = (concepts.has('@duration') && counted) || symbols.some((s) => s === '#date' || s === '#day' || s === '#month' || s === '#weekday');
  const leave = concepts.has('@leave') || leaveTypes(tokens).length > 0;
  const tour = concepts.has('@tour') || concepts.has('@ta');
  const absence = leave || tour;
  if (leave && (dated || concepts.has('@request') || leaveTypes(tokens).length > 0)) return 'strong';
  if (tour && (dated || concepts.has('@request') || destinations(tokens).length > 0 || travelModes(tokens).length > 0)) return 'strong';
  if (concepts.has('@request') && dated) return 'strong';
  if ([...concepts].some((c) => OFFICE_CONCEPTS.has(c)) || absence || dated || concepts.has('@duration')) return 'weak';
  if (words.some((t) => OFFICE_WORDS.has(t.norm) || DECIDING_WORDS.has(t.norm))) return 'weak';
  if (tokens.some((t) => t.kind === 'num' || t.kind === 'code') || destinations(tokens).length > 0) return 'weak';
  if (symbols.includes('#post') || longestAliasIn(words.map((t) => t.norm))) return 'weak';
  return 'none';
}

/** "note: …", "circular to all: …", "msg DDC: …": a command word before a ':' near the start. */
function hasPrefix(tokens: Token[]): boolean {
  const colon = tokens.findIndex((t) => t.kind === 'punct' && (t.text === ':' || t.text === '-'));
  return colon >= 0 && colon <= 6 && tokens.slice(0, colon).some((t) => PREFIX_WORDS.has(t.norm));
}

/** A word or phrase of leisure, or one of the everyday things the message only asks about. */
export function hasTopic(tokens: Token[], acting = false): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.some((t) => LEISURE_WORDS.has(t.norm)) || findPhrases(tokens, LEISURE_PHRASES).length > 0) return true;
  if (acting) return false;
  return words.some((t) => EVERYDAY_WORDS.has(t.norm)) || findPhrases(tokens, EVERYDAY_PHRASES).length > 0;
}

/**
 * The chatter verdict: a confidence that the message is not office business, or 0. A topic word
 * with less than strong evidence is chatter; an everyday word only when nothing is being done.
 */
export function chatter(tokens: Token[], evidence: Evidence): number {
  if (evidence === 'strong') return 0;
  const acting = tokens.some((t) => CONCEPTS.get(t.norm)?.some((c) => ACTING.has(c)));
  return hasTopic(tokens, acting) ? CHATTER_CONFIDENCE : 0;
}
const CHATTER_CONFIDENCE = 0.8;

// Greetings open a conversation; "good night", thanks and festival wishes close or decorate one.
const GREETINGS = wordSet(['hello', 'helo', 'hallo', 'hii', 'hi', 'hey', 'namaste', 'namaskar', 'namastey', 'नमस्ते',
  'नमस्कार', 'pranam', 'parnam', 'pranaam', 'प्रणाम', 'suprabhat', 'सुप्रभात', 'adab', 'aadab', 'आदाब', 'salaam',
  'salam', 'सलाम', 'gm']);
const GREETING_PAIRS = phraseList<true>([
  'good morning', 'good afternoon', 'good evening', 'good day', 'jai hind', 'जय हिंद', 'ram ram', 'राम राम',
  'jai bihar', 'जय बिहार', 'shubh prabhat', 'शुभ प्रभात', 'sat sri akal', 'radhe radhe', 'राधे राधे',
  'jai shri ram', 'जय श्री राम', 'assalamu alaikum', 'salam alaikum',
].map((p): [string, true] => [p, true]));
// Words that may come with a greeting without asking for anything ("namaste sir ji, kaise hain?").
const WITH_GREETING = wordSet(['sir', 'ji', 'सर', 'जी', 'madam', 'maam', 'mam', 'मैडम', 'sahab', 'saheb', 'साहब',
  'महोदय', 'महोदया', 'dear', 'all', 'everyone', 'sabko', 'सबको', 'sabhi', 'aapko', 'आपको', 'to', 'you', 'bhaiya',
  'भैया', 'bhai', 'team', 'friends', 'there', 'daftar', 'bot', 'how', 'are', 'kaise', 'kaisi', 'ho', 'hain', 'hai',
  'aap', 'आप', 'कैसे', 'हैं', 'है', 'kya', 'क्या', 'haal', 'हाल', 'chal', 'raha', 'sab', 'सब',
  'again', 'once', 'very', 'a', 'ka', 'ki', 'sirji', 'guruji', 'babu', 'बाबू', 'ladies', 'gentlemen']);

/** Indices [0, end) of a greeting at the start of the message (with its courtesy words), or 0. */
export function greetingEnd(tokens: Token[]): number {
  let i = 0;
  let greeted = false;
  const pairs = findPhrases(tokens, GREETING_PAIRS);
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const pair = pairs.find((p) => p.from === i);
    if (pair) { greeted = true; i = pair.to; continue; }
    if (t.kind === 'word' && GREETINGS.has(t.norm)) { greeted = true; i++; continue; }
    if (greeted && (t.kind === 'punct' || t.emoji || (t.kind === 'word' && WITH_GREETING.has(t.norm)))) { i++; continue; }
    break;
  }
  return greeted ? i : 0;
}

// Thanks and leave-taking: courtesy that asks for nothing (not a greeting, so not the welcome either).
const THANKS = wordSet(['thanks', 'thank', 'thankyou', 'thanku', 'thnx', 'thx', 'tq', 'ty', 'dhanyavad', 'dhanyawad',
  'धन्यवाद', 'shukriya', 'शुक्रिया', 'aabhar', 'आभार', 'bye', 'tata', 'alvida', 'अलविदा']);
const WITH_THANKS = wordSet(['you', 'so', 'much', 'very', 'a', 'lot', 'sir', 'ji', 'सर', 'जी', 'madam', 'bahut', 'बहुत',
  'aapka', 'आपका', 'apka', 'many', 'once', 'again', 'for', 'help', 'the', 'all', 'everyone', 'sahab', 'साहब', 'महोदय',
  'dear', 'bhai', 'बहुत-बहुत', 'hardik', 'हार्दिक']);

/** Thanks or goodbye and nothing else: "thank you sir", "धन्यवाद", "shukriya ji". */
export function isThanks(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind !== 'punct' && !t.emoji);
  return words.some((t) => THANKS.has(t.norm)) && words.every((t) => THANKS.has(t.norm) || WITH_THANKS.has(t.norm));
}

/** The message is a greeting and nothing else: "pranam", "good morning sir", "नमस्ते सर जी". */
export function isGreeting(tokens: Token[]): boolean {
  const end = greetingEnd(tokens);
  return end > 0 && end === tokens.length;
}

/** The request after a greeting ("good morning sir, my files" → "my files"); the tokens as given otherwise. */
export function afterGreeting(tokens: Token[]): Token[] {
  const end = greetingEnd(tokens);
  if (end === 0 || end === tokens.length) return tokens;
  // Courtesy words right after the greeting belong to it; a request starts at its first other word.
  return tokens.slice(end);
}

/** The message as the model reads it: analysed, a greeting before a request left out. */
export function analyzeRequest(text: string): Analysis {
  const whole = analyze(text);
  return { source: whole.source, tokens: afterGreeting(whole.tokens) };
}

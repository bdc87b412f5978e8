// Issue 19, items 2 and 3: what is not about the office is `unknown`, even in office words; a
// greeting is the welcome (`help`), and a greeting before a request is the request. Sentences
// written for this test (none is in the corpus).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type LanguageModel, type Parse } from '../../../bots/language/index.ts';
import { loadCorpus } from '../../../bots/language/corpus.ts';
import { normalize } from '../../../bots/language/normalize.ts';

let model: LanguageModel;
beforeAll(async () => {
  model = await loadLanguage();
});
const parse = (text: string): Parse => model.parse(text, { today: '2026-11-25' });

const CHATTER = [
  // sport, films, songs, jokes, weather, prices, politics, small talk
  'India ne match jeeta kya', 'kal barish hogi?', 'send me a song', 'what is the price of onion',
  'any new movie in theatre', 'आज मौसम कैसा है भाई', 'shukriya ji', 'thanks a lot sir', 'good night all',
  'how are you doing today', "what's up", 'kya chal raha hai', 'is the bank open today', 'who made you',
  'aaj ka panchang batao', 'आज कौन सी फिल्म लगी है', 'बाजार में प्याज का भाव', 'पटना में मौसम कैसा है',
  'we visited Delhi last month, it was cold',
  // office words in a non-office sense
  'मैच का स्टेटस बताओ', 'who is out of the world cup team', 'IPL ki list bhejo', 'forward this good morning message to all',
  'approve my gym membership', 'cancel my train ticket', 'status of my Flipkart delivery', 'report card kab milega',
  'kal holiday hai kya', 'hello, kal match dekha kya',
];

const OFFICE_WITH_EVERYDAY_WORDS: [string, string][] = [
  ['cricket tournament duty ke liye 2 din ki chhutti chahiye', 'apply_leave'],
  ['Holi ke liye 3 din ka EL chahiye 10 March se', 'apply_leave'],
  ['train se Patna jana hai 4 Dec ko meeting ke liye', 'apply_tour'],
  ['barish se nuksan ki report bhejo', 'report'],
  ['heavy rain alert circular sabko: schools band rahenge', 'circular'],
  ['note: the cricket ground lease has expired', 'note'],
  ['msg DDC: match ke baad meeting hogi', 'message'],
  ['status of EST-44/2026, the stadium file', 'status'],
  ['bhai ki shaadi hai, kal se 3 din nahi aaunga', 'apply_leave'],
];

const GREETINGS = ['good morning ji', 'namaskar sir ji', 'hello sir good morning', 'जय हिंद महोदय', 'pranam sir ji',
  'hi sir', 'gud mrng sir', 'namste', 'परनाम महोदय', 'hello sir, how are you?'];

const GREETING_THEN_REQUEST: [string, string][] = [
  ['namaste sir, EST-12/2026 kahan hai', 'status'],
  ['good morning, approved', 'approve'],
  ['pranam, leave balance batao', 'my_leave'],
  ['good mrng, my files pls', 'my_items'],
  ['जय हिंद सर, संचिका उप विकास आयुक्त को अग्रसारित करें', 'forward'],
];

describe('chatter', () => {
  it('uses sentences of its own, not the corpus\'s', () => {
    const corpus = new Set(loadCorpus().map((e) => normalize(e.text)));
    const all = [...CHATTER, ...OFFICE_WITH_EVERYDAY_WORDS.map(([t]) => t), ...GREETINGS, ...GREETING_THEN_REQUEST.map(([t]) => t)];
    expect(all.filter((t) => corpus.has(normalize(t)))).toEqual([]);
  });

  it.each(CHATTER)('"%s" is not office business', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });

  it.each(OFFICE_WITH_EVERYDAY_WORDS)('"%s" is still %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('greetings', () => {
  it.each(GREETINGS)('"%s" asks for the welcome', (text) => {
    const p = parse(text);
    expect(p.intent).toBe('help');
    expect(p.confidence).toBeGreaterThanOrEqual(0.35); // the router's bar: answered, not "not understood"
  });

  it.each(GREETING_THEN_REQUEST)('"%s" is the request after the greeting (%s)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('reads the entities of the request, not of the greeting', () => {
    expect(parse('namaskar sir, parso ki chhutti chahiye').entities).toEqual({ startDate: '2026-11-27', endDate: '2026-11-27', days: 1 });
    expect(parse('hello ji, ADM ko bhej dijiye').entities).toEqual({ addressee: { post: 'ADM' } });
  });
});

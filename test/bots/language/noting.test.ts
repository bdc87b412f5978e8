// Issue 19, item 1: the office's noting idioms say which way a file moves. Sentences written for
// this test (none is in the corpus); forward must never be read as return or as a note.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, type LanguageModel, type Parse } from '../../../bots/language/index.ts';
import { loadCorpus } from '../../../bots/language/corpus.ts';
import { normalize } from '../../../bots/language/normalize.ts';

let model: LanguageModel;
beforeAll(async () => {
  model = await loadLanguage();
});
const parse = (text: string): Parse => model.parse(text, { today: '2026-11-25' });

const SEND_ON: [string, Record<string, unknown>?][] = [
  ['Submitted for kind orders, sir'],
  ['PUC may kindly be perused'],
  ['File put up before ADM for orders', { post: 'ADM' }],
  ['submited for aproval pls'],
  ['for kind perusal of DM sir', { post: 'COLLECTOR' }],
  ['DDC sir may like to see', { post: 'DDC' }],
  ['recommended and forwarded to DM', { post: 'COLLECTOR' }],
  ['अवलोकनार्थ प्रस्तुत महोदय'],
  ['आदेशार्थ उपस्थापित, कृपया देखें'],
  ['DCLR को चिह्नित किया जाता है', { post: 'DCLR' }],
  ['फाइल अपर समाहर्ता के अवलोकनार्थ भेजें', { post: 'ADM' }],
  ['आदेशार्थ परस्तुत, महोदय'],
  ['sir, file adesharth upasthapit hai'],
  ['DDC ke order ke liye put up kiya hai', { post: 'DDC' }],
  ['PUC approval hetu prastut'],
  ['ADM ko fwd kar do pls', { post: 'ADM' }],
];

const SEND_BACK = [
  'not in order, pls redo and resubmit',
  'Observations at flag B may be complied with and file resubmitted',
  'Please re-examine the proposal and put up',
  'pls discuss with the dealing assistant',
  'प्रारूप संशोधित कर पुनः प्रस्तुत करें',
  'त्रुटि का निराकरण कर दोबारा उपस्थापित करें',
  'प्रस्ताव क्रम में नहीं, संशोधन कर पुनः भेजें',
  'draft galat hai, theek karke dobara rakho',
  'compliance karke file dobara upasthapit karo',
  're-examine kar ke phir se put up karein',
];

const ASSENT = [
  'approved as proposed at flag X', 'no objection', 'Seen. May be issued.', 'I concur', 'permission granted',
  'अनापत्ति', 'कोई आपत्ति नहीं', 'यथा प्रस्तावित', 'शिविर की अनुमति दी जाती है', 'koi aapatti nahi, aage badhao',
  'approved, no changes required', 'स्वीकृत, कोई संशोधन नहीं', 'Approved for Rs 2.5 lakh',
  'approved. send back to dealing assistant for further action',
];

describe('noting idioms', () => {
  it('uses sentences of its own, not the corpus\'s', () => {
    const corpus = new Set(loadCorpus().map((e) => normalize(e.text)));
    const all = [...SEND_ON.map(([t]) => t), ...SEND_BACK, ...ASSENT];
    expect(all.filter((t) => corpus.has(normalize(t)))).toEqual([]);
  });

  it.each(SEND_ON)('"%s" sends the file on', (text, addressee) => {
    const p = parse(text);
    expect(p.intent).toBe('forward');
    if (addressee) expect(p.entities.addressee).toEqual(addressee);
  });

  it.each(SEND_BACK)('"%s" sends the file back', (text) => {
    expect(parse(text).intent).toBe('return');
  });

  it.each(ASSENT)('"%s" approves', (text) => {
    expect(parse(text).intent).toBe('approve');
  });

  it('keeps a note a note only when it says so', () => {
    expect(parse('note: put up for orders after the CO report').intent).toBe('note');
    expect(parse('टिप्पणी: आदेशार्थ प्रस्तुत, बजट उपलब्ध है').intent).toBe('note');
    expect(parse('the note is not in proper form, revise').intent).toBe('return');
  });

  it('reads "for approval" as asking for an approval, not giving one', () => {
    for (const t of ['P.U.C. for approval', 'अनुमोदन हेतु प्रस्तुत', 'swikriti ke liye DDC ko bhejo']) {
      expect(parse(t).intent, t).toBe('forward');
    }
  });

  it('keeps the whole instruction as the remark of an idiomatic send-back', () => {
    expect(parse('observations at para 6 may be complied with').entities.remark).toBe('observations at para 6 may be complied with');
    expect(parse('re-examine and put up').entities).toEqual({});
  });

  it('does not let a remark overrule the decision that opens a long reply, and asks back on a short one', () => {
    expect(parse('approved, return to section for issue of letter').intent).toBe('approve');
    const short = parse('स्वीकृत, वापस करें');
    expect(short.confidence).toBeLessThanOrEqual(0.35);
  });
});

describe('negative decision words (README, "Negative words")', () => {
  it.each([
    ['rejected', 'refuse'], ['अस्वीकृत', 'refuse'], ['not approved, funds not available', 'refuse'],
    ['namanjur, budget nahi hai', 'refuse'], ['NOC nahi diya ja sakta', 'refuse'], ['अनुमति नहीं दी जा सकती', 'refuse'],
    ['not in order', 'return'], ['nahi, pehle CO se report mangao', 'return'], ['wapas karo', 'return'],
    ['nahi', 'deny'], ['नहीं', 'deny'], ['cancel my leave', 'cancel'],
    ['no objection', 'approve'], ['mera tour approve hua ki nahi', 'status'],
  ])('"%s" -> %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

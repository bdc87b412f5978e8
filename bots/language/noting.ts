/**
 * The fixed phrases of government noting (टिप्पणी) that say which way a file moves:
 *  - "send it on" — submitted for orders, for kind perusal of …, P.U.C. for approval, laid before
 *    the DM, may kindly be seen, put up, अवलोकनार्थ, आदेशार्थ प्रस्तुत, अग्रसारित, … को चिह्नित;
 *  - "send it back" — not in order, revise and resubmit, observations above may be complied with,
 *    re-examine and put up, संशोधित कर पुनः उपस्थापित करें, त्रुटियों का निराकरण करें.
 *  - assent — no objection, as proposed, may be issued, permission granted, अनापत्ति, यथा प्रस्तावित.
 * A send-back phrase wins over the others in the same reply ("re-examine and put up" asks the
 * sender to put it up again: the file goes back first), and assent over a send-on ("no objection,
 * fair copy may be put up").
 */
import type { Token } from './normalize.ts';
import { findPhrases, phraseList, wordSet } from './phrases.ts';

/** One word that is itself a submission: "अवलोकनार्थ", "perusal", "P.U.C.", "अग्रसारित". */
const FORWARD_WORDS = wordSet([
  'perusal', 'peruse', 'puc', 'endorsed', 'submitted', 'laid', 'fyi', 'recommended', 'अनुशंसित', 'anushansit',
  'अवलोकनार्थ', 'अवलोकनार्थं', 'आदेशार्थ', 'अनुमोदनार्थ', 'स्वीकृत्यर्थ', 'हस्ताक्षरार्थ', 'विचारार्थ', 'निर्णयार्थ',
  'अग्रसारित', 'अग्रसरित', 'अग्रेषित', 'चिह्नित', 'चिन्हित', 'चिंहित', 'उपस्थापित', 'प्रस्तुत', 'समक्ष',
  'avlokanarth', 'awlokanarth', 'avlokanarth', 'aadesharth', 'adesharth', 'anumodanarth', 'agrasarit', 'agrsarit',
  'agreshit', 'chinhit', 'chinhith', 'upasthapit', 'upsthapit', 'prastut', 'prastoot', 'samaksh', 'samksh',
]);

/** Phrases that submit a file onwards ("for kind orders", "put up", "आदेश हेतु", "order ke liye"). */
const FORWARD_PHRASES = phraseList<true>([
  'put up', 'putup', 'putting up', 'put it up', 'for orders', 'for kind orders', 'for favour of orders', 'for approval',
  'for kind approval', 'for signature', 'for kind signature', 'for information', 'for kind information',
  'for consideration', 'for kind consideration', 'for necessary action', 'for decision', 'for sanction',
  'for kind sanction', 'placed before', 'placed for', 'may be seen', 'may kindly be seen', 'may please be seen',
  'करने की कृपा', 'karne ki kripa', 'की कृपा की जाए', 'ki kripa ki jaye',
  'may be approved', 'may kindly be approved', 'may please be approved', 'may be sanctioned', 'may kindly be sanctioned',
  'may like to see', 'may kindly like to see', 'may like to peruse', 'may please see', 'for your information',
  'for your kind information', 'with recommendation', 'अनुशंसा सहित', 'अनुशंसा के साथ', 'anushansa sahit',
  'kindly see', 'may be perused', 'may kindly be perused', 'may please be perused', 'kindly peruse', 'marked to', 'mark to', 'routed through',
  'आदेश हेतु', 'आदेश के लिए', 'अवलोकन हेतु', 'अवलोकन के लिए', 'अनुमोदन हेतु', 'अनुमोदन के लिए',
  'स्वीकृति हेतु', 'स्वीकृति के लिए', 'हस्ताक्षर हेतु', 'हस्ताक्षर के लिए', 'निर्णय हेतु', 'विचार हेतु',
  'आवश्यक कार्रवाई हेतु', 'आवश्यक कार्रवाई के लिए', 'जरूरी कार्रवाई', 'necessary action',
  'order ke liye', 'orders ke liye', 'aadesh ke liye', 'aadesh hetu', 'approval ke liye', 'sign ke liye',
  'signature ke liye', 'dekhne ke liye', 'avlokan ke liye', 'avlokan hetu', 'anumodan hetu', 'swikriti hetu',
  'mark kar', 'mark karo', 'मार्क करें', 'सामने रखें', 'saamne rakh', 'samne rakh', 'put up kar', 'dekh lein',
  'dekh len', 'dekh lijiye', 'देख लें', 'देख लिया जाए', 'order dijiye', 'order de', 'aadesh dijiye', 'आदेश दें',
  'aage badha', 'aage bhej', 'upar bhej', 'आगे बढ़ाएं', 'आगे भेजें', 'send up', 'move up', 'sign karwa',
  'sign karwa lo', 'हस्ताक्षर करा', 'ko dikha do', 'ko dikhaiye', 'ko dikha dijiye', 'को दिखा दें', 'को दिखाएं',
  'आदेश दिया जाए',
].map((p): [string, true] => [p, true]));

// "for (your) kind approval", "for favour of orders", "approval ke liye", "aadesh hetu": a submission for X.
const FOR = wordSet(['for']);
const FOR_FILLER = wordSet(['kind', 'your', 'favour', 'of', 'necessary', 'the', 'his', 'her', 'early', 'favourable',
  'appropriate', 'please', 'perusal', 'and']);
const SUBMITTED_FOR = wordSet(['orders', 'order', 'approval', 'perusal', 'signature', 'signatures', 'sign', 'information',
  'consideration', 'sanction', 'decision', 'action', 'disposal', 'acceptance', 'concurrence', 'comments', 'aadesh',
  'avlokan', 'anumodan', 'swikriti', 'hastakshar', 'nirnay', 'vichar', 'manjuri', 'dekhne', 'आदेश', 'अवलोकन', 'अनुमोदन',
  'स्वीकृति', 'हस्ताक्षर', 'निर्णय', 'विचार']);
const PURPOSE = wordSet(['hetu', 'हेतु', 'liye', 'लिए']);
function submittedFor(tokens: Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (FOR.has(t.norm)) {
      let j = i + 1;
      while (j < tokens.length && j - i <= 4 && FOR_FILLER.has((tokens[j] as Token).norm) && !SUBMITTED_FOR.has((tokens[j] as Token).norm)) j++;
      if (SUBMITTED_FOR.has(tokens[j]?.norm ?? '')) for (let k = i; k <= j; k++) out.push(k);
    }
    // "approval ke liye", "आदेश हेतु": the noun, then a purpose word right after (or after के).
    if (SUBMITTED_FOR.has(t.norm)) {
      const next = tokens[i + 1]?.norm ?? '';
      const after = tokens[i + 2]?.norm ?? '';
      if (PURPOSE.has(next)) out.push(i, i + 1);
      else if ((next === 'ke' || next === 'के') && PURPOSE.has(after)) out.push(i, i + 1, i + 2);
    }
  });
  return out;
}

/** One word that sends a file back for rework ("resubmit", "संशोधित", "त्रुटियों"). */
const RETURN_WORDS = wordSet([
  'resubmit', 'resubmitted', 'reexamine', 'reexamined', 'recheck', 'rectify', 'rectified', 'redraft', 'revise',
  'rework', 'complied', 'comply', 'discrepancy', 'discrepancies', 'deficiency', 'deficiencies', 'shortcomings',
  'incomplete', 'clarify',
  'संशोधित', 'पुनर्परीक्षण', 'त्रुटि', 'त्रुटियों', 'त्रुटियां', 'त्रुटिपूर्ण', 'निराकरण', 'अपूर्ण', 'कमियों',
  'कमियां', 'स्पष्टीकरण',
  'sanshodhit', 'sansodhit', 'truti', 'trutiyan', 'trutiyon', 'nirakaran', 'apurn', 'adhura', 'kamiyan', 'kamiyon',
  'galtiyan', 'galtiyon', 'spashtikaran',
]);

/** Phrases that send it back ("not in order", "put up again", "सही नहीं", "phir se prastut"). */
const RETURN_PHRASES = phraseList<true>([
  'not in order', 'not in proper order', 'not in proper form', 'not as per rules', 'put up again',
  'put up afresh', 'examine and put up', 'examine and resubmit', 'examine and submit', 'correct and put up',
  'correct and resubmit', 'send back', 'sent back', 'returned for', 'for correction', 'for corrections',
  'for compliance', 'for rectification', 'for clarification', 'for revision', 'with corrections',
  'नियमानुकूल नहीं', 'नियमानुसार नहीं', 'क्रम में नहीं', 'फिर से प्रस्तुत', 'फिर से उपस्थापित',
  'सुधार कर', 'सुधार करके', 'ठीक कर', 'ठीक करके', 'स्पष्ट करें', 'जांच कर प्रस्तुत', 'जांच कर उपस्थापित',
  'order me nahi', 'order mein nahi', 'phir se prastut', 'phir se bhej', 'phir se put up',
  'sudhar kar', 'sudhar karke', 'sudhaar kar', 'sudhaar karke', 'thik karke', 'correct kar', 'correct karke',
  'galti sudhar', 'galti thik', 'please discuss', 'pl discuss', 'pls discuss', 'kindly discuss', 'discuss please',
  'see me', 'speak to me', 'please speak', 'मुझसे मिलें', 'मिलकर बात करें', 'विमर्श करें', 'charcha karein',
  'mil kar baat', 'milkar baat', 'mujhse milein', 'mujhse mile', 'पुनः प्रस्तुत', 'पुनः उपस्थापित', 'पुनः परीक्षण', 'पुनः जांच', 'पुनः भेजें',
  'संशोधन हेतु', 'संशोधन के लिए', 'अनुपालन करें', 'अनुपालन किया जाए', 'अनुपालन कर', 'punah prastut',
  'punah upasthapit', 'dobara prastut', 'dobara put up', 'dobara upasthapit', 'sanshodhan ke liye', 'anupalan kar',
].map((p): [string, true] => [p, true]));

// "dobara check karke bhejo", "पुनः जाँच कर प्रस्तुत करें", "put it up again": submit it again, after rework.
const AGAIN = wordSet(['dobara', 'दोबारा', 'punah', 'पुनः', 'again', 'afresh', 'phir', 'फिर']);
const SUBMIT = wordSet(['bhej', 'भेजें', 'भेजो', 'भेजिए', 'prastut', 'प्रस्तुत', 'उपस्थापित', 'upasthapit', 'rakh', 'रखें',
  'put', 'submit', 'send', 'forward', 'लाएं', 'lao', 'resubmit']);
const TO = wordSet(['ko', 'को', 'to']);
const AGAIN_SPAN = 5;

function againAndSubmit(tokens: Token[]): number[] {
  // Sent again to someone named ("phir se DDC ko bhejo") is a forward, not a send-back.
  if (tokens.some((t) => TO.has(t.norm))) return [];
  for (let i = 0; i < tokens.length; i++) {
    if (!AGAIN.has((tokens[i] as Token).norm)) continue;
    for (let j = Math.max(0, i - AGAIN_SPAN); j <= i + AGAIN_SPAN && j < tokens.length; j++) {
      const t = tokens[j] as Token;
      if (t.kind === 'punct' && t.text !== "'") { if (j > i) break; continue; }
      if (j !== i && SUBMIT.has(t.norm)) return [Math.min(i, j), Math.max(i, j)];
    }
  }
  return [];
}

/** Words that grant what was asked ("granted", "अनापत्ति", "NOC"), unless a "no" stands next to them. */
const APPROVE_WORDS = wordSet(['granted', 'permitted', 'allowed', 'noc', 'अनापत्ति', 'anapatti', 'accorded', 'सहमत',
  'sahmat', 'agree', 'concur', 'concurred', 'पारित', 'मान्य']);
/** Phrases of assent in noting ("no objection", "may be issued", "यथा प्रस्तावित", "अनुमति दी जाती है"). */
const APPROVE_PHRASES = phraseList<true>([
  'no objection', 'no objections', 'as proposed', 'may be issued', 'may kindly be issued', 'be issued', 'issue the letter',
  'issue the order', 'issue orders', 'do the needful', 'fair copy may', 'permission is granted', 'sanction is accorded',
  'कोई आपत्ति नहीं', 'आपत्ति नहीं', 'अनुमति दी जाती है', 'अनुमति दी गई', 'अनुमति प्रदान', 'यथा प्रस्तावित', 'प्रस्तावित अनुसार',
  'निर्गत करें', 'निर्गत किया जाए', 'जारी करें', 'जारी किया जाए', 'स्वीकृति दी जाती है', 'आगे की कार्रवाई करें',
  'may issue', 'order may issue', 'letter may issue', 'let it issue', 'ok to proceed', 'proceed as proposed',
  'koi aapatti nahi', 'aapatti nahi', 'koi objection nahi', 'anumati di', 'anumati hai', 'noc diya', 'jaari karo',
  'jari karo', 'jaari kar', 'jari kar', 'nirgat karein', 'nirgat kar', 'yatha prastavit', 'jaisa prastavit', 'issue kar',
].map((p): [string, true] => [p, true]));

/** "no comments", "कोई संशोधन नहीं": nothing to add — a "no" that refuses and returns nothing. */
const NOTHING_PHRASES = phraseList<true>([
  'no comments', 'no comment', 'no changes', 'no change', 'no further action', 'no further comments', 'no modification',
  'no modifications', 'no issues', 'no issue', 'no remarks', 'no correction', 'no corrections', 'nothing to add',
  'कोई संशोधन नहीं', 'कोई परिवर्तन नहीं', 'कोई टिप्पणी नहीं', 'कोई बदलाव नहीं', 'koi badlav nahi', 'koi change nahi',
  'koi comment nahi', 'koi sanshodhan nahi', 'koi correction nahi',
].map((p): [string, true] => [p, true]));

export type NotingDirection = 'forward' | 'return' | 'approve';

/** Token indices covered by send-on, send-back and assent idioms. */
export function notingIdioms(tokens: Token[]): {
  forward: number[]; return: number[]; approve: number[]; withheld: boolean; nothing: number[];
} {
  const covered = (words: Set<string>, phrases: [string[], true][], extra: number[] = []): number[] => {
    const out = new Set<number>(extra);
    tokens.forEach((t, i) => { if (t.kind === 'word' && words.has(t.norm)) out.add(i); });
    for (const hit of findPhrases(tokens, phrases)) for (let i = hit.from; i < hit.to; i++) out.add(i);
    return [...out].sort((a, b) => a - b);
  };
  const nothing = findPhrases(tokens, NOTHING_PHRASES).flatMap((h) => Array.from({ length: h.to - h.from }, (_, k) => h.from + k));
  const approve = covered(APPROVE_WORDS, APPROVE_PHRASES);
  // "not granted", "सहमत नहीं": a "no" next to an assent word (outside the phrase) takes it back.
  const inPhrase = new Set(findPhrases(tokens, APPROVE_PHRASES).flatMap((h) => Array.from({ length: h.to - h.from }, (_, k) => h.from + k)));
  const negated = approve.some((i) => !inPhrase.has(i) && [-2, -1, 1, 2].some((d) => NOT.has(tokens[i + d]?.norm ?? '')));
  return {
    forward: covered(FORWARD_WORDS, FORWARD_PHRASES, submittedFor(tokens)),
    return: covered(RETURN_WORDS, RETURN_PHRASES, againAndSubmit(tokens)).filter((i) => !nothing.includes(i)),
    approve: negated ? [] : approve,
    /** An assent word with a "no" next to it: "NOC nahi diya ja sakta", "permission not granted". */
    withheld: negated,
    /** Tokens of "no comments", "कोई संशोधन नहीं": their "no" says there is nothing more. */
    nothing,
  };
}
const NOT = wordSet(['not', 'nahi', 'नहीं', 'no', 'na', 'never', 'cannot', 'mat', 'मत']);

/** Which way the idioms of a reply move the file: back, then assent, then on; undefined when none is used. */
export function notingDirection(tokens: Token[]): NotingDirection | undefined {
  const found = notingIdioms(tokens);
  if (found.return.length) return 'return';
  if (found.approve.length) return 'approve';
  if (found.forward.length) return 'forward';
  return undefined;
}

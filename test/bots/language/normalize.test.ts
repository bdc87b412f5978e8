import { describe, expect, it } from 'vitest';
import { normalize } from '../../../bots/language/index.ts';
import { analyze, detectLanguage } from '../../../bots/language/normalize.ts';

describe('normalize', () => {
  it('folds Devanagari nukta forms onto the base letter', () => {
    expect(normalize('मंज़ूर')).toBe('मंजूर');
    expect(normalize('फ़ाइल')).toBe(normalize('फाइल'));
    expect(normalize('क़ानून')).toBe('कानून');
    // precomposed nukta letters (U+095B) and decomposed ones (ज + ़) fold the same way
    expect(normalize('\u095B')).toBe('ज');
    expect(normalize('\u091C\u093C')).toBe('ज');
    expect(normalize('बढ़ाएँ')).toBe('बढाएं');
  });

  it('writes chandrabindu as anusvara', () => {
    expect(normalize('कहाँ')).toBe('कहां');
    expect(normalize('हाँ')).toBe(normalize('हां'));
  });

  it('writes a class nasal with virama as anusvara (दिसम्बर = दिसंबर)', () => {
    expect(normalize('दिसम्बर')).toBe(normalize('दिसंबर'));
    expect(normalize('हिन्दी')).toBe('हिंदी');
  });

  it('turns Hindi digits into ASCII digits', () => {
    expect(normalize('१२३४५६')).toBe('123456');
    expect(normalize('SAH००४२')).toBe('sah0042');
  });

  it('removes zero-width joiners and non-joiners', () => {
    expect(normalize('क्\u200Dष')).toBe(normalize('क्ष'));
    expect(normalize('ok\u200C')).toBe('ok');
  });

  it('reads approval emoji as "ok" and drops the folded hands', () => {
    expect(normalize('👍')).toBe('ok');
    expect(normalize('✅')).toBe('ok');
    expect(normalize('👌')).toBe('ok');
    expect(normalize('approved 🙏')).toBe('approved');
    expect(normalize('👍🏽')).toBe('ok');
  });

  it('folds case and keeps office codes whole', () => {
    expect(normalize('Status EST-12/2026')).toBe('status est-12/2026');
    expect(normalize('SAH/R/2026/000123 kahan hai?')).toBe('sah/r/2026/000123 kahan hai ?');
    expect(normalize('D.D.C.')).toBe('ddc');
  });

  it('folds common Roman spellings', () => {
    expect(normalize('manjoor')).toBe('manjur');
    expect(normalize('manzoor')).toBe('manjur');
    expect(normalize('theek hai')).toBe('thik hai');
    expect(normalize('thik h')).toBe('thik hai');
    expect(normalize('sweekrit')).toBe('swikrit');
    expect(normalize('bhejo')).toBe('bhej');
    expect(normalize('bhejiye')).toBe('bhej');
    expect(normalize('chutti')).toBe('chhutti');
    expect(normalize('okkkk')).toBe('ok');
    expect(normalize('कौन-कौन')).toBe('कौन');
  });

  it('detects the language: Hindi, English, and mixed/Hinglish', () => {
    const lang = (t: string): string => detectLanguage(analyze(t));
    expect(lang('मेरी संचिका कहाँ है')).toBe('hi');
    expect(lang('आगे बढ़ाएँ ADM को')).toBe('hi'); // an acronym is not English prose
    expect(lang('where is my file GOP-4/2026')).toBe('en');
    expect(lang('isko DDC ko bhej do')).toBe('mixed');
    expect(lang('leave चाहिए kal से please')).toBe('mixed');
    expect(lang('मंज़ूर है 👍')).toBe('hi');
  });
});

describe('typos and dropped matras (issue 19)', () => {
  it('reads a decision or noting keyword with letters left out as the keyword', () => {
    expect(normalize('apprvd')).toBe('approved');
    expect(normalize('appoved')).toBe('approved');
    expect(normalize('submited')).toBe('submitted');
    expect(normalize('सशोधित')).toBe('संशोधित');
    expect(normalize('अवलोकनर्थ')).toBe('अवलोकनार्थ');
    expect(normalize('परस्तुत')).toBe('प्रस्तुत');
    expect(normalize('स्विकृत')).toBe(normalize('स्वीकृत'));
    expect(normalize('namste')).toBe('namaste');
  });

  it('leaves other words, other forms of a keyword and short words alone', () => {
    expect(normalize('प्रपत्र')).toBe('प्रपत्र'); // a form, not a circular (परिपत्र)
    expect(normalize('प्रस्ताव')).toBe('प्रस्ताव'); // a beginning of प्रस्तावित is another word
    expect(normalize('sanction')).toBe('sanction');
    expect(normalize('aged')).toBe('aged');
    expect(normalize('सका')).toBe('सका');
  });

  it('keeps dotted abbreviations whole', () => {
    expect(normalize('P.U.C. for approval')).toBe('puc for approval');
    expect(normalize('pls fwd')).toBe('please forward');
  });
});

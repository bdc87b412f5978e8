// Filler is never a remark (issue 18 item 9): "theek lagta hai", "ok sir", "हाँ ठीक है" approve with
// no remark, in Roman Hindi, English and Devanagari; only words with content become the remark.
import { describe, expect, it } from 'vitest';
import { testLanguage } from '../../helpers/language.ts';

const parse = async (text: string) => (await testLanguage()).parse(text, { today: '2026-11-25' });

const APPROVALS_WITHOUT_REMARK = [
  // Roman Hindi (Hinglish)
  'theek lagta hai', 'theek lagta hai sir', 'thik h', 'thik h ji', 'ji haan theek hai', 'haan ji theek hai', 'theek hai sir',
  'ok ji', 'ok sir ji', 'manjoor hai', 'theek hai, dhanyavad', 'bilkul theek hai', 'sahi hai, approved', 'acha theek hai',
  // English
  'ok sir', 'okay sir', 'fine sir', 'approved sir thanks', 'ok, thank you', 'approved with thanks', 'ok approved sir ji 🙏',
  'approved. Thanks sir', 'approved, looks fine',
  // Devanagari
  'हाँ ठीक है', 'हाँ जी ठीक है', 'ठीक है जी', 'ठीक लगता है', 'ठीक है सर, स्वीकृत', 'हाँ ठीक है सर, धन्यवाद', 'स्वीकृत।',
  'सही लग रहा है, स्वीकृत', 'ठीक है, धन्यवाद महोदय',
];

const APPROVALS_WITH_REMARK: [string, string][] = [
  ['approved, release by Friday', 'release by Friday'],
  ['theek lagta hai, kal tak bhej do', 'kal tak bhej do'],
  ['ठीक है, शुक्रवार तक जारी करें', 'शुक्रवार तक जारी करें'],
  ['ok sir, payment after audit only', 'payment after audit only'],
  ['स्वीकृत, प्रति अपर समाहर्ता को भेजें', 'प्रति अपर समाहर्ता को भेजें'],
];

describe('filler around a decision is never a remark', () => {
  it.each(APPROVALS_WITHOUT_REMARK)('%s → approval, no remark', async (text) => {
    const p = await parse(text);
    expect(p.intent).toBe('approve');
    expect(p.entities.remark).toBeUndefined();
  });

  it.each(APPROVALS_WITH_REMARK)('%s → approval with the remark "%s"', async (text, remark) => {
    const p = await parse(text);
    expect(p.intent).toBe('approve');
    expect(p.entities.remark).toBe(remark);
  });

  it('a refusal or return keeps its reason, and filler alone gives none', async () => {
    expect((await parse('refused, election duty')).entities.remark).toBe('election duty');
    expect((await parse('नामंजूर, चुनाव ड्यूटी')).entities.remark).toBe('चुनाव ड्यूटी');
    expect((await parse('wapas, survey report lagaiye')).entities.remark).toBe('survey report lagaiye');
    const bare = await parse('refused sir, thank you');
    expect(bare.intent).toBe('refuse');
    expect(bare.entities.remark).toBeUndefined();
  });
});

// The leave and tour requests of the held-out corpus split, parsed with their dates checked.
import { describe, expect, it } from 'vitest';
import { CORPUS_TODAY, loadCorpus, testExamples } from '../../bots/language/corpus.ts';
import { testLanguage } from '../helpers/language.ts';

describe('leave and tour requests in three registers', () => {
  it('reads type, dates and places of at least 40 held-out requests, nearly all exactly', async () => {
    const model = await testLanguage();
    const requests = testExamples(loadCorpus()).filter((e) => (e.intent === 'apply_leave' || e.intent === 'apply_tour') && e.entities.startDate !== undefined);
    expect(requests.length).toBeGreaterThanOrEqual(40);
    expect(new Set(requests.map((r) => r.register))).toEqual(new Set(['en', 'hi', 'hinglish']));
    const wrong: string[] = [];
    for (const r of requests) {
      const p = model.parse(r.text, { today: CORPUS_TODAY });
      const want = r.entities;
      const same = p.intent === r.intent && p.entities.startDate === want.startDate && p.entities.endDate === want.endDate
        && p.entities.leaveType === want.leaveType && JSON.stringify(p.entities.destinations ?? null) === JSON.stringify(want.destinations ?? null);
      if (!same) wrong.push(`${r.text} → ${JSON.stringify(p.entities)}`);
    }
    // Held-out text, never trained on: a few misses are honest; more than 10% is a regression.
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(requests.length * 0.1));
  });
});

describe('tour destinations the gazetteer does not know', () => {
  it('takes the place named beside the tour word, in Hindi and English, and never a lower-case English word', async () => {
    const model = await testLanguage();
    const places = (text: string) => model.parse(text, { today: CORPUS_TODAY }).entities.destinations;
    expect(places('दौरा बनमनखी 3 दिसंबर निरीक्षण हेतु')).toEqual(['बनमनखी']);
    expect(places('बनमनखी का दौरा 4 दिसंबर, बैठक')).toEqual(['बनमनखी']);
    expect(places('tour to Banmankhi on 3 Dec for inspection')).toEqual(['Banmankhi']);
    expect(places('tour: Raghopur 5 Dec survey')).toEqual(['Raghopur']);
    expect(places('tour to inspect schools on 3 Dec')).toBeUndefined();
    // A known place is still the gazetteer's spelling.
    expect(places('दौरा: महिषी 3 दिसंबर निरीक्षण')).toEqual(['Mahishi']);
  });
});

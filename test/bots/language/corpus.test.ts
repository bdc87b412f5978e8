import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_TODAY, loadCorpus, testExamples, trainingExamples, type Example } from '../../../bots/language/corpus.ts';
import { extractEntities } from '../../../bots/language/entities.ts';
import { INTENTS, isIntent } from '../../../bots/language/intents.ts';
import { loadLanguage } from '../../../bots/language/index.ts';
import { DaftarLanguageModel, trainingHash } from '../../../bots/language/model.ts';
import { analyzeRequest } from '../../../bots/language/domain.ts';
import { normalize } from '../../../bots/language/normalize.ts';

const corpus = loadCorpus();
const train = trainingExamples(corpus);
const test = testExamples(corpus);

describe('the labelled corpus', () => {
  it('has at least 1500 utterances in three roughly balanced registers', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    const registers = new Map<string, number>();
    for (const e of corpus) registers.set(e.register, (registers.get(e.register) ?? 0) + 1);
    expect([...registers.keys()].sort()).toEqual(['en', 'hi', 'hinglish']);
    for (const n of registers.values()) expect(n / corpus.length).toBeGreaterThan(0.28);
  });

  it('labels every line with a known intent, at least 20 per intent, more for decisions', () => {
    const per = new Map<string, number>();
    for (const e of corpus) {
      expect(isIntent(e.intent), e.source).toBe(true);
      per.set(e.intent, (per.get(e.intent) ?? 0) + 1);
    }
    for (const intent of INTENTS) expect(per.get(intent) ?? 0, intent).toBeGreaterThanOrEqual(20);
    for (const d of ['approve', 'return', 'refuse']) expect(per.get(d) ?? 0, d).toBeGreaterThanOrEqual(80);
  });

  it('splits about 75/25 within every intent', () => {
    for (const intent of INTENTS) {
      const all = corpus.filter((e) => e.intent === intent);
      const inTest = all.filter((e) => e.split === 'test').length / all.length;
      expect(inTest, intent).toBeGreaterThan(0.15);
      expect(inTest, intent).toBeLessThan(0.35);
    }
    expect(test.length / corpus.length).toBeGreaterThan(0.2);
  });

  it('has no test utterance that is, after normalisation, a training utterance', () => {
    const seen = new Set(train.map((e) => normalize(e.text)));
    const leaked = test.filter((e) => seen.has(normalize(e.text))).map((e) => e.text);
    expect(leaked).toEqual([]);
  });

  it('writes gold entities that the extractors produce for the training split', () => {
    // Gold dates are relative to the fixed corpus date.
    expect(CORPUS_TODAY).toBe('2026-11-25');
    const mismatched = train.filter((e: Example) => {
      // Read as the model reads it: a greeting before the request is left out.
      const got = JSON.parse(JSON.stringify(extractEntities(e.intent, analyzeRequest(e.text), CORPUS_TODAY))) as unknown;
      return JSON.stringify(got, Object.keys(got as object).sort()) !== JSON.stringify(e.entities, Object.keys(e.entities).sort());
    });
    expect(mismatched.map((e) => e.text)).toEqual([]);
  });
});

describe('the no-train-on-test guarantee', () => {
  let model: DaftarLanguageModel;
  beforeAll(async () => {
    const loaded = await loadLanguage();
    expect(loaded).toBeInstanceOf(DaftarLanguageModel);
    model = loaded as DaftarLanguageModel;
  });
  it('loadLanguage trains on the train split only', () => {
    expect(model.trainedOn.size).toBe(new Set(train.map((e) => e.text)).size);
    for (const e of test) expect(model.trainedOn.has(e.text), e.text).toBe(false);
  });
  it('keys the model by a hash of the training data, which the test split does not change', () => {
    expect(model.trainingHash).toBe(trainingHash(train));
    const withTest = trainingHash([...train, ...test]);
    expect(withTest).not.toBe(model.trainingHash);
  });
});

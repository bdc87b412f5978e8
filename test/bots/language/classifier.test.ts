// The intent classifier scores from the features present only; natural scores the whole dense
// vector. Both must give the same numbers, or the model's confidences (and its decisions) drift.
import { describe, expect, it } from 'vitest';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { Classification } from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { IntentClassifier } from '../../../bots/language/classifier.ts';
import { loadCorpus } from '../../../bots/language/corpus.ts';
import { features } from '../../../bots/language/features.ts';
import { loadLanguage } from '../../../bots/language/index.ts';
import { DaftarLanguageModel } from '../../../bots/language/model.ts';
import { analyze } from '../../../bots/language/normalize.ts';

describe('intent scores', () => {
  it('are natural\'s own, bit for bit, for every corpus text and for unseen and repeated words', async () => {
    const model = (await loadLanguage()) as DaftarLanguageModel;
    const json = model.classifierJSON();
    const ours = IntentClassifier.fromJSON(structuredClone(json));
    const reference = BayesClassifier.restore(structuredClone(json), { tokenizeAndStem: (t: string) => t.split(/\s+/).filter(Boolean) });
    const texts = [...loadCorpus().map((e) => e.text), 'स्वीकृत स्वीकृत स्वीकृत', 'qwerty zxcv', 'approve approve return'];
    for (const text of texts) {
      const feats = features(analyze(text).tokens);
      const want = new Map((reference.getClassifications(feats) as Classification[]).map((c) => [c.label, c.value > 0 ? Math.log(c.value) : -745]));
      const got = ours.scores(feats);
      expect([...got.keys()], text).toEqual([...want.keys()]);
      expect([...got.values()], text).toEqual([...want.values()]);
    }
  });
});

/**
 * Development tool: k-fold cross-validation on the TRAIN split only, used to choose features,
 * class balancing and the temperature without looking at the test split.
 *   npx tsx bots/language/crossval.ts [temperature ...]
 */
import { DEFAULT_TRAIN } from './classifier.ts';
import { CORPUS_TODAY, loadCorpus, trainingExamples } from './corpus.ts';
import { isSeriousConfusion } from './intents.ts';
import { TEMPERATURE, trainModel } from './model.ts';

const FOLDS = 5;
const train = trainingExamples(loadCorpus());
const temperatures = process.argv.slice(2).map(Number).filter((t) => t > 0);

for (const temperature of temperatures.length ? temperatures : [TEMPERATURE]) {
  let correct = 0;
  let logLoss = 0;
  let decisionConfusions = 0;
  const right: number[] = [];
  const wrong: number[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = trainModel(train.filter((_, i) => i % FOLDS !== k), { train: DEFAULT_TRAIN, temperature });
    for (const e of train.filter((_, i) => i % FOLDS === k)) {
      const p = model.parse(e.text, { today: CORPUS_TODAY });
      const gold = p.intent === e.intent ? p.confidence : p.alternatives.find((a) => a.intent === e.intent)?.confidence ?? 0;
      logLoss -= Math.log(Math.max(gold, 1e-3));
      if (p.intent === e.intent) {
        correct++;
        right.push(p.confidence);
      } else {
        wrong.push(p.confidence);
        if (isSeriousConfusion(e.intent, p.intent)) decisionConfusions++;
      }
    }
  }
  const mean = (a: number[]): string => (a.reduce((s, x) => s + x, 0) / Math.max(a.length, 1)).toFixed(2);
  console.log(`T=${temperature}: accuracy ${(correct / train.length).toFixed(4)}, log loss ${(logLoss / train.length).toFixed(3)}, ` +
    `decision confusions ${decisionConfusions}, mean confidence right ${mean(right)} / wrong ${mean(wrong)}`);
}

/**
 * The statistical part: natural's Bayes classifier over our own feature strings, with posteriors
 * tempered so that its usual over-confidence comes down to probabilities worth acting on.
 */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { Classification } from 'natural/lib/natural/classifiers/bayes_classifier.js';

// Documents arrive already tokenised (arrays), so natural's stemmer is never used for them.
const PASS_THROUGH = { tokenizeAndStem: (text: string): string[] => text.split(/\s+/).filter(Boolean) };

/**
 * natural builds a dense 0/1 vector per document with Array.indexOf over the document for every
 * known feature; a Set makes training and parsing linear in the vocabulary.
 */
class SetBayes extends BayesClassifier {
  private featureKeys: string[] | null = null;
  override textToFeatures(observation: string | string[]): number[] {
    const present = new Set(typeof observation === 'string' ? PASS_THROUGH.tokenizeAndStem(observation) : observation);
    this.featureKeys ??= Object.keys(this.features);
    return this.featureKeys.map((f) => (present.has(f) ? 1 : 0));
  }
  override train(): void {
    this.featureKeys = Object.keys(this.features);
    super.train();
  }
}

/** The state of natural's inner Bernoulli classifier (apparatus) that scoring reads. */
interface BayesInternals {
  classFeatures: Record<string, Record<number, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}

export interface TrainOptions {
  /** Features seen in fewer training documents are dropped (hapaxes are mostly noise). */
  minCount: number;
  /**
   * Classes are topped up by repeating their documents to this share of the largest class:
   * natural's Bernoulli scoring gives small classes a large bonus for unseen features otherwise.
   */
  balance: number;
}
export const DEFAULT_TRAIN: TrainOptions = { minCount: 1, balance: 0.5 };

export class IntentClassifier {
  private constructor(private readonly bayes: SetBayes) {}

  static train(docs: { features: string[]; label: string }[], options: TrainOptions = DEFAULT_TRAIN): IntentClassifier {
    const bayes = new SetBayes(PASS_THROUGH);
    const byLabel = new Map<string, string[][]>();
    for (const d of docs) byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), d.features]);
    const largest = Math.max(...[...byLabel.values()].map((v) => v.length));
    const target = Math.round(largest * options.balance);
    for (const [label, list] of byLabel) {
      for (let i = 0; i < Math.max(list.length, target); i++) bayes.addDocument(list[i % list.length] as string[], label);
    }
    for (const [f, n] of Object.entries(bayes.features)) if (n < options.minCount) delete bayes.features[f];
    bayes.train();
    bayes.docs = []; // not needed to classify; keeps the cached model small
    return new IntentClassifier(bayes);
  }

  static fromJSON(json: unknown): IntentClassifier {
    const bayes = BayesClassifier.restore(json, PASS_THROUGH);
    Object.setPrototypeOf(bayes, SetBayes.prototype);
    return new IntentClassifier(bayes as SetBayes);
  }

  toJSON(): unknown {
    const { features, classifier, docs } = this.bayes;
    return { features, classifier, docs, lastAdded: 0, keepStops: false };
  }

  /** How many of these features the classifier has seen. */
  known(features: string[]): number {
    return features.filter((f) => Object.hasOwn(this.bayes.features, f)).length;
  }

  /** Log scores per label (natural returns prior x likelihood; we take logs to temper them). */
  scores(features: string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const c of this.classifications(features)) {
      out.set(c.label, c.value > 0 ? Math.log(c.value) : -745);
    }
    return out;
  }

  private index: Map<string, number> | null = null;

  /**
   * natural's getClassifications, computed from the features present only. natural walks the whole
   * dense vector (every known feature, for every label: ≈0.3 ms a parse) although only present
   * features add to a label's score; this adds the same terms in the same order (highest feature
   * index first, as natural's `while (i--)`), so the numbers are identical, bit for bit.
   */
  private classifications(features: string[]): Classification[] {
    const inner = (this.bayes as unknown as { classifier: Partial<BayesInternals> }).classifier;
    if (inner.classFeatures === undefined || inner.classTotals === undefined || inner.totalExamples === undefined || inner.smoothing === undefined) {
      return this.bayes.getClassifications(features) as Classification[];
    }
    this.index ??= new Map(Object.keys(this.bayes.features).map((f, i) => [f, i]));
    const present = [...new Set(features)].map((f) => this.index?.get(f)).filter((i): i is number => i !== undefined).sort((a, b) => b - a);
    const labels: Classification[] = [];
    for (const label in inner.classFeatures) {
      const counts = inner.classFeatures[label] as Record<number, number>;
      const total = inner.classTotals[label] as number;
      let prob = 0;
      for (const i of present) prob += Math.log((counts[i] || inner.smoothing) / total);
      labels.push({ label, value: (total / inner.totalExamples) * Math.exp(prob) });
    }
    return labels.sort((x, y) => y.value - x.value);
  }
}

/** Softmax of log scores divided by a temperature. */
export function temper(scores: Map<string, number>, temperature: number): Map<string, number> {
  const max = Math.max(...scores.values());
  const out = new Map<string, number>();
  let sum = 0;
  for (const [label, s] of scores) {
    const v = Math.exp((s - max) / temperature);
    out.set(label, v);
    sum += v;
  }
  for (const [label, v] of out) out.set(label, v / sum);
  return out;
}

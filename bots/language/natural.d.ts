// Types for the natural submodules imported directly: the package root loads storage back-ends
// (mongoose, redis, pg) and prints dotenv banners, so only these files are imported.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { dj?: number; ignoreCase?: boolean }): number;
}
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export interface Classification { label: string; value: number }
  export interface TokenStemmer { tokenizeAndStem(text: string, keepStops?: boolean): string[] }
  export default class BayesClassifier {
    constructor(stemmer?: TokenStemmer, smoothing?: number);
    features: Record<string, number>;
    docs: { label: string; text: string[] }[];
    classifier: { classFeatures: Record<string, Record<string, number>>; classTotals: Record<string, number>; totalExamples: number; smoothing: number };
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    textToFeatures(observation: string | string[]): number[];
    getClassifications(observation: string | string[]): Classification[];
    classify(observation: string | string[]): string;
    static restore(classifier: unknown, stemmer?: TokenStemmer): BayesClassifier;
  }
}

/**
 * Evaluates the language model on the corpus's test split: `npx tsx bots/language/eval.ts`.
 * Trains on the train split only. Exits non-zero when intent accuracy < 0.95, entity exact match
 * < 0.90, or any decision (approve/return/refuse) is read as another decision.
 */
import { isDeepStrictEqual } from 'node:util';
import { CORPUS_TODAY, loadCorpus, testExamples, trainingExamples } from './corpus.ts';
import { DECISIONS, INTENTS, type Intent } from './intents.ts';
import { trainModel } from './model.ts';

const MIN_ACCURACY = 0.95;
const MIN_ENTITY_MATCH = 0.9;

const corpus = loadCorpus();
const train = trainingExamples(corpus);
const test = testExamples(corpus);
const started = performance.now();
const model = trainModel(train);
const trainMs = performance.now() - started;

const confusion = new Map<string, number>();
const count = (k: string): void => { confusion.set(k, (confusion.get(k) ?? 0) + 1); };
let correct = 0;
let entityMatch = 0;
let decisionConfusions = 0;
const misses: string[] = [];
const entityMisses: string[] = [];
const byRegister = new Map<string, { n: number; ok: number }>();
const confidences: { conf: number; ok: boolean }[] = [];
const parseStarted = performance.now();
for (const e of test) {
  const p = model.parse(e.text, { today: CORPUS_TODAY });
  const ok = p.intent === e.intent;
  count(`${e.intent}\t${p.intent}`);
  const reg = byRegister.get(e.register) ?? { n: 0, ok: 0 };
  reg.n++;
  if (ok) { correct++; reg.ok++; } else misses.push(`  ${e.intent} -> ${p.intent} (${p.confidence})  ${e.text}`);
  byRegister.set(e.register, reg);
  confidences.push({ conf: p.confidence, ok });
  if (!ok && DECISIONS.has(e.intent) && DECISIONS.has(p.intent)) decisionConfusions++;
  // Judged on the parse as returned: an utterance counts only if all its entities equal the gold
  // ones exactly, so a wrong intent usually costs the entities too.
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(p.entities)), e.entities);
  if (same) entityMatch++;
  else entityMisses.push(`  ${e.text}\n      want ${JSON.stringify(e.entities)}\n      got  ${JSON.stringify(p.entities)}`);
}
const parseMs = (performance.now() - parseStarted) / test.length;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const accuracy = correct / test.length;
const entityRate = entityMatch / test.length;
console.log(`Daftar language eval — corpus today = ${CORPUS_TODAY}`);
console.log(`corpus: ${corpus.length} utterances, train ${train.length}, test ${test.length}`);
console.log(`training: ${trainMs.toFixed(0)} ms; parse: ${parseMs.toFixed(2)} ms per message\n`);
console.log(`intent accuracy: ${pct(accuracy)} (${correct}/${test.length})`);
for (const [r, v] of byRegister) console.log(`  ${r.padEnd(9)} ${pct(v.ok / v.n)} (${v.ok}/${v.n})`);
console.log(`entity exact match: ${pct(entityRate)} (${entityMatch}/${test.length})`);
console.log(`decision read as another decision: ${decisionConfusions}`);
const right = confidences.filter((c) => c.ok);
const wrong = confidences.filter((c) => !c.ok);
const mean = (a: { conf: number }[]): number => a.reduce((s, c) => s + c.conf, 0) / Math.max(a.length, 1);
console.log(`mean confidence: right ${mean(right).toFixed(2)}, wrong ${mean(wrong).toFixed(2)}`);
for (const t of [0.5, 0.7, 0.9]) {
  const kept = confidences.filter((c) => c.conf >= t);
  const acc = kept.filter((c) => c.ok).length / Math.max(kept.length, 1);
  console.log(`  confidence >= ${t}: ${pct(kept.length / confidences.length)} of messages, ${pct(acc)} correct`);
}

console.log('\nper intent            precision  recall   n');
const intents = INTENTS.filter((i) => test.some((e) => e.intent === i));
for (const i of intents) {
  let tp = 0; let fp = 0; let fn = 0;
  for (const [k, n] of confusion) {
    const [gold, pred] = k.split('\t');
    if (gold === i && pred === i) tp += n;
    else if (pred === i) fp += n;
    else if (gold === i) fn += n;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  console.log(`  ${i.padEnd(16)} ${pct(precision).padStart(8)} ${pct(recall).padStart(8)} ${String(tp + fn).padStart(4)}`);
}

console.log('\nconfusion matrix (rows gold, columns predicted; only intents with errors):');
const involved = intents.filter((i) => [...confusion].some(([k, n]) => n > 0 && k.split('\t')[0] !== k.split('\t')[1] && k.includes(i)));
const label = (i: Intent | string): string => i.slice(0, 6).padStart(7);
console.log(`${''.padEnd(16)}${involved.map(label).join('')}`);
for (const g of involved) {
  console.log(`  ${g.padEnd(14)}${involved.map((p) => String(confusion.get(`${g}\t${p}`) ?? '.').padStart(7)).join('')}`);
}
if (misses.length) console.log(`\nintent errors:\n${misses.join('\n')}`);
if (entityMisses.length) console.log(`\nentity mismatches:\n${entityMisses.join('\n')}`);

const failures: string[] = [];
if (accuracy < MIN_ACCURACY) failures.push(`intent accuracy ${pct(accuracy)} < ${pct(MIN_ACCURACY)}`);
if (entityRate < MIN_ENTITY_MATCH) failures.push(`entity exact match ${pct(entityRate)} < ${pct(MIN_ENTITY_MATCH)}`);
if (decisionConfusions > 0) failures.push(`${decisionConfusions} decision(s) read as another decision`);
if (failures.length) {
  console.log(`\nFAIL: ${failures.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('\nPASS');
}

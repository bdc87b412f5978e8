/**
 * The labelled corpus in ./corpus/*.jsonl. Only the train split is ever used for training; the
 * test split exists for eval.ts and is kept apart here, in one place.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELDOUT_DIR } from './heldout.ts';
import type { Entities } from './entities.ts';
import type { Intent } from './intents.ts';

export interface Example {
  text: string;
  intent: Intent;
  entities: Entities;
  register: 'en' | 'hi' | 'hinglish';
  split: 'train' | 'test';
  /** File and line, for messages about a bad line. */
  source: string;
}

export const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));
/** The fixed date that relative dates in the corpus (kal, next Monday) are written against. */
export const CORPUS_TODAY = '2026-11-25';

/**
 * The *.jsonl files directly in `dir` (no subfolders). The held-out folder is never a corpus:
 * asking for it, or for anything inside it, throws.
 */
export function loadCorpus(dir: string = CORPUS_DIR): Example[] {
  const rel = relative(resolve(HELDOUT_DIR), resolve(dir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new Error('the held-out set is not a training corpus');
  const out: Example[] = [];
  const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.jsonl')).map((f) => f.name);
  for (const file of files.sort()) {
    readFileSync(`${dir}/${file}`, 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const o = JSON.parse(line) as Omit<Example, 'source'>;
      if (o.split !== 'train' && o.split !== 'test') throw new Error(`${file}:${i + 1}: split must be train or test`);
      out.push({ ...o, source: `${file}:${i + 1}` });
    });
  }
  return out;
}

export function trainingExamples(corpus: Example[]): Example[] {
  return corpus.filter((e) => e.split === 'train');
}
export function testExamples(corpus: Example[]): Example[] {
  return corpus.filter((e) => e.split === 'test');
}

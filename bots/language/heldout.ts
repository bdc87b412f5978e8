/**
 * The held-out set (./heldout/heldout.jsonl): utterances written blind, by someone who saw neither
 * the corpus nor the rules, from the categories of issue 19 only. It measures the model and
 * nothing else: it is never trained on (corpus.ts refuses to read that folder), and its texts are
 * never printed — eval.ts reports aggregates of it only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Intent } from './intents.ts';
import { isIntent } from './intents.ts';

export const HELDOUT_DIR = fileURLToPath(new URL('./heldout/', import.meta.url));
export const HELDOUT_PATH = fileURLToPath(new URL('./heldout/heldout.jsonl', import.meta.url));

export interface HeldoutExample {
  text: string;
  intent: Intent;
  register: string;
  category: string;
}

/** The held-out set, or null when the file is not there. A bad line is reported by number only. */
export function loadHeldout(path: string = HELDOUT_PATH): HeldoutExample[] | null {
  if (!existsSync(path)) return null;
  const out: HeldoutExample[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const o = JSON.parse(line) as Partial<HeldoutExample>;
    if (typeof o.text !== 'string' || typeof o.intent !== 'string' || !isIntent(o.intent)) {
      throw new Error(`held-out line ${i + 1}: needs a text and a known intent`);
    }
    out.push({ text: o.text, intent: o.intent, register: o.register ?? '?', category: o.category ?? '?' });
  });
  return out;
}

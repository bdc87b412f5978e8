/**
 * Helpers to match word lists and multi-word phrases against tokens. Lists are written in their
 * natural spelling and folded here once, so they compare equal to folded tokens.
 */
import { analyze, type Token } from './normalize.ts';

/**
 * Folds a list of single words (each may be written with nukta, chandrabindu, capitals).
 * A phrase here would silently turn into its separate words, so it is refused.
 */
export function wordSet(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const tokens = analyze(w).tokens.filter((t) => t.kind !== 'punct');
    if (tokens.length !== 1) throw new Error(`wordSet takes single words; use phraseList for "${w}"`);
    out.add((tokens[0] as Token).norm);
  }
  return out;
}

/** Folds phrases into token-norm sequences, longest first so the longest match wins. */
export function phraseList<T>(entries: [string[] | string, T][]): [string[], T][] {
  return entries
    .map(([p, v]): [string[], T] => [
      (Array.isArray(p) ? p.join(' ') : p).split(' ').flatMap((w) => analyze(w).tokens.map((t) => t.norm)),
      v,
    ])
    .sort((a, b) => b[0].length - a[0].length);
}

export function phraseAt(tokens: Token[], i: number, phrase: string[]): boolean {
  return phrase.length > 0 && phrase.every((w, k) => tokens[i + k]?.norm === w);
}

/** All non-overlapping phrase matches, scanning left to right, longest phrase first. */
export function findPhrases<T>(tokens: Token[], list: [string[], T][]): { from: number; to: number; value: T }[] {
  const out: { from: number; to: number; value: T }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = list.find(([p]) => phraseAt(tokens, i, p));
    if (hit) {
      out.push({ from: i, to: i + hit[0].length, value: hit[1] });
      i += hit[0].length - 1;
    }
  }
  return out;
}

/** Verbatim text of tokens [from, to) from the source, trimmed of edge punctuation. */
export function sliceText(source: string, tokens: Token[], from: number, to: number): string | undefined {
  const a = tokens[from];
  const b = tokens[to - 1];
  if (!a || !b || to <= from) return undefined;
  const text = source
    .slice(a.start, b.end)
    .replace(/^[\s,.;:\-–—|()]+/u, '')
    .replace(/[\s,.;:!।|\-–—(]+$/u, '');
  return text.length > 0 ? text : undefined;
}

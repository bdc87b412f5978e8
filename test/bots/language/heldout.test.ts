// The held-out set (bots/language/heldout/) measures the model and is never trained on, printed or
// copied. These checks may read it, but on failure they report counts only, never a text.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpus } from '../../../bots/language/corpus.ts';
import { HELDOUT_DIR, loadHeldout } from '../../../bots/language/heldout.ts';
import { normalize } from '../../../bots/language/normalize.ts';

const heldout = loadHeldout();
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe.skipIf(heldout === null)('the held-out set', () => {
  const texts = new Set((heldout ?? []).map((e) => normalize(e.text)));

  it('shares no text, after normalisation, with the corpus (train or test)', () => {
    const shared = loadCorpus().filter((e) => texts.has(normalize(e.text))).length;
    expect(shared, 'corpus lines that are held-out texts').toBe(0);
  });

  it('is not a corpus: the loader refuses its folder', () => {
    expect(() => loadCorpus(HELDOUT_DIR)).toThrow(/held-out/);
    expect(HELDOUT_DIR.startsWith(CORPUS_DIR)).toBe(false);
  });

  it('is reported by the evaluation in aggregates only', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bots/language/eval.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const out = `${run.stdout}\n${run.stderr}`;
    expect(out).toContain('== held-out set');
    // Every printed line, and the text part of a listed miss ("gold -> predicted (0.53)  text"), compared whole.
    const lines = new Set(out.split('\n').flatMap((l) => [l.trim(), l.trim().replace(/^\S+ -> \S+ \([\d.]+\)\s+/, '')]).map((l) => normalize(l)));
    const printed = [...texts].filter((t) => t.length > 0 && lines.has(t)).length;
    expect(printed, 'held-out texts found in the evaluation output').toBe(0);
  }, 120_000);
});

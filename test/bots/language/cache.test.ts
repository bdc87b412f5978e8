import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, testExamples } from '../../../bots/language/corpus.ts';
import { loadLanguage } from '../../../bots/language/index.ts';
import { DaftarLanguageModel } from '../../../bots/language/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'daftar-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the model cache', () => {
  it('writes language-model-<hash>.json and a model loaded from it parses like a fresh one', async () => {
    const fresh = await loadLanguage();
    const first = await loadLanguage({ cacheDir: dir });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^language-model-[0-9a-f]{16}\.json$/);
    const written = statSync(join(dir, files[0] as string)).mtimeMs;

    const cached = await loadLanguage({ cacheDir: dir });
    expect(statSync(join(dir, files[0] as string)).mtimeMs).toBe(written); // read, not retrained
    expect((first as DaftarLanguageModel).origin).toBe('trained');
    expect((cached as DaftarLanguageModel).origin).toBe('cache');
    const texts = [...testExamples(loadCorpus()).map((e) => e.text), 'approved, but return the file', 'xyz'];
    for (const text of texts) {
      const want = fresh.parse(text, { today: '2026-11-25' });
      expect(cached.parse(text, { today: '2026-11-25' }), text).toEqual(want);
      expect(first.parse(text, { today: '2026-11-25' }), text).toEqual(want);
    }
  });
});

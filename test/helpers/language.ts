import { loadLanguage, type LanguageModel } from '../../bots/language/index.ts';

let model: Promise<LanguageModel> | null = null;

/** The real language model, trained once per test process and cached on disk across processes. */
export function testLanguage(): Promise<LanguageModel> {
  const loading = model ?? loadLanguage({ cacheDir: process.env.DAFTAR_TEST_CACHE ?? 'data/test-cache' });
  model = loading;
  return loading;
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The language model is trained once and cached here for the whole run.
    env: { DAFTAR_TEST_CACHE: 'data/test-cache' },
  },
});
